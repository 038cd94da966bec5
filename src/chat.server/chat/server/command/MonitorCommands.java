package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.protocol.TargetList;
import chat.server.state.Monitors;
import chat.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IRCv3 MONITOR (notify lists: 730 online, 731 offline, 732/733 the list, 734 full) and extended-monitor (a
 * watcher with it also gets the AWAY, ACCOUNT, CHGHOST and SETNAME of the nicks it monitors).
 */
final class MonitorCommands {

    /** Bytes of targets one 730/731/732 line carries before another line starts. */
    static final int TARGETS_PER_LINE_BYTES = 400;

    // MONITOR + <target>{,<target>} | MONITOR - <target>{,<target>} | MONITOR C | MONITOR L | MONITOR S
    void monitor(Context ctx, IrcMessage m) {
        User s = ctx.user();
        Monitors monitors = ctx.registry().monitors();
        switch (m.param(0).toUpperCase(Locale.ROOT)) {
            case "+" -> {
                if (m.param(1) == null) {
                    ctx.reply().numeric(Numeric.ERR_NEEDMOREPARAMS, "MONITOR", "Not enough parameters");
                    return;
                }
                List<String> nicks = new ArrayList<>();
                for (String nick : TargetList.split(m.param(1))) {
                    if (Names.isValidNick(nick)) nicks.add(nick);
                    else ctx.reply().numeric(Numeric.ERR_ERRONEUSNICKNAME, nick, "Erroneous nickname");
                }
                List<String> refused = monitors.add(s, nicks);
                if (!refused.isEmpty()) {
                    ctx.reply().numeric(Numeric.ERR_MONLISTFULL, Integer.toString(Monitors.MAX_TARGETS),
                            String.join(",", refused), "Monitor list is full");
                }
                List<String> added = new ArrayList<>(nicks);
                added.removeAll(refused);
                status(ctx, added);
            }
            case "-" -> {
                if (m.param(1) == null) {
                    ctx.reply().numeric(Numeric.ERR_NEEDMOREPARAMS, "MONITOR", "Not enough parameters");
                    return;
                }
                monitors.remove(s, TargetList.split(m.param(1)));
            }
            case "C" -> monitors.clear(s);
            case "L" -> {
                for (String line : joined(monitors.listOf(s))) ctx.reply().numeric(Numeric.RPL_MONLIST, line);
                ctx.reply().numeric(Numeric.RPL_ENDOFMONLIST, "End of MONITOR list");
            }
            case "S" -> status(ctx, monitors.listOf(s));
            default -> ctx.reply().numeric(Numeric.ERR_UNKNOWNCOMMAND, "MONITOR", "Unknown MONITOR subcommand");
        }
    }

    /** 730 for those of {@code nicks} online (as {@code nick!user@host}), 731 for the others. */
    private static void status(Context ctx, List<String> nicks) {
        List<String> online = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        for (String nick : nicks) {
            User user = ctx.registry().findNick(nick);
            if (user == null) offline.add(nick);
            else online.add(user.identity().prefix());
        }
        for (String line : joined(online)) ctx.reply().numeric(Numeric.RPL_MONONLINE, line);
        for (String line : joined(offline)) ctx.reply().numeric(Numeric.RPL_MONOFFLINE, line);
    }

    /** The items joined by commas, as many lines as {@link #TARGETS_PER_LINE_BYTES} needs. */
    private static List<String> joined(List<String> items) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String item : items) {
            if (line.length() > 0 && line.length() + 1 + item.length() > TARGETS_PER_LINE_BYTES) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(',');
            line.append(item);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
