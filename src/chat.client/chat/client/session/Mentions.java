package chat.client.session;

import chat.client.render.View;
import chat.protocol.IrcMessage;

import java.util.Locale;

/** Which received messages concern the user: a private message, or a channel line that names them. */
final class Mentions {

    private Mentions() {
    }

    /** Whether the message is a PRIVMSG or NOTICE from someone else, to us or naming us as a whole word. */
    static boolean concernsMe(IrcMessage m, View view) {
        if (!m.command().equals("PRIVMSG") && !m.command().equals("NOTICE")) return false;
        if (m.params().size() < 2 || m.sourceNick() == null || view.isMe(m.sourceNick())) return false;
        // History is looked at, not news.
        if (m.tags().containsKey("batch")) return false;
        // A server's notices (during registration: no nick yet) are not someone talking to us.
        if (m.source() != null && m.source().indexOf('!') < 0) return false;
        if (view.isMe(m.param(0))) return true;
        return names(m.last(), view.nick());
    }

    /** Whether {@code text} holds {@code nick} as a word of its own (any case). */
    static boolean names(String text, String nick) {
        if (nick == null || nick.isEmpty()) return false;
        String lower = text.toLowerCase(Locale.ROOT);
        String target = nick.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(target); at >= 0; at = lower.indexOf(target, at + 1)) {
            boolean startsWord = at == 0 || !isNickChar(lower.charAt(at - 1));
            int end = at + target.length();
            boolean endsWord = end == lower.length() || !isNickChar(lower.charAt(end));
            if (startsWord && endsWord) return true;
        }
        return false;
    }

    private static boolean isNickChar(char c) {
        return Character.isLetterOrDigit(c) || "[]\\`_^{|}-".indexOf(c) >= 0;
    }
}
