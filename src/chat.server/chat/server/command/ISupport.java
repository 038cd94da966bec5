package chat.server.command;

import chat.protocol.LineParser;
import chat.protocol.Names;
import chat.protocol.Numeric;
import chat.server.ServerConfig;
import chat.server.reply.ReplyBuffer;
import chat.server.state.ChannelLimits;
import java.util.ArrayList;
import java.util.List;

/** The RPL_ISUPPORT tokens: exactly what this server implements. */
final class ISupport {

    /** Longest topic accepted. */
    static final int TOPICLEN = 390;
    /** Longest away message kept, in bytes; longer ones are cut. */
    static final int AWAYLEN = 200;

    /** ISUPPORT tokens per 005 line, as the Modern document suggests. */
    private static final int TOKENS_PER_LINE = 13;

    private ISupport() {
    }

    /** The RPL_ISUPPORT lines (VERSION; the registration burst keeps them encoded, see {@link ServerText}). */
    static void reply(ReplyBuffer reply, ServerConfig config) {
        for (String[] params : lines(config)) reply.numeric(Numeric.RPL_ISUPPORT, params);
    }

    /** The parameters of each RPL_ISUPPORT line after the target. */
    static List<String[]> lines(ServerConfig config) {
        List<String> tokens = tokens(config);
        List<String[]> lines = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i += TOKENS_PER_LINE) {
            List<String> params = new ArrayList<>(tokens.subList(i, Math.min(tokens.size(), i + TOKENS_PER_LINE)));
            params.add("are supported by this server");
            lines.add(params.toArray(String[]::new));
        }
        return lines;
    }

    static List<String> tokens(ServerConfig config) {
        List<String> tokens = new ArrayList<>();
        tokens.add("CASEMAPPING=" + config.caseMapping().token());
        tokens.add("CHANTYPES=" + Names.CHANTYPES);
        tokens.add("CHANNELLEN=" + Names.CHANNELLEN);
        tokens.add("NICKLEN=" + Names.NICKLEN);
        tokens.add("NAMELEN=" + Names.NAMELEN);
        tokens.add("TOPICLEN=" + TOPICLEN);
        tokens.add("LINELEN=" + LineParser.MAX_LINE_BYTES);
        tokens.add("TARGMAX=PRIVMSG:" + config.maxTargets() + ",NOTICE:" + config.maxTargets() + ",JOIN:,PART:,NAMES:,WHOIS:" + UserQueries.WHOIS_TARGETS);
        tokens.add("PREFIX=(" + ModeString.PREFIX_MODES + ")" + ModeString.PREFIX_SYMBOLS);
        tokens.add("NETWORK=" + config.networkName());
        tokens.add("UTF8ONLY");
        tokens.add("AWAYLEN=" + AWAYLEN);
        tokens.add("WHOX");
        tokens.add("BOT=B");
        tokens.add("CHANMODES=" + ModeString.chanmodes());
        tokens.add("CHANLIMIT=" + Names.CHANTYPES + ":" + ChannelLimits.MAX_CHANNELS_PER_USER);
        tokens.add("MAXLIST=" + ModeString.LIST_MODES + ":" + ChannelLimits.MAX_LIST_ENTRIES);
        tokens.add("MODES=" + ChannelLimits.MAX_MODES_PER_COMMAND);
        tokens.add("EXCEPTS=e");
        tokens.add("INVEX=I");
        tokens.add("KICKLEN=" + ModerationCommands.KICKLEN);
        tokens.add("ELIST=" + ListCommands.ELIST);
        tokens.add("MONITOR=" + chat.server.state.Monitors.MAX_TARGETS);
        tokens.add("STATUSMSG=" + StatusMessages.PREFIXES);
        tokens.add("EXTBAN=," + chat.server.state.Extbans.TYPES);
        if (config.store().historyEnabled()) {
            tokens.add("CHATHISTORY=" + chat.server.history.History.MAX_LIMIT);
            tokens.add("MSGREFTYPES=timestamp,msgid");
        }
        return tokens;
    }
}
