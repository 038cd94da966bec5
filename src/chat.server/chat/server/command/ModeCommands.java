package chat.server.command;

import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.server.state.ChannelLimits;
import chat.server.state.MaskEntry;
import chat.server.state.ModeRefusal;
import chat.server.state.ChannelModeration;
import chat.server.state.Registry;
import chat.server.state.Echo;
import chat.server.state.User;
import java.util.ArrayList;
import java.util.List;
import chat.server.state.UserSettings;

/**
 * MODE, for channels (flags, key, limit, the +b +e +I +q lists and the +o +v member prefixes) and for users
 * (+i, +w, and -o).
 */
final class ModeCommands {

    // MODE <target> [<modestring> [<mode arguments>...]]
    void mode(Context ctx, IrcMessage m) {
        if (Names.isChannel(m.param(0))) {
            channelMode(ctx, m);
        } else {
            userMode(ctx, m);
        }
    }

    private void channelMode(Context ctx, IrcMessage m) {
        String name = m.param(0);
        if (m.param(1) == null) {
            showModes(ctx, name);
            return;
        }
        ModeString.Parsed parsed = ModeString.channel(m.param(1), m.params().subList(2, m.params().size()));
        for (char unknown : parsed.unknown()) {
            ctx.reply().numeric(Numeric.ERR_UNKNOWNMODE, String.valueOf(unknown), "is unknown mode char to me");
        }
        if (!parsed.changes().isEmpty() && !change(ctx, name, parsed)) return;
        for (char list : parsed.listQueries()) {
            if (!showList(ctx, name, list)) return;
        }
    }

    /** Applies the changes and announces them; false when there is no such channel. */
    private boolean change(Context ctx, String name, ModeString.Parsed parsed) {
        User s = ctx.user();
        // The MODE lines follow the refusals, as they always did: this client's copy waits in a list.
        List<IrcMessage> mine = new ArrayList<>(1);
        ChannelModeration.ModeResult result = ctx.registry().moderation().changeModes(s, name, parsed.changes(),
                new Echo(s, mine::add));
        switch (result.outcome()) {
            case NO_SUCH_CHANNEL -> {
                ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
                return false;
            }
            case NOT_OPERATOR -> ctx.reply().numeric(Numeric.ERR_CHANOPRIVSNEEDED, result.channel(),
                    "You're not channel operator");
            default -> {
                for (ModeRefusal refusal : result.refusals()) refuse(ctx, result.channel(), refusal);
                for (IrcMessage line : mine) ctx.reply().add(line);
            }
        }
        return true;
    }

    private static void refuse(Context ctx, String channel, ModeRefusal refusal) {
        switch (refusal.reason()) {
            case NO_SUCH_NICK -> ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, refusal.subject(), "No such nick/channel");
            case NOT_ON_CHANNEL -> ctx.reply().numeric(Numeric.ERR_USERNOTINCHANNEL, refusal.subject(), channel,
                    "They aren't on that channel");
            case LIST_FULL -> ctx.reply().numeric(Numeric.ERR_BANLISTFULL, channel, String.valueOf(refusal.mode()),
                    "Channel list is full");
            // #15: a refused key is never echoed (irctest, Ergo): '*' stands for it, the text says why.
            case INVALID_PARAM -> ctx.reply().numeric(Numeric.ERR_INVALIDMODEPARAM, channel,
                    String.valueOf(refusal.mode()), refusal.mode() == 'k' ? "*" : refusal.subject(),
                    switch (refusal.mode()) {
                        case 'k' -> keyRefusal(refusal.subject());
                        case 'l' -> "Invalid limit: a positive number";
                        default -> "Invalid mask: one word without commas, at most "
                                + ChannelLimits.MASKLEN + " characters";
                    });
        }
    }

    /** Why a channel key was refused, for the text of 696. */
    private static String keyRefusal(String key) {
        String rule = ": a key is one word without spaces or commas, at most " + ChannelLimits.KEYLEN + " characters";
        if (key == null || key.isBlank()) return "Invalid key: it is empty" + rule;
        if (key.length() > ChannelLimits.KEYLEN) return "Invalid key: it is too long" + rule;
        return "Invalid key: it has a space, a control character, a comma or a leading colon" + rule;
    }

    private static void showModes(Context ctx, String name) {
        ChannelModeration.ModeView view = ctx.registry().moderation().channelModes(ctx.user(), name);
        if (view.outcome() == Registry.ChannelOutcome.NO_SUCH_CHANNEL) {
            ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            return;
        }
        String[] params = new String[2 + view.params().size()];
        params[0] = view.channel();
        params[1] = view.modes();
        for (int i = 0; i < view.params().size(); i++) params[2 + i] = view.params().get(i);
        ctx.reply().numeric(Numeric.RPL_CHANNELMODEIS, params);
        ctx.reply().numeric(Numeric.RPL_CREATIONTIME, view.channel(), Long.toString(view.createdAtSeconds()));
    }

    /** Sends one mask list; false when there is no such channel. */
    private static boolean showList(Context ctx, String name, char letter) {
        ChannelModeration.MaskListView view = ctx.registry().moderation().maskList(ctx.user(), name, letter);
        switch (view.outcome()) {
            case NO_SUCH_CHANNEL -> {
                ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
                return false;
            }
            case NOT_OPERATOR -> {
                ctx.reply().numeric(Numeric.ERR_CHANOPRIVSNEEDED, view.channel(), "You're not channel operator");
                return true;
            }
            default -> { }
        }
        String channel = view.channel();
        for (MaskEntry e : view.entries()) {
            String when = Long.toString(e.setAtSeconds());
            switch (letter) {
                case 'b' -> ctx.reply().numeric(Numeric.RPL_BANLIST, channel, e.mask(), e.setBy(), when);
                case 'e' -> ctx.reply().numeric(Numeric.RPL_EXCEPTLIST, channel, e.mask(), e.setBy(), when);
                case 'I' -> ctx.reply().numeric(Numeric.RPL_INVITELIST, channel, e.mask(), e.setBy(), when);
                default -> ctx.reply().numeric(Numeric.RPL_QUIETLIST, channel, "q", e.mask(), e.setBy(), when);
            }
        }
        switch (letter) {
            case 'b' -> ctx.reply().numeric(Numeric.RPL_ENDOFBANLIST, channel, "End of channel ban list");
            case 'e' -> ctx.reply().numeric(Numeric.RPL_ENDOFEXCEPTLIST, channel, "End of channel exception list");
            case 'I' -> ctx.reply().numeric(Numeric.RPL_ENDOFINVITELIST, channel, "End of channel invite list");
            // Solanum's form: the letter before the text.
            default -> ctx.reply().numeric(Numeric.RPL_ENDOFQUIETLIST, channel, "q", "End of channel quiet list");
        }
        return true;
    }

    private static void userMode(Context ctx, IrcMessage m) {
        User s = ctx.user();
        String nick = m.param(0);
        User target = ctx.registry().findNick(nick);
        if (target == null) {
            ctx.reply().numeric(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            return;
        }
        String modestring = m.param(1);
        if (target != s) {
            ctx.reply().numeric(Numeric.ERR_USERSDONTMATCH, modestring == null
                    ? "Can't view modes for other users" : "Can't change mode for other users");
            return;
        }
        if (modestring == null) {
            ctx.reply().numeric(Numeric.RPL_UMODEIS, "+" + s.userModes());
            return;
        }
        List<IrcMessage> mine = new ArrayList<>(1);
        UserSettings.ModesApplied result = ctx.registry().settings().changeModes(s, modestring, new Echo(s, mine::add));
        if (result.unknown()) ctx.reply().numeric(Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
        for (IrcMessage line : mine) ctx.reply().add(line);
    }
}
