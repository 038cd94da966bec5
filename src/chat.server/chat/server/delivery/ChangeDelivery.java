package chat.server.delivery;

import chat.protocol.Capability;
import chat.protocol.IrcMessage;
import chat.protocol.LineWriter;
import chat.server.change.Change;
import chat.server.state.Announcement;
import chat.server.state.ChangeSink;
import chat.server.state.Echo;
import chat.server.state.ServerStats;
import chat.server.state.User;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Turns each change into wire lines for its audience, as each receiver's capabilities ask (extended-join,
 * account-tag, server-time, away-notify, account-notify, chghost, setname, invite-notify). The actor's own
 * copy goes through the {@link Echo} of the command that made the change, when there is one.
 */
public final class ChangeDelivery implements ChangeSink {

    private final Supplier<String> serverName;
    private final Clock clock;
    private final ServerStats stats;

    /**
     * @param serverName the server's name now (the source of server-set modes)
     * @param clock      the clock for server-time
     * @param stats      counts the lines sent
     */
    public ChangeDelivery(Supplier<String> serverName, Clock clock, ServerStats stats) {
        this.serverName = serverName;
        this.clock = clock;
        this.stats = stats;
    }

    @Override
    public void deliver(Announcement a, Echo echo) {
        User actor = a.actor();
        User[] audience = a.audience();
        switch (a.change()) {
            case Change.Registered r -> { }
            case Change.Joined j -> {
                String prefix = j.actor().prefix();
                IrcMessage join = IrcMessage.from(prefix, "JOIN", j.channel());
                IrcMessage extendedJoin = IrcMessage.from(prefix, "JOIN", j.channel(),
                        j.account() == null ? "*" : j.account(), j.actor().realname());
                Fanout.sendEchoing(audience, actor, echo, Outgoing.join(clock, join, extendedJoin, j.account()), stats);
                // away-notify: members who asked for it learn at once that the newcomer is away.
                String away = actor.awayMessage();
                if (away != null) {
                    Fanout.sendToCapable(audience, actor, Capability.AWAY_NOTIFY,
                            event(actor, IrcMessage.from(prefix, "AWAY", away)), stats);
                }
            }
            case Change.Parted p -> Fanout.sendEchoing(audience, actor, echo,
                    event(actor, p.reason() == null || p.reason().isEmpty()
                            ? IrcMessage.from(p.actor().prefix(), "PART", p.channel())
                            : IrcMessage.from(p.actor().prefix(), "PART", p.channel(), p.reason())), stats);
            case Change.Kicked k -> Fanout.sendEchoing(audience, actor, echo,
                    event(actor, IrcMessage.from(k.actor().prefix(), "KICK", k.channel(), k.target(), k.reason())),
                    stats);
            case Change.Quit q -> Fanout.send(audience, actor,
                    event(actor, IrcMessage.from(q.actor().prefix(), "QUIT", q.reason())), stats);
            case Change.NickChanged n -> Fanout.sendEchoing(audience, actor, echo,
                    event(actor, IrcMessage.from(n.actor().prefix(), "NICK", n.nick())), stats);
            case Change.UserModesChanged m -> {
                String source = m.byServer() ? serverName.get() : m.actor().prefix();
                toActor(actor, echo, IrcMessage.from(source, "MODE", m.actor().nick(), m.modes()));
            }
            case Change.ChannelModesChanged c -> {
                for (IrcMessage line : ModeLines.announce(c.actor().prefix(), c.channel(), c.applied())) {
                    Fanout.sendEchoing(audience, actor, echo, event(actor, line), stats);
                }
            }
            case Change.TopicSet t -> Fanout.sendEchoing(audience, actor, echo,
                    event(actor, IrcMessage.from(t.actor().prefix(), "TOPIC", t.channel(), t.text())), stats);
            case Change.AwayChanged w -> Fanout.sendToCapable(audience, actor, Capability.AWAY_NOTIFY,
                    event(actor, w.message() == null ? IrcMessage.from(w.actor().prefix(), "AWAY")
                            : IrcMessage.from(w.actor().prefix(), "AWAY", w.message())), stats);
            case Change.AccountChanged c -> Fanout.sendToCapable(audience, actor, Capability.ACCOUNT_NOTIFY,
                    event(actor, IrcMessage.from(c.actor().prefix(), "ACCOUNT",
                            c.account() == null ? "*" : c.account())), stats);
            // Clients with chghost see one CHGHOST line; the others learn the new host from the user's next
            // message (Ergo can replay QUIT and JOIN instead; we keep their channel views quiet).
            case Change.HostChanged h -> Fanout.sendToCapable(audience, null, Capability.CHGHOST,
                    event(actor, IrcMessage.from(h.actor().prefix(), "CHGHOST", h.user(), h.host())), stats);
            case Change.RealnameChanged r -> {
                Outgoing out = event(actor, IrcMessage.from(r.actor().prefix(), "SETNAME", r.realname()));
                Fanout.sendToCapable(audience, actor, Capability.SETNAME, out, stats);
                if (actor.has(Capability.SETNAME)) toActor(actor, echo, out.messageFor(actor));
            }
            case Change.Invited i -> {
                Outgoing invitation = event(actor,
                        IrcMessage.from(i.actor().prefix(), "INVITE", i.nick(), i.channel()));
                Fanout.send(audience[0], invitation, stats);
                // invite-notify: the channel's other members who asked for it see the invitation too.
                Fanout.sendToCapable(Arrays.copyOfRange(audience, 1, audience.length), actor, Capability.INVITE_NOTIFY,
                        invitation, stats);
            }
        }
    }

    /** An event {@code actor} caused: account-tag receivers see the actor's account on it. */
    private Outgoing event(User actor, IrcMessage message) {
        return Outgoing.event(clock, message, actor == null ? null : actor.account());
    }

    /** A line only the actor gets, as a reply to its command when it made the change. */
    private static void toActor(User actor, Echo echo, IrcMessage line) {
        if (echo != null && echo.user() == actor) echo.sink().accept(line);
        else actor.delivery().reply(LineWriter.encodeWithin(line));
    }
}
