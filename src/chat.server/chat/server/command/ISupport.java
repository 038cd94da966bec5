package chat.server.command;

import chat.protocol.LineParser;
import chat.protocol.Names;
import chat.server.ServerConfig;
import java.util.ArrayList;
import java.util.List;

/** The RPL_ISUPPORT tokens: exactly what this server implements. */
final class ISupport {

    /** Longest topic accepted. */
    static final int TOPICLEN = 390;
    /** Longest away message kept, in bytes; longer ones are cut. */
    static final int AWAYLEN = 200;

    private ISupport() {
    }

    static List<String> tokens(ServerConfig config) {
        List<String> tokens = new ArrayList<>();
        tokens.add("CASEMAPPING=" + config.caseMapping().token());
        tokens.add("CHANTYPES=" + Names.CHANTYPES);
        tokens.add("CHANNELLEN=" + Names.CHANNELLEN);
        tokens.add("NICKLEN=" + Names.NICKLEN);
        tokens.add("TOPICLEN=" + TOPICLEN);
        tokens.add("LINELEN=" + LineParser.MAX_LINE_BYTES);
        tokens.add("TARGMAX=PRIVMSG:" + config.maxTargets() + ",NOTICE:" + config.maxTargets() + ",JOIN:,PART:,NAMES:,WHOIS:" + UserQueries.WHOIS_TARGETS);
        tokens.add("PREFIX=(o)@");
        tokens.add("NETWORK=" + config.networkName());
        tokens.add("UTF8ONLY");
        tokens.add("AWAYLEN=" + AWAYLEN);
        tokens.add("WHOX");
        return tokens;
    }
}
