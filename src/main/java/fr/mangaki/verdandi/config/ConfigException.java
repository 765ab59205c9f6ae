package fr.mangaki.verdandi.config;

import java.util.List;

/**
 * The one unchecked exception for invalid configuration: it carries every problem found,
 * one message per problem, each naming the full key, the bad value and what is allowed.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** Every problem, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
