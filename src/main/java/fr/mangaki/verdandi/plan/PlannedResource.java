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
 * @param custom  true for a cloud resource, false for a component
 * @param options      the resource options the program gave it
 * @param dependencies for each input that comes from other resources' outputs, their logical
 *                     names (a replacement of one of them changes that input)
 */
public record PlannedResource(String type, String name, Optional<String> parent, Map<String, Object> inputs,
        boolean custom, ResourceOptions options, Map<String, java.util.List<String>> dependencies) {
    public PlannedResource {
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        java.util.Objects.requireNonNull(options, "options");
        dependencies = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dependencies));
    }

    /** A resource given no option, its inputs depending on no other resource. */
    public PlannedResource(String type, String name, Optional<String> parent, Map<String, Object> inputs,
            boolean custom) {
        this(type, name, parent, inputs, custom, ResourceOptions.NONE, Map.of());
    }

    /** An input, or empty when it is not set. */
    public Optional<Object> input(String key) {
        return Optional.ofNullable(inputs.get(key));
    }
}
