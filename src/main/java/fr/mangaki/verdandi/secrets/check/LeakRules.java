package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.check.LeakRule.Example;
import fr.mangaki.verdandi.secrets.check.LeakRule.Hit;
import fr.mangaki.verdandi.secrets.check.LeakRule.Trigger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static fr.mangaki.verdandi.secrets.check.LeakRule.regex;

/**
 * Finds secret material in a file's content, by a table of rules ({@link #RULES}, one
 * {@link LeakRule} per row, each with its own examples): private keys (PEM, OpenSSH, PGP
 * private key blocks, PuTTY), DigitalOcean tokens, Slack webhook URLs and tokens, AWS access
 * keys, GitHub tokens, database URLs with a password, and a Django {@code SECRET_KEY} given a
 * literal value.
 *
 * <p>What is not a leak: code that reads variables from the environment, values that are
 * obvious placeholders ({@code ${DB_PASSWORD}}, {@code <password>}, {@code changeme},
 * {@code ****}, AWS's documented {@code ...EXAMPLE} keys), a {@code SECRET_KEY} literal
 * shorter than 16 characters (not a real key: Django's are 50) or marked
 * {@code django-insecure-} (Django's development keys), and binary files (a NUL byte in
 * the first 8000 bytes, as git decides).
 *
 * <p>To add a rule, add a row: its triggers, its detector and its examples; the one pass
 * that finds the triggers, the scan and the tests follow from the table.
 */
public final class LeakRules {

    private LeakRules() {
    }

    /** URL schemes of databases and brokers (a {@code +driver} suffix is allowed: {@code postgresql+psycopg2}). */
    private static final Set<String> DATABASE_SCHEMES = Set.of(
            "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp",
            "amqps", "mssql", "sqlserver", "cockroachdb", "oracle");

    /** Extensions of configuration files, where an unquoted {@code SECRET_KEY = value} is a literal. */
    private static final Set<String> CONFIG_EXTENSIONS = Set.of(
            "ini", "cfg", "conf", "cnf", "toml", "yaml", "yml", "properties", "sh", "bash", "zsh", "service",
            "txt", "env", "envrc", "example", "sample", "template");

    private static final LeakRule.Lazy PLACEHOLDER = new LeakRule.Lazy(
            "(?i)x+|\\*+|\\.+|-+|_+|pass|passwd|password|pwd|secret|changeme|change[-_]?me|change[-_]?this|example"
                    + "|placeholder|dummy|redacted|hidden|your[-_]?password|my[-_]?password|todo|fixme|none|null");

    /** A call, subscript or interpolation rather than a literal: {@code env('X')}, {@code os.environ['X']}, {@code %(x)s}. */
    private static final LeakRule.Lazy CODE = new LeakRule.Lazy("[A-Za-z_][A-Za-z0-9_.]*[(\\[].*|%\\(.*|\\{\\{.*");

    /** The minimum length of a {@code SECRET_KEY} literal considered a real key. */
    static final int MIN_SECRET_KEY_LENGTH = 16;

    /** An unquoted {@code SECRET_KEY = value} line (a literal in configuration files only). */
    private static final LeakRule.Detector DJANGO_UNQUOTED = regex(
            "(?m)^[ \\t]*(?:export[ \\t]+)?(?:DJANGO_)?SECRET_KEY[ \\t]*[:=][ \\t]*([^\\s\"'#][^\\s]*)",
            m -> !CODE.matcher(m.group(1)).matches() && isLiteralSecretKey(m.group(1))
                    ? "Django SECRET_KEY with a literal value" : null);

    private static final String B64 = "MIIEowIBAAKCAQEAu7Vq3v1xJ8kXy2cQ5mTq0sLdGfP9aZcW4nYhE2bRtUoK6jIl";

    /** The rules, one row each. */
    public static final List<LeakRule> RULES = List.of(
            new LeakRule("private-key", Finding.Kind.PRIVATE_KEY, "private key (PEM)",
                    List.of(Trigger.of("-----BEGIN ")),
                    regex("-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\\s\\S]{0,400}?(?:\\n|\\\\n)[A-Za-z0-9+/=]{20,}",
                            m -> privateKeyName(m.group(1), m.group(2) != null)),
                    List.of(ex("id_rsa", "-----BEGIN RSA PRIVATE KEY-----\n" + B64 + "\n-----END RSA PRIVATE KEY-----\n"),
                            ex("key.pem", "-----BEGIN PRIVATE KEY-----\n" + B64 + "\n-----END PRIVATE KEY-----\n"),
                            ex("id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"),
                            ex("sa.json", "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + B64 + "\\n\"}")),
                    List.of(ex("doc.md", "A key starts with -----BEGIN OPENSSH PRIVATE KEY----- and ends...\n"),
                            ex("Check.java", "if (line.startsWith(\"-----BEGIN RSA PRIVATE KEY-----\")) {\n}\n"))),
            new LeakRule("pgp-secret-key-block", Finding.Kind.PRIVATE_KEY, "PGP private key block",
                    List.of(Trigger.of("-----BEGIN ")),
                    regex("-----BEGIN PGP SECRET KEY BLOCK-----[\\s\\S]{0,400}?(?:\\n|\\\\n)[A-Za-z0-9+/=]{20,}",
                            m -> "PGP private key block"),
                    List.of(ex("ops.key", "-----BEGIN PGP SECRET KEY BLOCK-----\n\nlQdGBF4Hb1cBEADQxyz0123456789abcd\n")),
                    List.of(ex("doc.md", "GnuPG 1 wrote -----BEGIN PGP SECRET KEY BLOCK----- headers.\n"))),
            new LeakRule("putty-private-key", Finding.Kind.PRIVATE_KEY, "PuTTY private key",
                    List.of(Trigger.of("PuTTY-User-Key-File-")),
                    regex("PuTTY-User-Key-File-[0-9]+: [\\s\\S]{0,3000}?Private-Lines: [0-9]+", m -> "PuTTY private key"),
                    List.of(ex("k.ppk", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\nAAAA\nAAAA\n"
                            + "Private-Lines: 1\nAAAA\n")),
                    List.of(ex("doc.md", "PuTTY key files start with PuTTY-User-Key-File-3: and a key type.\n"))),
            new LeakRule("digitalocean-token", Finding.Kind.CREDENTIAL, "DigitalOcean token",
                    List.of(Trigger.of("_v1_")),
                    regex("(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])", m -> "DigitalOcean token"),
                    List.of(ex("provider.tf", "token = \"dop_v1_" + "3f9a0c2b7d1e4f5a".repeat(4) + "\"\n")),
                    List.of(ex("doc.md", "Tokens look like dop_v1_... (64 hexadecimal digits).\n"),
                            ex("a", "xdop_v1_" + "3f9a0c2b7d1e4f5a".repeat(4)))),
            new LeakRule("slack-webhook", Finding.Kind.CREDENTIAL, "Slack webhook URL",
                    List.of(Trigger.of("hooks.slack.com/")),
                    regex("https://hooks\\.slack\\.com/(?:services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{16,}"
                            + "|(?:workflows|triggers)/T[A-Z0-9]{6,}/[A-Za-z0-9/]{20,})", m -> "Slack webhook URL"),
                    List.of(ex("notify.py", "URL = \"https://hooks.slack.com/services/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\"\n")),
                    List.of(ex("doc.md", "https://hooks.slack.com/services/T000/B000/XXXX\n"))),
            new LeakRule("slack-token", Finding.Kind.CREDENTIAL, "Slack token",
                    List.of(Trigger.of("xox"), Trigger.of("xapp-")),
                    regex("(?<![A-Za-z0-9])(?:xox[abposer]-[0-9A-Za-z]{8,}-[0-9A-Za-z-]{8,}"
                            + "|xapp-[0-9]+-[A-Z0-9]+-[0-9]+-[a-f0-9]{16,})", m -> "Slack token"),
                    List.of(ex("bot.js", "const token = 'xoxb-2810937465-4820193746512-Zq8Rst9UvW0xYz1Ab2Cd3Ef4';\n"),
                            ex("app.env.txt", "xapp-1-A02B3C4D5E6-2810937465123-3f9a0c2b7d1e4f5a3f9a0c2b7d1e4f5a\n")),
                    List.of(ex("doc.md", "Bot tokens start with xoxb-... and app tokens with xapp-.\n"))),
            new LeakRule("aws-access-key-id", Finding.Kind.CREDENTIAL, "AWS access key id",
                    List.of(Trigger.of("AKIA"), Trigger.of("ASIA"), Trigger.of("ABIA"), Trigger.of("ACCA")),
                    regex("(?<![A-Za-z0-9/+])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9/+=])",
                            m -> m.group().endsWith("EXAMPLE") ? null : "AWS access key id"),
                    List.of(ex("credentials.ini", "[default]\naws_access_key_id = AKIA4QX7ZR2LM9PB3TWN\n")),
                    List.of(ex("doc.md", "AWS's documented example key is AKIAIOSFODNN7EXAMPLE.\n"),
                            ex("yarn.lock", "integrity sha512-AKIAFAKEFAKEFAKEFAKE0123+abc=\n"))),
            new LeakRule("aws-secret-access-key", Finding.Kind.CREDENTIAL, "AWS secret access key",
                    List.of(Trigger.anyCase("secret_access"), Trigger.anyCase("secretaccess")),
                    regex("(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
                            m -> m.group(1).contains("EXAMPLE") ? null : "AWS secret access key"),
                    List.of(ex("credentials.ini", "aws_secret_access_key = q8Rst9UvW0xYz1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qr\n"),
                            ex("app.json", "{\"awsSecretAccessKey\": \"q8Rst9UvW0xYz1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qr\"}\n")),
                    List.of(ex("doc.md", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"))),
            new LeakRule("github-token", Finding.Kind.CREDENTIAL, "GitHub token",
                    List.of(Trigger.of("ghp_"), Trigger.of("gho_"), Trigger.of("ghu_"), Trigger.of("ghs_"), Trigger.of("ghr_"),
                            Trigger.of("github_pat_")),
                    regex("(?<![A-Za-z0-9_])(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})"
                            + "(?![A-Za-z0-9_])", m -> "GitHub token"),
                    List.of(ex("release.sh", "curl -H \"Authorization: token ghp_q8Rst9UvW0xYz1Ab2Cd3Ef4Gh5Ij6Kl7Mn8O\"\n"),
                            ex("deploy.yml", "GH_TOKEN: github_pat_11ABCDEFG0q8Rst9UvW0xY_z1Ab2Cd3Ef4Gh5Ij6Kl7Mn8Op9Qr\n")),
                    List.of(ex("doc.md", "Classic tokens start with ghp_short.\n"),
                            ex("a", "mangaki_ghp_" + "A".repeat(36)))),
            new LeakRule("database-url", Finding.Kind.CREDENTIAL, "database URL with a password",
                    List.of(Trigger.of("://")),
                    (path, text, hits) -> {
                        for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 3)) {
                            if (isDatabaseUrlWithPassword(text, at)) {
                                hits.accept(new Hit(at, "database URL with a password"));
                            }
                        }
                    },
                    List.of(ex("settings.py", "url = 'postgresql+psycopg2://app:Xy7-pass@db/app'\n"),
                            ex("cache.yaml", "redis://:longredispassword@cache:6379/0\n")),
                    List.of(ex("a", "postgres://mangaki:${DB_PASSWORD}@localhost/mangaki\n"),
                            ex("a", "https://user:token@example.org/repo.git\n"),
                            ex("a", "postgres://user:%(password)s@localhost/db\n"))),
            new LeakRule("django-secret-key", Finding.Kind.CREDENTIAL, "Django SECRET_KEY with a literal value",
                    List.of(Trigger.of("SECRET_KEY")),
                    regex("(?<![A-Za-z0-9_])(?:DJANGO_)?SECRET_KEY[\"']?\\s*[:=]\\s*[rbuRBUf]{0,2}([\"'])([^\"'\\r\\n]*)\\1",
                            m -> isLiteralSecretKey(m.group(2)) ? "Django SECRET_KEY with a literal value" : null),
                    List.of(ex("settings.py", "SECRET_KEY = r\"" + "x1".repeat(25) + "\"\n"),
                            ex("config.json", "{\"SECRET_KEY\": \"" + "q".repeat(50) + "\"}\n")),
                    List.of(ex("settings.py", "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n"),
                            ex("settings.py", "SECRET_KEY = 'django-insecure-5f1e9c0a7b3d2e4f6a8b'\n"),
                            ex("settings.py", "SECRET_KEY = 'changeme'\n"))),
            new LeakRule("django-secret-key-config", Finding.Kind.CREDENTIAL, "Django SECRET_KEY with a literal value",
                    List.of(Trigger.of("SECRET_KEY")),
                    (path, text, hits) -> {
                        if (!CONFIG_EXTENSIONS.contains(extension(path))) {
                            return;
                        }
                        DJANGO_UNQUOTED.find(path, text, hits);
                    },
                    List.of(ex("settings.ini", "[secrets]\nSECRET_KEY = " + "k9".repeat(20) + "\n")),
                    List.of(ex("settings.py", "SECRET_KEY = DEFAULT_SECRET_KEY_FROM_VAULT\n"),
                            ex("settings.ini", "[secrets]\nSECRET_KEY = ${DJANGO_SECRET_KEY}\n"))));

    private static Example ex(String path, String content) {
        return new Example(path, content);
    }

    /** Whether git would call this content binary (a NUL byte in the first 8000 bytes). */
    public static boolean isBinary(byte[] content) {
        int n = Math.min(content.length, 8000);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Every leak in {@code content} (empty for binary content), in line order. */
    public static List<Leak> scan(String path, byte[] content) {
        if (isBinary(content)) {
            return List.of();
        }
        long triggered = Triggers.TABLE.find(content);
        if (triggered == 0) {
            return List.of();
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<Leak> leaks = new ArrayList<>();
        for (int r = 0; r < RULES.size(); r++) {
            if ((triggered & (1L << r)) != 0) {
                LeakRule rule = RULES.get(r);
                rule.detector().find(path, text, hit -> leaks.add(new Leak(rule.kind(), hit.reason(), line(text, hit.offset()),
                        rule.id())));
            }
        }
        leaks.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return leaks;
    }

    /**
     * Which rules can match, from one pass over the bytes looking for every rule's triggers:
     * most files have none, and cost this pass only.
     */
    static final class Triggers {
        static final Triggers TABLE = new Triggers(RULES);

        /** For each first byte, the triggers starting with it (lower and upper case for any-case ones). */
        private final byte[][][] literals = new byte[256][][];
        private final boolean[][] anyCase = new boolean[256][];
        private final long[][] rules = new long[256][];

        private Triggers(List<LeakRule> table) {
            if (table.size() > Long.SIZE) {
                throw new IllegalStateException("more than 64 rules: widen the trigger mask");
            }
            for (int r = 0; r < table.size(); r++) {
                for (Trigger t : table.get(r).triggers()) {
                    byte[] bytes = t.literal().getBytes(StandardCharsets.ISO_8859_1);
                    if (t.ignoreCase()) {
                        bytes = t.literal().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
                        add(Character.toLowerCase(bytes[0]), bytes, true, r);
                        add(Character.toUpperCase(bytes[0]), bytes, true, r);
                    } else {
                        add(bytes[0], bytes, false, r);
                    }
                }
            }
        }

        private void add(int first, byte[] literal, boolean ignoreCase, int rule) {
            int b = first & 0xff;
            int n = literals[b] == null ? 0 : literals[b].length;
            literals[b] = java.util.Arrays.copyOf(literals[b] == null ? new byte[0][] : literals[b], n + 1);
            anyCase[b] = java.util.Arrays.copyOf(anyCase[b] == null ? new boolean[0] : anyCase[b], n + 1);
            rules[b] = java.util.Arrays.copyOf(rules[b] == null ? new long[0] : rules[b], n + 1);
            literals[b][n] = literal;
            anyCase[b][n] = ignoreCase;
            rules[b][n] = 1L << rule;
        }

        /** The mask of rules (bit i for rule i) whose triggers occur in {@code c}. */
        long find(byte[] c) {
            long found = 0;
            for (int i = 0; i < c.length; i++) {
                byte[][] candidates = literals[c[i] & 0xff];
                if (candidates == null) {
                    continue;
                }
                int b = c[i] & 0xff;
                for (int k = 0; k < candidates.length; k++) {
                    if ((found & rules[b][k]) == 0 && at(c, i, candidates[k], anyCase[b][k])) {
                        found |= rules[b][k];
                    }
                }
            }
            return found;
        }

        private static boolean at(byte[] c, int i, byte[] literal, boolean ignoreCase) {
            int n = literal.length;
            if (i + n > c.length) {
                return false;
            }
            for (int j = 1; j < n; j++) {
                int x = c[i + j];
                if (ignoreCase && x >= 'A' && x <= 'Z') {
                    x |= 0x20;
                }
                if (x != literal[j]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Whether the {@code ://} at {@code at} belongs to a database URL whose user info has a
     * password that is not a placeholder: {@code scheme://user:password@host}.
     */
    private static boolean isDatabaseUrlWithPassword(String text, int at) {
        int start = at;
        while (start > 0 && isSchemeChar(text.charAt(start - 1))) {
            start--;
        }
        String scheme = text.substring(start, at).toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        if (!DATABASE_SCHEMES.contains(scheme) && (plus < 0 || !DATABASE_SCHEMES.contains(scheme.substring(0, plus)))) {
            return false;
        }
        int colon = -1;
        for (int i = at + 3; i < text.length() && i < at + 3 + 512; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                if (colon < 0 || i + 1 >= text.length() || isUrlEnd(text.charAt(i + 1))) {
                    return false;
                }
                return !isPlaceholder(text.substring(colon + 1, i));
            }
            if (c == '/' || isUrlEnd(c)) {
                return false;
            }
            if (c == ':' && colon < 0) {
                colon = i;
            }
        }
        return false;
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.'
                || c == '-';
    }

    private static boolean isUrlEnd(char c) {
        return Character.isWhitespace(c) || c == '\'' || c == '"' || c == '`' || c == '/';
    }

    private static String privateKeyName(String type, boolean block) {
        String t = type.strip();
        if (t.equals("PGP") && block) {
            return "PGP private key block";
        }
        if (t.equals("OPENSSH")) {
            return "OpenSSH private key";
        }
        if (t.isEmpty()) {
            return "private key (PEM)";
        }
        return t + " private key (PEM)";
    }

    static boolean isPlaceholder(String value) {
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        if (first == '$' || first == '{' || first == '<' || first == '%' || first == '[' || first == '*') {
            return true;
        }
        return PLACEHOLDER.matcher(value).matches();
    }

    /**
     * A value that looks like a real key: long enough, without spaces (a quoted span with
     * spaces is code, e.g. {@code "SECRET_KEY=" + key + "\n"}), not a placeholder or a
     * template, and not marked {@code django-insecure-} (the prefix Django gives the
     * development keys it generates, which its deployment checks reject).
     */
    private static boolean isLiteralSecretKey(String value) {
        return value.length() >= MIN_SECRET_KEY_LENGTH && !isPlaceholder(value) && !value.startsWith("django-insecure-")
                && value.chars().noneMatch(Character::isWhitespace) && !value.contains("${") && !value.contains("{{");
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
