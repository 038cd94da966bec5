package chat.server.command;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.server.delivery.Fanout;
import chat.server.delivery.Outgoing;
import chat.server.history.History;
import chat.server.spi.StoredMessage;
import chat.server.state.SentMessages;
import chat.server.state.User;
import chat.server.state.UserDirectory;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * draft/message-redaction: {@code REDACT} by a message's sender, or on a channel by its operators. Members (or the
 * private party) with the capability see the REDACT; the message is deleted from history.
 */
final class RedactCommands {

    // REDACT <target> <msgid> [:<reason>]
    void redact(Context ctx, IrcMessage m) {
        String target = m.param(0);
        String msgid = m.param(1);
        String reason = m.params().size() > 2 ? m.param(2) : null;
        User s = ctx.user();
        History history = ctx.server().storage().history();
        User[] audience;
        String conversation;
        Predicate<SentMessages.Sent> here; // whether a remembered message was sent where target names
        boolean channelOperator = false;
        if (Names.isChannel(target)) {
            UserDirectory.ChannelWho channel = ctx.registry().directory().whoChannel(s, target);
            UserDirectory.Member me = channel.members().stream().filter(x -> x.user() == s).findFirst().orElse(null);
            if (!channel.exists() || me == null) {
                invalidTarget(ctx, target);
                return;
            }
            channelOperator = me.modes().indexOf('@') >= 0;
            audience = channel.members().stream().map(UserDirectory.Member::user).toArray(User[]::new);
            conversation = history.channelKey(target);
            here = sent -> sent.inChannel(target, ctx.registry().caseMapping());
        } else {
            User other = ctx.registry().findNick(target);
            if (other == null) {
                invalidTarget(ctx, target);
                return;
            }
            audience = other == s ? new User[] {s} : new User[] {s, other};
            conversation = History.privateKey(history.partyKey(s.account(), s.nick()),
                    history.partyKey(other.account(), other.nick()));
            here = sent -> sent.between(s, other);
        }
        Boolean own = sentBy(ctx, s, conversation, here, msgid);
        if (own == null) {
            ctx.reply().standard("FAIL", "REDACT", "UNKNOWN_MSGID", target, msgid, "No such message to redact");
            return;
        }
        if (!own && !channelOperator) {
            ctx.reply().standard("FAIL", "REDACT", "REDACT_FORBIDDEN", target, msgid,
                    "Only its sender or a channel operator may redact a message");
            return;
        }
        ctx.registry().sentMessages().forget(msgid);
        ctx.reply().holdUntil(history.delete(conversation, msgid));
        IrcMessage line = reason == null ? IrcMessage.from(s.identity().prefix(), "REDACT", target, msgid)
                : IrcMessage.from(s.identity().prefix(), "REDACT", target, msgid, reason);
        Outgoing out = Outgoing.event(ctx.server().clock(), line);
        Fanout.sendToCapable(audience, s, Capability.MESSAGE_REDACTION, out, ctx.server().stats());
        if (s.has(Capability.MESSAGE_REDACTION)) ctx.reply().add(out.messageFor(s));
    }

    /** Whether {@code s} sent the message; null when there is no such message in the conversation. */
    private static Boolean sentBy(Context ctx, User s, String conversation, Predicate<SentMessages.Sent> here,
                                  String msgid) {
        SentMessages.Sent recent = ctx.registry().sentMessages().find(msgid);
        if (recent != null) return here.test(recent) ? recent.sender() == s : null;
        Optional<StoredMessage> stored = ctx.server().storage().history().find(conversation, msgid);
        if (stored.isEmpty()) return null;
        StoredMessage m = stored.get();
        var mapping = ctx.registry().caseMapping();
        // After a restart only an account proves who sent it.
        return m.account() != null && s.account() != null && mapping.fold(m.account()).equals(mapping.fold(s.account()));
    }

    private static void invalidTarget(Context ctx, String target) {
        ctx.reply().standard("FAIL", "REDACT", "INVALID_TARGET", target, "No such channel or user to redact in");
    }
}
