package chat.client.input;

import static chat.client.input.InputParser.NO_CHANNEL;
import static chat.client.input.InputParser.usage;

import chat.protocol.IrcMessage;

import java.util.ArrayList;
import java.util.List;

/** Questions to the server and about ourselves: /whois, /who, /list, /away. Stateless. */
final class QueryCommands {

    private QueryCommands() {
    }

    // /whois <nick>
    static Input whois(String args, String current) {
        List<String> words = Words.all(args);
        if (words.size() != 1) return usage("whois");
        return send(IrcMessage.of("WHOIS", words.get(0)));
    }

    // /who [mask [flags]]
    static Input who(String args, String current) {
        List<String> params = new ArrayList<>(Words.all(args));
        if (params.isEmpty()) {
            if (current == null) return new Input.Problem(NO_CHANNEL);
            params.add(current);
        }
        if (params.size() > 2) return usage("who");
        return send(IrcMessage.of("WHO", params.toArray(String[]::new)));
    }

    // /list [mask]
    static Input list(String args, String current) {
        List<String> words = Words.all(args);
        if (words.size() > 1) return usage("list");
        return send(words.isEmpty() ? IrcMessage.of("LIST") : IrcMessage.of("LIST", words.get(0)));
    }

    // /away [message]
    static Input away(String args, String current) {
        String message = args.strip();
        return send(message.isEmpty() ? IrcMessage.of("AWAY") : IrcMessage.of("AWAY", message));
    }

    private static Input send(IrcMessage message) {
        return new Input.Send(List.of(message), null);
    }
}
