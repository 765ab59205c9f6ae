package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.databind.JsonNode;
import fr.mangaki.verdandi.plan.SavedPlan.Resource;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changes between two plans of a stack (say the plan of a pull request's base and the
 * plan of its head): resources to add, to change and to destroy, stack outputs changed, and
 * the monthly cost before and after. The diff is a value; {@link PlanDiffMarkdown} prints it.
 *
 * <p>A resource is identified by its type and name, as in its Pulumi URN. Inputs and outputs
 * are compared by path ({@code inboundRules[2].portRange}); lists are aligned on their common
 * elements first, so an element inserted in the middle shows as one addition
 * ({@code ValueComparison}).
 *
 * <p>Secrets: a {@link PlanPlaceholders#SECRET} value on both sides cannot be compared (the plans
 * never hold the plaintext); such paths are listed in {@link ResourceChange#secretsNotCompared()}
 * and counted in {@link #secretsNotCompared()}, never reported as changes. When one side is a
 * secret and the other a plain value, the change is reported with the plain side replaced by
 * {@link #PLAIN_NOT_SHOWN}: the diff never carries a value that was a secret on the other side.
 *
 * @param baseStack          the stack of the base plan
 * @param headStack          the stack of the head plan
 * @param added              resources of the head only, in the head's order
 * @param changed            resources of both whose parent or inputs differ, in the head's order
 * @param removed            resources of the base only, in the base's order
 * @param unchanged          how many resources are the same on both sides
 * @param outputs            the stack output changes, paths rooted at the output names
 * @param outputSecrets      output paths that are secret on both sides
 * @param secretsNotCompared how many paths (inputs of all resources and outputs) are secret on both sides
 * @param baseCost           the base plan's monthly cost in US dollars
 * @param headCost           the head plan's monthly cost in US dollars
 */
public record PlanDiff(String baseStack, String headStack, List<Resource> added, List<ResourceChange> changed,
        List<Resource> removed, int unchanged, List<Change> outputs, List<String> outputSecrets,
        int secretsNotCompared, BigDecimal baseCost, BigDecimal headCost) {

    /** Stands for a plain value whose other side is a secret. */
    public static final String PLAIN_NOT_SHOWN = "(plain value, not shown)";

    public PlanDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        outputs = List.copyOf(outputs);
        outputSecrets = List.copyOf(outputSecrets);
    }

    /**
     * One value that differs.
     *
     * @param path   where ({@code size}, {@code inboundRules[2].portRange}, {@code environments.production.port})
     * @param before the base's value; empty when the base does not set it
     * @param after  the head's value; empty when the head does not set it
     */
    public record Change(String path, Optional<JsonNode> before, Optional<JsonNode> after) {
        /** True when one side is a secret and the other is not. */
        public boolean secrecyChanged() {
            return ValueComparison.isSecret(before.orElse(null)) != ValueComparison.isSecret(after.orElse(null));
        }
    }

    /**
     * A resource of both plans whose parent or inputs differ.
     *
     * @param type               the type token
     * @param name               the logical name
     * @param parentBefore       the base's parent
     * @param parentAfter        the head's parent
     * @param changes            the inputs that differ
     * @param secretsNotCompared the input paths that are secret on both sides
     */
    public record ResourceChange(String type, String name, Optional<String> parentBefore,
            Optional<String> parentAfter, List<Change> changes, List<String> secretsNotCompared) {
        public ResourceChange {
            changes = List.copyOf(changes);
            secretsNotCompared = List.copyOf(secretsNotCompared);
        }

        /** True when the parent differs (a new URN: Pulumi replaces the resource unless it has an alias). */
        public boolean parentChanged() {
            return !parentBefore.equals(parentAfter);
        }
    }

    /** Compares the plan {@code base} with the plan {@code head}. */
    public static PlanDiff compare(SavedPlan base, SavedPlan head) {
        Map<String, Resource> before = new LinkedHashMap<>();
        base.resources().forEach(r -> before.put(key(r), r));
        Map<String, Resource> after = new LinkedHashMap<>();
        head.resources().forEach(r -> after.put(key(r), r));

        List<Resource> added = new ArrayList<>();
        List<ResourceChange> changed = new ArrayList<>();
        int unchanged = 0;
        int secrets = 0;
        for (Resource h : head.resources()) {
            Resource b = before.get(key(h));
            if (b == null) {
                added.add(h);
                continue;
            }
            ValueComparison inputs = ValueComparison.of(b.inputs(), h.inputs());
            secrets += inputs.secrets().size();
            if (inputs.changes().isEmpty() && b.parent().equals(h.parent())) {
                unchanged++;
            } else {
                changed.add(new ResourceChange(h.type(), h.name(), b.parent(), h.parent(), inputs.changes(),
                        inputs.secrets()));
            }
        }
        List<Resource> removed = base.resources().stream().filter(r -> !after.containsKey(key(r))).toList();

        ValueComparison outputs = ValueComparison.of(base.outputs(), head.outputs());
        secrets += outputs.secrets().size();
        return new PlanDiff(base.stack(), head.stack(), added, changed, removed, unchanged, outputs.changes(),
                outputs.secrets(), secrets, base.monthlyCostUsd(), head.monthlyCostUsd());
    }

    /** True when anything differs: resources, outputs or cost. */
    public boolean hasChanges() {
        return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty() || !outputs.isEmpty()
                || baseCost.compareTo(headCost) != 0;
    }

    /** The head's monthly cost minus the base's. */
    public BigDecimal costDelta() {
        return headCost.subtract(baseCost);
    }

    /** How many resources and output changes there are (what a truncated listing counts). */
    public int changeCount() {
        return added.size() + changed.size() + removed.size() + outputs.size();
    }

    private static String key(Resource r) {
        return r.type() + "\n" + r.name();
    }
}
