package chat.bots.guard;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules that look at one message alone: mass highlights, shouting, links and banned words. */
final class Checks {

    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:(?:https?|ftp)://|www\\.)([a-z0-9.-]+)|\\b([a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|io|ru|xyz|info|biz|top|gg|ly|me|co|tk))\\b");
    private static final Pattern WORD = Pattern.compile("[^\\s,:;.!?()<>\"']+");

    private Checks() {
    }

    /** The first rule {@code text} breaks, or null. {@code members} holds the channel's nicknames, case-folded. */
    static Offence check(Rules rules, String text, Set<String> members, String sender) {
        if (rules.highlights() > 0) {
            int named = highlights(text, members, sender);
            if (named >= rules.highlights()) {
                return new Offence("highlight", "mass highlighting (" + named + " members named in one message)");
            }
        }
        if (rules.capsPercent() > 0 && shouting(text, rules.capsPercent())) {
            return new Offence("caps", "shouting (too many capital letters)");
        }
        if (rules.linkHosts() != null) {
            String host = forbiddenLink(text, rules);
            if (host != null) return new Offence("links", "a link to " + host + ", which is not allowed here");
        }
        for (Pattern p : rules.words()) {
            if (p.matcher(text).find()) return new Offence("words", "a word or phrase that is not allowed here");
        }
        return null;
    }

    static int highlights(String text, Set<String> members, String sender) {
        java.util.Set<String> named = new java.util.HashSet<>();
        Matcher m = WORD.matcher(text);
        String self = sender.toLowerCase(Locale.ROOT);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!w.equals(self) && members.contains(w)) named.add(w);
        }
        return named.size();
    }

    static boolean shouting(String text, int percent) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) upper++;
            }
        }
        return letters >= Rules.CAPS_MIN_LETTERS && upper * 100 >= percent * letters;
    }

    /** The host of the first link not on the allow-list, or null. */
    static String forbiddenLink(String text, Rules rules) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String host = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            while (host.endsWith(".")) host = host.substring(0, host.length() - 1);
            if (!allowed(host, rules)) return host;
        }
        return null;
    }

    private static boolean allowed(String host, Rules rules) {
        for (String ok : rules.linkHosts()) {
            if (host.equals(ok) || host.endsWith("." + ok)) return true;
        }
        return false;
    }
}
