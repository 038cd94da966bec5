package chat.server.delivery;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.LineWriter;
import chat.server.change.ModeChange;
import java.util.ArrayList;
import java.util.List;

/** Applied mode changes as MODE lines: as many changes in each as fit in 512 bytes. */
public final class ModeLines {

    private ModeLines() {
    }

    /** The MODE lines announcing {@code applied} on {@code target}, from {@code source}. */
    public static List<IrcMessage> announce(String source, String target, List<ModeChange> applied) {
        List<IrcMessage> lines = new ArrayList<>(1);
        List<ModeChange> pending = new ArrayList<>();
        for (ModeChange change : applied) {
            pending.add(change);
            if (pending.size() > 1 && LineWriter.encode(message(source, target, pending)).length > LineParser.MAX_LINE_BYTES) {
                pending.remove(pending.size() - 1);
                lines.add(message(source, target, pending));
                pending.clear();
                pending.add(change);
            }
        }
        if (!pending.isEmpty()) lines.add(message(source, target, pending));
        return lines;
    }

    /** One MODE message: the letters with a sign wherever it changes, then the parameters in order. */
    public static IrcMessage message(String source, String target, List<ModeChange> changes) {
        StringBuilder letters = new StringBuilder();
        List<String> params = new ArrayList<>();
        params.add(target);
        params.add("");
        char sign = 0;
        for (ModeChange change : changes) {
            char wanted = change.add() ? '+' : '-';
            if (sign != wanted) {
                sign = wanted;
                letters.append(sign);
            }
            letters.append(change.mode());
            if (change.param() != null) params.add(change.param());
        }
        params.set(1, letters.toString());
        return IrcMessage.from(source, "MODE", params.toArray(String[]::new));
    }
}
