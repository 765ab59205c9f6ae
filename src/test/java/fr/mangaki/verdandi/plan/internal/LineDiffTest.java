package fr.mangaki.verdandi.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    private static String text(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static LineDiff.Hunks hunks(String base, String head) {
        return assertInstanceOf(LineDiff.Hunks.class, LineDiff.compare(base, head));
    }

    @Test
    void printsAUnifiedDiffWithOneLineOfContext() {
        LineDiff.Hunks hunks = hunks(text("a", "b", "c", "d", "e", "f", "g", "h"),
                text("a", "B", "c", "d", "e", "f", "g", "h", "i"));
        assertEquals(List.of("@@ -1,3 +1,3 @@", " a", "-b", "+B", " c", "@@ -8,1 +8,2 @@", " h", "+i"), hunks.lines());
        assertEquals(1, hunks.removed());
        assertEquals(2, hunks.added());
    }

    @Test
    void changesCloseTogetherShareAHunk() {
        assertEquals(List.of("@@ -1,5 +1,5 @@", "-a", "+A", " b", " c", "-d", "+D", " e"),
                hunks(text("a", "b", "c", "d", "e", "f"), text("A", "b", "c", "D", "e", "f")).lines());
        assertEquals(List.of("@@ -1,2 +1,2 @@", "-a", "+A", " b", "@@ -4,3 +4,3 @@", " d", "-e", "+E", " f"),
                hunks(text("a", "b", "c", "d", "e", "f"), text("A", "b", "c", "d", "E", "f")).lines());
    }

    @Test
    void showsEachLineThroughTheGivenFunctionButNotTheHeaders() {
        assertEquals(List.of("@@ -1,1 +1,2 @@", " <a>", "+<b\\tc>"),
                hunks("a\n", "a\nb\tc\n").lines(line -> "<" + MarkdownEscaping.escape(line) + ">"));
    }

    @Test
    void linesThatDifferOnlyInTheirEndingsAreTheSame() {
        assertInstanceOf(LineDiff.SameLines.class, LineDiff.compare("a\nb\n", "a\r\nb"));
    }

    @Test
    void textsTooDifferentAreNotCompared() {
        String base = IntStream.range(0, 2100).mapToObj(i -> "a" + i).collect(Collectors.joining("\n"));
        String head = IntStream.range(0, 2100).mapToObj(i -> "b" + i).collect(Collectors.joining("\n"));
        assertInstanceOf(LineDiff.TooDifferent.class, LineDiff.compare(base, head));
    }

    @Test
    void splitsLinesAtNewlinesAndDropsTheEmptyLastOne() {
        assertEquals(List.of("a", "b"), LineDiff.lines("a\r\nb\n"));
        assertEquals(List.of("a", "", "b", ""), LineDiff.lines("a\n\nb\n\n"));
        assertEquals(List.of(""), LineDiff.lines(""));
    }
}
