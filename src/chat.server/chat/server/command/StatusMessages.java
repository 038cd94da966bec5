package chat.server.command;

import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.server.delivery.Fanout;
import chat.server.delivery.Outgoing;
import chat.server.state.Registry;
import java.util.Map;

/**
 * STATUSMSG (Modern "STATUSMSG parameter"): {@code PRIVMSG @#chan} reaches the channel's operators, {@code +#chan}
 * its voiced members and operators. Anyone who may speak on the channel may send one, as in Ergo. Not kept in
 * history: a replay could not tell who was meant to read it.
 */
final class StatusMessages {

    /** The member prefixes a message target may start with (ISUPPORT STATUSMSG). */
    static final String PREFIXES = "@+";

    private StatusMessages() {
    }

    /** Whether {@code target} is a prefix then a channel name. */
    static boolean isStatusTarget(String target) {
        return target.length() > 1 && PREFIXES.indexOf(target.charAt(0)) >= 0 && Names.isChannel(target.substring(1));
    }

    /** Relays one PRIVMSG, NOTICE or TAGMSG to the members of the target's status, echoing it to the sender. */
    static void relay(Context ctx, String verb, String target, String text, Map<String, String> clientTags,
                      boolean replyErrors) {
        char prefix = target.charAt(0);
        String channel = target.substring(1);
        Registry.ChannelAction audience = ctx.registry().channelDirectory().statusAudience(ctx.user(), channel, prefix);
        switch (audience.outcome()) {
            case OK -> {
                var sender = ctx.user();
                Outgoing out = Outgoing.message(ctx.server().clock(), ctx.server().messageIds().next(),
                        MessageLines.line(sender.identity().prefix(), verb, prefix + audience.channel(), text),
                        clientTags, sender.account(), sender.bot());
                Fanout.send(audience.members(), sender, out, ctx.server().stats());
                MessageLines.echo(ctx, out);
            }
            case NO_SUCH_CHANNEL -> {
                if (replyErrors) ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, channel, "No such channel");
            }
            default -> {
                if (replyErrors) {
                    ctx.reply().numeric(Numeric.ERR_CANNOTSENDTOCHAN, audience.channel(),
                            MessageLines.cannotSendReason(audience.outcome()));
                }
            }
        }
    }
}
