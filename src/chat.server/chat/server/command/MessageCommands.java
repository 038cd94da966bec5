package chat.server.command;

import chat.protocol.CaseMapping;
import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.protocol.TargetList;
import chat.server.delivery.Fanout;
import chat.server.delivery.Outgoing;
import chat.server.state.Registry;
import chat.server.state.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Messages between clients: PRIVMSG, NOTICE and TAGMSG, to channels and to nicknames. */
final class MessageCommands {

    private final NickServ nickServ;

    MessageCommands(NickServ nickServ) {
        this.nickServ = nickServ;
    }

    // PRIVMSG <target>{,<target>} <text>
    void privmsg(Context ctx, IrcMessage m) {
        relay(ctx, m, "PRIVMSG", true);
    }

    // NOTICE <target>{,<target>} <text>
    void notice(Context ctx, IrcMessage m) {
        // RFC 2812 3.3.2: no error reply is ever sent for a NOTICE.
        relay(ctx, m, "NOTICE", false);
    }

    // TAGMSG <target>{,<target>}
    void tagmsg(Context ctx, IrcMessage m) {
        relay(ctx, m, "TAGMSG", true);
    }

    private void relay(Context ctx, IrcMessage m, String verb, boolean replyErrors) {
        User sender = ctx.user();
        boolean hasText = !verb.equals("TAGMSG");
        if (m.params().isEmpty()) {
            if (replyErrors) ctx.reply().numeric(Numeric.ERR_NORECIPIENT, "No recipient given (" + verb + ")");
            return;
        }
        String text = m.param(1);
        if (hasText && (text == null || text.isEmpty())) {
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
        Map<String, String> clientTags = clientTags(sender, m);
        String source = sender.identity().prefix();
        ctx.registry().settings().spoke(sender, ctx.server().clock().millis());
        for (String target : targets) {
            if (StatusMessages.isStatusTarget(target)) {
                StatusMessages.relay(ctx, verb, target, text, clientTags, replyErrors);
            } else if (Names.isChannel(target)) {
                Registry.ChannelAction audience = ctx.registry().channelDirectory().channelAudience(sender, target);
                switch (audience.outcome()) {
                    case NO_SUCH_CHANNEL -> {
                        if (replyErrors) ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, target, "No such channel");
                    }
                    case OK -> {
                        Outgoing out = Outgoing.message(ctx.server().clock(), ctx.server().messageIds().next(), MessageLines.line(source, verb, audience.channel(), text), clientTags,
                                sender.account(), sender.bot());
                        Fanout.send(audience.members(), sender, out, ctx.server().stats());
                        MessageArchive.channel(ctx, out, verb, audience.channel(), text, clientTags);
                        MessageLines.echo(ctx, out);
                    }
                    default -> {
                        if (replyErrors) {
                            ctx.reply().numeric(Numeric.ERR_CANNOTSENDTOCHAN, audience.channel(),
                                    MessageLines.cannotSendReason(audience.outcome()));
                        }
                    }
                }
            } else if (NickServ.isService(ctx, target)) {
                // #store: a command for the service: never relayed, echoed or stored (it may hold a password)
                if (verb.equals("PRIVMSG")) nickServ.handle(ctx, text);
            } else {
                User recipient = ctx.registry().findNick(target);
                if (recipient == null) {
                    if (replyErrors) ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
                    continue;
                }
                Outgoing out = Outgoing.message(ctx.server().clock(), ctx.server().messageIds().next(), MessageLines.line(source, verb, recipient.nick(), text), clientTags,
                                sender.account(), sender.bot());
                Fanout.send(recipient, out, ctx.server().stats());
                MessageArchive.direct(ctx, out, verb, recipient, text, clientTags);
                MessageLines.echo(ctx, out);
                if (replyErrors) AwayReply.replyIfAway(ctx, recipient);
            }
        }
    }

    /** The client-only tags ('+' prefix) to relay; none from a client that did not enable message-tags (as Ergo). */
    static Map<String, String> clientTags(User sender, IrcMessage m) {
        if (m.tags().isEmpty() || !sender.has(Capability.MESSAGE_TAGS)) return Map.of();
        Map<String, String> relayed = new LinkedHashMap<>();
        m.tags().forEach((key, value) -> {
            if (key.startsWith("+")) relayed.put(key, value);
        });
        return relayed;
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
