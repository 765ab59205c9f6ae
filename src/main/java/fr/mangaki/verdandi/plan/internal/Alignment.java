package fr.mangaki.verdandi.plan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Aligns two sequences on a longest common subsequence: what stays, what goes, what comes.
 * The common head and tail are matched first; the middle is aligned exactly only while it is
 * small enough ({@link #MAX_CELLS} cells), and otherwise paired position by position.
 */
public final class Alignment {
    /** The largest middle (base length times head length) aligned exactly. */
    public static final long MAX_CELLS = 4_000_000L;

    private Alignment() {
    }

    /** One step of an alignment; {@code base} or {@code head} is -1 where the step has no element there. */
    public record Step(Kind kind, int base, int head) {
    }

    public enum Kind {
        /** The same element on both sides. */
        SAME,
        /** An element of the base only. */
        REMOVED,
        /** An element of the head only. */
        ADDED
    }

    /**
     * The steps turning {@code base} into {@code head}, in order: every base index and every head
     * index appears exactly once.
     *
     * @return the steps, and whether the middle was aligned exactly
     */
    public static <T> Result align(List<T> base, List<T> head, BiPredicate<T, T> same) {
        int n = base.size();
        int m = head.size();
        int start = 0;
        while (start < n && start < m && same.test(base.get(start), head.get(start))) {
            start++;
        }
        int endBase = n;
        int endHead = m;
        while (endBase > start && endHead > start && same.test(base.get(endBase - 1), head.get(endHead - 1))) {
            endBase--;
            endHead--;
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            steps.add(new Step(Kind.SAME, i, i));
        }
        int rows = endBase - start;
        int cols = endHead - start;
        boolean exact = (long) rows * cols <= MAX_CELLS;
        if (exact) {
            middle(base, head, same, start, rows, cols, steps);
        } else {
            for (int i = 0; i < rows; i++) {
                steps.add(new Step(Kind.REMOVED, start + i, -1));
            }
            for (int j = 0; j < cols; j++) {
                steps.add(new Step(Kind.ADDED, -1, start + j));
            }
        }
        for (int k = 0; k < n - endBase; k++) {
            steps.add(new Step(Kind.SAME, endBase + k, endHead + k));
        }
        return new Result(steps, exact);
    }

    /** The steps of an alignment. */
    public record Result(List<Step> steps, boolean exact) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    private static <T> void middle(List<T> base, List<T> head, BiPredicate<T, T> same, int start, int rows,
            int cols, List<Step> steps) {
        // lengths[i][j]: longest common subsequence of base[start+i..] and head[start+j..]
        // (one flat array: rows or cols may be 1)
        int width = cols + 1;
        int[] lengths = new int[(rows + 1) * width];
        for (int i = rows - 1; i >= 0; i--) {
            for (int j = cols - 1; j >= 0; j--) {
                lengths[i * width + j] = same.test(base.get(start + i), head.get(start + j))
                        ? lengths[(i + 1) * width + j + 1] + 1
                        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < rows || j < cols) {
            if (i < rows && j < cols && same.test(base.get(start + i), head.get(start + j))) {
                steps.add(new Step(Kind.SAME, start + i, start + j));
                i++;
                j++;
            } else if (j < cols && (i == rows || lengths[i * width + j + 1] > lengths[(i + 1) * width + j])) {
                steps.add(new Step(Kind.ADDED, -1, start + j));
                j++;
            } else {
                steps.add(new Step(Kind.REMOVED, start + i, -1));
                i++;
            }
        }
    }

    /** {@link #align} with {@link Objects#equals}. */
    public static <T> Result align(List<T> base, List<T> head) {
        return align(base, head, Objects::equals);
    }
}
