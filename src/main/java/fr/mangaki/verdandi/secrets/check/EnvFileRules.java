package fr.mangaki.verdandi.secrets.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files are env files, by name, and what their lines assign.
 *
 * <ul>
 *   <li>{@code .env}, {@code .env.*} ({@code .env.local}, {@code .env.production}...) and
 *       {@code *.env} ({@code production.env}) are env files: never committed in clear;</li>
 *   <li>templates ({@code .env.example}, {@code .env.sample}, {@code .env.template}, and any
 *       env file name ending with one of those extensions) may be committed when every value
 *       is empty;</li>
 *   <li>{@code .envrc} (direnv) may be committed unless it exports literal values (an export
 *       whose value expands a variable or runs a command is fine);</li>
 *   <li>an env file name followed by {@code .asc}, {@code .gpg} or {@code .pgp} is an
 *       encrypted env file and must hold an encrypted OpenPGP message.</li>
 * </ul>
 */
public final class EnvFileRules {

    private EnvFileRules() {
    }

    /** What a file name says about a file. */
    public enum EnvName {
        /** Not an env file. */
        NONE,
        /** A plaintext env file. */
        PLAINTEXT,
        /** An env file template (values must be empty). */
        TEMPLATE,
        /** A direnv file. */
        ENVRC,
        /** An encrypted env file ({@code .asc}, {@code .gpg}, {@code .pgp}). */
        ENCRYPTED
    }

    private static final Set<String> TEMPLATE_EXTENSIONS = Set.of("example", "sample", "template");
    private static final Set<String> PGP_EXTENSIONS = Set.of("asc", "gpg", "pgp");

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^\\s*(export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=(.*)$");

    /** Classifies a file by its name (the last path segment). */
    public static EnvName classify(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (PGP_EXTENSIONS.contains(extension) && isEnvName(name.substring(0, dot))) {
            return EnvName.ENCRYPTED;
        }
        if (name.equals(".envrc")) {
            return EnvName.ENVRC;
        }
        if (!isEnvName(name)) {
            return EnvName.NONE;
        }
        return TEMPLATE_EXTENSIONS.contains(extension) ? EnvName.TEMPLATE : EnvName.PLAINTEXT;
    }

    private static boolean isEnvName(String name) {
        return name.equals(".env") || name.startsWith(".env.") || (name.endsWith(".env") && name.length() > 4);
    }

    /** The names of the variables that a template gives a non-empty value. */
    public static List<String> namesWithValues(byte[] content) {
        List<String> names = new ArrayList<>();
        for (String line : lines(content)) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches() && !value(m.group(3)).isEmpty()) {
                names.add(m.group(2));
            }
        }
        return names;
    }

    /**
     * The names of the variables that a {@code .envrc} exports with a literal value (not
     * an expansion such as {@code $PWD/bin} or {@code $(cat file)}).
     */
    public static List<String> literalExports(byte[] content) {
        List<String> names = new ArrayList<>();
        for (String line : lines(content)) {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches() && m.group(1) != null) {
                String value = value(m.group(3));
                if (!value.isEmpty() && !value.contains("$") && !value.contains("`")) {
                    names.add(m.group(2));
                }
            }
        }
        return names;
    }

    /** The value of an assignment's right-hand side: unquoted, without a trailing comment. */
    static String value(String raw) {
        String v = raw.strip();
        if (v.startsWith("\"") || v.startsWith("'")) {
            char quote = v.charAt(0);
            int end = v.indexOf(quote, 1);
            return end < 0 ? v.substring(1) : v.substring(1, end);
        }
        int comment = v.startsWith("#") ? 0 : v.indexOf(" #");
        return (comment < 0 ? v : v.substring(0, comment)).strip();
    }

    private static String[] lines(byte[] content) {
        return new String(content, StandardCharsets.UTF_8).split("\r?\n");
    }
}
