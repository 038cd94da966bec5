package chat.bots.guard;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules that look at a user's recent lines in one channel: flooding and repeating. Confined to Guard's
 * thread. Old lines are forgotten once they are outside both windows.
 */
final class Pace {

    private record Line(Instant time, String text) {
    }

    private final Map<String, Deque<Line>> recent = new HashMap<>();

    /** Records {@code text} from {@code who} and returns the rule it breaks, or null. */
    Offence record(String who, String text, Instant now, Rules rules) {
        Deque<Line> lines = recent.computeIfAbsent(who, k -> new ArrayDeque<>());
        long keepSeconds = Math.max(rules.floodWindow().toSeconds(), rules.repeatWindow().toSeconds());
        while (!lines.isEmpty() && lines.peekFirst().time().isBefore(now.minusSeconds(keepSeconds))) lines.pollFirst();
        String normal = text.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        lines.addLast(new Line(now, normal));
        if (lines.size() > 1000) lines.pollFirst();
        if (rules.floodLines() > 0) {
            Instant since = now.minus(rules.floodWindow());
            long n = lines.stream().filter(l -> l.time().isAfter(since)).count();
            if (n > rules.floodLines()) {
                lines.clear();
                return new Offence("flood", "flooding (more than " + rules.floodLines() + " lines in "
                        + chat.bots.Durations.format(rules.floodWindow()) + ")");
            }
        }
        if (rules.repeats() > 0) {
            Instant since = now.minus(rules.repeatWindow());
            long same = lines.stream().filter(l -> l.time().isAfter(since) && l.text().equals(normal)).count();
            if (same > rules.repeats()) {
                lines.removeIf(l -> l.text().equals(normal));
                return new Offence("repeat", "repeating the same text");
            }
        }
        return null;
    }

    /** Forgets everything about {@code who} (it left, or changed nickname). */
    void forget(String who) {
        recent.remove(who);
    }
}
