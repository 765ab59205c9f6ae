package fr.mangaki.verdandi.plan;

import static fr.mangaki.verdandi.plan.internal.CompactValues.cut;
import static fr.mangaki.verdandi.plan.internal.MarkdownEscaping.escape;

import com.fasterxml.jackson.databind.JsonNode;
import fr.mangaki.verdandi.plan.PlanDiff.Action;
import fr.mangaki.verdandi.plan.PlanDiff.Change;
import fr.mangaki.verdandi.plan.PlanDiff.Protection;
import fr.mangaki.verdandi.plan.PlanDiff.ResourceChange;
import fr.mangaki.verdandi.plan.SavedPlan.Resource;
import fr.mangaki.verdandi.plan.internal.CompactValues;
import fr.mangaki.verdandi.plan.internal.LineDiff;
import fr.mangaki.verdandi.plan.internal.MarkdownBudget;
import fr.mangaki.verdandi.plan.internal.MarkdownEscaping;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link PlanDiff} as Markdown for a pull-request comment: a heading, a summary line
 * ({@code +2 to add, ~1 to change, +-1 to replace, -0 to destroy; cost $13.20 → $19.20
 * (+$6.00)/month}), the resources holding data that would be replaced or destroyed (first, in
 * bold, with what they lose and whether {@code pulumi up} would refuse), then the details in
 * {@code diff} code blocks, with Pulumi's marks: resources to add ({@code +}, with their inputs)
 * or import ({@code =}), to replace ({@code +-}, naming the input that forces it), to change in
 * place ({@code ~}, each changed input by path, {@code old → new}), whose changes
 * {@code pulumi up} ignores ({@code #}), to destroy ({@code -}), and changed outputs.
 *
 * <p>Bounded ({@link MarkdownBudget}): values longer than {@value CompactValues#LONG}
 * characters are summarised ({@link CompactValues}; multi-line strings, such as cloud-init user
 * data, as a line and byte count plus a short unified diff of their lines, {@link LineDiff}),
 * one resource shows at most {@value #MAX_ENTRY_LINES} lines, and the whole text never exceeds
 * the given number of characters (default {@value #DEFAULT_MAX_CHARS}, under GitHub's 65,536
 * for a comment): what does not fit is counted in a last line "… N more changes not shown".
 * Every value from the plans is printed inside a code block whose fence is longer than any run
 * of backticks in it, so a value cannot change the Markdown around it
 * ({@link fr.mangaki.verdandi.plan.internal.MarkdownEscaping}).
 */
public final class PlanDiffMarkdown {
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
    private static final String ARROW = " → ";
    /** At most this many resources in the list of data at risk. */
    static final int MAX_DATA_ENTRIES = 10;

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
        out.append("_Offline plans compared (`bin/verdandi plan --json` of each side). Update or replace follows the "
                + "provider schemas (`willReplaceOnChanges`, `replaceOnChanges`) and the resources' options "
                + "(`ignoreChanges`, `replaceOnChanges`, `protect`); `pulumi preview` asks the providers themselves._\n");
        if (!diff.baseOptions()) {
            out.append("\n_The base plan carries no resource options (an older Verdandi wrote it): whether the running "
                    + "stack already protects a resource is unknown._\n");
        }
        if (!diff.headOptions()) {
            out.append("\n_The head plan carries no resource options: what `ignoreChanges` hides and what the program "
                    + "protects are unknown; changes are classified from the provider schemas alone._\n");
        }
        dataAtRisk(diff, out, maxChars / 2);

        List<Resource> creates = diff.added().stream().filter(r -> importId(r).isEmpty()).toList();
        MarkdownBudget budget = new MarkdownBudget(out, maxChars, footer, diff.changeCount());
        budget.section("To add", entries(creates, PlanDiffMarkdown::added));
        budget.section("To import", entries(diff.imported(), PlanDiffMarkdown::imported));
        budget.section("To replace", entries(diff.changed(Action.REPLACE), PlanDiffMarkdown::changed));
        budget.section("To change", entries(diff.changed(Action.UPDATE), PlanDiffMarkdown::changed));
        budget.section("No real change (ignored by pulumi up)", entries(diff.changed(Action.NONE),
                PlanDiffMarkdown::changed));
        budget.section("To destroy", entries(diff.removed(), PlanDiffMarkdown::removed));
        budget.section("Outputs changed", entries(diff.outputs(), PlanDiffMarkdown::output));
        return budget.finish();
    }

    /**
     * The summary line, e.g. {@code +2 to add, ~1 to change, +-1 to replace, -0 to destroy; cost
     * $13.20 → $19.20 (+$6.00)/month}; imports and changes {@code pulumi up} ignores are counted
     * when there are any.
     */
    public static String summary(PlanDiff diff) {
        int imports = diff.imported().size();
        StringBuilder s = new StringBuilder();
        s.append('+').append(diff.added().size() - imports).append(" to add");
        if (imports > 0) {
            s.append(", =").append(imports).append(" to import");
        }
        s.append(", ~").append(diff.changed(Action.UPDATE).size()).append(" to change, +-")
                .append(diff.changed(Action.REPLACE).size()).append(" to replace, -").append(diff.removed().size())
                .append(" to destroy");
        int none = diff.changed(Action.NONE).size();
        if (none > 0) {
            s.append(", ").append(none).append(" ignored by pulumi up");
        }
        if (!diff.outputs().isEmpty()) {
            s.append(", ").append(diff.outputs().size()).append(" output change")
                    .append(diff.outputs().size() == 1 ? "" : "s");
        }
        return s.append("; ").append(cost(diff)).toString();
    }

    /**
     * The resources holding data that the change replaces or destroys, in bold, first: what
     * they lose, and whether {@code pulumi up} would refuse.
     */
    private static void dataAtRisk(PlanDiff diff, StringBuilder out, int upTo) {
        List<String> lines = new ArrayList<>();
        for (ResourceChange c : diff.changed(Action.REPLACE)) {
            c.loss().ifPresent(loss -> lines.add("- **" + MarkdownEscaping.code(cut(c.name(), MAX_NAME)) + " ("
                    + MarkdownEscaping.code(cut(c.type(), MAX_NAME)) + ") is replaced, forced by "
                    + String.join(", ", c.replacements().stream().map(r -> MarkdownEscaping.code(cut(r.property(),
                    MAX_NAME))).distinct().toList()) + ": it loses " + loss + ". " + protection(c.protection())
                    + ".**"));
        }
        for (Resource r : diff.removed()) {
            PlanDiff.lossOf(r).ifPresent(loss -> lines.add("- **" + MarkdownEscaping.code(cut(r.name(), MAX_NAME)) + " ("
                    + MarkdownEscaping.code(cut(r.type(), MAX_NAME)) + ") is destroyed: it loses " + loss + ". "
                    + (PlanDiff.protectedIn(r) ? "It is protected: pulumi up will refuse to destroy it"
                    : "pulumi up will destroy it") + ".**"));
        }
        if (lines.isEmpty()) {
            return;
        }
        out.append("\n#### Data at risk (").append(lines.size()).append(")\n\n");
        int shown = 0;
        for (String line : lines) {
            if (shown == MAX_DATA_ENTRIES || out.length() + line.length() > upTo) {
                break;
            }
            out.append(line).append('\n');
            shown++;
        }
        if (shown < lines.size()) {
            out.append("- … ").append(lines.size() - shown).append(" more (listed below)\n");
        }
    }

    /** What {@code pulumi up} does with a replacement, given the resource's protection. */
    static String protection(Protection p) {
        return switch (p) {
            case PROTECTED -> "It is protected: pulumi up will refuse (lift the protection on purpose, after moving "
                    + "the data: docs/day-two.md)";
            case PROTECTED_FROM_NOW -> "It is protected from this change on, but the running stack does not protect "
                    + "it yet: this pulumi up would replace it";
            case UNPROTECTED -> "It is not protected: pulumi up will replace it";
            case UNKNOWN -> "Its protection in the running stack is unknown (a plan without resource options): pulumi "
                    + "up refuses only if the stack already protects it";
        };
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

    // ---- entries: each a block of lines ending with '\n', rendered only when the budget asks for it

    private static <T> List<Supplier<String>> entries(List<T> items, Function<T, String> render) {
        return items.stream().<Supplier<String>>map(item -> () -> render.apply(item)).toList();
    }

    private static String added(Resource r) {
        List<List<String>> groups = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.inputs().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            groups.add(List.of("    " + cut(e.getKey(), MAX_NAME) + ": " + CompactValues.show(e.getValue())));
        }
        String protect = r.options().filter(ResourceOptions::protect).isPresent() ? "  (protected)" : "";
        return MarkdownBudget.block("+ " + title(r.name(), r.type(), r.parent()) + protect, groups, "input",
                MAX_ENTRY_LINES);
    }

    private static String imported(Resource r) {
        return MarkdownBudget.block("= " + title(r.name(), r.type(), r.parent()) + "  import id "
                + cut(escape(importId(r).orElseThrow()), MAX_NAME) + "  (adopted as it exists: its inputs must match it)",
                List.of(), "input", MAX_ENTRY_LINES);
    }

    private static String removed(Resource r) {
        String note = PlanDiff.protectedIn(r) ? "  (protected: pulumi up will refuse to destroy it)" : "";
        return MarkdownBudget.block("- " + title(r.name(), r.type(), r.parent()) + note, List.of(), "input",
                MAX_ENTRY_LINES);
    }

    private static String changed(ResourceChange c) {
        List<List<String>> groups = new ArrayList<>();
        if (c.parentChanged()) {
            groups.add(List.of("    (parent): " + c.parentBefore().map(p -> cut(p, MAX_NAME)).orElse("(none)") + ARROW
                    + c.parentAfter().map(p -> cut(p, MAX_NAME)).orElse("(none)")
                    + "  (a new URN: replaced unless it has an alias)"));
        }
        List<Change> ignored = c.changes().stream().filter(ch -> c.ignored().contains(ch.path())).toList();
        for (Change change : c.changes()) {
            if (!ignored.contains(change)) {
                groups.add(change("    ", change));
            }
        }
        if (!ignored.isEmpty()) {
            groups.add(List.of("    ignored by pulumi up (ignoreChanges): "
                    + list(ignored.stream().map(Change::path).toList())));
        }
        for (Change change : c.optionChanges()) {
            groups.add(change("    (options) ", change));
        }
        if (!c.secretsNotCompared().isEmpty()) {
            groups.add(List.of("    secret on both sides, not compared: " + list(c.secretsNotCompared())));
        }
        return MarkdownBudget.block(mark(c) + " " + title(c.name(), c.type(), Optional.empty()) + "  " + verdict(c),
                groups, "change", MAX_ENTRY_LINES);
    }

    private static String mark(ResourceChange c) {
        return switch (c.action()) {
            case REPLACE -> "+-";
            case UPDATE -> "~";
            case NONE -> "#";
        };
    }

    /** The one-line verdict of a changed resource: what pulumi up does, and why. */
    private static String verdict(ResourceChange c) {
        return switch (c.action()) {
            case UPDATE -> "update in place";
            case NONE -> c.ignored().isEmpty() ? "no real change: resource options only"
                    : "no real change: ignored by pulumi up";
            case REPLACE -> {
                StringBuilder v = new StringBuilder("replace, forced by ");
                v.append(String.join(", ", c.replacements().stream()
                        .map(r -> cut(r.property(), MAX_NAME) + " (" + r.source() + ")").distinct().toList()));
                if (c.protection() == Protection.PROTECTED) {
                    v.append("; protected: pulumi up will refuse");
                } else if (c.protection() == Protection.UNKNOWN) {
                    v.append("; protection in the running stack unknown");
                } else if (c.protection() == Protection.PROTECTED_FROM_NOW) {
                    v.append("; not yet protected in the running stack: it would be replaced");
                }
                yield v.toString();
            }
        };
    }

    private static String output(Change change) {
        String mark = change.before().isEmpty() ? "+ " : change.after().isEmpty() ? "- " : "~ ";
        List<String> lines = new ArrayList<>(change("", change));
        lines.set(0, mark + lines.get(0));
        return MarkdownBudget.block(null, List.of(lines), "line", MAX_ENTRY_LINES);
    }

    private static Optional<String> importId(Resource r) {
        return r.options().flatMap(ResourceOptions::importId);
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
        String left = before.map(CompactValues::show).orElse("(not set)");
        String right = after.map(CompactValues::show).orElse("(not set)");
        if (left.equals(right) && before.isPresent() && after.isPresent()) {
            left = CompactValues.exact(before.get());
            right = CompactValues.exact(after.get());
        }
        String note = "";
        if (change.secrecyChanged() && before.filter(ValueComparison::isSecret).isPresent() && after.isPresent()) {
            note = "  (no longer a secret!)";
        }
        return List.of(indent + path + ": " + left + ARROW + right + note);
    }

    private static boolean isLongText(JsonNode a, JsonNode b) {
        if (!a.isTextual() || !b.isTextual() || placeholder(a.textValue()) || placeholder(b.textValue())) {
            return false;
        }
        return CompactValues.isLong(a.textValue()) || CompactValues.isLong(b.textValue());
    }

    private static boolean placeholder(String s) {
        return s.equals(PlanPlaceholders.SECRET) || s.equals(PlanPlaceholders.UNKNOWN)
                || s.equals(PlanDiff.PLAIN_NOT_SHOWN);
    }

    /** A changed multi-line (or long) string: its sizes, then its line diff while it is short. */
    private static List<String> textChange(String indent, String path, String a, String b) {
        List<String> lines = new ArrayList<>();
        lines.add(indent + path + ": changed (" + CompactValues.size(a) + ARROW + CompactValues.size(b) + ")");
        String pad = indent + "    ";
        if (isOneLine(a) && isOneLine(b)) {
            lines.add(pad + "-" + excerpt(a, b));
            lines.add(pad + "+" + excerpt(b, a));
            return lines;
        }
        LineDiff.Result diff = LineDiff.compare(a, b);
        if (diff instanceof LineDiff.SameLines) {
            lines.add(pad + "(the same lines: only line endings or the final newline differ)");
        } else if (diff instanceof LineDiff.TooDifferent) {
            lines.add(pad + "(too different to compare line by line)");
        } else if (diff instanceof LineDiff.Hunks hunks && hunks.lines().size() > MAX_TEXT_DIFF_LINES) {
            lines.add(pad + "(" + hunks.removed() + " line" + (hunks.removed() == 1 ? "" : "s") + " removed, "
                    + hunks.added() + " added: too many to show here)");
        } else if (diff instanceof LineDiff.Hunks hunks) {
            hunks.lines(line -> cut(escape(line), MAX_DIFF_LINE)).forEach(h -> lines.add(pad + h));
        }
        return lines;
    }

    private static boolean isOneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }

    /**
     * The part of the one-line string {@code s} that differs from {@code other}, with some
     * context on each side (from a word's start), {@code …} where it is cut: a long command
     * line whose port changed shows {@code …--port 8000 --poll-seconds 5…}.
     */
    static String excerpt(String s, String other) {
        int prefix = 0;
        int max = Math.min(s.length(), other.length());
        while (prefix < max && s.charAt(prefix) == other.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix && s.charAt(s.length() - 1 - suffix) == other.charAt(other.length() - 1 - suffix)) {
            suffix++;
        }
        int context = 24;
        int start = Math.max(0, prefix - context);
        while (start > 0 && start < prefix && s.charAt(start - 1) != ' ') {
            start--;
        }
        int end = Math.min(s.length(), s.length() - suffix + context);
        String middle = escape(s.substring(start, end));
        String shown = (start > 0 ? "…" : "") + middle + (end < s.length() ? "…" : "");
        return cut(shown, MAX_DIFF_LINE);
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
}
