package fr.mangaki.verdandi.plan.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The bounds of a Markdown document made of sections of entries in {@code diff} code blocks (a
 * plan diff comment): the whole document never exceeds a number of characters, and one entry
 * ({@link #block}) never exceeds a number of lines. Entries are rendered only while they fit,
 * so a huge diff costs what its output shows; what does not fit is counted in a last line.
 * Each code block is {@linkplain MarkdownEscaping#fence fenced} longer than any run of
 * backticks in its entries.
 */
public final class MarkdownBudget {
    private static final String MORE = "… %d more change%s not shown (see the workflow log)";

    private final StringBuilder out;
    private final int maxChars;
    private final String footer;
    private final int total;
    /** Room kept for the footer and the truncation line, whatever happens. */
    private final int reserve;
    private int shown;
    private boolean full;

    /**
     * A budget for the rest of a document.
     *
     * @param out      the document so far (its heading and summary), appended to
     * @param maxChars the bound on the whole document, in characters (UTF-16 units)
     * @param footer   the text that ends the document, always shown
     * @param total    how many entries all the sections hold
     */
    public MarkdownBudget(StringBuilder out, int maxChars, String footer, int total) {
        this.out = out;
        this.maxChars = maxChars;
        this.footer = footer;
        this.total = total;
        this.reserve = footer.length() + String.format(Locale.ROOT, MORE, total, "s").length() + 4;
    }

    /**
     * Appends a section, {@code #### title (n)} and a code block of its entries, with the entries
     * that fit; once one does not fit, this and later sections append nothing more.
     *
     * @param entries each renders one entry: lines ending with {@code '\n'}
     */
    public void section(String title, List<Supplier<String>> entries) {
        if (full) {
            return;
        }
        StringBuilder body = new StringBuilder();
        int backticks = 0;
        for (Supplier<String> next : entries) {
            String entry = next.get();
            int run = Math.max(backticks, MarkdownEscaping.longestBacktickRun(entry));
            String fence = MarkdownEscaping.fence(run);
            int need = header(title, entries.size(), fence).length() + body.length() + entry.length()
                    + fence.length() + 1;
            if (out.length() + need + reserve > maxChars) {
                full = true;
                break;
            }
            body.append(entry);
            backticks = run;
            shown++;
        }
        if (body.length() > 0) {
            String fence = MarkdownEscaping.fence(backticks);
            out.append(header(title, entries.size(), fence)).append(body).append(fence).append('\n');
        }
    }

    /** Ends the document: the footer, then how many entries were not shown, if any. */
    public String finish() {
        out.append(footer);
        if (shown < total) {
            int more = total - shown;
            out.append('\n').append(String.format(Locale.ROOT, MORE, more, more == 1 ? "" : "s")).append('\n');
        }
        return out.toString();
    }

    /**
     * One entry: its title line (none when {@code null}), then groups of lines (a group is never
     * split) while they fit in {@code maxLines}; the groups left out are counted in a last line,
     * {@code … 3 more changes not shown}, {@code what} naming one group.
     */
    public static String block(String title, List<List<String>> groups, String what, int maxLines) {
        StringBuilder b = new StringBuilder();
        int lines = 0;
        if (title != null) {
            b.append(title).append('\n');
            lines++;
        }
        for (int i = 0; i < groups.size(); i++) {
            List<String> group = groups.get(i);
            boolean last = i == groups.size() - 1;
            if (lines + group.size() > maxLines - (last ? 0 : 1)) {
                int more = groups.size() - i;
                b.append("    … ").append(more).append(" more ").append(what).append(more == 1 ? "" : "s")
                        .append(" not shown (see the workflow log)\n");
                break;
            }
            group.forEach(line -> b.append(line).append('\n'));
            lines += group.size();
        }
        return b.toString();
    }

    private static String header(String title, int entries, String fence) {
        return "\n#### " + title + " (" + entries + ")\n\n" + fence + "diff\n";
    }
}
