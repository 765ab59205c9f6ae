package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plan as a person reads it before {@code pulumi up}: the resources as a tree under
 * their components with their inputs and the options that matter on day two (protected,
 * ignored changes, imported with {@code =}), the stack outputs, and the cost table.
 */
public final class PlanText {
    /** Strings longer than this, or of several lines, are summarised (commands fit). */
    static final int LONG = 400;

    private PlanText() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan of stack ").append(plan.stack())
                .append(" (offline: Pulumi's mock engine; no cloud and no Pulumi service were contacted)\n\n");
        long custom = plan.resources().stream().filter(PlannedResource::custom).count();
        out.append("Resources: ").append(plan.resources().size()).append(" (")
                .append(custom).append(" provider resources, ").append(plan.resources().size() - custom)
                .append(" components)\n");
        plan.resources().stream().filter(r -> r.parent().isEmpty())
                .forEach(r -> tree(plan, r, 0, out));
        out.append("\nOutputs:\n");
        if (plan.outputs().isEmpty()) {
            out.append("  (none)\n");
        }
        plan.outputs().forEach((k, v) -> out.append("  ").append(k).append(": ").append(value(v)).append('\n'));
        if (!plan.notes().isEmpty()) {
            out.append("\nNotes:\n");
            plan.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        plan.memory().ifPresent(m -> {
            out.append("\nMemory of the app droplet (").append(m.size().slug()).append(", ")
                    .append(m.size().memoryMb()).append(" MiB), resident, estimated:\n");
            int w = m.lines().stream().mapToInt(l -> l.what().length()).max().orElse(10);
            m.lines().forEach(l -> out.append("  ").append(pad(l.what(), w)).append("  ")
                    .append(String.format(java.util.Locale.ROOT, "%5d MiB", l.mib())).append('\n'));
            out.append("  ").append(pad("total", w)).append("  ")
                    .append(String.format(java.util.Locale.ROOT, "%5d MiB", m.totalMib()))
                    .append(m.fits() ? "  fits" : "  DOES NOT FIT (see the notes)").append('\n');
        });
        out.append("\nEstimated monthly cost (DigitalOcean list prices, USD):\n");
        int width = plan.cost().lines().stream().mapToInt(l -> l.item().length()).max().orElse(10);
        int detailWidth = plan.cost().lines().stream().mapToInt(l -> l.detail().length()).max().orElse(10);
        for (Cost.Line line : plan.cost().lines()) {
            out.append("  ").append(pad(line.item(), width)).append("  ").append(pad(line.detail(), detailWidth))
                    .append("  ").append(money(line.monthlyUsd())).append('\n');
        }
        out.append("  ").append(pad("total", width + detailWidth + 2)).append("  ")
                .append(money(plan.cost().total())).append(" / month\n");
        return out.toString();
    }

    private static void tree(Plan plan, PlannedResource r, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth + 1);
        ResourceOptions o = r.options();
        out.append(indent).append(o.importId().isPresent() ? "= " : "+ ").append(r.name()).append("  (")
                .append(r.type()).append(")");
        o.importId().ifPresent(id -> out.append("  import id ").append(id));
        if (o.protect()) {
            out.append("  [protected]");
        }
        out.append('\n');
        if (!o.ignoreChanges().isEmpty()) {
            out.append(indent).append("    (ignores later changes of ").append(String.join(", ", o.ignoreChanges()))
                    .append(")\n");
        }
        r.inputs().forEach((k, v) -> out.append(indent).append("    ").append(k).append(": ")
                .append(value(v)).append('\n'));
        for (PlannedResource child : plan.childrenOf(r.name())) {
            tree(plan, child, depth + 1, out);
        }
    }

    static String value(Object v) {
        if (v instanceof String s) {
            if (s.equals(PlanPlaceholders.SECRET) || s.equals(PlanPlaceholders.UNKNOWN)) {
                return s;
            }
            if (s.length() > LONG || s.contains("\n")) {
                String first = s.lines().findFirst().orElse("");
                return "<" + s.lines().count() + " lines, " + s.getBytes(StandardCharsets.UTF_8).length
                        + " bytes: " + (first.length() > 40 ? first.substring(0, 40) + "..." : first) + ">";
            }
            return s;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(PlanText::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + ": " + value(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(v);
    }

    private static String money(BigDecimal usd) {
        return "$" + usd.setScale(2).toPlainString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
