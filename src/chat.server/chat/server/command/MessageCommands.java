package chat.server.command;

import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.protocol.TargetList;
import chat.server.state.Registry;
import chat.server.state.Session;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Messages between clients: PRIVMSG and NOTICE, to channels and to nicknames. */
final class MessageCommands {

    // PRIVMSG <target>{,<target>} <text>
    void privmsg(Context ctx, IrcMessage m) {
        relay(ctx, m, "PRIVMSG", true);
    }

    // NOTICE <target>{,<target>} <text>
    void notice(Context ctx, IrcMessage m) {
        // RFC 2812 3.3.2: no error reply is ever sent for a NOTICE.
        relay(ctx, m, "NOTICE", false);
    }

    private void relay(Context ctx, IrcMessage m, String verb, boolean replyErrors) {
        Session sender = ctx.session();
        if (m.params().isEmpty()) {
            if (replyErrors) ctx.reply().numeric(Numeric.ERR_NORECIPIENT, "No recipient given (" + verb + ")");
            return;
        }
        String text = m.param(1);
        if (text == null || text.isEmpty()) {
            if (replyErrors) ctx.reply().numeric(Numeric.ERR_NOTEXTTOSEND, "No text to send");
            return;
        }
        List<String> targets = distinct(TargetList.split(m.param(0)), ctx.registry().caseMapping());
        if (targets.size() > ctx.server().config().maxTargets()) {
            if (replyErrors) {
                ctx.reply().numeric(Numeric.ERR_TOOMANYTARGETS, m.param(0),
                        "Too many recipients (at most " + ctx.server().config().maxTargets() + "); nothing was sent");
            }
            return;
        }
        String source = sender.identity().prefix();
        sender.markSpoke(ctx.server().clock().millis());
        for (String target : targets) {
            if (Names.isChannel(target)) {
                Registry.ChannelAction audience = ctx.registry().channelAudience(sender, target);
                switch (audience.outcome()) {
                    case NO_SUCH_CHANNEL -> {
                        if (replyErrors) ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, target, "No such channel");
                    }
                    case OK -> Fanout.send(audience.members(), sender,
                            IrcMessage.from(source, verb, audience.channel(), text), ctx.server().stats());
                    default -> {
                        if (replyErrors) {
                            ctx.reply().numeric(Numeric.ERR_CANNOTSENDTOCHAN, audience.channel(),
                                    ModeCommands.cannotSendReason(audience.outcome()));
                        }
                    }
                }
            } else {
                Session recipient = ctx.registry().findNick(target);
                if (recipient == null) {
                    if (replyErrors) ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
                    continue;
                }
                Fanout.send(recipient, IrcMessage.from(source, verb, recipient.nick(), text), ctx.server().stats());
            }
        }
    }

    /** The targets with case-insensitive duplicates removed, first spelling kept. */
    private static List<String> distinct(List<String> targets, CaseMapping mapping) {
        Set<String> seen = new HashSet<>();
        List<String> unique = new ArrayList<>(targets.size());
        for (String t : targets) {
            if (seen.add(mapping.fold(t))) unique.add(t);
        }
        return unique;
    }
}
