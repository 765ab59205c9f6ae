package fr.mangaki.verdandi.config.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One value of the stack configuration with its full key ({@code mangaki:app.backups.hour}).
 * Readers never throw: they record a problem in the shared {@link Problems} and return
 * empty, so that one pass collects every problem.
 */
public final class Node {
    private final String key;
    private final Object value;
    private final Problems problems;

    public Node(String key, Object value, Problems problems) {
        this.key = key;
        this.value = value;
        this.problems = problems;
    }

    public String key() {
        return key;
    }

    public boolean isPresent() {
        return value != null;
    }

    /** Records a problem about this value: {@code key: value reason}. */
    public void problem(String reason) {
        problems.add(key + ": " + Problems.show(value) + " " + reason);
    }

    /** Records a problem about this key without showing a value. */
    public void problemAboutKey(String reason) {
        problems.add(key + ": " + reason);
    }

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

    public Optional<String> string(Pattern pattern, String allowed) {
        return string().filter(s -> {
            if (pattern.matcher(s).matches()) {
                return true;
            }
            problem("is not " + allowed);
            return false;
        });
    }

    public Optional<String> oneOf(Collection<String> allowed) {
        return string().filter(s -> {
            if (allowed.contains(s)) {
                return true;
            }
            problem("is not one of " + String.join(", ", allowed));
            return false;
        });
    }

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

    public Optional<Integer> integer(int min, int max) {
        return integer().filter(i -> {
            if (i >= min && i <= max) {
                return true;
            }
            problem("is not between " + min + " and " + max);
            return false;
        });
    }

    public Optional<Integer> integerOneOf(List<Integer> allowed) {
        return integer().filter(i -> {
            if (allowed.contains(i)) {
                return true;
            }
            problem("is not one of " + String.join(", ", allowed.stream().map(String::valueOf).toList()));
            return false;
        });
    }

    /** The items of a list, each as a node keyed {@code key[i]}. */
    public Optional<List<Node>> list() {
        if (value instanceof List<?> l) {
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                nodes.add(new Node(key + "[" + i + "]", l.get(i), problems));
            }
            return Optional.of(nodes);
        }
        if (value != null) {
            problem("is not a list");
        }
        return Optional.empty();
    }

    /** A list whose items are all read with {@code item}; items that fail are left out. */
    public <T> Optional<List<T>> listOf(Function<Node, Optional<T>> item) {
        return list().map(nodes -> nodes.stream().map(item).flatMap(Optional::stream).toList());
    }

    /** A boolean ({@code true} or {@code false}). */
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

    /** A map whose keys are the user's (names of processes, variables): each value as a node keyed {@code key.name}. */
    public Optional<Map<String, Node>> entries() {
        if (value instanceof Map<?, ?> m) {
            Map<String, Node> nodes = new LinkedHashMap<>();
            m.forEach((k, v) -> nodes.put(String.valueOf(k), new Node(key + "." + k, v, problems)));
            return Optional.of(nodes);
        }
        if (value != null) {
            problem("is not a map");
        }
        return Optional.empty();
    }

    /** Whether the value is a map (an object). */
    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    /** An object: unknown keys are recorded as problems, known ones become child nodes. */
    public Optional<Obj> object(Collection<String> knownKeys) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> fields = new LinkedHashMap<>();
            m.forEach((k, v) -> fields.put(String.valueOf(k), v));
            for (String k : fields.keySet()) {
                if (!knownKeys.contains(k)) {
                    problems.add(key + "." + k + ": unknown key (known keys: " + String.join(", ", knownKeys) + ")");
                }
            }
            return Optional.of(new Obj(key, fields, problems));
        }
        if (value != null) {
            problem("is not an object (with keys " + String.join(", ", knownKeys) + ")");
        }
        return Optional.empty();
    }

    /** The fields of an object value. */
    public static final class Obj {
        private final String key;
        private final Map<String, Object> fields;
        private final Problems problems;

        Obj(String key, Map<String, Object> fields, Problems problems) {
            this.key = key;
            this.fields = fields;
            this.problems = problems;
        }

        public Node get(String field) {
            return new Node(key + "." + field, fields.get(field), problems);
        }

        /** The field, recording a problem when it is missing. */
        public Node require(String field) {
            Node n = get(field);
            if (!n.isPresent()) {
                n.problemAboutKey("is required");
            }
            return n;
        }
    }
}
