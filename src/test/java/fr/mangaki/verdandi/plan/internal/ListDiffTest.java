package fr.mangaki.verdandi.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.difflib.patch.AbstractDelta;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListDiffTest {
    /** Each run as {@code -pos[gone] +pos[come]}. */
    private static List<String> runs(ListDiff.Result<String> result) {
        return result.deltas().stream().map(ListDiffTest::run).toList();
    }

    private static String run(AbstractDelta<String> d) {
        return "-" + d.getSource().getPosition() + d.getSource().getLines() + " +" + d.getTarget().getPosition()
                + d.getTarget().getLines();
    }

    @Test
    void findsTheRunsOfDifferencesBetweenEqualElements() {
        ListDiff.Result<String> diff = ListDiff.compare(List.of("a", "b", "c", "d", "e"),
                List.of("a", "x", "c", "d", "y", "e", "z"));
        assertTrue(diff.exact());
        assertEquals(List.of("-1[b] +1[x]", "-4[] +4[y]", "-5[] +6[z]"), runs(diff));
        assertEquals(1, diff.removed());
        assertEquals(3, diff.added());
    }

    @Test
    void anInsertedElementIsOneAddition() {
        assertEquals(List.of("-0[] +0[new]"), runs(ListDiff.compare(List.of("a", "b"), List.of("new", "a", "b"))));
        assertEquals(List.of("-1[b] +1[]"), runs(ListDiff.compare(List.of("a", "b", "c"), List.of("a", "c"))));
    }

    @Test
    void equalListsHaveNoRuns() {
        assertEquals(List.of(), runs(ListDiff.compare(List.of("a", "b"), List.of("a", "b"))));
        assertEquals(List.of(), runs(ListDiff.compare(List.<String>of(), List.<String>of())));
    }

    @Test
    void aMiddleTooBigToCompareIsOneRun() {
        List<String> base = IntStream.range(0, 2100).mapToObj(i -> "a" + i).toList();
        List<String> head = IntStream.range(0, 2100).mapToObj(i -> "b" + i).toList();
        List<String> withEnds = new java.util.ArrayList<>(List.of("same"));
        withEnds.addAll(base);
        withEnds.add("end");
        List<String> otherEnds = new java.util.ArrayList<>(List.of("same"));
        otherEnds.addAll(head);
        otherEnds.add("end");
        ListDiff.Result<String> diff = ListDiff.compare(withEnds, otherEnds);
        assertFalse(diff.exact(), "2100 × 2100 is over " + ListDiff.MAX_CELLS);
        assertEquals(1, diff.deltas().size());
        assertEquals(1, diff.deltas().get(0).getSource().getPosition(), "the equal head is matched first");
        assertEquals(base, diff.deltas().get(0).getSource().getLines());
        assertEquals(head, diff.deltas().get(0).getTarget().getLines());
    }

    @Test
    void aMiddleWithinTheBoundIsCompared() {
        List<String> base = IntStream.range(0, 2000).mapToObj(i -> "l" + i).toList();
        List<String> head = IntStream.range(0, 2000).mapToObj(i -> i % 2 == 0 ? "l" + i : "m" + i).toList();
        ListDiff.Result<String> diff = ListDiff.compare(base, head);
        assertTrue(diff.exact(), "1998 × 1998 is within " + ListDiff.MAX_CELLS);
        assertEquals(1000, diff.deltas().size());
        assertEquals("-1[l1] +1[m1]", run(diff.deltas().get(0)));
    }
}
