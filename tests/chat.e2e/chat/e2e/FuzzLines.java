package chat.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Lines a hostile or broken client might send: every command the server knows (and some it does not), with
 * sub-commands and parameters drawn from values that have broken IRC servers before (huge numbers, empty and
 * lone-colon parameters, lists with empty items, masks, extbans, timestamps, control and bidi characters,
 * oversized tags and lines). The same seed gives the same lines.
 */
final class FuzzLines {

    private static final List<String> COMMANDS = List.of("ADMIN", "AUTHENTICATE", "AWAY", "BATCH", "CAP",
            "CHATHISTORY", "CHGHOST", "DLINE", "HELP", "INFO", "INVITE", "ISON", "JOIN", "KICK", "KILL", "KLINE",
            "LINKS", "LIST", "LUSERS", "MARKREAD", "MODE", "MONITOR", "MOTD", "NAMES", "NICK", "NICKSERV", "NOTICE",
            "OPER", "PART", "PASS", "PING", "PONG", "PRIVMSG", "QUIT", "REDACT", "REGISTER", "REHASH", "RENAME",
            "SAJOIN", "SAPART", "SETNAME", "STATS", "TAGMSG", "TIME", "TOPIC", "UNDLINE", "UNKLINE", "USER",
            "USERHOST", "VERSION", "WALLOPS", "WHO", "WHOIS", "WHOWAS", "NS", "CS", "HELPOP", "SQUIT", "CONNECT");
    private static final Map<String, List<String>> SUBCOMMANDS = Map.of(
            "CAP", List.of("LS", "LS 302", "LS 99999999999999999999", "REQ", "END", "LIST", "ACK", "NAK",
                    "REQ :sasl batch draft/multiline message-tags echo-message labeled-response draft/read-marker",
                    "REQ :-sasl -batch"),
            "CHATHISTORY", List.of("LATEST", "BEFORE", "AFTER", "AROUND", "BETWEEN", "TARGETS", "latest"),
            "MONITOR", List.of("+", "-", "C", "L", "S"),
            "BATCH", List.of("+x draft/multiline #lobby", "-x", "+y", "+z chathistory", "+x draft/multiline f1"),
            "AUTHENTICATE", List.of("PLAIN", "EXTERNAL", "SCRAM-SHA-256", "*", "+", "AAAA", "===",
                    "ZjEAZjEAc2VzYW1lMTIz"),
            "NICKSERV", List.of("REGISTER", "IDENTIFY", "DROP", "GHOST", "REGAIN", "SET", "INFO", "HELP"),
            "MODE", List.of("#lobby", "#lobby +b", "#lobby +o", "#lobby +k", "#lobby +l", "#lobby +i",
                    "#lobby -b", "#lobby +e", "#lobby +q", "#lobby +bbbbbbbbbbbbbbbbbbbbbbbb", "#lobby b",
                    "f0 +i", "f0 +o", "#lobby +beIq", "#lobby +l -5", "#lobby +k :"),
            "STATS", List.of("u", "m", "k", "d", "l", "p", "o", "c", "*", ""),
            "REGISTER", List.of("* * sesame123", "f1 * sesame123", "* x@y.z sesame123", "* *"));
    private static final List<String> VALUES = List.of("", "*", "#lobby", "#lobby", "#x", "#lobby,#x", "#", "&a",
            "#" + "a".repeat(300), "0", "-1", "50", "-5", "99999999999999999999", "1000", "a".repeat(600), ":", "::",
            ":x y z", "f0", "f1", "f1,f2,f3", "*!*@*", "$a:x", "m:*!*@*", "latest",
            "timestamp=2026-01-01T00:00:00.000Z", "timestamp=2030-01-01T00:00:00.000Z", "timestamp=bogus",
            "msgid=nope", "msgid=" + "x".repeat(100), "é", "\u202e", "\u00ff\u00fe", "#lobby\u0007", "+", "-",
            "+o-o", "* *", "NickServ", "admin", Opers.PASSWORD, "sesame123", "x,y,,,", ",",
            "\u0001ACTION hi\u0001", "\u0001VERSION\u0001", "\u0001DCC SEND x 0 0\u0001");
    private static final List<String> TAGS = List.of("", "", "", "@label=l1 ", "@+draft/reply=x ", "@batch=x ",
            "@" + "a=b;".repeat(300) + " ", "@+typing=active ", "@draft/multiline-concat ", "@time=bad ",
            "@msgid=x ", "@=x ", "@;;; ", "@label=" + "l".repeat(100) + " ", "@+x=\\\\\\ ");
    private static final List<String> ENDINGS = List.of("\r\n", "\r\n", "\r\n", "\n", "\r");

    private final Random random;

    FuzzLines(long seed) {
        this.random = new Random(seed);
    }

    /** The next line, with its line ending. */
    byte[] next() {
        String command = pick(COMMANDS);
        while ((command.equals("QUIT") || command.equals("KILL")) && random.nextInt(100) < 95) {
            command = pick(COMMANDS);
        }
        if (random.nextInt(50) == 0) return ("OPER admin " + Opers.PASSWORD + "\r\n").getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0) command = command.toLowerCase();
        StringBuilder line = new StringBuilder(pick(TAGS)).append(command);
        List<String> subcommands = SUBCOMMANDS.get(command.toUpperCase());
        if (subcommands != null && random.nextInt(10) < 8) line.append(' ').append(pick(subcommands));
        int params = random.nextInt(6);
        for (int i = 0; i < params; i++) {
            String value = pick(VALUES);
            if (value.isEmpty()) value = "x";
            line.append(' ').append(i == params - 1 && random.nextBoolean() ? ":" + value : value);
        }
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        int cut = random.nextInt(8) == 0 ? 8000 : 510;
        byte[] ending = pick(ENDINGS).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[Math.min(bytes.length, cut) + ending.length];
        System.arraycopy(bytes, 0, out, 0, out.length - ending.length);
        System.arraycopy(ending, 0, out, out.length - ending.length, ending.length);
        return out;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
