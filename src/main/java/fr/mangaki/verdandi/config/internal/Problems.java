package fr.mangaki.verdandi.config.internal;

import fr.mangaki.verdandi.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects configuration problems so that one pass reports all of them. */
public final class Problems {
    private final List<String> messages = new ArrayList<>();

    public void add(String message) {
        messages.add(message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Fails once, with every problem, when there is any. */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new ConfigException(messages);
        }
    }

    /** How a value is shown in a message: strings quoted, the rest as written. */
    static String show(Object value) {
        if (value == null) {
            return "(missing)";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?> m && m.containsKey("secure")) {
            return "[secret]";
        }
        return String.valueOf(value);
    }
}
