package fr.mangaki.verdandi.resource.internal;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Conversions used by the {@code *Args} builders: plain values to outputs, with clear null errors. */
public final class Inputs {
    private Inputs() {
    }

    /** Wraps a plain value; {@code owner.property must not be null} when it is null. */
    public static <T> Output<T> of(String owner, String property, T value) {
        return Output.of(Objects.requireNonNull(value, () -> owner + "." + property + " must not be null"));
    }

    /** Checks an output given to a setter; {@code owner.property must not be null} when it is null. */
    public static <T> Output<T> output(String owner, String property, Output<T> value) {
        return Objects.requireNonNull(value, () -> owner + "." + property + " must not be null");
    }

    /** Wraps a plain value as a secret output (for the schema's secret properties). */
    public static <T> Output<T> secret(String owner, String property, T value) {
        return Output.ofSecret(Objects.requireNonNull(value, () -> owner + "." + property + " must not be null"));
    }

    /** An immutable copy of a list, rejecting a null list or a null element by index. */
    public static <T> Output<List<T>> list(String owner, String property, List<T> values) {
        return Output.of(copy(owner, property, values));
    }

    /** An immutable copy of an array's elements, rejecting a null array or a null element by index. */
    public static <T> Output<List<T>> list(String owner, String property, T[] values) {
        Objects.requireNonNull(values, () -> owner + "." + property + " must not be null");
        return list(owner, property, Arrays.asList(values));
    }

    /** Checks a typed reference given to a setter; {@code owner.property must not be null} when null. */
    public static <T> T nonNull(String owner, String property, T value) {
        return Objects.requireNonNull(value, () -> owner + "." + property + " must not be null");
    }

    /** An immutable copy of a string map, rejecting a null map, key or value by key. */
    public static <V> Output<Map<String, V>> map(String owner, String property, Map<String, V> values) {
        Objects.requireNonNull(values, () -> owner + "." + property + " must not be null");
        var copy = new LinkedHashMap<String, V>();
        values.forEach((key, value) -> {
            Objects.requireNonNull(key, () -> owner + "." + property + " must not contain a null key");
            copy.put(key, Objects.requireNonNull(value,
                    () -> owner + "." + property + "[" + key + "] must not be null"));
        });
        return Output.of(Collections.unmodifiableMap(copy));
    }

    /** An immutable copy of a list, rejecting a null list or a null element by index. */
    public static <T> List<T> copy(String owner, String property, List<T> values) {
        Objects.requireNonNull(values, () -> owner + "." + property + " must not be null");
        var copy = new ArrayList<T>(values.size());
        for (int i = 0; i < values.size(); i++) {
            int index = i;
            copy.add(Objects.requireNonNull(values.get(i),
                    () -> owner + "." + property + "[" + index + "] must not be null"));
        }
        return List.copyOf(copy);
    }

    /** Combines one output per element into the output of the list of their values, in order. */
    public static <T> Output<List<T>> all(List<Output<T>> outputs) {
        if (outputs.isEmpty()) {
            return Output.of(List.of());
        }
        return Output.all(outputs);
    }

    /**
     * Collects the required inputs a builder is missing, then fails once naming them all, e.g.
     * {@code DropletArgs is missing required properties: image, size}.
     */
    public static final class Required {
        private final String owner;
        private final List<String> missing = new ArrayList<>();

        private Required(String owner) {
            this.owner = owner;
        }

        public static Required of(String owner) {
            return new Required(owner);
        }

        public Required check(String property, Object value) {
            if (value == null) {
                missing.add(property);
            }
            return this;
        }

        /** @throws IllegalStateException naming the owner and every missing property */
        public void done() {
            if (!missing.isEmpty()) {
                throw new IllegalStateException(owner + " is missing required "
                        + (missing.size() == 1 ? "property: " : "properties: ") + String.join(", ", missing));
            }
        }
    }
}
