package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.databind.JsonNode;
import fr.mangaki.verdandi.plan.PlanDiff.Change;
import fr.mangaki.verdandi.plan.PlanDiff.ResourceChange;
import fr.mangaki.verdandi.plan.SavedPlan.Resource;
import fr.mangaki.verdandi.plan.internal.Alignment;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link PlanDiff} as Markdown for a pull-request comment: a heading, a summary line
 * ({@code +2 to add, ~1 to change, -0 to destroy; cost $13.20 → $19.20 (+$6.00)/month}), then
 * the details in {@code diff} code blocks: resources to add (with their inputs), to change
 * (each changed input by path, {@code old → new}), to destroy, and changed outputs.
 *
 * <p>Bounded: values longer than {@value #LONG} characters are summarised as in
 * {@link PlanText} (multi-line strings, such as
 * cloud-init user data, as a line and byte count plus a short unified diff of their lines),
 * one resource shows at most {@value #MAX_ENTRY_LINES} lines, and the whole text never exceeds
 * the given number of characters (default {@value #DEFAULT_MAX_CHARS}, under GitHub's 65,536
 * for a comment): what does not fit is counted in a last line "… N more changes not shown".
 * Every value from the plans is printed inside a code block whose fence is longer than any run
 * of backticks in it, so a value cannot change the Markdown around it.
 */
public final class PlanDiffMarkdown {
    /** Strings longer than this, or of several lines, are summarised: a comment stays compact. */
    static final int LONG = 100;

    /** The default bound on the output, in characters. */
    public static final int DEFAULT_MAX_CHARS = 60_000;
    /** The smallest bound accepted: the heading, the summary and the notes always fit. */
    public static final int MIN_MAX_CHARS = 2_000;
    /** At most this many lines for one resource or output. */
    static final int MAX_ENTRY_LINES = 40;
    /** At most this many lines for the unified diff of one multi-line string. */
    static final int MAX_TEXT_DIFF_LINES = 24;
    /** Names, types and paths longer than this are cut. */
    static final int MAX_NAME = 160;
    /** Lines of a multi-line string longer than this are cut in its unified diff. */
    static final int MAX_DIFF_LINE = 120;
    /** Context lines around each change in a unified diff. */
    private static final int CONTEXT = 1;
    private static final String ARROW = " → ";
    private static final String MORE = "… %d more change%s not shown (see the workflow log)";

    private PlanDiffMarkdown() {
    }

    /** {@link #render(PlanDiff, int)} with {@link #DEFAULT_MAX_CHARS}. */
    public static String render(PlanDiff diff) {
        return render(diff, DEFAULT_MAX_CHARS);
    }

    /**
     * The diff as Markdown of at most {@code maxChars} characters (UTF-16 units, which never
     * count fewer than GitHub's characters).
     *
     * @throws IllegalArgumentException when {@code maxChars} is below {@link #MIN_MAX_CHARS}
     */
    public static String render(PlanDiff diff, int maxChars) {
        if (maxChars < MIN_MAX_CHARS) {
            throw new IllegalArgumentException("the bound must be at least " + MIN_MAX_CHARS + " characters, not "
                    + maxChars);
        }
        StringBuilder out = new StringBuilder();
        out.append("### Plan diff: ").append(stacks(diff)).append("\n\n");
        String footer = footer(diff);
        if (!diff.hasChanges()) {
            out.append("**No changes**: the same ").append(diff.unchanged()).append(" resource")
                    .append(diff.unchanged() == 1 ? "" : "s").append(", inputs and outputs; ")
                    .append(cost(diff)).append("\n");
            out.append(footer);
            return out.toString();
        }
        out.append("**").append(summary(diff)).append("**\n\n");
        out.append("_Offline plans compared (`bin/verdandi plan --json` of each side). Whether a change updates "
                + "a resource in place or replaces it is the provider's call: `pulumi preview` says._\n");

        List<Section> sections = List.of(
                new Section("To add", diff.added().stream().map(PlanDiffMarkdown::addedEntry).toList()),
                new Section("To change", diff.changed().stream().map(PlanDiffMarkdown::changedEntry).toList()),
                new Section("To destroy", diff.removed().stream().map(PlanDiffMarkdown::removedEntry).toList()),
                new Section("Outputs changed", diff.outputs().stream().map(PlanDiffMarkdown::outputEntry).toList()));
        int total = diff.changeCount();
        // room kept for the footer and the truncation line, whatever happens
        int reserve = footer.length() + String.format(Locale.ROOT, MORE, total, "s").length() + 4;
        int shown = 0;
        for (Section section : sections) {
            // entries are rendered only while they fit: a huge diff costs what its output shows
            StringBuilder body = new StringBuilder();
            int backticks = 0;
            boolean full = false;
            for (Supplier<String> next : section.entries()) {
                String entry = next.get();
                int run = Math.max(backticks, longestBacktickRun(entry));
                int fence = Math.max(3, run + 1);
                int need = header(section, fence).length() + body.length() + entry.length() + fence + 1;
                if (out.length() + need + reserve > maxChars) {
                    full = true;
                    break;
                }
                body.append(entry);
                backticks = run;
                shown++;
            }
            if (body.length() > 0) {
                int fence = Math.max(3, backticks + 1);
                out.append(header(section, fence)).append(body).append("`".repeat(fence)).append('\n');
            }
            if (full) {
                break;
            }
        }
        out.append(footer);
        if (shown < total) {
            int more = total - shown;
            out.append('\n').append(String.format(Locale.ROOT, MORE, more, more == 1 ? "" : "s")).append('\n');
        }
        return out.toString();
    }

    /** The summary line, e.g. {@code +2 to add, ~1 to change, -0 to destroy; cost $13.20 → $19.20 (+$6.00)/month}. */
    public static String summary(PlanDiff diff) {
        StringBuilder s = new StringBuilder();
        s.append('+').append(diff.added().size()).append(" to add, ~").append(diff.changed().size())
                .append(" to change, -").append(diff.removed().size()).append(" to destroy");
        if (!diff.outputs().isEmpty()) {
            s.append(", ").append(diff.outputs().size()).append(" output change")
                    .append(diff.outputs().size() == 1 ? "" : "s");
        }
        return s.append("; ").append(cost(diff)).toString();
    }

    private record Section(String title, List<Supplier<String>> entries) {
    }

    private static String header(Section section, int fence) {
        return "\n#### " + section.title() + " (" + section.entries().size() + ")\n\n" + "`".repeat(fence) + "diff\n";
    }

    private static String stacks(PlanDiff diff) {
        return diff.baseStack().equals(diff.headStack()) ? "`" + diff.headStack() + "`"
                : "`" + diff.baseStack() + "`" + ARROW + "`" + diff.headStack() + "`";
    }

    private static String cost(PlanDiff diff) {
        if (diff.baseCost().compareTo(diff.headCost()) == 0) {
            return "cost " + money(diff.headCost()) + "/month (unchanged)";
        }
        BigDecimal delta = diff.costDelta();
        return "cost " + money(diff.baseCost()) + ARROW + money(diff.headCost()) + " ("
                + (delta.signum() > 0 ? "+" : "-") + money(delta.abs()) + ")/month";
    }

    private static String money(BigDecimal usd) {
        return "$" + usd.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String footer(PlanDiff diff) {
        if (diff.secretsNotCompared() == 0) {
            return "";
        }
        int n = diff.secretsNotCompared();
        return "\n_" + n + " secret value" + (n == 1 ? " is" : "s are") + " secret on both sides and "
                + (n == 1 ? "was" : "were") + " not compared (plans never hold secrets): a change to a secret "
                + "alone does not show here._\n";
    }

    // ---- entries: each a block of lines ending with '\n'

    private static Supplier<String> addedEntry(Resource r) {
        return () -> added(r);
    }

    private static String added(Resource r) {
        List<List<String>> groups = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.inputs().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            groups.add(List.of("    " + cut(e.getKey(), MAX_NAME) + ": " + show(e.getValue())));
        }
        return entry("+ " + title(r.name(), r.type(), r.parent()), groups, "input");
    }

    private static Supplier<String> removedEntry(Resource r) {
        return () -> removed(r);
    }

    private static String removed(Resource r) {
        return entry("- " + title(r.name(), r.type(), r.parent()), List.of(), "input");
    }

    private static Supplier<String> changedEntry(ResourceChange c) {
        return () -> changed(c);
    }

    private static String changed(ResourceChange c) {
        List<List<String>> groups = new ArrayList<>();
        if (c.parentChanged()) {
            groups.add(List.of("    (parent): " + c.parentBefore().map(p -> cut(p, MAX_NAME)).orElse("(none)") + ARROW
                    + c.parentAfter().map(p -> cut(p, MAX_NAME)).orElse("(none)")
                    + "  (a new URN: replaced unless it has an alias)"));
        }
        for (Change change : c.changes()) {
            groups.add(change("    ", change));
        }
        if (!c.secretsNotCompared().isEmpty()) {
            groups.add(List.of("    secret on both sides, not compared: " + list(c.secretsNotCompared())));
        }
        return entry("~ " + title(c.name(), c.type(), Optional.empty()), groups, "change");
    }

    private static Supplier<String> outputEntry(Change change) {
        return () -> output(change);
    }

    private static String output(Change change) {
        String mark = change.before().isEmpty() ? "+ " : change.after().isEmpty() ? "- " : "~ ";
        List<String> lines = new ArrayList<>(change("", change));
        lines.set(0, mark + lines.get(0));
        return entry(null, List.of(lines), "line");
    }

    /** A block: its title line, then groups of lines while they fit in {@link #MAX_ENTRY_LINES}. */
    private static String entry(String title, List<List<String>> groups, String what) {
        StringBuilder b = new StringBuilder();
        int lines = 0;
        if (title != null) {
            b.append(title).append('\n');
            lines++;
        }
        for (int i = 0; i < groups.size(); i++) {
            List<String> group = groups.get(i);
            boolean last = i == groups.size() - 1;
            if (lines + group.size() > MAX_ENTRY_LINES - (last ? 0 : 1)) {
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

    private static String title(String name, String type, Optional<String> parent) {
        return cut(name, MAX_NAME) + "  (" + cut(type, MAX_NAME) + parent.map(p -> ", parent " + cut(p, MAX_NAME))
                .orElse("") + ")";
    }

    /** The lines of one change: {@code path: old → new}, and a line diff under a changed multi-line string. */
    private static List<String> change(String indent, Change change) {
        String path = cut(change.path(), MAX_NAME);
        Optional<JsonNode> before = change.before();
        Optional<JsonNode> after = change.after();
        if (before.isPresent() && after.isPresent() && isLongText(before.get(), after.get())) {
            return textChange(indent, path, before.get().textValue(), after.get().textValue());
        }
        String left = before.map(PlanDiffMarkdown::show).orElse("(not set)");
        String right = after.map(PlanDiffMarkdown::show).orElse("(not set)");
        if (left.equals(right) && before.isPresent() && after.isPresent()) {
            left = exact(before.get());
            right = exact(after.get());
        }
        String note = "";
        if (change.secrecyChanged() && before.filter(PlanDiff::isSecret).isPresent() && after.isPresent()) {
            note = "  (no longer a secret!)";
        }
        return List.of(indent + path + ": " + left + ARROW + right + note);
    }

    private static boolean isLongText(JsonNode a, JsonNode b) {
        if (!a.isTextual() || !b.isTextual() || special(a.textValue()) || special(b.textValue())) {
            return false;
        }
        return isLong(a.textValue()) || isLong(b.textValue());
    }

    private static boolean special(String s) {
        return s.equals(PlanPlaceholders.SECRET) || s.equals(PlanPlaceholders.UNKNOWN) || s.equals(PlanDiff.PLAIN_NOT_SHOWN);
    }

    private static boolean isLong(String s) {
        return s.length() > LONG || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static List<String> textChange(String indent, String path, String a, String b) {
        List<String> lines = new ArrayList<>();
        lines.add(indent + path + ": changed (" + size(a) + ARROW + size(b) + ")");
        List<String> left = splitLines(a);
        List<String> right = splitLines(b);
        Alignment.Result alignment = Alignment.align(left, right);
        String pad = indent + "    ";
        if (left.equals(right)) {
            lines.add(pad + "(the same lines: only line endings or the final newline differ)");
            return lines;
        }
        if (!alignment.exact()) {
            lines.add(pad + "(too different to compare line by line)");
            return lines;
        }
        List<String> hunks = hunks(alignment.steps(), left, right);
        if (hunks.size() > MAX_TEXT_DIFF_LINES) {
            long gone = alignment.steps().stream().filter(s -> s.kind() == Alignment.Kind.REMOVED).count();
            long come = alignment.steps().stream().filter(s -> s.kind() == Alignment.Kind.ADDED).count();
            lines.add(pad + "(" + gone + " line" + (gone == 1 ? "" : "s") + " removed, " + come + " added: "
                    + "too many to show here)");
            return lines;
        }
        hunks.forEach(h -> lines.add(pad + h));
        return lines;
    }

    /** Lines of a unified diff with {@link #CONTEXT} lines of context. */
    private static List<String> hunks(List<Alignment.Step> steps, List<String> left, List<String> right) {
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == Alignment.Kind.SAME) {
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = Math.min(steps.size(), i + CONTEXT + 1);
            if (!ranges.isEmpty() && start <= ranges.get(ranges.size() - 1)[1]) {
                ranges.get(ranges.size() - 1)[1] = end;
            } else {
                ranges.add(new int[] {start, end});
            }
        }
        List<String> out = new ArrayList<>();
        for (int[] range : ranges) {
            int baseBefore = 0;
            int headBefore = 0;
            for (int i = 0; i < range[0]; i++) {
                baseBefore += steps.get(i).kind() != Alignment.Kind.ADDED ? 1 : 0;
                headBefore += steps.get(i).kind() != Alignment.Kind.REMOVED ? 1 : 0;
            }
            int baseCount = 0;
            int headCount = 0;
            List<String> body = new ArrayList<>();
            for (int i = range[0]; i < range[1]; i++) {
                Alignment.Step s = steps.get(i);
                switch (s.kind()) {
                    case SAME -> {
                        body.add(" " + line(left.get(s.base())));
                        baseCount++;
                        headCount++;
                    }
                    case REMOVED -> {
                        body.add("-" + line(left.get(s.base())));
                        baseCount++;
                    }
                    case ADDED -> {
                        body.add("+" + line(right.get(s.head())));
                        headCount++;
                    }
                }
            }
            out.add("@@ -" + (baseBefore + (baseCount > 0 ? 1 : 0)) + "," + baseCount + " +"
                    + (headBefore + (headCount > 0 ? 1 : 0)) + "," + headCount + " @@");
            out.addAll(body);
            if (out.size() > MAX_TEXT_DIFF_LINES) {
                break;
            }
        }
        return out;
    }

    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\r?\n", -1)));
        if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String line(String s) {
        return cut(escape(s), MAX_DIFF_LINE);
    }

    private static String size(String s) {
        long lines = s.lines().count();
        return lines + " line" + (lines == 1 ? "" : "s") + ", " + s.getBytes(StandardCharsets.UTF_8).length + " bytes";
    }

    // ---- values

    /** A value in one short line, as {@link PlanText} shows it; containers and long strings summarised. */
    static String show(JsonNode v) {
        StringBuilder b = new StringBuilder();
        if (compact(v, b, LONG)) {
            return b.toString();
        }
        if (v.isTextual()) {
            String s = v.textValue();
            String first = s.lines().findFirst().orElse("");
            return "<" + size(s) + ": " + cut(escape(first), 40) + ">";
        }
        if (v.isArray()) {
            return "[" + v.size() + " item" + (v.size() == 1 ? "" : "s") + "]";
        }
        if (v.isObject()) {
            StringBuilder keys = new StringBuilder();
            for (Iterator<String> it = v.fieldNames(); it.hasNext() && keys.length() < 60; ) {
                keys.append(keys.length() == 0 ? "" : ", ").append(cut(it.next(), 30));
            }
            return "{" + v.size() + " key" + (v.size() == 1 ? "" : "s") + ": " + keys
                    + (keys.length() >= 60 ? ", …" : "") + "}";
        }
        return cut(b.toString(), LONG);
    }

    /** Appends {@code v} compactly; false (with {@code b} unfinished) when it would exceed {@code limit}. */
    private static boolean compact(JsonNode v, StringBuilder b, int limit) {
        if (v.isTextual()) {
            String s = v.textValue();
            if (isLong(s)) {
                return false;
            }
            b.append(s.isEmpty() ? "\"\"" : escape(s));
        } else if (v.isArray()) {
            b.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                if (!compact(v.get(i), b, limit)) {
                    return false;
                }
            }
            b.append(']');
        } else if (v.isObject()) {
            b.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(first ? "" : ", ").append(escape(cut(e.getKey(), limit))).append(": ");
                first = false;
                if (!compact(e.getValue(), b, limit)) {
                    return false;
                }
            }
            b.append('}');
        } else if (v.isNumber()) {
            b.append(cut(v.numberValue().toString(), limit + 1));
        } else {
            b.append(v.asText());
        }
        return b.length() <= limit;
    }

    /** For two values that show alike ({@code "22"} and {@code 22}): JSON, so the difference shows. */
    private static String exact(JsonNode v) {
        if (v.isContainerNode()) {
            return (v.isArray() ? "list " : "object ") + show(v);
        }
        return cut(escape(v.toString()), LONG);
    }

    private static String list(List<String> paths) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < paths.size() && b.length() < 200; i++) {
            b.append(i == 0 ? "" : ", ").append(cut(paths.get(i), MAX_NAME));
        }
        if (i < paths.size()) {
            b.append(" and ").append(paths.size() - i).append(" more");
        }
        return b.toString();
    }

    /** Control and bidirectional-override characters escaped, so one value stays one visible line. */
    static String escape(String s) {
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

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    private static int longestBacktickRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
