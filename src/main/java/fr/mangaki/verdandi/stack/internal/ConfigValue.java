package fr.mangaki.verdandi.stack.internal;

import fr.mangaki.verdandi.config.Problem;
import fr.mangaki.verdandi.config.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One value of a stack's configuration, as written, with its full key
 * ({@code mangaki:app.backups.hour}). Its readers never throw: a value of the wrong type is
 * recorded as a problem of the {@link StackReading} and read as empty, so that one pass
 * collects every problem.
 */
public final class ConfigValue {
    private final String key;
    private final Object value;
    private final StackReading reading;

    ConfigValue(String key, Object value, StackReading reading) {
        this.key = key;
        this.value = value;
        this.reading = reading;
    }

    public String key() {
        return key;
    }

    public boolean isPresent() {
        return value != null;
    }

    /** Records a problem about this value: {@code key: value reason}. */
    public void problem(String reason) {
        reading.readingProblem(Problem.of(key, value, reason));
    }

    /** Records a problem about this key without showing a value. */
    public void problemAboutKey(String reason) {
        reading.readingProblem(Problem.ofKey(key, reason));
    }

    /** A required value: records {@code key: is required} when it is absent. */
    public ConfigValue required() {
        if (!isPresent()) {
            problemAboutKey("is required");
        }
        return this;
    }

    /** The value as text; numbers and booleans are read as they are written. */
    public Optional<String> string() {
        if (value instanceof String s) {
            return Optional.of(s);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        if (value != null) {
            problem("is not a string");
        }
        return Optional.empty();
    }

    /** The value as text, when it follows {@code rule}. */
    public Optional<String> string(Rule<String> rule) {
        return string().filter(s -> {
            if (rule.test(s)) {
                return true;
            }
            problem(rule.reason());
            return false;
        });
    }

    /** One of {@code allowed}: how a word of the file becomes a value of Verdandi (a size, a kind of stack). */
    public Optional<String> oneOf(Collection<String> allowed) {
        return string().filter(s -> {
            if (allowed.contains(s)) {
                return true;
            }
            problem("is not one of " + String.join(", ", allowed));
            return false;
        });
    }

    /** The value as true or false; {@code true} and {@code false} written as text are read too. */
    public Optional<Boolean> bool() {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        if (value != null) {
            problem("is not true or false");
        }
        return Optional.empty();
    }

    /** The value as a whole number; numbers written as text are read too. */
    public Optional<Integer> integer() {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return Optional.of(((Number) value).intValue());
        }
        if (value instanceof String s && s.matches("-?\\d{1,9}")) {
            return Optional.of(Integer.parseInt(s));
        }
        if (value != null) {
            problem("is not a whole number");
        }
        return Optional.empty();
    }

    /**
     * A list of texts, its items read in order, each a value keyed {@code key[i]}. An item that
     * is not a text is recorded as a problem and stands as a blank text of its own length, so
     * that the items keep their indices: every rule of a list's items refuses a blank text, and
     * a rule's problem about an item whose reading failed is left out.
     */
    public Optional<List<String>> strings() {
        if (value instanceof List<?> l) {
            reading.touch(key);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(reading.value(key + "[" + i + "]", l.get(i)).string().orElse(" ".repeat(i + 1)));
            }
            return Optional.of(out);
        }
        if (value != null) {
            problem("is not a list");
        }
        return Optional.empty();
    }

    /**
     * A map whose keys are the user's (SSH key fingerprints, names of processes or variables):
     * each entry a value keyed {@code key.entry}, in the order written.
     */
    public Optional<Map<String, ConfigValue>> entries() {
        if (value instanceof Map<?, ?> m) {
            reading.touch(key);
            Map<String, ConfigValue> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), reading.value(key + "." + k, v)));
            return Optional.of(out);
        }
        if (value != null) {
            problem("is not an object");
        }
        return Optional.empty();
    }

    /** Whether the value is a map. */
    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    /** An object: unknown keys are recorded as problems, known ones are read as its fields. */
    public Optional<Fields> object(Collection<String> knownKeys) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> fields = new LinkedHashMap<>();
            m.forEach((k, v) -> fields.put(String.valueOf(k), v));
            for (String k : fields.keySet()) {
                if (!knownKeys.contains(k)) {
                    reading.readingProblem(Problem.ofKey(key + "." + k,
                            "unknown key (known keys: " + String.join(", ", knownKeys) + ")"));
                }
            }
            return Optional.of(new Fields(key, fields, reading));
        }
        if (value != null) {
            problem("is not an object (with keys " + String.join(", ", knownKeys) + ")");
        }
        return Optional.empty();
    }

    /** The fields of an object value. */
    public static final class Fields {
        private final String key;
        private final Map<String, Object> fields;
        private final StackReading reading;

        Fields(String key, Map<String, Object> fields, StackReading reading) {
            this.key = key;
            this.fields = fields;
            this.reading = reading;
        }

        public ConfigValue get(String field) {
            return reading.value(key + "." + field, fields.get(field));
        }
    }
}
