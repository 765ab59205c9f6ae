package fr.mangaki.verdandi.secrets.check;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which files are env files, by name and by content.
 *
 * <ul>
 *   <li>{@code .env}, {@code .env.*} ({@code .env.local}, {@code .env.production}...) and
 *       {@code *.env} ({@code production.env}) are env files, and so are their editor
 *       backups ({@code .env~}, {@code #.env#}, {@code .env.swp}, {@code prod.env.bak}):
 *       never committed in clear;</li>
 *   <li>templates ({@code .env.example}, {@code .env.sample}, {@code .env.template},
 *       {@code .env.dist}, and any env file name ending with one of those extensions) may be
 *       committed with non-secret defaults: their content goes through the same rules as
 *       any file;</li>
 *   <li>{@code .envrc} (direnv) is a shell file: its content goes through the same rules;</li>
 *   <li>an env file name followed by {@code .asc}, {@code .gpg} or {@code .pgp} is an
 *       encrypted env file and must hold an encrypted OpenPGP message;</li>
 *   <li>a file of any other name whose lines are mostly {@code NAME=value} assignments
 *       ({@link #looksLikeEnvFile}) is an env file by its content when it holds a secret
 *       (cookiecutter-django's {@code .envs/.production/.django}, say).</li>
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
        /** An env file template (non-secret defaults allowed). */
        TEMPLATE,
        /** A direnv file. */
        ENVRC,
        /** An encrypted env file ({@code .asc}, {@code .gpg}, {@code .pgp}). */
        ENCRYPTED
    }

    private static final Set<String> TEMPLATE_EXTENSIONS = Set.of("example", "sample", "template", "dist", "tmpl", "tpl");
    private static final Set<String> PGP_EXTENSIONS = Set.of("asc", "gpg", "pgp");
    private static final List<String> BACKUP_SUFFIXES = List.of("~", ".bak", ".orig", ".old", ".save", ".swp", ".swo",
            ".tmp", ".backup");

    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?[A-Za-z_][A-Za-z0-9_.]*=.*$");

    /** Classifies a file by its name (the last path segment). */
    public static EnvName classify(String name) {
        String n = withoutBackupMarks(name);
        int dot = n.lastIndexOf('.');
        String extension = dot < 0 ? "" : n.substring(dot + 1);
        if (PGP_EXTENSIONS.contains(extension) && isEnvName(n.substring(0, dot))) {
            return EnvName.ENCRYPTED;
        }
        if (n.equals(".envrc")) {
            return EnvName.ENVRC;
        }
        if (!isEnvName(n)) {
            return EnvName.NONE;
        }
        return TEMPLATE_EXTENSIONS.contains(extension) ? EnvName.TEMPLATE : EnvName.PLAINTEXT;
    }

    /** {@code .env~} → {@code .env}, {@code #.env#} → {@code .env}, {@code prod.env.swp} → {@code prod.env}. */
    private static String withoutBackupMarks(String name) {
        String n = name;
        if (n.length() > 2 && n.startsWith("#") && n.endsWith("#")) {
            n = n.substring(1, n.length() - 1);
        }
        if (n.startsWith(".#")) {
            n = n.substring(2); // Emacs lock files
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suffix : BACKUP_SUFFIXES) {
                if (n.length() > suffix.length() && n.endsWith(suffix)) {
                    n = n.substring(0, n.length() - suffix.length());
                    changed = true;
                }
            }
        }
        return n;
    }

    private static boolean isEnvName(String name) {
        return name.equals(".env") || name.startsWith(".env.") || (name.endsWith(".env") && name.length() > 4);
    }

    /**
     * Whether text reads as an env file: two {@code NAME=value} lines or more (optionally
     * after {@code export}), and at least 60 % of the lines that are not blank or comments.
     */
    public static boolean looksLikeEnvFile(byte[] content) {
        int assignments = 0;
        int lines = 0;
        for (String line : new String(content, StandardCharsets.ISO_8859_1).split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            lines++;
            if (ASSIGNMENT.matcher(l).matches()) {
                assignments++;
            }
        }
        return assignments >= 2 && assignments * 10 >= lines * 6;
    }
}
