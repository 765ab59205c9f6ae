package fr.mangaki.verdandi.stack.internal;

import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One reading of a stack's configuration. It keeps the order in which keys are read, their
 * values as written, and two kinds of problems: those of reading (a value of the wrong type, an
 * unknown or missing key), found as the keys are read, and those of the rules, which the
 * component builders find in what was read. {@link #problems()} merges them in the order of
 * the keys, as a reader going through the file would meet them; a rule's problem about a key
 * whose reading already failed is left out (the reading problem says what is wrong there).
 */
public final class StackReading {
    private record Event(long time, String key) {
    }

    private record Timed(double position, Problem problem) {
    }

    private long clock;
    private final List<Event> visits = new ArrayList<>();
    private final Map<String, Object> written = new HashMap<>();
    private final List<Timed> readingProblems = new ArrayList<>();
    private final List<Problem> ruleProblems = new ArrayList<>();

    /** The value at {@code key} as written ({@code null} when the key is absent), read from now on. */
    public ConfigValue value(String key, Object written) {
        visits.add(new Event(++clock, key));
        if (written != null) {
            this.written.put(key, written);
        }
        return new ConfigValue(key, written, this);
    }

    /** The reading of {@code key} goes on at this point (its items, say). */
    void touch(String key) {
        visits.add(new Event(++clock, key));
    }

    /** A problem of reading, at this point of the reading. */
    public void readingProblem(Problem problem) {
        readingProblems.add(new Timed(++clock, problem));
    }

    /**
     * The problems a builder found in what was read, its keys turned into the stack file's by
     * {@code keyOf}; each shows the value as it is written in the file.
     */
    public void ruleProblems(List<Problem> problems, UnaryOperator<String> keyOf) {
        problems.forEach(p -> ruleProblem(p.at(keyOf.apply(p.key()))));
    }

    /** A problem of a rule, about a value read at its key. */
    public void ruleProblem(Problem problem) {
        Object given = written.get(problem.key());
        ruleProblems.add(given == null ? problem : problem.showing(given));
    }

    /**
     * Every problem: those of reading where they were found, those of the rules after the
     * reading of their key (and of the keys under it); the same problem once.
     */
    public List<Problem> problems() {
        List<Timed> all = new ArrayList<>(readingProblems);
        for (Problem p : ruleProblems) {
            boolean unread = readingProblems.stream().anyMatch(r -> isAtOrUnder(p.key(), r.problem().key()));
            if (!unread) {
                all.add(new Timed(positionOf(p.key()) + 0.5, p));
            }
        }
        all.sort(Comparator.comparingDouble(Timed::position));
        Map<String, Problem> unique = new LinkedHashMap<>();
        all.forEach(t -> unique.putIfAbsent(t.problem().toString(), t.problem()));
        return List.copyOf(unique.values());
    }

    /** Fails once, with every problem, when there is any. */
    public void throwIfAny() {
        List<Problem> problems = problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(Problem::toString).toList());
        }
    }

    /** When the reading of {@code key} and of the keys under it ended; after everything when it was not read. */
    private double positionOf(String key) {
        long last = -1;
        for (Event e : visits) {
            if (isAtOrUnder(e.key(), key)) {
                last = Math.max(last, e.time());
            }
        }
        for (Timed t : readingProblems) {
            if (isAtOrUnder(t.problem().key(), key)) {
                last = Math.max(last, (long) t.position());
            }
        }
        return last < 0 ? Double.MAX_VALUE : last;
    }

    /** Whether {@code key} is {@code other}, or a key inside it ({@code other.field}, {@code other[i]}). */
    private static boolean isAtOrUnder(String key, String other) {
        return key.equals(other) || key.startsWith(other + ".") || key.startsWith(other + "[");
    }
}
