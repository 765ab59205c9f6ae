package fr.mangaki.verdandi.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One pass over configuration values: applies rules, collects every problem in the order
 * found, and fails once, with all of them, in a {@link ConfigException}.
 */
public final class Validation {
    private final List<Problem> problems = new ArrayList<>();

    /** Checks {@code value} at {@code key}; an absent value ({@code null}) is not checked. */
    public <T> Validation check(String key, T value, Rule<? super T> rule) {
        if (value != null) {
            checked(rule, key, value);
        }
        return this;
    }

    /** Checks each of {@code values}, at {@code key[0]}, {@code key[1]}... */
    public <T> Validation checkEach(String key, List<T> values, Rule<? super T> rule) {
        for (int i = 0; i < values.size(); i++) {
            checked(rule, key + "[" + i + "]", values.get(i));
        }
        return this;
    }

    private <T> void checked(Rule<T> rule, String key, Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        rule.check(key, typed).ifPresent(problems::add);
    }

    /** A required value: {@code key: is required} when it is absent ({@code null}). */
    public Validation require(String key, Object value) {
        if (value == null) {
            problems.add(Problem.ofKey(key, "is required"));
        }
        return this;
    }

    /** A list given but empty: {@code key: must list at least one value}. */
    public Validation nonEmpty(String key, Collection<?> values) {
        if (values != null && values.isEmpty()) {
            problems.add(Problem.ofKey(key, "must list at least one value"));
        }
        return this;
    }

    public Validation add(Problem problem) {
        problems.add(problem);
        return this;
    }

    public Validation addAll(Collection<Problem> more) {
        problems.addAll(more);
        return this;
    }

    /** Every problem so far, in the order found. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Fails once, with every problem, when there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(Problem::toString).toList());
        }
    }
}
