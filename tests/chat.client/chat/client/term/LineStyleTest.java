package chat.client.term;

import static org.assertj.core.api.Assertions.assertThat;

import chat.client.term.LineStyle.Kind;
import chat.client.term.LineStyle.Span;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineStyleTest {

    @Test
    void aMessageHasItsTimeAndTheSpeakersColour() {
        String line = "12:01 <bob> hi";
        assertThat(LineStyle.spans(line, false)).containsExactly(
                new Span(0, 5, Kind.TIME, 0), new Span(7, 10, Kind.NICK, LineStyle.colourOf("bob")));
    }

    @Test
    void anotherTargetIsNamedAndAMentionHighlighted() {
        String line = "12:01 [#dev] <bob> alice: look";
        List<Span> spans = LineStyle.spans(line, true);
        assertThat(spans).extracting(Span::kind).containsExactly(Kind.TIME, Kind.TARGET, Kind.NICK, Kind.HIGHLIGHT);
        assertThat(line.substring(spans.get(1).start(), spans.get(1).end())).isEqualTo("[#dev]");
        assertThat(line.substring(spans.get(3).start(), spans.get(3).end())).isEqualTo("alice: look");
    }

    @Test
    void historyWithADateAndEventsAndErrors() {
        assertThat(LineStyle.spans("2025-02-27 18:00 <me> old", false).get(0)).isEqualTo(new Span(0, 16, Kind.TIME, 0));
        assertThat(LineStyle.spans("12:01 * carol joined #lobby", false)).extracting(Span::kind)
                .containsExactly(Kind.TIME, Kind.EVENT);
        assertThat(LineStyle.spans("! #dev: No such channel", false)).containsExactly(new Span(0, 23, Kind.ERROR, 0));
        assertThat(LineStyle.spans("- be nice", false)).isEmpty();
    }

    @Test
    void aNickKeepsItsColourWhateverItsCase() {
        assertThat(LineStyle.colourOf("Bob")).isEqualTo(LineStyle.colourOf("bob"));
        assertThat(LineStyle.NICK_COLOURS).contains(LineStyle.colourOf("someone"));
    }
}
