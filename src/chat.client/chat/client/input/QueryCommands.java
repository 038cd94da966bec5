package chat.client.input;

import static chat.client.input.InputParser.NO_CHANNEL;
import static chat.client.input.InputParser.usage;

import chat.protocol.IrcMessage;

import java.util.ArrayList;
import java.util.List;

/** Questions to the server and about ourselves: /whois, /who, /list, /away, /monitor. Stateless. */
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

    // /monitor [[-]nick...]: nick adds to the notify list, -nick removes; alone, who on it is online now
    static Input monitor(String args, String current) {
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (String word : Words.all(args.replace(',', ' '))) {
            String nick = word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word;
            if (nick.isEmpty()) return usage("monitor");
            (word.startsWith("-") ? remove : add).add(nick);
        }
        if (add.isEmpty() && remove.isEmpty()) return send(IrcMessage.of("MONITOR", "S"));
        List<IrcMessage> lines = new ArrayList<>(2);
        if (!remove.isEmpty()) lines.add(IrcMessage.of("MONITOR", "-", String.join(",", remove)));
        if (!add.isEmpty()) lines.add(IrcMessage.of("MONITOR", "+", String.join(",", add)));
        return new Input.Send(lines, null);
    }

    private static Input send(IrcMessage message) {
        return new Input.Send(List.of(message), null);
    }
}
