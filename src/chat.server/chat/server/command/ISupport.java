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
        tokens.add("TARGMAX=PRIVMSG:" + config.maxTargets() + ",NOTICE:" + config.maxTargets() + ",JOIN:,PART:,NAMES:");
        tokens.add("PREFIX=(o)@");
        tokens.add("NETWORK=" + config.networkName());
        tokens.add("UTF8ONLY");
        if (config.store().historyEnabled()) {
            tokens.add("CHATHISTORY=" + chat.server.history.History.MAX_LIMIT);
            tokens.add("MSGREFTYPES=timestamp,msgid");
        }
        return tokens;
    }
}
