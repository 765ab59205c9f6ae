package fr.mangaki.verdandi.secrets.check;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a value found in a file: a placeholder or template (not a secret), or a string that
 * looks like a real secret (long enough, varied enough). Used by the rules that look at what
 * is assigned to a secret-looking name, where a regular expression per spelling would not do.
 */
final class Values {

    private Values() {
    }

    /**
     * Words that mark a value as a placeholder or an example when they stand as a word of the
     * value ({@code change-me}, {@code your-secret-key-here}, {@code <your token>},
     * {@code not-a-real-secret}...).
     */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of(
            "change", "changeme", "changethis", "changeit", "your", "yours", "example", "examples", "sample",
            "placeholder", "dummy", "fake", "redacted", "replace", "replaceme", "insert", "todo", "fixme", "tbd",
            "here", "notsecret", "nosecret", "insecure", "unsafe", "development", "test", "testing", "tests",
            "demo", "default", "none", "null", "nil", "undefined", "secret", "secrets", "password", "passwd",
            "passphrase", "token", "apikey", "xxx", "foo", "bar", "baz", "foobar", "required", "real", "generate",
            "generated");

    /** Whole values that are well-known defaults of local services and CI (user = password, guest/guest...). */
    private static final Set<String> DEFAULTS = Set.of("postgres", "guest", "root", "admin", "password", "secret",
            "mysql", "redis", "rabbitmq", "test", "example", "changeme", "minioadmin", "elastic", "sa");

    /** A reference or template inside a value: ${VAR}, $VAR, $(command), {{ x }}, %(name)s, #{x}. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\$\\{[A-Za-z_]|^\\$[A-Za-z_]|\\$\\([A-Za-z_ ]|\\{\\{|%\\([A-Za-z_][A-Za-z0-9_]*\\)[sdr]|#\\{[A-Za-z_]");

    /** An empty value, a reference or template rather than a literal, or a placeholder. */
    static boolean isPlaceholder(String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return true;
        }
        char first = v.charAt(0);
        char last = v.charAt(v.length() - 1);
        if (first == '<' || first == '[' && last == ']' || first == '{' && last == '}') {
            return true; // <password>, [redacted], {password}
        }
        if (v.startsWith("ENC[") || TEMPLATE.matcher(v).find()) {
            return true; // SOPS-encrypted values; templates (shell, Jinja, Helm, Python %, Ruby)
        }
        if (v.contains("EXAMPLE")) {
            return true; // AWS's documented keys (AKIAIOSFODNN7EXAMPLE, ...EXAMPLEKEY)
        }
        if (v.startsWith("django-insecure-")) {
            return true; // the mark Django puts on the development keys it generates
        }
        if (repeated(v)) {
            return true; // xxxxxxxx, ********, 00000000, ........
        }
        for (String word : v.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (PLACEHOLDER_WORDS.contains(word)) {
                return true;
            }
            if (word.length() >= 4 && word.chars().allMatch(c -> c == 'x')) {
                return true;
            }
        }
        return false;
    }

    /** A well-known default password of a local service (postgres/postgres, guest/guest...). */
    static boolean isDefault(String value) {
        return DEFAULTS.contains(value.toLowerCase(Locale.ROOT));
    }

    /** One character (or one character class of the same character) repeated. */
    private static boolean repeated(String v) {
        return v.chars().distinct().count() <= 2 && v.length() >= 3;
    }

    /** Shannon entropy of the characters, in bits per character. */
    static double entropy(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        int n = s.length();
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / n;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        if (other > 0) {
            double p = (double) other / n;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** How many of lower case, upper case, digits and other characters occur. */
    static int classes(String s) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static final Pattern WORD = Pattern.compile("[A-Z]?[a-z]+|[A-Z]+(?![a-z])");

    /**
     * Words or an identifier rather than a secret: letters only, in several words of three
     * letters or more on average ({@code digitalocean-spaces-key}, {@code GenaiAgentApiKey},
     * {@code user_profile}). A run of letters without separators or case changes, or with
     * case changes every letter or two ({@code MFqHQmVU}), may be a generated password.
     */
    static boolean looksLikeWords(String v) {
        int letters = 0;
        boolean separator = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == '<' || c == '>') {
                separator = true;
            } else if (Character.isLetter(c)) {
                letters++;
            } else {
                return false;
            }
        }
        Matcher m = WORD.matcher(v);
        int words = 0;
        int single = 0;
        while (m.find()) {
            words++;
            single += m.group().length() == 1 ? 1 : 0;
        }
        return words >= 2 && (separator || words >= 3) && letters >= 3 * words && single <= 1;
    }

    /** A file path or URL rather than a secret: /etc/ssl/key.pem, ./key.pem, ~/.ssh/id_rsa, https://... */
    static boolean looksLikePath(String v) {
        return v.startsWith("/") || v.startsWith("./") || v.startsWith("../") || v.startsWith("~/")
                || v.matches("[A-Za-z][A-Za-z0-9+.-]*://.*") || v.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+\\.[a-z]{2,5}");
    }

    /** Whether the value has whitespace in it (a sentence or code, not a key). */
    static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A password: at least 8 characters, no whitespace, not a placeholder, a default or a
     * path, and varied (two classes of characters, or 14 letters of one class with an entropy
     * of 3.5 bits per character, as generated app passwords are).
     */
    static boolean looksLikePassword(String v) {
        return !looksLikePath(v) && v.length() >= 8 && v.length() <= 200 && !hasSpace(v) && !isPlaceholder(v) && !isDefault(v)
                && (classes(v) >= 2 || v.length() >= 14 && entropy(v) >= 3.5) && entropy(v) >= 2.5;
    }

    /**
     * A generated key or token: at least 16 characters, no whitespace, not a placeholder, of
     * two classes of characters or more and an entropy of 3.5 bits per character or more (or
     * 32 hexadecimal digits or more).
     */
    static boolean looksRandom(String v) {
        if (v.length() < 16 || hasSpace(v) || isPlaceholder(v) || classes(v) < 2 || looksLikePath(v)) {
            return false;
        }
        boolean hex = v.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        return hex ? v.length() >= 32 && entropy(v) >= 3.0 : entropy(v) >= 3.5;
    }
}
