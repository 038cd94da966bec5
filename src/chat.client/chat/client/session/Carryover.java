package chat.client.session;

import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server forgets when the connection is lost and the client tells the next one: the notify list
 * ({@code MONITOR}, #15's /monitor) and the away message. Learnt from what the client sends (typed commands and
 * {@code /raw} alike). Used by the main thread only.
 */
final class Carryover {

    /** The longest list of nicknames in one {@code MONITOR +} line, well under the 512 bytes of a line. */
    private static final int LIST_LENGTH = 400;

    private final Map<String, String> monitored = new LinkedHashMap<>(); // folded nick -> nick, in order added
    private String away; // null when not away

    /** Notes what a message we sent changes: MONITOR + / - / C, AWAY. */
    void sent(IrcMessage m, CaseMapping mapping) {
        switch (m.command()) {
            // MONITOR + nick{,nick} | MONITOR - nick{,nick} | MONITOR C
            case "MONITOR" -> {
                String op = m.param(0);
                if ("C".equalsIgnoreCase(op)) monitored.clear();
                if (m.params().size() < 2 || !("+".equals(op) || "-".equals(op))) return;
                for (String nick : m.param(1).split(",")) {
                    if (nick.isEmpty()) continue;
                    if (op.equals("+")) {
                        monitored.putIfAbsent(mapping.fold(nick), nick);
                    } else {
                        monitored.remove(mapping.fold(nick));
                    }
                }
            }
            // AWAY [:message]: without a message (or an empty one), back
            case "AWAY" -> away = m.params().isEmpty() || m.last().isEmpty() ? null : m.last();
            default -> { }
        }
    }

    /** What to send on a new connection, once registered, to be as we were. */
    List<IrcMessage> restore() {
        List<IrcMessage> lines = new ArrayList<>();
        StringBuilder list = new StringBuilder();
        for (String nick : monitored.values()) {
            if (!list.isEmpty() && list.length() + 1 + nick.length() > LIST_LENGTH) {
                lines.add(IrcMessage.of("MONITOR", "+", list.toString()));
                list.setLength(0);
            }
            if (!list.isEmpty()) list.append(',');
            list.append(nick);
        }
        if (!list.isEmpty()) lines.add(IrcMessage.of("MONITOR", "+", list.toString()));
        if (away != null) lines.add(IrcMessage.of("AWAY", away));
        return lines;
    }
}
