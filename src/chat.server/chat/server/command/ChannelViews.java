package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.LineParser;
import chat.protocol.Numeric;
import chat.server.state.NameEntry;
import chat.server.state.NameList;
import chat.server.state.Topic;
import chat.server.state.User;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** How a channel is shown to a client: its topic (332, 333) and its names (353 lines, then 366). */
final class ChannelViews {

    private ChannelViews() {
    }

    static void sendTopic(Context ctx, String channel, Topic topic) {
        ctx.reply().numeric(Numeric.RPL_TOPIC, channel, topic.text());
        ctx.reply().numeric(Numeric.RPL_TOPICWHOTIME, channel, topic.setBy(), Long.toString(topic.setAtSeconds()));
    }

    /** 353 lines, as many names in each as fit in 512 bytes, then 366; a secret channel's are marked '@'. */
    static void sendNames(Context ctx, boolean secret, String channel, List<NameEntry> entries) {
        namReplies(ctx, secret, channel, entries);
        ctx.reply().numeric(Numeric.RPL_ENDOFNAMES, channel, "End of /NAMES list");
    }

    /** The 353 lines of one channel, as many as its names need. */
    static void namReplies(Context ctx, boolean secret, String channel, NameList names) {
        switch (names) {
            case NameList.Entries e -> namReplies(ctx, secret, channel, e.entries());
            case NameList.Text t -> namReplies(ctx, secret, channel, t);
        }
    }

    /** The 353 lines of one channel, as many as its names need. */
    static void namReplies(Context ctx, boolean secret, String channel, List<NameEntry> entries) {
        User s = ctx.user();
        String symbol = secret ? "@" : "=";
        boolean allPrefixes = s.has(Capability.MULTI_PREFIX);
        boolean userhosts = s.has(Capability.USERHOST_IN_NAMES);
        int budget = namesBudget(ctx, channel);
        // #17: a JOIN to a channel of 10,000 lists them all; no string per name, no growing of the builder.
        StringBuilder line = new StringBuilder(Math.max(16, budget));
        int lineBytes = 0;
        for (NameEntry e : entries) {
            String prefixes = allPrefixes || e.prefixes().isEmpty() ? e.prefixes() : e.prefixes().substring(0, 1);
            String who = userhosts ? e.identity().prefix() : e.identity().nick();
            int nameBytes = utf8(prefixes) + utf8(who);
            if (lineBytes > 0 && lineBytes + 1 + nameBytes > budget) {
                ctx.reply().numeric(Numeric.RPL_NAMREPLY, symbol, channel, line.toString());
                line.setLength(0);
                lineBytes = 0;
            }
            if (lineBytes > 0) {
                line.append(' ');
                lineBytes++;
            }
            line.append(prefixes).append(who);
            lineBytes += nameBytes;
        }
        if (line.length() > 0) ctx.reply().numeric(Numeric.RPL_NAMREPLY, symbol, channel, line.toString());
    }

    /**
     * #17: the 353 lines cut out of the channel's kept text, each as many whole names as fit: a copy of a slice per
     * line, where building them visited every member.
     */
    private static void namReplies(Context ctx, boolean secret, String channel, NameList.Text text) {
        String symbol = secret ? "@" : "=";
        int budget = Math.max(1, namesBudget(ctx, channel));
        byte[] utf8 = text.utf8();
        int length = text.length();
        int start = 0;
        while (start < length) {
            int end = start + budget;
            if (end >= length) {
                end = length;
            } else if (utf8[end] != ' ') {
                // Back to the space before the name that does not fit; a name longer than a line goes alone.
                int space = end - 1;
                while (space > start && utf8[space] != ' ') space--;
                if (space > start) {
                    end = space;
                } else {
                    end = start + 1;
                    while (end < length && utf8[end] != ' ') end++;
                }
            }
            ctx.reply().numeric(Numeric.RPL_NAMREPLY, symbol, channel,
                    new String(utf8, start, end - start, StandardCharsets.UTF_8));
            start = end + 1;
        }
    }

    /** Bytes of names that fit in one 353 line to this client. */
    private static int namesBudget(Context ctx, String channel) {
        // ":server 353 nick = #channel :" plus CR LF
        int overhead = utf8(ctx.server().name()) + utf8(ctx.user().target()) + utf8(channel) + 16;
        return LineParser.MAX_LINE_BYTES - overhead;
    }

    /** The UTF-8 length of {@code text}; counted without encoding when it is ASCII, as nicks mostly are. */
    private static int utf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) return text.getBytes(StandardCharsets.UTF_8).length;
        }
        return text.length();
    }
}
