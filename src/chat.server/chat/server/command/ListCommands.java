package chat.server.command;

import chat.protocol.HostMask;
import chat.protocol.IrcMessage;
import chat.protocol.Numeric;
import chat.protocol.TargetList;
import chat.server.state.ChannelDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** LIST, with the ELIST extensions M (wildcard masks) and U (member counts). */
final class ListCommands {

    /** ISUPPORT ELIST: the LIST extensions implemented. */
    static final String ELIST = "MU";

    // LIST [<channel>{,<channel>}|<mask>{,<mask>}] [<elistcond>{,<elistcond>}]
    void list(Context ctx, IrcMessage m) {
        List<String> masks = new ArrayList<>();
        int moreThan = -1;
        int fewerThan = Integer.MAX_VALUE;
        for (int i = 0; i < Math.min(2, m.params().size()); i++) {
            for (String term : TargetList.split(m.param(i))) {
                char first = term.charAt(0);
                if (first == '>' || first == '<') {
                    int n = number(term.substring(1));
                    if (n < 0) continue;
                    if (first == '>') moreThan = Math.max(moreThan, n);
                    else fewerThan = Math.min(fewerThan, n);
                } else if (i == 0) {
                    masks.add(term);
                }
            }
        }
        var mapping = ctx.registry().caseMapping();
        List<ChannelDirectory.ListEntry> entries = new ArrayList<>(ctx.registry().channelDirectory().list(ctx.user()));
        entries.sort(Comparator.comparing(e -> mapping.fold(e.channel())));
        ctx.reply().numeric(Numeric.RPL_LISTSTART, "Channel", "Users  Name");
        for (ChannelDirectory.ListEntry e : entries) {
            if (e.users() <= moreThan || e.users() >= fewerThan) continue;
            if (!masks.isEmpty() && masks.stream().noneMatch(mask -> HostMask.matches(mask, e.channel(), mapping))) continue;
            ctx.reply().numeric(Numeric.RPL_LIST, e.channel(), Integer.toString(e.users()), e.topic());
        }
        ctx.reply().numeric(Numeric.RPL_LISTEND, "End of /LIST");
    }

    /** A non-negative count, or -1 when the text is not one. */
    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
