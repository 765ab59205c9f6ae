package fr.mangaki.verdandi.resource.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schema contract that {@code scripts/extract-schema-contract} extracts from the provider
 * schemas: per resource type token its inputs, outputs, required and deprecated inputs; per
 * object type token its properties. Types use the notation of {@link SchemaType}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaContract(Map<String, ProviderPackage> packages,
                             Map<String, ResourceContract> resources,
                             Map<String, TypeContract> types) {

    /** Where the contract is on the test classpath. */
    public static final String RESOURCE = "/schema-contract/contract.json";

    public SchemaContract {
        packages = Map.copyOf(Objects.requireNonNull(packages, "packages"));
        resources = Map.copyOf(Objects.requireNonNull(resources, "resources"));
        types = Map.copyOf(Objects.requireNonNull(types, "types"));
    }

    /** One provider schema the contract was extracted from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProviderPackage(String version, String schema, String sha256) {
    }

    /** The properties of one resource type; {@code replaceOnChanges}: the input paths whose change replaces it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResourceContract(Map<String, String> inputs, Map<String, String> outputs,
                                   List<String> required, List<String> deprecated, List<String> replaceOnChanges) {
    }

    /** The properties of one object type. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TypeContract(Map<String, String> properties, List<String> required, List<String> deprecated) {
    }

    /** The contract on the test classpath. */
    public static SchemaContract load() {
        try (InputStream in = SchemaContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: run scripts/extract-schema-contract");
            }
            return new ObjectMapper().readValue(in, SchemaContract.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The package name of a type token: the part before the first colon. */
    public static String packageOf(String token) {
        int colon = token.indexOf(':');
        return colon < 0 ? token : token.substring(0, colon);
    }
}
