package chat.server.reply;

import chat.protocol.IrcMessage;
import chat.protocol.LineParser;
import chat.protocol.LineWriter;
import chat.protocol.ParseResult;
import chat.protocol.Numeric;
import chat.server.state.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The replies one command produces for the client that sent it. Handlers add to it; the dispatcher
 * sends all of it to the client in one write. Confined to the thread handling the command.
 */
public final class ReplyBuffer {

    private final String serverName;
    private final User user;
    /** Each an {@link IrcMessage}, or a line already in its wire form ({@code byte[]}, CR LF included). */
    private final List<Object> messages = new ArrayList<>(4);
    private CompletableFuture<?> held;
    private boolean labelTaken;

    public ReplyBuffer(String serverName, User user) {
        this.serverName = serverName;
        this.user = user;
    }

    /** A numeric from the server, addressed to the client's nick (or '*'), then {@code params}. */
    public void numeric(Numeric numeric, String... params) {
        String[] all = new String[params.length + 1];
        all[0] = user.target();
        System.arraycopy(params, 0, all, 1, params.length);
        messages.add(IrcMessage.from(serverName, numeric.code(), all));
    }

    /** A numeric kept encoded (#17: the registration burst), addressed to the client's nick (or '*'). */
    public void numeric(NumericLine line) {
        messages.add(line.encode(user.target()));
    }

    /** A non-numeric message from the server, e.g. {@code PONG} or {@code CAP}. */
    public void fromServer(String command, String... params) {
        messages.add(IrcMessage.from(serverName, command, params));
    }

    /** A standard reply ({@code FAIL}, {@code WARN} or {@code NOTE}): command, code, context..., description. */
    public void standard(String kind, String command, String code, String... contextAndDescription) {
        String[] all = new String[contextAndDescription.length + 2];
        all[0] = command;
        all[1] = code;
        System.arraycopy(contextAndDescription, 0, all, 2, contextAndDescription.length);
        messages.add(IrcMessage.from(serverName, kind, all));
    }

    /** Any message, as given. */
    public void add(IrcMessage message) {
        messages.add(message);
    }

    /**
     * #store: these replies acknowledge a stored message: they are sent only once {@code commit} completes
     * (all of them, when called more than once).
     */
    public void holdUntil(CompletableFuture<?> commit) {
        held = held == null ? commit : CompletableFuture.allOf(held, commit);
    }

    /** What the replies wait for, or null. */
    public CompletableFuture<?> held() {
        return held;
    }

    public int size() {
        return messages.size();
    }

    /** What was added so far, for tests. */
    public List<IrcMessage> messages() {
        List<IrcMessage> all = new ArrayList<>(messages.size());
        for (Object m : messages) all.add(message(m));
        return all;
    }

    private static IrcMessage message(Object entry) {
        if (entry instanceof IrcMessage m) return m;
        byte[] line = (byte[]) entry;
        // Rare (a label on the command that completed registration, tests): the line as the client will read it.
        ParseResult parsed = LineParser.parse(line, 0, line.length - 2);
        return ((ParseResult.Parsed) parsed).message();
    }

    /**
     * The command put its label where it belongs itself (a multiline batch carries it on its echoed opener, or keeps it
     * for the batch's end): {@link #applyLabel} leaves these replies as they are.
     */
    public void takeLabel() {
        labelTaken = true;
    }

    /**
     * IRCv3 labeled-response: ties the replies to the command that carried {@code label}. No reply becomes an
     * ACK, one reply carries the label, several are wrapped in a {@code labeled-response} batch (only for a
     * client with the batch capability; others get them unlabeled).
     */
    public void applyLabel(String label, boolean batchEnabled, String batchRef) {
        if (labelTaken) return;
        labelTaken = true;
        if (messages.isEmpty()) {
            messages.add(IrcMessage.from(serverName, "ACK").withTags(Map.of("label", label)));
        } else if (messages.size() == 1) {
            messages.set(0, withTag(message(messages.get(0)), "label", label));
        } else if (batchEnabled) {
            List<Object> batched = new ArrayList<>(messages.size() + 2);
            batched.add(IrcMessage.from(serverName, "BATCH", "+" + batchRef, "labeled-response")
                    .withTags(Map.of("label", label)));
            for (Object m : messages) batched.add(withTag(message(m), "batch", batchRef));
            batched.add(IrcMessage.from(serverName, "BATCH", "-" + batchRef));
            messages.clear();
            messages.addAll(batched);
        }
    }

    private static IrcMessage withTag(IrcMessage m, String key, String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(key, value);
        tags.putAll(m.tags());
        return m.withTags(tags);
    }

    /** The wire bytes of everything added, then empties the buffer. */
    public byte[] drain() {
        int size = messages.size();
        byte[][] lines = new byte[size][];
        int length = 0;
        for (int i = 0; i < size; i++) {
            Object m = messages.get(i);
            lines[i] = m instanceof IrcMessage message ? LineWriter.encodeWithin(message) : (byte[]) m;
            length += lines[i].length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] line : lines) {
            System.arraycopy(line, 0, out, at, line.length);
            at += line.length;
        }
        messages.clear();
        labelTaken = false;
        return out;
    }
}
