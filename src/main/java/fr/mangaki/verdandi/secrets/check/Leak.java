package fr.mangaki.verdandi.secrets.check;

/**
 * Secret material found in a file's content.
 *
 * @param kind   whether it is a private key or another kind of credential (decides the fix)
 * @param reason what was found, e.g. "AWS access key id" (never the value itself)
 * @param line   the 1-based line where it starts
 * @param rule   the id of the {@link LeakRule} that found it
 */
public record Leak(Finding.Kind kind, String reason, int line, String rule) {
}
