package fr.mangaki.verdandi.plan.internal;

import java.util.Locale;

/**
 * Text from a plan made safe to print in Markdown: each value stays one visible line (control
 * and bidirectional-override characters escaped), and a code block is fenced with more
 * backticks than any run of backticks inside it, so that no value can close the block or
 * change the Markdown around it.
 */
public final class MarkdownEscaping {
    private MarkdownEscaping() {
    }

    /** Control and bidirectional-override characters escaped, so one value stays one visible line. */
    public static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x2028 || c == 0x2029;
            if (bad && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (!bad) {
                    b.append(c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\t') {
                    b.append("\\t");
                } else if (c == '\r') {
                    b.append("\\r");
                } else {
                    b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * {@code s} as inline code: {@linkplain #escape escaped}, between runs of backticks longer
     * than any inside it (padded with spaces when it starts or ends with one), so that it stays
     * one piece of code whatever it holds.
     */
    public static String code(String s) {
        String text = escape(s);
        String fence = "`".repeat(longestBacktickRun(text) + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /** The longest run of backticks in {@code s}. */
    public static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** The fence of a code block whose longest run of backticks is {@code run}: longer, and at least three. */
    public static String fence(int run) {
        return "`".repeat(Math.max(3, run + 1));
    }
}
