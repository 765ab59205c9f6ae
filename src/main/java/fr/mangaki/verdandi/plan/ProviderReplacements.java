package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs whose change makes a provider replace a resource rather than update it, per
 * type token, as the provider schemas mark them ({@code willReplaceOnChanges}, the
 * DigitalOcean bridge's ForceNew; {@code replaceOnChanges}, the command provider's
 * {@code triggers}). {@code scripts/extract-schema-contract} extracts them from
 * ../shared/schemas into this package's {@value #RESOURCE}, which this class reads.
 */
public final class ProviderReplacements {
    /** The resource of this package holding the lists. */
    public static final String RESOURCE = "replace-on-changes.json";
    private static final ProviderReplacements SHIPPED = read();

    private final Map<String, String> packages;
    private final Map<String, List<String>> resources;

    private ProviderReplacements(Map<String, String> packages, Map<String, List<String>> resources) {
        this.packages = Map.copyOf(packages);
        this.resources = Map.copyOf(resources);
    }

    /** The lists this Verdandi ships. */
    public static ProviderReplacements shipped() {
        return SHIPPED;
    }

    /** The input paths whose change replaces a resource of {@code type}; none for a type the schemas do not hold. */
    public List<String> of(String type) {
        return resources.getOrDefault(type, List.of());
    }

    /** Every type that has such inputs, with its paths. */
    public Map<String, List<String>> all() {
        return resources;
    }

    /** The schema a type comes from, as a reader names it: {@code the digitalocean 4.76.0 schema}. */
    public Optional<String> schemaOf(String type) {
        int colon = type.indexOf(':');
        String pkg = colon < 0 ? type : type.substring(0, colon);
        return Optional.ofNullable(packages.get(pkg)).map(version -> "the " + pkg + " " + version + " schema");
    }

    private static ProviderReplacements read() {
        try (InputStream in = ProviderReplacements.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: run scripts/extract-schema-contract");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, String> packages = new LinkedHashMap<>();
            root.path("packages").fields().forEachRemaining(e -> packages.put(e.getKey(), e.getValue().asText()));
            Map<String, List<String>> resources = new LinkedHashMap<>();
            root.path("resources").fields().forEachRemaining(e -> {
                List<String> paths = new ArrayList<>();
                e.getValue().forEach(p -> paths.add(p.asText()));
                resources.put(e.getKey(), List.copyOf(paths));
            });
            return new ProviderReplacements(packages, resources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
