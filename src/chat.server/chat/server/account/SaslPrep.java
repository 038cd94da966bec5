package chat.server.account;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) as SCRAM needs it for passwords: non-ASCII spaces become a space, characters mapped to
 * nothing are removed, then NFKC. Prohibited characters (controls) are kept as they are: a password that
 * contains them still matches itself, which is all a server needs.
 */
final class SaslPrep {

    private SaslPrep() {
    }

    static String prepare(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (mappedToNothing(c)) continue;
            out.appendCodePoint(nonAsciiSpace(c) ? ' ' : c);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFKC);
    }

    // RFC 3454 table B.1
    private static boolean mappedToNothing(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D)
                || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
    }

    // RFC 3454 table C.1.2
    private static boolean nonAsciiSpace(int c) {
        return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
    }
}
