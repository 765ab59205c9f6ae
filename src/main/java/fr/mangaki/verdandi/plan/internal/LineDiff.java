package fr.mangaki.verdandi.plan.internal;

import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The line diff of two multi-line strings (cloud-init user data, a script): which lines go and
 * come, as a unified diff with {@value #CONTEXT} line of context (java-diff-utils'
 * {@link UnifiedDiffUtils}) on the differences of {@link ListDiff}.
 */
public final class LineDiff {
    /** Context lines around each change. */
    public static final int CONTEXT = 1;

    private LineDiff() {
    }

    /** What comparing the lines of two strings found. */
    public sealed interface Result permits SameLines, TooDifferent, Hunks {
    }

    /** The same lines: the strings differ only in their line endings or final newline. */
    public record SameLines() implements Result {
    }

    /** Lines too many and too different to compare one by one ({@link ListDiff#MAX_CELLS}). */
    public record TooDifferent() implements Result {
    }

    /**
     * The hunks of a unified diff.
     *
     * @param removed how many lines of the base go
     * @param added   how many lines of the head come
     * @param lines   the hunks' lines, raw: {@code @@ -5,2 +5,3 @@} headers, then each line of the
     *                strings after its mark ({@code ' '}, {@code '-'} or {@code '+'})
     */
    public record Hunks(int removed, int added, List<String> lines) implements Result {
        public Hunks {
            lines = List.copyOf(lines);
        }

        /** The lines with the text of each line of the strings passed through {@code show}; headers as they are. */
        public List<String> lines(UnaryOperator<String> show) {
            return lines.stream().map(l -> l.startsWith("@@") ? l : l.charAt(0) + show.apply(l.substring(1))).toList();
        }
    }

    /** Compares the lines of {@code base} with those of {@code head}. */
    public static Result compare(String base, String head) {
        List<String> left = lines(base);
        List<String> right = lines(head);
        if (left.equals(right)) {
            return new SameLines();
        }
        ListDiff.Result<String> diff = ListDiff.compare(left, right);
        if (!diff.exact()) {
            return new TooDifferent();
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("base", "head", left, diff.patch(), CONTEXT);
        // the first two lines name the files (--- base, +++ head)
        return new Hunks(diff.removed(), diff.added(), unified.subList(2, unified.size()));
    }

    /** The lines of {@code s}, split at {@code \n} or {@code \r\n}; a final newline ends the last line. */
    public static List<String> lines(String s) {
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\r?\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
