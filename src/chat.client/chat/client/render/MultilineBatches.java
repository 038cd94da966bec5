package chat.client.render;

import chat.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IRCv3 draft/multiline: the lines of a {@code BATCH +id draft/multiline <target>} are held until {@code BATCH -id},
 * then given back as one PRIVMSG whose text has a line break between lines (none before a
 * {@code draft/multiline-concat} line) and the opener's tags (its {@code time}, and the {@code batch} of a history
 * batch it is nested in). Used by {@link Renderer} from the reader thread only.
 */
final class MultilineBatches {

    static final String TYPE = "draft/multiline";
    private static final String CONCAT = "draft/multiline-concat";

    private final Map<String, List<IrcMessage>> open = new HashMap<>(); // reader thread only: batch id -> lines
    private final Map<String, Map<String, String>> openerTags = new HashMap<>(); // reader thread only: batch id -> tags

    /** Whether {@code m} belongs to a multiline batch (it is then held, or ends one: see {@link #closed}). */
    boolean holds(IrcMessage m) {
        if (m.command().equals("BATCH") && m.params().size() >= 2 && m.param(0).startsWith("+")
                && m.param(1).equals(TYPE)) {
            open.put(m.param(0).substring(1), new ArrayList<>());
            openerTags.put(m.param(0).substring(1), m.tags());
            return true;
        }
        String batch = m.tags().get("batch");
        if (batch != null && open.containsKey(batch)) {
            open.get(batch).add(m);
            return true;
        }
        return m.command().equals("BATCH") && !m.params().isEmpty() && m.param(0).startsWith("-")
                && open.containsKey(m.param(0).substring(1));
    }

    /** For a {@code BATCH -id} that {@link #holds}: the batch as one message, or null when it had no line. */
    IrcMessage closed(IrcMessage end) {
        List<IrcMessage> lines = open.remove(end.param(0).substring(1));
        Map<String, String> tags = openerTags.remove(end.param(0).substring(1));
        if (lines == null || lines.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            IrcMessage line = lines.get(i);
            if (i > 0 && !line.tags().containsKey(CONCAT)) text.append('\n');
            text.append(line.last() == null ? "" : line.last());
        }
        IrcMessage first = lines.get(0);
        return IrcMessage.from(first.source(), first.command(), first.param(0), text.toString())
                .withTags(tags == null ? Map.of() : tags);
    }
}
