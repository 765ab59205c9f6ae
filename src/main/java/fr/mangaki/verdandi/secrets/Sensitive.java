package fr.mangaki.verdandi.secrets;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value that must never be printed or logged: {@link #toString()} prints {@code [secret]}
 * and the value itself is only reachable through an explicit {@link #reveal()}.
 *
 * <p>Equality is identity: two wrappers are never compared by their secret contents, so a
 * {@code Sensitive} in a map key, a log line or an assertion message leaks nothing.
 *
 * @param <T> the type of the secret value
 */
public final class Sensitive<T> {

    /** What every sensitive value prints as. */
    public static final String MASK = "[secret]";

    private final T value;

    private Sensitive(T value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a secret value (never null). */
    public static <T> Sensitive<T> of(T value) {
        return new Sensitive<>(value);
    }

    /** The secret value itself: call this only where the value is really used. */
    public T reveal() {
        return value;
    }

    /** A sensitive value derived from this one (the result stays wrapped). */
    public <R> Sensitive<R> map(Function<? super T, ? extends R> function) {
        return new Sensitive<>(function.apply(value));
    }

    /** Always {@code [secret]}. */
    @Override
    public String toString() {
        return MASK;
    }
}
