package fr.mangaki.verdandi.plan.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * The differences between two lists of a plan diff (the lines of a multi-line value, the
 * elements of a list input), computed by java-diff-utils' Myers diff: a shortest edit script,
 * aligned on the equal elements ({@link Object#equals}).
 *
 * <p>Bounded: the common head and tail are matched first, and the middle is compared element
 * by element only while it is small enough ({@link #MAX_CELLS}); otherwise all of the middle
 * is one run of differences, so that a huge list costs little.
 */
public final class ListDiff {
    /** The largest middle (its base length times its head length) compared element by element. */
    public static final long MAX_CELLS = 4_000_000L;

    private ListDiff() {
    }

    /**
     * The differences of two lists.
     *
     * @param patch the runs of differences, in order, each a delta whose source is the base's
     *              elements that go and whose target is the head's elements that come, at their
     *              positions in the whole lists; two runs are separated by equal elements
     * @param exact false when the middle was too big to compare and is one run
     */
    public record Result<T>(Patch<T> patch, boolean exact) {
        /** The deltas of {@link #patch()}, in order. */
        public List<AbstractDelta<T>> deltas() {
            return patch.getDeltas();
        }

        /** How many elements of the base go. */
        public int removed() {
            return deltas().stream().mapToInt(d -> d.getSource().size()).sum();
        }

        /** How many elements of the head come. */
        public int added() {
            return deltas().stream().mapToInt(d -> d.getTarget().size()).sum();
        }
    }

    /** The differences turning {@code base} into {@code head}. */
    public static <T> Result<T> compare(List<T> base, List<T> head) {
        int start = 0;
        while (start < base.size() && start < head.size() && base.get(start).equals(head.get(start))) {
            start++;
        }
        int endBase = base.size();
        int endHead = head.size();
        while (endBase > start && endHead > start && base.get(endBase - 1).equals(head.get(endHead - 1))) {
            endBase--;
            endHead--;
        }
        List<T> gone = base.subList(start, endBase);
        List<T> come = head.subList(start, endHead);
        Patch<T> patch = new Patch<>();
        boolean exact = (long) gone.size() * come.size() <= MAX_CELLS;
        if (!exact) {
            patch.addDelta(new ChangeDelta<>(new Chunk<>(start, gone), new Chunk<>(start, come)));
        } else if (!gone.isEmpty() || !come.isEmpty()) {
            for (AbstractDelta<T> d : DiffUtils.diff(gone, come, new MyersDiff<T>()).getDeltas()) {
                patch.addDelta(d.withChunks(new Chunk<>(start + d.getSource().getPosition(), d.getSource().getLines()),
                        new Chunk<>(start + d.getTarget().getPosition(), d.getTarget().getLines())));
            }
        }
        return new Result<>(patch, exact);
    }
}
