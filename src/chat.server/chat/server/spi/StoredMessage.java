package chat.server.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One message as history keeps it.
 *
 * @param seq          the store's order of commit (0 before it is stored); breaks ties between equal times
 * @param msgid        the IRCv3 msgid it was sent with
 * @param timeMillis   the server time it was sent at
 * @param conversation the key of the conversation it belongs to (a folded channel name, or a private pair)
 * @param source       the sender as {@code nick!user@host}
 * @param account      the sender's account, or null
 * @param command      PRIVMSG, NOTICE or TAGMSG
 * @param target       the target as the sender wrote it (channel or nickname)
 * @param text         the text; null for TAGMSG
 * @param tags         the client-only tags it carried ({@code +key})
 */
public record StoredMessage(long seq, String msgid, long timeMillis, String conversation, String source,
                            String account, String command, String target, String text, Map<String, String> tags) {

    public StoredMessage {
        Objects.requireNonNull(msgid, "msgid");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        tags = Map.copyOf(tags);
    }
}
