package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code pulumi up} would do for a stack, computed offline under Pulumi's mock engine.
 *
 * @param stack     the stack name
 * @param resources every resource registered, in registration order
 * @param outputs   the stack outputs (secrets and unknowns shown as in {@link PlanPlaceholders})
 * @param cost      the estimated monthly cost
 * @param notes     what the plan could not check offline (an env file it could not open),
 *                  and a memory warning
 * @param memory    the app droplet's memory estimate, when the stack's platform is known
 */
public record Plan(String stack, List<PlannedResource> resources, Map<String, Object> outputs, Cost cost,
        List<String> notes, Optional<MemoryEstimate> memory) {
    public Plan {
        resources = List.copyOf(resources);
        notes = List.copyOf(notes);
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        java.util.Objects.requireNonNull(memory, "memory");
    }

    /** A plan with no memory estimate. */
    public Plan(String stack, List<PlannedResource> resources, Map<String, Object> outputs, Cost cost,
            List<String> notes) {
        this(stack, resources, outputs, cost, notes, Optional.empty());
    }

    /** A plan with no notes. */
    public Plan(String stack, List<PlannedResource> resources, Map<String, Object> outputs, Cost cost) {
        this(stack, resources, outputs, cost, List.of());
    }

    /** The same plan with these notes. */
    public Plan withNotes(List<String> notes) {
        return new Plan(stack, resources, outputs, cost, notes, memory);
    }

    /** The same plan with this memory estimate; its warning, if any, joins the notes. */
    public Plan withMemory(MemoryEstimate estimate) {
        List<String> all = new java.util.ArrayList<>(notes);
        estimate.warning().ifPresent(all::add);
        return new Plan(stack, resources, outputs, cost, all, Optional.of(estimate));
    }

    /** The resources of one type token. */
    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The resource with this logical name. */
    public Optional<PlannedResource> named(String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The resources whose parent is {@code parent}. */
    public List<PlannedResource> childrenOf(String parent) {
        return resources.stream().filter(r -> r.parent().filter(parent::equals).isPresent()).toList();
    }
}
