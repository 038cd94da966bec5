package chat.client.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Lines that carry a password: {@code /login} and {@code /register} typed without one get it asked for (without
 * echo on a terminal) and put in; and the SASL PLAIN payload for {@code --account}, in 400-byte chunks.
 */
public final class Secrets {

    /** Longest AUTHENTICATE parameter (IRCv3 sasl). */
    static final int CHUNK = 400;

    private Secrets() {
    }

    /** Whether the typed line is a /login or /register that lacks its password. */
    public static boolean needsPassword(String line) {
        String[] words = line.strip().split(" +");
        String command = words[0].toLowerCase(Locale.ROOT);
        return (command.equals("/login") && words.length < 3) || (command.equals("/register") && words.length < 2);
    }

    /** The line with the password put where the command expects it. */
    public static String withPassword(String line, String password) {
        String[] words = line.strip().split(" +");
        if (words[0].equalsIgnoreCase("/login")) {
            return words.length == 1 ? "/login " + password : "/login " + words[1] + " " + password;
        }
        return "/register " + password;
    }

    /** {@code AUTHENTICATE} parameters for SASL PLAIN as {@code account}: the chunks, then "+" if the last was full. */
    public static List<String> plainChunks(String account, String password) {
        String encoded = Base64.getEncoder().encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < encoded.length(); i += CHUNK) chunks.add(encoded.substring(i, Math.min(encoded.length(), i + CHUNK)));
        if (encoded.length() % CHUNK == 0) chunks.add("+");
        return chunks;
    }
}
