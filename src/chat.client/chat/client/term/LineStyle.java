package chat.client.term;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the colours go in a rendered line ({@code 12:01 [#dev] <bob> hi}): the time, the other target's
 * name, the speaker's nickname (a colour of its own, the same every time), events, errors, and the text of a
 * line that concerns the user. Pure: the terminal turns the spans into escape sequences.
 */
final class LineStyle {

    /** What a span of a line is. */
    enum Kind { TIME, TARGET, NICK, EVENT, ERROR, HIGHLIGHT }

    /**
     * A styled part of a line.
     *
     * @param colour for {@link Kind#NICK}: the nickname's colour, an index into {@link #NICK_COLOURS}
     */
    record Span(int start, int end, Kind kind, int colour) {}

    /** ANSI colours for nicknames: the bright and plain ones that read on dark and light backgrounds. */
    static final int[] NICK_COLOURS = {1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14};

    private static final Pattern SHAPE = Pattern.compile(
            "^((?:\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d )?(\\[[^\\]]+\\] )?(?:<([^>]+)> |-([^-\\s]+)- |(\\* )([^ ]+))?");

    private LineStyle() {
    }

    /** The spans of a line; {@code highlight} marks what was said as concerning the user. */
    static List<Span> spans(String line, boolean highlight) {
        List<Span> spans = new ArrayList<>();
        if (line.startsWith("!")) {
            spans.add(new Span(0, line.length(), Kind.ERROR, 0));
            return spans;
        }
        Matcher m = SHAPE.matcher(line);
        if (!m.find()) return spans;
        if (m.group(1) != null) spans.add(new Span(m.start(1), m.end(1) - 1, Kind.TIME, 0));
        if (m.group(2) != null) spans.add(new Span(m.start(2), m.end(2) - 1, Kind.TARGET, 0));
        int said = m.end();
        if (m.group(3) != null) {
            spans.add(new Span(m.start(3), m.end(3), Kind.NICK, colourOf(m.group(3))));
        } else if (m.group(4) != null) {
            spans.add(new Span(m.start(4), m.end(4), Kind.NICK, colourOf(m.group(4))));
        } else if (m.group(5) != null) {
            // "* bob waves" (an action) or "* bob joined #dev" (an event): the nick coloured, events faint.
            if (highlight) {
                spans.add(new Span(m.start(6), m.end(6), Kind.NICK, colourOf(m.group(6))));
            } else {
                spans.add(new Span(m.start(5), line.length(), Kind.EVENT, 0));
                return spans;
            }
        } else if (m.end() == 0) {
            return spans;
        }
        if (highlight && said < line.length()) spans.add(new Span(said, line.length(), Kind.HIGHLIGHT, 0));
        return spans;
    }

    /** The nickname's colour: the same nickname always gets the same one. */
    static int colourOf(String nick) {
        int hash = 0;
        for (int i = 0; i < nick.length(); i++) hash = 31 * hash + Character.toLowerCase(nick.charAt(i));
        return NICK_COLOURS[Math.floorMod(hash, NICK_COLOURS.length)];
    }
}
