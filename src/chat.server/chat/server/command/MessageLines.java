package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.server.delivery.Outgoing;
import chat.server.state.Registry;
import chat.server.state.User;

/** The lines of PRIVMSG, NOTICE and TAGMSG shared by their paths (direct, channel, status, multiline). */
final class MessageLines {

    private MessageLines() {
    }

    /** The text of a 404 for a refusal of {@link Registry#channelAudience}. */
    static String cannotSendReason(Registry.ChannelOutcome outcome) {
        return switch (outcome) {
            case BANNED -> "Cannot send to channel (you are banned)";
            case QUIETED -> "Cannot send to channel (you are quieted)";
            case MODERATED -> "Cannot send to channel (+m)";
            default -> "Cannot send to channel (you are not on it)";
        };
    }

    /** echo-message: the sender gets its own message back, as the receivers saw it (msgid, time). */
    static void echo(Context ctx, Outgoing out) {
        User sender = ctx.user();
        if (!sender.has(Capability.ECHO_MESSAGE)) return;
        if (out.onlyForTagReceivers() && !sender.has(Capability.MESSAGE_TAGS)) return;
        ctx.reply().add(out.messageFor(sender));
    }

    static IrcMessage line(String source, String verb, String target, String text) {
        return text == null || verb.equals("TAGMSG")
                ? IrcMessage.from(source, verb, target)
                : IrcMessage.from(source, verb, target, text);
    }
}
