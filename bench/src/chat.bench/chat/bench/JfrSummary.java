package chat.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of a flight recording: the hottest top frames,
 * the hottest methods counting time spent in their callees, and the hottest short stacks:
 * {@code java -m chat.bench/chat.bench.JfrSummary recording.jfr [rows]}.
 */
public final class JfrSummary {

    /** Frames of a stack shown in the hottest-stacks list. */
    private static final int STACK_DEPTH = 6;

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> stacks = new HashMap<>();
        Map<String, Integer> pinned = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                String type = e.getEventType().getName();
                RecordedStackTrace st = e.getStackTrace();
                if (type.equals("jdk.VirtualThreadPinned") && st != null && !st.getFrames().isEmpty()) {
                    pinned.merge(name(st.getFrames().get(0)), 1, Integer::sum);
                }
                if (!type.equals("jdk.ExecutionSample") || st == null || st.getFrames().isEmpty()) continue;
                samples++;
                List<RecordedFrame> frames = st.getFrames();
                top.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) inclusive.merge(n, 1, Integer::sum);
                }
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < Math.min(STACK_DEPTH, frames.size()); i++) {
                    sb.append(i == 0 ? "" : " <- ").append(name(frames.get(i)));
                }
                stacks.merge(sb.toString(), 1, Integer::sum);
            }
        }
        System.out.println("execution samples: " + samples);
        print("top frames (self time)", top, samples, rows);
        print("methods with their callees (inclusive), chat.* only",
                filter(inclusive, "chat."), samples, rows);
        print("hottest stacks (" + STACK_DEPTH + " frames)", stacks, samples, Math.min(rows, 12));
        if (!pinned.isEmpty()) print("virtual thread pinned events by top frame", pinned, -1, rows);
    }

    private static Map<String, Integer> filter(Map<String, Integer> m, String prefix) {
        Map<String, Integer> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith(prefix)) out.put(k, v);
        });
        return out;
    }

    private static String name(RecordedFrame f) {
        String cls = f.getMethod().getType().getName();
        return cls + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int rows) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(rows)
                .forEach(e -> System.out.println(total > 0
                        ? String.format(Locale.ROOT, "  %5.1f%%  %6d  %s", 100.0 * e.getValue() / total, e.getValue(), e.getKey())
                        : String.format(Locale.ROOT, "  %6d  %s", e.getValue(), e.getKey())));
    }
}
