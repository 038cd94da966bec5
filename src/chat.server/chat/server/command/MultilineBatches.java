package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.server.delivery.Outgoing;
import chat.server.spi.StoredMessage;
import chat.server.state.Registry;
import chat.server.state.User;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * IRCv3 draft/multiline: a client sends {@code BATCH +id draft/multiline <target>}, PRIVMSG or NOTICE lines tagged
 * {@code batch=id} (a {@code draft/multiline-concat} line continues the previous one), then {@code BATCH -id}.
 * Receivers with the capability get it as one batch (its msgid on the BATCH line); others get each line as a
 * message of its own. History keeps it as one message, its lines joined by line feeds.
 */
final class MultilineBatches {

    /** Most bytes of text one multiline message may carry (CAP value max-bytes). */
    static final int MAX_BYTES = 4096;
    /** Most lines one multiline message may have (CAP value max-lines). */
    static final int MAX_LINES = 100;
    /** The capability's CAP LS 302 value. */
    static final String CAP_VALUE = "max-bytes=" + MAX_BYTES + ",max-lines=" + MAX_LINES;
    static final String TYPE = "draft/multiline";
    private static final String CONCAT = "draft/multiline-concat";

    /** A batch being received. Only its session's reader thread touches it. */
    private static final class Open {
        final String ref;
        final String target;
        final String label; // of the opening BATCH line: the whole batch answers it
        final Map<String, String> clientTags; // of the opening BATCH line: they go with the message
        final List<IrcMessage> lines = new ArrayList<>();
        int bytes;
        String failure;

        Open(String ref, String target, String label, Map<String, String> clientTags) {
            this.ref = ref;
            this.target = target;
            this.label = label;
            this.clientTags = clientTags;
        }
    }

    // guarded by itself; session -> its open batch (weak: a session gone mid-batch takes it along)
    private final Map<User, Open> open = Collections.synchronizedMap(new WeakHashMap<>());

    /** Whether {@code m} is a line of the session's open multiline batch (then it is kept for the batch). */
    boolean intercepts(Context ctx, IrcMessage m) {
        String ref = m.tags().get("batch");
        Open batch = ref == null ? null : open.get(ctx.user());
        if (batch == null || !batch.ref.equals(ref)) return false;
        add(batch, m);
        return true;
    }

    // BATCH +<ref> draft/multiline <target> | BATCH -<ref>
    void batch(Context ctx, IrcMessage m) {
        User s = ctx.user();
        String ref = m.param(0);
        if (ref == null || ref.length() < 2 || (ref.charAt(0) != '+' && ref.charAt(0) != '-')) {
            ctx.reply().standard("FAIL", "BATCH", "INVALID_REFTAG", "A batch reference starts with + or -");
            return;
        }
        if (ref.charAt(0) == '+') {
            if (!TYPE.equals(m.param(1)) || m.param(2) == null || !s.has(Capability.MULTILINE)) {
                ctx.reply().standard("FAIL", "BATCH", "UNKNOWN_TYPE", m.param(1) == null ? "*" : m.param(1),
                        "Only draft/multiline batches with a target, after CAP REQ draft/multiline");
                return;
            }
            String label = m.tags().get("label");
            boolean labeled = label != null && !label.isEmpty() && s.has(Capability.LABELED_RESPONSE);
            open.put(s, new Open(ref.substring(1), m.param(2), labeled ? label : null, MessageCommands.clientTags(s, m)));
            // The opening line gets no reply of its own: its label goes on what the batch's end answers.
            ctx.reply().takeLabel();
            return;
        }
        Open batch = open.get(s);
        if (batch == null || !batch.ref.equals(ref.substring(1))) {
            ctx.reply().standard("FAIL", "BATCH", "INVALID_REFTAG", ref.substring(1), "No such batch is open");
            return;
        }
        open.remove(s);
        if (batch.failure != null) {
            failed(ctx, batch);
        } else if (batch.lines.isEmpty()) {
            ctx.reply().standard("FAIL", "BATCH", "MULTILINE_INVALID", "A multiline batch needs at least one line");
        } else {
            relay(ctx, batch);
        }
        if (batch.label != null) {
            ctx.reply().applyLabel(batch.label, s.has(Capability.BATCH), ctx.server().messageIds().next());
        }
    }

    private static void add(Open batch, IrcMessage m) {
        if (batch.failure != null) return;
        if (!m.command().equals("PRIVMSG") && !m.command().equals("NOTICE")
                || (!batch.lines.isEmpty() && !batch.lines.get(0).command().equals(m.command()))) {
            batch.failure = "MULTILINE_INVALID";
        } else if (m.param(0) == null || !m.param(0).equals(batch.target)) {
            batch.failure = "MULTILINE_INVALID_TARGET " + (m.param(0) == null ? "*" : m.param(0));
        } else if (batch.lines.size() >= MAX_LINES) {
            batch.failure = "MULTILINE_MAX_LINES";
        } else if (m.tags().containsKey(CONCAT) && (m.param(1) == null || m.param(1).isEmpty())) {
            batch.failure = "MULTILINE_INVALID_CONCAT";
        } else {
            String text = m.param(1) == null ? "" : m.param(1);
            batch.bytes += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (batch.bytes > MAX_BYTES) batch.failure = "MULTILINE_MAX_BYTES";
            else batch.lines.add(m);
        }
    }

    private static void failed(Context ctx, Open batch) {
        String[] code = batch.failure.split(" ", 2);
        switch (code[0]) {
            case "MULTILINE_MAX_LINES" -> ctx.reply().standard("FAIL", "BATCH", code[0], Integer.toString(MAX_LINES),
                    "Too many lines in a multiline batch");
            case "MULTILINE_MAX_BYTES" -> ctx.reply().standard("FAIL", "BATCH", code[0], Integer.toString(MAX_BYTES),
                    "Too many bytes in a multiline batch");
            case "MULTILINE_INVALID_TARGET" -> ctx.reply().standard("FAIL", "BATCH", code[0], batch.target, code[1],
                    "Every line of a multiline batch goes to its target");
            case "MULTILINE_INVALID_CONCAT" -> ctx.reply().standard("FAIL", "BATCH", "MULTILINE_INVALID",
                    "A blank line cannot continue the one before it");
            default -> ctx.reply().standard("FAIL", "BATCH", code[0], "A multiline batch holds PRIVMSG or NOTICE lines only");
        }
    }

    private static void relay(Context ctx, Open batch) {
        User sender = ctx.user();
        String verb = batch.lines.get(0).command();
        String target = batch.target;
        User[] audience;
        if (Names.isChannel(target)) {
            Registry.ChannelAction to = ctx.registry().channelDirectory().channelAudience(sender, target);
            switch (to.outcome()) {
                case OK -> audience = to.members();
                case NO_SUCH_CHANNEL -> {
                    ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, target, "No such channel");
                    return;
                }
                default -> {
                    ctx.reply().numeric(Numeric.ERR_CANNOTSENDTOCHAN, to.channel(), MessageLines.cannotSendReason(to.outcome()));
                    return;
                }
            }
        } else {
            User recipient = ctx.registry().findNick(target);
            if (recipient == null) {
                ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
                return;
            }
            audience = new User[] {recipient};
        }
        ctx.registry().settings().spoke(sender, ctx.server().clock().millis());
        String source = sender.identity().prefix();
        String ref = ctx.server().messageIds().next();
        long time = ctx.server().clock().millis();
        String msgid = ctx.server().messageIds().next();
        Outgoing opener = Outgoing.message(time, msgid, IrcMessage.from(source, "BATCH", "+" + ref, TYPE, target),
                batch.clientTags, sender.account(), sender.bot());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        // Receivers without the capability get the non-blank lines one by one, the first with the batch's msgid.
        List<Outgoing> singles = new ArrayList<>(batch.lines.size());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < batch.lines.size(); i++) {
            IrcMessage line = batch.lines.get(i);
            String part = line.param(1) == null ? "" : line.param(1);
            boolean concat = line.tags().containsKey(CONCAT);
            body.writeBytes(LineWriter.encodeWithin(inner(source, verb, target, part, ref, concat)));
            if (!part.isEmpty()) {
                singles.add(Outgoing.message(time, singles.isEmpty() ? msgid : null,
                        IrcMessage.from(source, verb, target, part), batch.clientTags, sender.account(), sender.bot()));
            }
            if (i > 0 && !concat) text.append('\n');
            text.append(part);
        }
        byte[] inner = body.toByteArray();
        byte[] closer = LineWriter.encodeWithin(IrcMessage.from(source, "BATCH", "-" + ref));
        int sent = 0;
        for (User member : audience) {
            if (member == sender) continue;
            sent += deliver(member, opener, inner, closer, singles);
        }
        ctx.server().stats().sent(sent);
        if (sender.has(Capability.ECHO_MESSAGE)) {
            if (sender.has(Capability.MULTILINE)) {
                IrcMessage echoedOpener = opener.messageFor(sender);
                if (batch.label != null) {
                    // labeled-response: the echoed batch is the answer to the labeled BATCH line.
                    echoedOpener = withTagFirst(echoedOpener, "label", batch.label);
                    ctx.reply().takeLabel();
                }
                ctx.reply().add(echoedOpener);
                for (IrcMessage line : batch.lines) {
                    ctx.reply().add(inner(source, verb, target, line.param(1) == null ? "" : line.param(1), ref,
                            line.tags().containsKey(CONCAT)));
                }
                ctx.reply().add(IrcMessage.from(source, "BATCH", "-" + ref));
            } else {
                for (Outgoing single : singles) ctx.reply().add(single.messageFor(sender));
            }
        }
        if (Names.isChannel(target)) {
            MessageArchive.channel(ctx, opener, verb, target, text.toString(), batch.clientTags);
        } else {
            MessageArchive.direct(ctx, opener, verb, audience[0], text.toString(), batch.clientTags);
        }
    }

    /** A line inside the batch, as receivers with the capability (and the echo) see it. */
    private static IrcMessage inner(String source, String verb, String target, String text, String ref, boolean concat) {
        return IrcMessage.from(source, verb, target, text).withTags(concat ? Map.of("batch", ref, CONCAT, "")
                : Map.of("batch", ref));
    }

    /** Whether a stored message was a multiline one (its text has line feeds). */
    static boolean isMultiline(StoredMessage stored) {
        return stored.text() != null && stored.text().indexOf('\n') >= 0;
    }

    /**
     * A stored multiline message replayed to {@code s}: as a draft/multiline batch (its msgid and time on the BATCH
     * line) for a client with the capability, else as one message per line (the first with the msgid); each line
     * tagged {@code batch=outer} when {@code outer} is not null.
     */
    static List<IrcMessage> replay(User s, StoredMessage stored, String outer, String ref) {
        String[] parts = stored.text().split("\n", -1);
        List<IrcMessage> lines = new ArrayList<>(parts.length + 2);
        boolean batch = s.has(Capability.MULTILINE);
        if (batch) {
            IrcMessage opener = IrcMessage.from(stored.source(), "BATCH", "+" + ref, TYPE, stored.target());
            lines.add(inBatch(Outgoing.replay(opener, stored.timeMillis(), stored.msgid(), stored.account(), Map.of())
                    .messageFor(s), outer));
        }
        boolean first = true;
        for (String text : parts) {
            IrcMessage line = IrcMessage.from(stored.source(), stored.command(), stored.target(), text);
            if (batch) {
                lines.add(line.withTags(Map.of("batch", ref)));
            } else if (!text.isEmpty()) {
                // as when it was sent: blank lines left out, the first line with the msgid
                lines.add(inBatch(Outgoing.replay(line, stored.timeMillis(), first ? stored.msgid() : null,
                        stored.account(), Map.of()).messageFor(s), outer));
                first = false;
            }
        }
        if (batch) lines.add(inBatch(IrcMessage.from(stored.source(), "BATCH", "-" + ref), outer));
        return lines;
    }

    private static IrcMessage inBatch(IrcMessage m, String outer) {
        return outer == null ? m : withTagFirst(m, "batch", outer);
    }

    /** {@code m} with one more tag, put before the tags it has. */
    private static IrcMessage withTagFirst(IrcMessage m, String key, String value) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put(key, value);
        tags.putAll(m.tags());
        return m.withTags(tags);
    }

    /** The batch to a receiver with the capability, the lines one by one to others; returns lines sent. */
    private static int deliver(User member, Outgoing opener, byte[] inner, byte[] closer, List<Outgoing> singles) {
        if (member.has(Capability.MULTILINE)) {
            ByteArrayOutputStream all = new ByteArrayOutputStream(inner.length + 128);
            all.writeBytes(opener.bytesFor(member));
            all.writeBytes(inner);
            all.writeBytes(closer);
            member.delivery().send(all.toByteArray());
            return singles.size() + 2;
        }
        for (Outgoing single : singles) member.delivery().send(single.bytesFor(member));
        return singles.size();
    }
}
