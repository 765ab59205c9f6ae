package fr.mangaki.verdandi.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A rule a configuration value follows: a condition, and the reason given when a value fails
 * it, which says what is allowed ({@code is not between 1024 and 65535}). Each rule carries
 * examples of values it accepts and values it refuses; the tests hold every rule to them.
 *
 * @param condition what a good value meets
 * @param reason    the problem's text when a value does not
 * @param accepts   values the rule accepts (at least one)
 * @param refuses   values the rule refuses (at least one)
 * @param <T>       the type of the values
 */
public record Rule<T>(Predicate<? super T> condition, String reason, List<T> accepts, List<T> refuses) {
    public Rule {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(reason, "reason");
        accepts = List.copyOf(accepts);
        refuses = List.copyOf(refuses);
        if (accepts.isEmpty() || refuses.isEmpty()) {
            throw new IllegalArgumentException("a rule needs examples of values it accepts and refuses: " + reason);
        }
    }

    /** Values matching {@code pattern}; the reason is {@code is not <allowed>}. */
    public static Rule<String> matching(Pattern pattern, String allowed, List<String> accepts, List<String> refuses) {
        return new Rule<>(s -> pattern.matcher(s).matches(), "is not " + allowed, accepts, refuses);
    }

    /** One of {@code allowed}; the reason lists them. */
    public static <T> Rule<T> oneOf(List<T> allowed, List<T> refuses) {
        return new Rule<>(allowed::contains, "is not one of " + String.join(", ",
                allowed.stream().map(String::valueOf).toList()), allowed, refuses);
    }

    /** A whole number from {@code min} to {@code max}, both included. */
    public static Rule<Integer> between(int min, int max) {
        return new Rule<>(i -> i >= min && i <= max, "is not between " + min + " and " + max,
                List.of(min, max), List.of(min - 1, max + 1));
    }

    /** Whether {@code value} follows the rule. */
    public boolean test(T value) {
        return condition.test(value);
    }

    /** The problem of {@code value} at {@code key}; none when it follows the rule. */
    public Optional<Problem> check(String key, T value) {
        return test(value) ? Optional.empty() : Optional.of(Problem.of(key, value, reason));
    }
}
