package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.databind.JsonNode;
import fr.mangaki.verdandi.plan.SavedPlan.Resource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import fr.mangaki.verdandi.plan.internal.PropertyPaths;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changes between two plans of a stack (say the plan of a pull request's base and the
 * plan of its head): resources to add (or import), to change and to destroy, stack outputs
 * changed, and the monthly cost before and after. The diff is a value; {@link PlanDiffMarkdown}
 * prints it.
 *
 * <p>A resource is identified by its type and name, as in its Pulumi URN. Inputs and outputs
 * are compared by path ({@code inboundRules[2].portRange}); lists are aligned on their common
 * elements first, so an element inserted in the middle shows as one addition
 * ({@code ValueComparison}).
 *
 * <p>What {@code pulumi up} would do with a changed resource ({@link Action}) follows the
 * engine's rules (pulumi/pulumi, pkg/resource/deploy/step_generator.go): the inputs that the
 * new registration's {@code ignoreChanges} names are set back to their old values before the
 * provider is asked; a change of an input the provider schema marks
 * ({@link ProviderReplacements}) or that the new registration's {@code replaceOnChanges} names
 * replaces the resource, so does a new parent (a new URN, without an alias); any other change
 * updates it in place. A replacement (or a destroy) of a resource that is protected in both the
 * state and the program is refused. The base plan stands for the state: a plan written before
 * plans carried resource options leaves that {@link Protection#UNKNOWN}.
 *
 * <p>Secrets: a {@link PlanPlaceholders#SECRET} value on both sides cannot be compared (the plans
 * never hold the plaintext); such paths are listed in {@link ResourceChange#secretsNotCompared()}
 * and counted in {@link #secretsNotCompared()}, never reported as changes. When one side is a
 * secret and the other a plain value, the change is reported with the plain side replaced by
 * {@link #PLAIN_NOT_SHOWN}: the diff never carries a value that was a secret on the other side.
 *
 * @param baseStack          the stack of the base plan
 * @param headStack          the stack of the head plan
 * @param added              resources of the head only, in the head's order (those with an
 *                           {@code import} option are adopted, not created)
 * @param changed            resources of both whose parent, inputs or options differ, in the head's order
 * @param removed            resources of the base only, in the base's order
 * @param unchanged          how many resources are the same on both sides
 * @param outputs            the stack output changes, paths rooted at the output names
 * @param outputSecrets      output paths that are secret on both sides
 * @param secretsNotCompared how many paths (inputs of all resources and outputs) are secret on both sides
 * @param baseCost           the base plan's monthly cost in US dollars
 * @param headCost           the head plan's monthly cost in US dollars
 * @param baseOptions        whether the base plan carries the resources' options
 * @param headOptions        whether the head plan carries the resources' options
 */
public record PlanDiff(String baseStack, String headStack, List<Resource> added, List<ResourceChange> changed,
        List<Resource> removed, int unchanged, List<Change> outputs, List<String> outputSecrets,
        int secretsNotCompared, BigDecimal baseCost, BigDecimal headCost, boolean baseOptions, boolean headOptions) {

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

    /** What {@code pulumi up} does with a changed resource. */
    public enum Action {
        /** The provider updates it in place. */
        UPDATE,
        /** It is destroyed and created again (or refused, when protected). */
        REPLACE,
        /**
         * No real change: only inputs that {@code ignoreChanges} covers differ (the engine
         * ignores them), or only its options (the engine records them; the provider is not asked).
         */
        NONE
    }

    /** Whether {@code pulumi up} may replace or destroy a resource, as the two plans tell. */
    public enum Protection {
        /** Protected in the program, and in the state: a replacement or a destroy is refused. */
        PROTECTED,
        /** Protected from this change on: the state does not protect it yet, so this up would not refuse. */
        PROTECTED_FROM_NOW,
        /** Not protected. */
        UNPROTECTED,
        /** The program protects it; whether the state does is not known (the base plan has no options). */
        UNKNOWN
    }

    /**
     * An input change that forces a replacement.
     *
     * @param path     the changed input path
     * @param property the property that forces it, as the schema or the option names it
     *                 ({@code region}, {@code triggers}); {@code (parent)} for a new parent
     * @param source   who says so: {@code the digitalocean 4.76.0 schema}, {@code the
     *                 replaceOnChanges option}, {@code a new parent is a new URN}
     */
    public record Replacement(String path, String property, String source) {
    }

    /**
     * A resource of both plans whose parent, inputs or options differ.
     *
     * @param type               the type token
     * @param name               the logical name
     * @param parentBefore       the base's parent
     * @param parentAfter        the head's parent
     * @param changes            the inputs that differ (those ignored included)
     * @param secretsNotCompared the input paths that are secret on both sides
     * @param action             what {@code pulumi up} does
     * @param ignored            the paths of {@code changes} that the head's {@code ignoreChanges} covers
     * @param replacements       for a replacement, the changes that force it
     * @param optionChanges      the options that differ ({@code protect}, {@code ignoreChanges}...),
     *                           when both plans carry them
     * @param protection         whether a replacement would be refused
     * @param loss               what a replacement loses, for a resource holding data
     */
    public record ResourceChange(String type, String name, Optional<String> parentBefore,
            Optional<String> parentAfter, List<Change> changes, List<String> secretsNotCompared, Action action,
            List<String> ignored, List<Replacement> replacements, List<Change> optionChanges, Protection protection,
            Optional<String> loss) {
        public ResourceChange {
            changes = List.copyOf(changes);
            secretsNotCompared = List.copyOf(secretsNotCompared);
            ignored = List.copyOf(ignored);
            replacements = List.copyOf(replacements);
            optionChanges = List.copyOf(optionChanges);
        }

        /** True when the parent differs (a new URN: Pulumi replaces the resource unless it has an alias). */
        public boolean parentChanged() {
            return !parentBefore.equals(parentAfter);
        }

        /** True for a replacement of a resource that holds data. */
        public boolean losesData() {
            return action == Action.REPLACE && loss.isPresent();
        }

        /** True when {@code pulumi up} refuses this change (a replacement of a protected resource). */
        public boolean refused() {
            return action == Action.REPLACE && protection == Protection.PROTECTED;
        }
    }

    /** Compares the plan {@code base} with the plan {@code head}, with the shipped provider replacement lists. */
    public static PlanDiff compare(SavedPlan base, SavedPlan head) {
        return compare(base, head, ProviderReplacements.shipped());
    }

    /**
     * Compares the plan {@code base} with the plan {@code head}.
     *
     * <p>A replaced resource gets new outputs (a new id, new addresses): an input of another
     * resource that comes from them ({@link Resource#dependencies()}) changes too, though both
     * plans show it as {@code (known after apply)}. Such an input is a change of its own
     * resource, which the same rules classify (a droplet whose {@code vpcUuid} comes from a
     * replaced VPC is replaced), until no new replacement follows.
     */
    public static PlanDiff compare(SavedPlan base, SavedPlan head, ProviderReplacements provider) {
        Map<String, Resource> before = new LinkedHashMap<>();
        base.resources().forEach(r -> before.put(key(r), r));
        Map<String, Resource> after = new LinkedHashMap<>();
        head.resources().forEach(r -> after.put(key(r), r));

        List<Resource> added = new ArrayList<>();
        Map<String, ValueComparison> compared = new LinkedHashMap<>();
        int secrets = 0;
        for (Resource h : head.resources()) {
            Resource b = before.get(key(h));
            if (b == null) {
                added.add(h);
                continue;
            }
            ValueComparison inputs = ValueComparison.of(b.inputs(), h.inputs());
            secrets += inputs.secrets().size();
            compared.put(key(h), inputs);
        }
        Map<String, ResourceChange> classified = new LinkedHashMap<>();
        Set<String> replaced = new HashSet<>();
        boolean more = true;
        while (more) {
            more = false;
            for (Map.Entry<String, ValueComparison> e : compared.entrySet()) {
                Resource h = after.get(e.getKey());
                Resource b = before.get(e.getKey());
                List<Change> changes = new ArrayList<>(e.getValue().changes());
                h.dependencies().forEach((input, from) -> from.stream().filter(replaced::contains).findFirst()
                        .filter(x -> changes.stream().noneMatch(c -> PropertyPaths.top(c.path()).equals(input)))
                        .ifPresent(x -> changes.add(new Change(input, Optional.ofNullable(b.inputs().get(input)),
                                Optional.of(TextNode.valueOf(PlanPlaceholders.UNKNOWN + ": " + x + " is replaced"))))));
                List<Change> optionChanges = optionChanges(b, h);
                if (changes.isEmpty() && b.parent().equals(h.parent()) && optionChanges.isEmpty()) {
                    continue;
                }
                ResourceChange c = classify(b, h, changes, e.getValue().secrets(), optionChanges, provider);
                if (!c.equals(classified.get(e.getKey()))) {
                    classified.put(e.getKey(), c);
                    if (c.action() == Action.REPLACE && replaced.add(h.name())) {
                        more = true;
                    }
                }
            }
        }
        List<ResourceChange> changed = compared.keySet().stream().filter(classified::containsKey)
                .map(classified::get).toList();
        int unchanged = compared.size() - changed.size();
        List<Resource> removed = base.resources().stream().filter(r -> !after.containsKey(key(r))).toList();

        ValueComparison outputs = ValueComparison.of(base.outputs(), head.outputs());
        secrets += outputs.secrets().size();
        return new PlanDiff(base.stack(), head.stack(), added, changed, removed, unchanged, outputs.changes(),
                outputs.secrets(), secrets, base.monthlyCostUsd(), head.monthlyCostUsd(), base.hasOptions(),
                head.hasOptions());
    }

    private static ResourceChange classify(Resource b, Resource h, List<Change> changes, List<String> secrets,
            List<Change> optionChanges, ProviderReplacements provider) {
        List<String> ignoreChanges = h.options().map(ResourceOptions::ignoreChanges).orElse(List.of());
        List<String> replaceOnChanges = h.options().map(ResourceOptions::replaceOnChanges).orElse(List.of());
        List<String> ignored = new ArrayList<>();
        List<Replacement> replacements = new ArrayList<>();
        String schema = provider.schemaOf(h.type()).orElse("the provider schema");
        for (Change c : changes) {
            if (ignoreChanges.stream().anyMatch(p -> PropertyPaths.covers(p, c.path()))) {
                ignored.add(c.path());
                continue;
            }
            provider.of(h.type()).stream().filter(p -> PropertyPaths.touches(p, c.path())).findFirst()
                    .ifPresentOrElse(p -> replacements.add(new Replacement(c.path(), p, schema)),
                            () -> replaceOnChanges.stream().filter(p -> PropertyPaths.touches(p, c.path())).findFirst()
                                    .ifPresent(p -> replacements.add(new Replacement(c.path(), p,
                                            "the replaceOnChanges option"))));
        }
        if (!b.parent().equals(h.parent())) {
            replacements.add(new Replacement("(parent)", "(parent)", "a new parent is a new URN"));
        }
        Action action = !replacements.isEmpty() ? Action.REPLACE
                : ignored.size() == changes.size() ? Action.NONE : Action.UPDATE;
        return new ResourceChange(h.type(), h.name(), b.parent(), h.parent(), changes, secrets, action, ignored,
                replacements, optionChanges, protection(Optional.of(b), h), DataHolders.loss(Optional.of(b),
                Optional.of(h)));
    }

    /** Whether the engine would refuse to replace or delete {@code head}, its state being {@code base}. */
    static Protection protection(Optional<Resource> base, Resource head) {
        if (head.options().isEmpty()) {
            return Protection.UNKNOWN;
        }
        Optional<Boolean> state = base.flatMap(Resource::options).map(ResourceOptions::protect);
        if (!head.options().get().protect()) {
            return Protection.UNPROTECTED;
        }
        return state.map(s -> s ? Protection.PROTECTED : Protection.PROTECTED_FROM_NOW).orElse(Protection.UNKNOWN);
    }

    /** The options that differ, by name, when both plans carry them. */
    private static List<Change> optionChanges(Resource b, Resource h) {
        if (b.options().isEmpty() || h.options().isEmpty()) {
            return List.of();
        }
        ObjectNode before = JSON.valueToTree(b.options().get().toTree());
        ObjectNode after = JSON.valueToTree(h.options().get().toTree());
        return ValueComparison.of(before, after).changes();
    }

    /** Whether the resource of the base plan is protected there (a destroy of it is refused). */
    public static boolean protectedIn(Resource baseResource) {
        return baseResource.options().map(ResourceOptions::protect).orElse(false);
    }

    /** What destroying a resource of the base plan loses, when it holds data. */
    public static Optional<String> lossOf(Resource baseResource) {
        return DataHolders.loss(Optional.of(baseResource), Optional.empty());
    }

    /** The resources added by {@code import} (adopted, not created). */
    public List<Resource> imported() {
        return added.stream().filter(r -> r.options().flatMap(ResourceOptions::importId).isPresent()).toList();
    }

    /** The changed resources {@code pulumi up} would handle with {@code action}. */
    public List<ResourceChange> changed(Action action) {
        return changed.stream().filter(c -> c.action() == action).toList();
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

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
