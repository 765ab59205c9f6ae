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
     * @param inputs the inputs as planned
     */
    public record Resource(String type, String name, Optional<String> parent, ObjectNode inputs) {
        public Resource {
            inputs = inputs.deepCopy();
        }
    }

    /** {@code plan} as {@link PlanJson} saves it, read back. */
    public static SavedPlan of(Plan plan) {
        return PlanJsonReader.parse(PlanJson.write(plan), plan.stack());
    }
}
