package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.LineParser;
import chat.protocol.Numeric;
import chat.server.state.NameEntry;
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
    static void namReplies(Context ctx, boolean secret, String channel, List<NameEntry> entries) {
        User s = ctx.user();
        String symbol = secret ? "@" : "=";
        boolean allPrefixes = s.has(Capability.MULTI_PREFIX);
        boolean userhosts = s.has(Capability.USERHOST_IN_NAMES);
        // ":server 353 nick = #channel :" plus CR LF
        int overhead = utf8(ctx.server().name()) + utf8(s.target()) + utf8(channel) + 16;
        int budget = LineParser.MAX_LINE_BYTES - overhead;
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

    /** The UTF-8 length of {@code text}; counted without encoding when it is ASCII, as nicks mostly are. */
    private static int utf8(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) return text.getBytes(StandardCharsets.UTF_8).length;
        }
        return text.length();
    }
}
