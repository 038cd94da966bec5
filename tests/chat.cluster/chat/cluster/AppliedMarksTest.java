package chat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AppliedMarksTest {

    private final AppliedMarks marks = new AppliedMarks();

    @Test
    void anEntryResentAfterItWasAppliedIsSkippedAndWhatFollowsIsApplied() {
        // The writer sent 1 2 3; Redis appended them; the connection broke before the replies were read: 2 and 3
        // (unconfirmed) come again, then 4.
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 1))).isTrue();
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 2))).isTrue();
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 3))).isTrue();
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 2))).isFalse();
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 3))).isFalse();
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 4))).isTrue();
    }

    @Test
    void eachNodeAndEachIncarnationCountsApart() {
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 40))).isTrue();
        assertThat(marks.fresh("b", AppliedMarks.stamp("y", 1))).isTrue();
        // node a restarted: a new incarnation numbers from 1 again
        assertThat(marks.fresh("a", AppliedMarks.stamp("z", 1))).isTrue();
        assertThat(marks.fresh("a", AppliedMarks.stamp("z", 1))).isFalse();
        assertThat(marks.fresh("b", AppliedMarks.stamp("y", 1))).isFalse();
    }

    @Test
    void unstampedEntriesAreAlwaysApplied() {
        assertThat(marks.fresh("a", null)).isTrue();
        assertThat(marks.fresh("a", null)).isTrue();
        assertThat(marks.fresh("a", "")).isTrue();
        assertThat(marks.fresh("a", "x.not-base36!")).isTrue();
    }

    @Test
    void seedingFromTheLogBeforeOnesPlaceTakesTheNewestIncarnationsHighestNumber() {
        marks.startSeeding();
        // read backwards: newest first; a copy (2) after the original's successor (3); an older incarnation (w)
        marks.seed("a", AppliedMarks.stamp("x", 2));
        marks.seed("a", AppliedMarks.stamp("x", 3));
        marks.seed("a", AppliedMarks.stamp("w", 90));
        assertThat(marks.seededAll(Set.of("a"))).isTrue();
        assertThat(marks.seededAll(Set.of("a", "b"))).isFalse();
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 3))).isFalse();
        assertThat(marks.fresh("a", AppliedMarks.stamp("x", 4))).isTrue();
    }
}
