package fr.mangaki.verdandi.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The resource options a program gave one resource, as the engine receives them in its
 * registration ({@code RegisterResourceRequest} of Pulumi's resource monitor protocol): what
 * decides, besides the provider, whether {@code pulumi up} updates, replaces, skips or refuses
 * a change.
 *
 * @param protect                 the engine refuses to replace or delete the resource
 *                                (when its state protects it too)
 * @param ignoreChanges           input paths whose changes the engine ignores
 * @param dependsOn               the logical names of the resources it is registered after,
 *                                beyond those its inputs come from (its explicit {@code dependsOn})
 * @param deleteBeforeReplace     a replacement deletes the old resource before creating the new one
 * @param replaceOnChanges        input paths whose change replaces it, beyond the provider's
 * @param additionalSecretOutputs outputs kept secret in the state
 * @param importId                the id of an existing resource the engine adopts instead of creating one
 */
public record ResourceOptions(boolean protect, List<String> ignoreChanges, List<String> dependsOn,
        boolean deleteBeforeReplace, List<String> replaceOnChanges, List<String> additionalSecretOutputs,
        Optional<String> importId) {

    /** No option set. */
    public static final ResourceOptions NONE = new ResourceOptions(false, List.of(), List.of(), false, List.of(),
            List.of(), Optional.empty());

    public ResourceOptions {
        ignoreChanges = List.copyOf(ignoreChanges);
        dependsOn = List.copyOf(dependsOn);
        replaceOnChanges = List.copyOf(replaceOnChanges);
        additionalSecretOutputs = List.copyOf(additionalSecretOutputs);
        Objects.requireNonNull(importId, "importId");
    }

    /** The JSON form of a plan ({@link PlanJson}): every option, {@code import} null when there is none. */
    public Map<String, Object> toTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protect", protect);
        m.put("ignoreChanges", ignoreChanges);
        m.put("dependsOn", dependsOn);
        m.put("deleteBeforeReplace", deleteBeforeReplace);
        m.put("replaceOnChanges", replaceOnChanges);
        m.put("additionalSecretOutputs", additionalSecretOutputs);
        m.put("import", importId.orElse(null));
        return m;
    }
}
