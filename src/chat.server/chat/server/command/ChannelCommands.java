package chat.server.command;

import chat.server.service.RegisteredChannels;
import chat.protocol.IrcMessage;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.protocol.TargetList;
import chat.server.state.ChannelDirectory;
import chat.server.state.Registry;
import chat.server.state.User;
import chat.server.state.Topic;
import java.util.List;

/** Channel membership and channel state: JOIN, PART, NAMES, TOPIC. */
final class ChannelCommands {

    // JOIN <channel>{,<channel>} [<key>{,<key>}] | JOIN 0
    void join(Context ctx, IrcMessage m) {
        if (m.param(0).equals("0")) {
            for (String channel : ctx.registry().channelDirectory().channelsOf(ctx.user())) partOne(ctx, channel, null);
            return;
        }
        List<String> channels = TargetList.split(m.param(0));
        String[] keys = m.param(1) == null ? new String[0] : m.param(1).split(",", -1);
        for (int i = 0; i < channels.size(); i++) {
            String channel = channels.get(i);
            if (!Names.isValidChannel(channel)) {
                // A name without a channel prefix is no channel at all (403); one with it but malformed is a
                // bad mask (476), as InspIRCd answers.
                if (Names.isChannel(channel)) ctx.reply().numeric(Numeric.ERR_BADCHANMASK, channel, "Bad Channel Mask");
                else ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, channel, "No such channel");
                continue;
            }
            String key = i < keys.length && !keys[i].isEmpty() ? keys[i] : null;
            joinOne(ctx, channel, key, true);
        }
    }

    /** Joins one valid channel and sends the joiner its topic and names. */
    void joinOne(Context ctx, String name, boolean opCreator) {
        joinOne(ctx, name, null, opCreator);
    }

    /** Joins one valid channel with a key (or null), or tells why not (405, 471, 473, 474, 475). */
    void joinOne(Context ctx, String name, String key, boolean opCreator) {
        joinOne(ctx, name, key, opCreator, false);
    }

    /** As {@link #joinOne(Context, String, String, boolean)}; with {@code override} (SAJOIN) past channel modes. */
    void joinOne(Context ctx, String name, String key, boolean opCreator, boolean override) {
        User s = ctx.user();
        // #persist: a channel an account owns comes back with its settings; one a logged-in client creates
        // (but never the default channel) becomes its account's.
        RegisteredChannels registered = ctx.server().storage().channels();
        String defaultChannel = ctx.server().config().defaultChannel();
        boolean registrable = registered.enabled() && (defaultChannel == null
                || !ctx.registry().caseMapping().fold(name).equals(ctx.registry().caseMapping().fold(defaultChannel)));
        Registry.JoinResult joined = ctx.registry().join(s, name, key, opCreator, override,
                registrable ? registered.saved(name) : null, registrable ? s.account() : null, ctx.echo());
        switch (joined.outcome()) {
            case JOINED -> { }
            case ALREADY_ON, GONE -> {
                return;
            }
            default -> {
                refuseJoin(ctx, joined);
                return;
            }
        }
        Topic topic = joined.topic();
        if (topic != null) ChannelViews.sendTopic(ctx, joined.channel(), topic);
        ChannelViews.namReplies(ctx, joined.secret(), joined.channel(), joined.names());
        ReadPositions.onJoin(ctx, joined.channel());
        ctx.reply().numeric(Numeric.RPL_ENDOFNAMES, joined.channel(), "End of /NAMES list");
        HistoryReplay.onJoin(ctx, joined.channel());
    }

    private static void refuseJoin(Context ctx, Registry.JoinResult refused) {
        String channel = refused.channel();
        switch (refused.outcome()) {
            case TOO_MANY_CHANNELS -> ctx.reply().numeric(Numeric.ERR_TOOMANYCHANNELS, channel,
                    "You have joined too many channels");
            case FULL -> ctx.reply().numeric(Numeric.ERR_CHANNELISFULL, channel, "Cannot join channel (+l)");
            case INVITE_ONLY -> ctx.reply().numeric(Numeric.ERR_INVITEONLYCHAN, channel, "Cannot join channel (+i)");
            case BANNED -> ctx.reply().numeric(Numeric.ERR_BANNEDFROMCHAN, channel, "Cannot join channel (+b)");
            case BAD_KEY -> ctx.reply().numeric(Numeric.ERR_BADCHANNELKEY, channel, "Cannot join channel (+k)");
            default -> { }
        }
    }

    // PART <channel>{,<channel>} [<reason>]
    void part(Context ctx, IrcMessage m) {
        for (String channel : TargetList.split(m.param(0))) partOne(ctx, channel, m.param(1));
    }

    private void partOne(Context ctx, String name, String reason) {
        Registry.ChannelAction parted = ctx.registry().part(ctx.user(), name, reason, ctx.echo());
        switch (parted.outcome()) {
            case NO_SUCH_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            case NOT_ON_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOTONCHANNEL, parted.channel(), "You're not on that channel");
            default -> { }
        }
    }

    // NAMES [<channel>{,<channel>}]
    void names(Context ctx, IrcMessage m) {
        if (m.param(0) == null) {
            ctx.reply().numeric(Numeric.RPL_ENDOFNAMES, "*", "End of /NAMES list");
            return;
        }
        List<String> channels = TargetList.split(m.param(0));
        if (channels.size() == 1) {
            ChannelDirectory.NamesView view = ctx.registry().channelDirectory().names(ctx.user(), channels.get(0));
            if (view.exists()) ChannelViews.sendNames(ctx, view.secret(), view.channel(), view.names());
            else ctx.reply().numeric(Numeric.RPL_ENDOFNAMES, channels.get(0), "End of /NAMES list");
            return;
        }
        // #15, RFC 2812 3.2.5 (as irctest checks it): each channel's 353s, then one 366 naming the list as sent.
        for (String channel : channels) {
            ChannelDirectory.NamesView view = ctx.registry().channelDirectory().names(ctx.user(), channel);
            if (view.exists()) ChannelViews.namReplies(ctx, view.secret(), view.channel(), view.names());
        }
        ctx.reply().numeric(Numeric.RPL_ENDOFNAMES, m.param(0), "End of /NAMES list");
    }

    // TOPIC <channel> [<topic>]
    void topic(Context ctx, IrcMessage m) {
        String name = m.param(0);
        User s = ctx.user();
        if (m.params().size() == 1) {
            ChannelDirectory.TopicView view = ctx.registry().channelDirectory().topic(s, name);
            switch (view.outcome()) {
                case NO_SUCH_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
                case NOT_ON_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOTONCHANNEL, view.channel(), "You're not on that channel");
                default -> {
                    if (view.topic() == null) ctx.reply().numeric(Numeric.RPL_NOTOPIC, view.channel(), "No topic is set");
                    else ChannelViews.sendTopic(ctx, view.channel(), view.topic());
                }
            }
            return;
        }
        String text = Utf8Text.truncate(m.param(1), ISupport.TOPICLEN);
        Registry.ChannelAction set = ctx.registry().setTopic(s, name, text, ctx.echo());
        switch (set.outcome()) {
            case NO_SUCH_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            case NOT_ON_CHANNEL -> ctx.reply().numeric(Numeric.ERR_NOTONCHANNEL, set.channel(), "You're not on that channel");
            case NOT_OPERATOR -> ctx.reply().numeric(Numeric.ERR_CHANOPRIVSNEEDED, set.channel(), "You're not channel operator");
            case OK -> { }
        }
    }

}
