package fr.mangaki.verdandi.secrets.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secret material in a file's content: private keys (PEM, OpenSSH, PGP private key
 * blocks, PuTTY), DigitalOcean tokens, Slack webhook URLs and tokens, AWS access keys,
 * GitHub tokens, database URLs with a password, and a Django {@code SECRET_KEY} given a
 * literal value.
 *
 * <p>What is not a leak: code that reads variables from the environment, values that are
 * obvious placeholders ({@code ${DB_PASSWORD}}, {@code <password>}, {@code changeme},
 * {@code ****}, AWS's documented {@code ...EXAMPLE} keys), a {@code SECRET_KEY} literal
 * shorter than 16 characters (not a real key: Django's are 50) or marked
 * {@code django-insecure-} (Django's development keys), and binary files (a NUL byte in
 * the first 8000 bytes, as git decides).
 */
public final class LeakRules {

    private LeakRules() {
    }

    /** A regular expression compiled on first use: most files never need most of them. */
    private static final class Lazy {
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

    private static final Lazy PRIVATE_KEY = new Lazy(
            "-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----[\\s\\S]{0,400}?(?:\\n|\\\\n)[A-Za-z0-9+/=]{20,}");
    private static final Lazy OLD_PGP_SECRET_KEY = new Lazy(
            "-----BEGIN PGP SECRET KEY BLOCK-----[\\s\\S]{0,400}?(?:\\n|\\\\n)[A-Za-z0-9+/=]{20,}");
    private static final Lazy PUTTY_KEY = new Lazy(
            "PuTTY-User-Key-File-[0-9]+: [\\s\\S]{0,3000}?Private-Lines: [0-9]+");
    private static final Lazy DIGITALOCEAN = new Lazy(
            "(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])");
    private static final Lazy SLACK_WEBHOOK = new Lazy(
            "https://hooks\\.slack\\.com/(?:services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{16,}"
                    + "|(?:workflows|triggers)/T[A-Z0-9]{6,}/[A-Za-z0-9/]{20,})");
    private static final Lazy SLACK_TOKEN = new Lazy(
            "(?<![A-Za-z0-9])(?:xox[abposer]-[0-9A-Za-z]{8,}-[0-9A-Za-z-]{8,}|xapp-[0-9]+-[A-Z0-9]+-[0-9]+-[a-f0-9]{16,})");
    private static final Lazy AWS_ACCESS_KEY = new Lazy(
            "(?<![A-Za-z0-9/+])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9/+=])");
    private static final Lazy AWS_SECRET_KEY = new Lazy(
            "(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])");
    private static final Lazy GITHUB_TOKEN = new Lazy(
            "(?<![A-Za-z0-9_])(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})"
                    + "(?![A-Za-z0-9_])");
    /** URL schemes of databases and brokers (a {@code +driver} suffix is allowed: {@code postgresql+psycopg2}). */
    private static final Set<String> DATABASE_SCHEMES = Set.of(
            "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp",
            "amqps", "mssql", "sqlserver", "cockroachdb", "oracle");
    private static final Lazy DJANGO_SECRET_QUOTED = new Lazy(
            "(?<![A-Za-z0-9_])(?:DJANGO_)?SECRET_KEY[\"']?\\s*[:=]\\s*[rbuRBUf]{0,2}([\"'])([^\"'\\r\\n]*)\\1");
    private static final Lazy DJANGO_SECRET_UNQUOTED = new Lazy(
            "(?m)^[ \\t]*(?:export[ \\t]+)?(?:DJANGO_)?SECRET_KEY[ \\t]*[:=][ \\t]*([^\\s\"'#][^\\s]*)");

    /** Extensions of configuration files, where an unquoted {@code SECRET_KEY = value} is a literal. */
    private static final Set<String> CONFIG_EXTENSIONS = Set.of(
            "ini", "cfg", "conf", "cnf", "toml", "yaml", "yml", "properties", "sh", "bash", "zsh", "service",
            "txt", "env", "envrc", "example", "sample", "template");

    private static final Lazy PLACEHOLDER = new Lazy(
            "(?i)x+|\\*+|\\.+|-+|_+|pass|passwd|password|pwd|secret|changeme|change[-_]?me|change[-_]?this|example"
                    + "|placeholder|dummy|redacted|hidden|your[-_]?password|my[-_]?password|todo|fixme|none|null");

    /** A call, subscript or interpolation rather than a literal: {@code env('X')}, {@code os.environ['X']}, {@code %(x)s}. */
    private static final Lazy CODE = new Lazy("[A-Za-z_][A-Za-z0-9_.]*[(\\[].*|%\\(.*|\\{\\{.*");

    /** The minimum length of a {@code SECRET_KEY} literal considered a real key. */
    static final int MIN_SECRET_KEY_LENGTH = 16;

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

    private static final int PEM = 1;
    private static final int PUTTY = 1 << 1;
    private static final int DIGITALOCEAN_TOKEN = 1 << 2;
    private static final int SLACK_HOOK = 1 << 3;
    private static final int SLACK = 1 << 4;
    private static final int AWS_ID = 1 << 5;
    private static final int AWS_SECRET = 1 << 6;
    private static final int GITHUB = 1 << 7;
    private static final int URL = 1 << 8;
    private static final int DJANGO = 1 << 9;

    /**
     * Which rules can match, from one pass over the bytes looking for a literal that each
     * rule's matches contain: most files have none, and cost this pass only.
     */
    static int triggers(byte[] c) {
        int t = 0;
        for (int i = 0; i < c.length; i++) {
            switch (c[i]) {
                case '-' -> t |= at(c, i, "-----BEGIN ") ? PEM : 0;
                case 'P' -> t |= at(c, i, "PuTTY-User-Key-File-") ? PUTTY : 0;
                case '_' -> t |= at(c, i, "_v1_") ? DIGITALOCEAN_TOKEN : 0;
                case 'h' -> t |= at(c, i, "hooks.slack.com/") ? SLACK_HOOK : 0;
                case 'x' -> t |= at(c, i, "xox") || at(c, i, "xapp-") ? SLACK : 0;
                case 'A' -> t |= at(c, i, "AKIA") || at(c, i, "ASIA") || at(c, i, "ABIA") || at(c, i, "ACCA") ? AWS_ID : 0;
                case 'e', 'E' -> t |= secretAccessAt(c, i) ? AWS_SECRET : 0;
                case 'g' -> t |= at(c, i, "github_pat_") || i + 3 < c.length && c[i + 1] == 'h' && c[i + 3] == '_'
                        ? GITHUB : 0;
                case ':' -> t |= at(c, i, "://") ? URL : 0;
                case 'S' -> t |= at(c, i, "SECRET_KEY") ? DJANGO : 0;
                default -> {
                    // not the first byte of a trigger
                }
            }
        }
        return t;
    }

    /** {@code ecret_access} or {@code ecretaccess}, any case (aws_secret_access_key, AwsSecretAccessKey...). */
    private static boolean secretAccessAt(byte[] c, int i) {
        int j = i + 5;
        if (!atIgnoreCase(c, i, "ecret")) {
            return false;
        }
        if (j < c.length && c[j] == '_') {
            j++;
        }
        return atIgnoreCase(c, j, "access");
    }

    private static boolean atIgnoreCase(byte[] c, int i, String lowerCase) {
        int n = lowerCase.length();
        if (i + n > c.length) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            if ((c[i + j] | 0x20) != lowerCase.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean at(byte[] c, int i, String literal) {
        int n = literal.length();
        if (i + n > c.length) {
            return false;
        }
        for (int j = 1; j < n; j++) {
            if (c[i + j] != literal.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Every leak in {@code content} (empty for binary content). */
    public static List<Leak> scan(String path, byte[] content) {
        if (isBinary(content)) {
            return List.of();
        }
        int triggers = triggers(content);
        if (triggers == 0) {
            return List.of();
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<Leak> leaks = new ArrayList<>();
        // each rule runs only when a literal it needs is present (see triggers)

        if ((triggers & PEM) != 0) {
            Matcher m = PRIVATE_KEY.matcher(text);
            while (m.find()) {
                leaks.add(new Leak(Finding.Kind.PRIVATE_KEY, privateKeyName(m.group(1), m.group(2) != null),
                        line(text, m.start())));
            }
        }
        if ((triggers & PEM) != 0) {
            find(text, OLD_PGP_SECRET_KEY, Finding.Kind.PRIVATE_KEY, "PGP private key block", leaks);
        }
        if ((triggers & PUTTY) != 0) {
            find(text, PUTTY_KEY, Finding.Kind.PRIVATE_KEY, "PuTTY private key", leaks);
        }
        if ((triggers & DIGITALOCEAN_TOKEN) != 0) {
            find(text, DIGITALOCEAN, Finding.Kind.CREDENTIAL, "DigitalOcean token", leaks);
        }
        if ((triggers & SLACK_HOOK) != 0) {
            find(text, SLACK_WEBHOOK, Finding.Kind.CREDENTIAL, "Slack webhook URL", leaks);
        }
        if ((triggers & SLACK) != 0) {
            find(text, SLACK_TOKEN, Finding.Kind.CREDENTIAL, "Slack token", leaks);
        }
        if ((triggers & AWS_ID) != 0) {
            Matcher m = AWS_ACCESS_KEY.matcher(text);
            while (m.find()) {
                if (!m.group().endsWith("EXAMPLE")) {
                    leaks.add(new Leak(Finding.Kind.CREDENTIAL, "AWS access key id", line(text, m.start())));
                }
            }
        }
        if ((triggers & AWS_SECRET) != 0) {
            Matcher m = AWS_SECRET_KEY.matcher(text);
            while (m.find()) {
                if (!m.group(1).contains("EXAMPLE")) {
                    leaks.add(new Leak(Finding.Kind.CREDENTIAL, "AWS secret access key", line(text, m.start())));
                }
            }
        }
        if ((triggers & GITHUB) != 0) {
            find(text, GITHUB_TOKEN, Finding.Kind.CREDENTIAL, "GitHub token", leaks);
        }
        for (int at = (triggers & URL) == 0 ? -1 : text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 3)) {
            if (isDatabaseUrlWithPassword(text, at)) {
                leaks.add(new Leak(Finding.Kind.CREDENTIAL, "database URL with a password", line(text, at)));
            }
        }
        if ((triggers & DJANGO) != 0) {
            Matcher m = DJANGO_SECRET_QUOTED.matcher(text);
            while (m.find()) {
                if (isLiteralSecretKey(m.group(2))) {
                    leaks.add(new Leak(Finding.Kind.CREDENTIAL, "Django SECRET_KEY with a literal value",
                            line(text, m.start())));
                }
            }
            if (CONFIG_EXTENSIONS.contains(extension(path))) {
                m = DJANGO_SECRET_UNQUOTED.matcher(text);
                while (m.find()) {
                    String value = m.group(1);
                    if (!CODE.matcher(value).matches() && isLiteralSecretKey(value)) {
                        leaks.add(new Leak(Finding.Kind.CREDENTIAL, "Django SECRET_KEY with a literal value",
                                line(text, m.start())));
                    }
                }
            }
        }
        leaks.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return leaks;
    }

    private static void find(String text, Lazy pattern, Finding.Kind kind, String reason, List<Leak> leaks) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            leaks.add(new Leak(kind, reason, line(text, m.start())));
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
