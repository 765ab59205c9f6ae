package fr.mangaki.verdandi.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration problem: the key of the value ({@code port}, {@code sshKeys[0]},
 * {@code mangaki:app.backups.hour}), the value as given when the problem is about it, and the
 * reason, which says what is allowed. Printed as {@code key: value reason}
 * ({@code port: 80 is not between 1024 and 65535}) or {@code key: reason}
 * ({@code domain: is required}); strings are quoted, and a secret value shows as
 * {@code [secret]}.
 *
 * @param key    where the value is
 * @param value  the value as given; empty for a problem about the key itself
 * @param reason what is wrong, and what is allowed
 */
public record Problem(String key, Optional<Object> value, String reason) {
    public Problem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
    }

    /** A problem with {@code value}, at {@code key}. */
    public static Problem of(String key, Object value, String reason) {
        return new Problem(key, Optional.of(value), reason);
    }

    /** A problem with the key itself ({@code is required}), showing no value. */
    public static Problem ofKey(String key, String reason) {
        return new Problem(key, Optional.empty(), reason);
    }

    /** The same problem at another key: where the value is in a stack file, say. */
    public Problem at(String otherKey) {
        return new Problem(otherKey, value, reason);
    }

    /** The same problem showing {@code given} as the value (the value as written, before it was read). */
    public Problem showing(Object given) {
        return value.isPresent() ? new Problem(key, Optional.of(given), reason) : this;
    }

    @Override
    public String toString() {
        return value.map(v -> key + ": " + show(v) + " " + reason).orElse(key + ": " + reason);
    }

    /** How a value is shown: strings quoted, a secret (a {@code secure:} value) as {@code [secret]}, the rest as written. */
    static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Map<?, ?> m && m.containsKey("secure")) {
            return "[secret]";
        }
        return String.valueOf(value);
    }
}
