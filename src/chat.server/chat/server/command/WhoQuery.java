package chat.server.command;

import chat.protocol.CaseMapping;
import chat.server.change.Identity;

/**
 * One WHO request, {@code WHO [<mask> [<flags>][%<fields>[,<token>]]]}, parsed.
 *
 * @param mask          the mask as sent (RPL_ENDOFWHO repeats it exactly); {@code *} when none was sent
 * @param operatorsOnly the {@code o} flag: only IRC operators are listed
 * @param fields        the WHOX fields asked for, in the order RPL_WHOSPCRPL sends them; null for a plain WHO (352)
 * @param token         the WHOX query token for the {@code t} field; {@code 0} when none (or an invalid one) was sent
 */
record WhoQuery(String mask, boolean operatorsOnly, String fields, String token) {

    /** The WHOX fields this server sends, in their standard order (the IRCv3 spec and Ergo/Solanum agree). */
    static final String WHOX_FIELDS = "tcuihsnfdlaor";
    /** Longest WHOX token: the spec allows up to three digits. */
    static final int WHOX_TOKEN_DIGITS = 3;

    static WhoQuery parse(String mask, String options) {
        if (mask == null || mask.isEmpty()) mask = "*";
        if (options == null) return new WhoQuery(mask, false, null, "0");
        int percent = options.indexOf('%');
        String flags = percent < 0 ? options : options.substring(0, percent);
        boolean operators = flags.indexOf('o') >= 0;
        if (percent < 0) return new WhoQuery(mask, operators, null, "0");
        String asked = options.substring(percent + 1);
        String token = "0";
        int comma = asked.indexOf(',');
        if (comma >= 0) {
            String given = asked.substring(comma + 1);
            if (!given.isEmpty() && given.length() <= WHOX_TOKEN_DIGITS && given.chars().allMatch(Character::isDigit)) {
                token = given;
            }
            asked = asked.substring(0, comma);
        }
        StringBuilder fields = new StringBuilder();
        for (char f : WHOX_FIELDS.toCharArray()) {
            if (asked.indexOf(f) >= 0) fields.append(f);
        }
        return new WhoQuery(mask, operators, fields.toString(), token);
    }

    /** Whether RPL_WHOSPCRPL (354) replaces RPL_WHOREPLY (352). */
    boolean whox() {
        return fields != null;
    }

    /** Whether the mask lists everyone: {@code *}, or {@code 0} as RFC 2812 allows. */
    boolean everyone() {
        return mask.equals("*") || mask.equals("0");
    }

    /**
     * Whether a user matches the mask in its nickname, user name, host, real name or whole {@code nick!user@host},
     * regardless of case.
     */
    boolean matches(Identity id, CaseMapping mapping) {
        if (everyone()) return true;
        String folded = mapping.fold(mask);
        return matchesOne(folded, id.nick(), mapping) || matchesOne(folded, id.user(), mapping)
                || matchesOne(folded, id.host(), mapping) || matchesOne(folded, id.realname(), mapping)
                || matchesOne(folded, id.prefix(), mapping);
    }

    private static boolean matchesOne(String foldedMask, String value, CaseMapping mapping) {
        return value != null && Wildcard.matches(foldedMask, mapping.fold(value));
    }
}
