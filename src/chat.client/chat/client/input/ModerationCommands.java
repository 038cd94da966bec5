package chat.client.input;

import static chat.client.input.InputParser.NO_CHANNEL;
import static chat.client.input.InputParser.usage;

import chat.protocol.IrcMessage;
import chat.protocol.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * Channel moderation and operator commands: /kick, /ban, /unban, /mute, /unmute, /mode, /invite, /oper, /kill.
 * Each acts on the current channel unless it names one first. Stateless.
 */
final class ModerationCommands {

    /** The channel mode of the ban list. */
    private static final char BAN = 'b';
    /** The channel mode of the quiet list: as on Solanum and InspIRCd, {@code +q} holds masks that may not speak. */
    private static final char QUIET = 'q';
    /** What a bare nickname stands for in a ban: that nickname from any user name and host. */
    private static final String ANY_USER_AT_ANY_HOST = "!*@*";

    private ModerationCommands() {
    }

    // /kick [channel] <nick> [reason]
    static Input kick(String args, String current) {
        Target target = Target.of(args, current);
        if (target.channel() == null) return new Input.Problem(NO_CHANNEL);
        Words words = Words.of(target.rest());
        if (words.first().isEmpty()) return usage("kick");
        String reason = words.rest().strip();
        IrcMessage kick = reason.isEmpty() ? IrcMessage.of("KICK", target.channel(), words.first())
                : IrcMessage.of("KICK", target.channel(), words.first(), reason);
        return send(kick);
    }

    // /ban [channel] [mask]
    static Input ban(String args, String current) {
        return listMode(args, current, '+', BAN, true, "ban");
    }

    // /unban [channel] <mask>
    static Input unban(String args, String current) {
        return listMode(args, current, '-', BAN, false, "unban");
    }

    // /mute [channel] [mask]
    static Input mute(String args, String current) {
        return listMode(args, current, '+', QUIET, true, "mute");
    }

    // /unmute [channel] <mask>
    static Input unmute(String args, String current) {
        return listMode(args, current, '-', QUIET, false, "unmute");
    }

    /** {@code MODE channel ±mode mask}; without a mask, {@code MODE channel +mode} asks for the list. */
    private static Input listMode(String args, String current, char sign, char mode, boolean mayList, String name) {
        Target target = Target.of(args, current);
        if (target.channel() == null) return new Input.Problem(NO_CHANNEL);
        List<String> masks = Words.all(target.rest());
        if (masks.size() > 1 || masks.isEmpty() && !mayList) return usage(name);
        if (masks.isEmpty()) return send(IrcMessage.of("MODE", target.channel(), "+" + mode));
        return send(IrcMessage.of("MODE", target.channel(), "" + sign + mode, mask(masks.get(0))));
    }

    /**
     * A ban mask from what was typed: a bare nickname becomes {@code nick!*@*}, {@code user@host} becomes
     * {@code *!user@host}, {@code nick!user} becomes {@code nick!user@*}; a full mask or an extban (with ':')
     * stays as it is.
     */
    static String mask(String typed) {
        if (typed.indexOf(':') >= 0) return typed;
        boolean bang = typed.indexOf('!') >= 0;
        boolean at = typed.indexOf('@') >= 0;
        if (bang && at) return typed;
        if (bang) return typed + "@*";
        if (at) return "*!" + typed;
        return typed + ANY_USER_AT_ANY_HOST;
    }

    // /mode [target] [modes [args...]]
    static Input mode(String args, String current) {
        List<String> words = Words.all(args);
        List<String> params = new ArrayList<>();
        if (words.isEmpty() || isModeString(words.get(0))) {
            if (current == null) return new Input.Problem(NO_CHANNEL);
            params.add(current);
        }
        params.addAll(words);
        return send(IrcMessage.of("MODE", params.toArray(String[]::new)));
    }

    private static boolean isModeString(String word) {
        return word.startsWith("+") || word.startsWith("-");
    }

    // /invite <nick> [channel]
    static Input invite(String args, String current) {
        List<String> words = Words.all(args);
        if (words.isEmpty() || words.size() > 2) return usage("invite");
        String channel = words.size() == 2 ? words.get(1) : current;
        if (channel == null) return new Input.Problem(NO_CHANNEL);
        return send(IrcMessage.of("INVITE", words.get(0), channel));
    }

    // /oper <name> <password>
    static Input oper(String args, String current) {
        List<String> words = Words.all(args);
        if (words.size() != 2) return usage("oper");
        return send(IrcMessage.of("OPER", words.get(0), words.get(1)));
    }

    // /kill <nick> <reason>
    static Input kill(String args, String current) {
        Words words = Words.of(args);
        String reason = words.rest().strip();
        if (words.first().isEmpty() || reason.isEmpty()) return usage("kill");
        return send(IrcMessage.of("KILL", words.first(), reason));
    }

    private static Input send(IrcMessage message) {
        return new Input.Send(List.of(message), null);
    }

    /** The channel a command acts on (named first, else the current one) and the arguments after it. */
    private record Target(String channel, String rest) {
        static Target of(String args, String current) {
            Words words = Words.of(args);
            if (Names.isChannel(words.first())) return new Target(words.first(), words.rest());
            return new Target(current, args);
        }
    }
}
