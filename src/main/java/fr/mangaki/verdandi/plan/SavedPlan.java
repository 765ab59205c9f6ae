package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A plan as {@code verdandi plan --json} saved it ({@link PlanJson}), read back and checked by
 * {@link PlanJsonReader}: one side of a {@link PlanDiff}.
 *
 * @param stack          the stack name
 * @param resources      the resources in registration order
 * @param outputs        the stack outputs
 * @param monthlyCostUsd the estimated monthly cost
 */
public record SavedPlan(String stack, List<Resource> resources, ObjectNode outputs, BigDecimal monthlyCostUsd) {
    public SavedPlan {
        resources = List.copyOf(resources);
        outputs = outputs.deepCopy();
    }

    /**
     * One resource of the plan.
     *
     * @param type   the type token
     * @param name   the logical name
     * @param parent the parent's logical name; empty for the stack itself
     * @param inputs  the inputs as planned
     * @param options      the resource options; empty when the plan does not say (a plan written
     *                     before plans carried them)
     * @param dependencies for each input that comes from other resources, their logical names
     *                     (none known in a plan written before plans carried them)
     */
    public record Resource(String type, String name, Optional<String> parent, ObjectNode inputs,
            Optional<ResourceOptions> options, java.util.Map<String, List<String>> dependencies) {
        public Resource {
            inputs = inputs.deepCopy();
            java.util.Objects.requireNonNull(options, "options");
            dependencies = java.util.Map.copyOf(dependencies);
        }

        /** A resource whose options are not known. */
        public Resource(String type, String name, Optional<String> parent, ObjectNode inputs) {
            this(type, name, parent, inputs, Optional.empty(), java.util.Map.of());
        }
    }

    /** Whether every resource of the plan carries its options (a plan of this Verdandi), or none does. */
    public boolean hasOptions() {
        return !resources.isEmpty() && resources.stream().allMatch(r -> r.options().isPresent());
    }

    /** {@code plan} as {@link PlanJson} saves it, read back. */
    public static SavedPlan of(Plan plan) {
        return PlanJsonReader.parse(PlanJson.write(plan), plan.stack());
    }
}
