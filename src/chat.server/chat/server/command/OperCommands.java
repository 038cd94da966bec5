package chat.server.command;

import chat.server.service.ServerInfo;
import chat.protocol.CaseMapping;
import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.server.OperatorBlock;
import chat.server.auth.PasswordHash;
import chat.server.reply.ReplyBuffer;
import chat.server.change.Identity;
import chat.server.state.Registry;
import chat.server.delivery.Fanout;
import chat.server.delivery.Outgoing;
import chat.server.state.Link;
import chat.server.state.User;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/** IRC operators: OPER, and the operator-only KILL, REHASH, WALLOPS, SAJOIN, SAPART. */
final class OperCommands {

    private static final System.Logger LOG = System.getLogger("chat.server");

    private final ChannelCommands channels;
    // A password check is ~0.3 s of CPU on the caller's carrier thread. One at a time (the others wait
    // unmounted), so that a flood of OPER from many connections cannot occupy every carrier at once.
    private final Semaphore checking = new Semaphore(1);
    private final OperAttempts attempts;

    OperCommands(ChannelCommands channels) {
        this.channels = channels;
        this.attempts = new OperAttempts(Clock.systemUTC());
    }

    // OPER <name> [<password>]
    void oper(Context ctx, IrcMessage m) {
        User s = ctx.user();
        Identity id = s.identity();
        OperatorBlock block = ctx.server().config().operators().get(m.param(0));
        boolean needsPassword = block == null || block.passwordHash() != null;
        if (m.param(1) == null && needsPassword) {
            // Only a block with an account and no password may be used without one; else 461 as before.
            ctx.reply().numeric(Numeric.ERR_NEEDMOREPARAMS, "OPER", "Not enough parameters");
            return;
        }
        // The block name as given, known or not: an attacker guessing names is throttled the same way.
        String target = m.param(0);
        long wait = attempts.retryAfterMillis(s, target);
        if (wait > 0) {
            ctx.reply().numeric(Numeric.ERR_PASSWDMISMATCH, "Too many failed OPER attempts from your address: try again in "
                    + Math.max(1, (wait + 999) / 1000) + " seconds");
            return;
        }
        boolean passwordOk = true;
        if (needsPassword) {
            char[] password = m.param(1).toCharArray();
            checking.acquireUninterruptibly();
            try {
                // An unknown name costs the same hashing as a known one, and gets the same answer.
                passwordOk = password.length > 0 && PasswordHash.verify(password, block == null ? null : block.passwordHash());
            } finally {
                checking.release();
                PasswordHash.wipe(password);
            }
        }
        if (!passwordOk) {
            // Never the password; and not an unknown name either, which may be a password typed in its place.
            attempts.failed(ctx, target, block == null ? "no such operator name" : "as " + block.name() + ": wrong password");
            ctx.reply().numeric(Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
            return;
        }
        if (block.account() != null && !sameAccount(ctx, block.account(), s.account())) {
            // The same answer as a wrong password, as Ergo gives for a block whose account does not match.
            attempts.failed(ctx, target, "as " + block.name() + ": not logged in to " + block.account());
            ctx.reply().numeric(Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
            return;
        }
        // The host is checked only after the password, so that 491 tells nothing to someone without it.
        if (!block.allows(id.user(), id.host())) {
            attempts.failed(ctx, target, "as " + block.name() + ": host not allowed");
            ctx.reply().numeric(Numeric.ERR_NOOPERHOST, "No O-lines for your host");
            return;
        }
        attempts.succeeded(s, target);
        LOG.log(Level.INFO, id.prefix() + " is now an IRC operator (" + block.name() + ")");
        ctx.reply().numeric(Numeric.RPL_YOUREOPER, "You are now an IRC operator");
        ctx.registry().settings().oper(s, ctx.echo());
        ctx.replication().operatorGranted(s);
    }

    // KILL <nickname> [<comment>]
    void kill(Context ctx, IrcMessage m) {
        String nick = m.param(0);
        if (nick.equalsIgnoreCase(ctx.server().name())) {
            ctx.reply().numeric(Numeric.ERR_CANTKILLSERVER, "You cannot kill a server!");
            return;
        }
        User target = ctx.registry().findNick(nick);
        if (target == null) {
            ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            return;
        }
        String comment = m.param(1) == null || m.param(1).isBlank() ? "No reason given" : m.param(1);
        String reason = "Killed by " + ctx.user().nick() + " (" + comment + ")";
        LOG.log(Level.INFO, ctx.user().identity().prefix() + " killed " + target.identity().prefix() + " (" + comment + ")");
        // The close sends the target ERROR with the reason and its channel peers the QUIT.
        target.delivery().close(reason);
    }

    // REHASH
    void rehash(Context ctx, IrcMessage m) {
        User s = ctx.user();
        String source = ctx.server().configSource().name();
        ServerInfo.Reload reload;
        try {
            reload = ctx.server().reload();
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file: " + e.getMessage() : e.toString();
            LOG.log(Level.WARNING, "REHASH by " + s.identity().prefix() + " failed: " + why);
            ctx.reply().standard("FAIL", "REHASH", "CANNOT_READ_CONFIG", source, "Rehash aborted, nothing changed: " + why);
            return;
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "REHASH by " + s.identity().prefix() + " failed: " + e.getMessage());
            ctx.reply().standard("FAIL", "REHASH", "INVALID_CONFIG", source,
                    "Rehash aborted, nothing changed: " + e.getMessage());
            return;
        }
        List<String> kept = reload.kept();
        LOG.log(Level.INFO, "REHASH by " + s.identity().prefix() + (kept.isEmpty() ? "" : "; not applied: " + kept)
                + (reload.done().isEmpty() ? "" : "; " + String.join("; ", reload.done())));
        if (!kept.isEmpty()) {
            ctx.reply().fromServer("NOTICE", s.nick(), "REHASH did not apply the new " + String.join(", ", kept)
                    + ": " + (kept.size() == 1 ? "it changes" : "they change") + " only on restart");
        }
        for (String problem : reload.problems()) {
            LOG.log(Level.ERROR, "REHASH by " + s.identity().prefix() + ": " + problem);
            ctx.reply().fromServer("NOTICE", s.nick(), "REHASH: " + problem);
        }
        ctx.reply().numeric(Numeric.RPL_REHASHING, source, "Rehashing");
    }

    // WALLOPS <text>
    void wallops(Context ctx, IrcMessage m) {
        String text = m.param(0);
        if (text.isEmpty()) {
            ctx.reply().numeric(Numeric.ERR_NEEDMOREPARAMS, "WALLOPS", "Not enough parameters");
            return;
        }
        User s = ctx.user();
        Outgoing message = Outgoing.event(ctx.server().clock(), IrcMessage.from(s.identity().prefix(), "WALLOPS", text));
        Fanout.sendEchoing(wallopsAudience(ctx.registry().everyone()), s, ctx.echo(), message, ctx.server().stats());
    }

    /** Who gets WALLOPS: the sessions with user mode +w. */
    static User[] wallopsAudience(User[] everyone) {
        List<User> out = new ArrayList<>();
        for (User s : everyone) {
            if (s.wallops()) out.add(s);
        }
        return out.toArray(User[]::new);
    }

    // SAJOIN <nickname> <channel>
    void sajoin(Context ctx, IrcMessage m) {
        User target = findTarget(ctx, m.param(0));
        if (target == null) return;
        String channel = m.param(1);
        if (!Names.isValidChannel(channel)) {
            ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, channel, "No such channel");
            return;
        }
        LOG.log(Level.INFO, ctx.user().identity().prefix() + " SAJOIN " + target.nick() + " " + channel);
        // The join runs as the target's: its JOIN echo, topic and names go to it, not to the operator. It passes
        // bans, +i, +k, +l and the channel limit, as Ergo's and InspIRCd's SAJOIN do.
        Link link = Link.of(target);
        if (link == null) return;
        ReplyBuffer theirs = new ReplyBuffer(ctx.server().name(), target);
        channels.joinOne(new Context(link, ctx.registry(), theirs, ctx.server(), ctx.replication()), channel, null, true, true);
        if (theirs.size() > 0) target.delivery().send(theirs.drain());
    }

    // SAPART <nickname> <channel> [<reason>]
    void sapart(Context ctx, IrcMessage m) {
        User target = findTarget(ctx, m.param(0));
        if (target == null) return;
        String channel = m.param(1);
        // The operator's copy of the PART (when it is on the channel) comes with its reply; the target's goes to it.
        Registry.ChannelAction parted = ctx.registry().part(target, channel, m.param(2), ctx.echo());
        switch (parted.outcome()) {
            case NO_SUCH_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, channel, "No such channel");
            case OK -> {
                LOG.log(Level.INFO, ctx.user().identity().prefix() + " SAPART " + target.nick() + " " + parted.channel());
            }
            default -> ctx.reply().numeric(Numeric.ERR_USERNOTINCHANNEL, target.nick(), parted.channel(),
                    "They aren't on that channel");
        }
    }

    /** Whether the session's account (null when not logged in) is the block's, by the server's casemapping. */
    private static boolean sameAccount(Context ctx, String required, String loggedIn) {
        if (loggedIn == null) return false;
        CaseMapping mapping = ctx.server().config().caseMapping();
        return mapping.fold(required).equals(mapping.fold(loggedIn));
    }

    private static User findTarget(Context ctx, String nick) {
        User target = ctx.registry().findNick(nick);
        if (target == null) ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
        return target;
    }
}
