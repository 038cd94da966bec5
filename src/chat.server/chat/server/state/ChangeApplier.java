package chat.server.state;

import chat.server.change.Change;

/**
 * Applies changes decided elsewhere ({@link Registry#apply}): each through the same registry method a local
 * command uses, so that it is delivered and heard by the listeners in the same way, without an echo.
 */
final class ChangeApplier {

    private ChangeApplier() {
    }

    static boolean apply(Registry registry, Change change) {
        if (change instanceof Change.Registered) return false; // a new user comes with its delivery: register()
        User actor = registry.findNick(change.actor().nick());
        if (actor == null) return false;
        return switch (change) {
            case Change.Registered r -> false;
            case Change.Joined j -> registry.join(actor, j.channel(), null, false, true, null, null, null).outcome()
                    == Registry.JoinOutcome.JOINED;
            case Change.Parted p -> ok(registry.part(actor, p.channel(), p.reason(), null).outcome());
            case Change.Kicked k -> ok(registry.moderation().kick(actor, k.channel(), k.target(), k.reason(), null).outcome());
            case Change.Quit q -> {
                registry.remove(actor, q.reason());
                yield true;
            }
            case Change.NickChanged n -> registry.changeNick(actor, n.nick(), null).outcome() == Registry.NickOutcome.CHANGED;
            case Change.UserModesChanged m -> m.byServer() && m.modes().equals("+o")
                    ? registry.settings().oper(actor, null)
                    : !registry.settings().changeModes(actor, m.modes(), null).applied().isEmpty();
            case Change.ChannelModesChanged c -> ok(registry.moderation().changeModes(actor, c.channel(), c.applied(), null)
                    .outcome());
            case Change.TopicSet t -> ok(registry.setTopic(actor, t.channel(), t.text(), null).outcome());
            case Change.AwayChanged w -> {
                registry.settings().setAway(actor, w.message());
                yield true;
            }
            case Change.AccountChanged a -> {
                registry.settings().changeAccount(actor, a.account());
                yield true;
            }
            case Change.HostChanged h -> {
                registry.settings().changeHost(actor, h.user(), h.host());
                yield true;
            }
            case Change.RealnameChanged r -> {
                registry.settings().changeRealname(actor, r.realname(), null);
                yield true;
            }
            case Change.Invited i -> ok(registry.moderation().invite(actor, i.nick(), i.channel()).outcome());
        };
    }

    private static boolean ok(Registry.ChannelOutcome outcome) {
        return outcome == Registry.ChannelOutcome.OK;
    }
}
