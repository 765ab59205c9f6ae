package fr.mangaki.verdandi.secrets.check;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the table of {@link LeakRules}: what a rule finds in a file's content, and its
 * own examples, which {@code LeakRulesTest} runs.
 *
 * @param id       a short name, e.g. {@code github-token}
 * @param kind     the kind of finding (it decides the fix printed)
 * @param reason   what a finding says by default, e.g. "GitHub token" (never the value)
 * @param triggers literals that every match contains: the rule runs only on content that holds
 *                 one of them (found in one pass over the bytes for all rules together); none
 *                 means always (a rule that looks at the file's name first)
 * @param inBinary whether the rule also runs on the printable runs of binary files (token shapes)
 * @param detector finds the matches in the content
 * @param leaks    examples the rule must find (each in a file of its own)
 * @param notLeaks look-alikes the rule must not find
 */
public record LeakRule(String id, Finding.Kind kind, String reason, List<Trigger> triggers, boolean inBinary,
                       Detector detector, List<Example> leaks, List<Example> notLeaks) {

    /** A literal that every match of a rule contains. */
    public record Trigger(String literal, boolean ignoreCase) {
        /** The literal as written. */
        public static Trigger of(String literal) {
            return new Trigger(literal, false);
        }

        /** The literal in any case (ASCII letters). */
        public static Trigger anyCase(String literal) {
            return new Trigger(literal, true);
        }
    }

    /** An example file for a rule: its path (some rules look at it) and content. */
    public record Example(String path, String content) {
        @Override
        public String toString() {
            return path + ": " + content;
        }
    }

    /** Where a match starts, and what it is (the rule's reason unless it says more). */
    public record Hit(int offset, String reason) {
    }

    /** Finds a rule's matches. */
    @FunctionalInterface
    public interface Detector {
        /**
         * @param path the file's path (some rules apply to some kinds of files only)
         * @param text the content, one char per byte (ISO-8859-1)
         * @param hits receives each match
         */
        void find(String path, String text, java.util.function.Consumer<Hit> hits);
    }

    /**
     * A detector from a regular expression (compiled on first use: most files never need
     * most rules) and a judgement of each match: the reason to report, or null when the match
     * is not a leak (a placeholder, a documented example...).
     */
    static Detector regex(String regex, Function<Matcher, String> judge) {
        Lazy pattern = new Lazy(regex);
        return (path, text, hits) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String reason = judge.apply(m);
                if (reason != null) {
                    hits.accept(new Hit(m.start(), reason));
                }
            }
        };
    }

    /** A regular expression compiled on first use. */
    static final class Lazy {
        private final String regex;
        private volatile Pattern pattern;

        Lazy(String regex) {
            this.regex = regex;
        }

        Matcher matcher(CharSequence text) {
            Pattern p = pattern;
            if (p == null) {
                p = Pattern.compile(regex);
                pattern = p;
            }
            return p.matcher(text);
        }
    }
}
