package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.util.Map;
import java.util.Optional;

/**
 * One resource that {@code pulumi up} would register.
 *
 * @param type   the type token ({@code digitalocean:index/droplet:Droplet})
 * @param name   the logical name
 * @param parent the parent's logical name; empty for the stack itself
 * @param inputs the inputs as the engine would receive them, with secrets shown as
 *               {@link PlanPlaceholders#SECRET} and values known only after apply as
 *               {@link PlanPlaceholders#UNKNOWN}
 * @param custom true for a cloud resource, false for a component
 */
public record PlannedResource(String type, String name, Optional<String> parent, Map<String, Object> inputs,
        boolean custom) {
    public PlannedResource {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }

    /** An input, or empty when it is not set. */
    public Optional<Object> input(String key) {
        return Optional.ofNullable(inputs.get(key));
    }
}
