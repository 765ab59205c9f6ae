package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.check.LeakRule.Hit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The detectors of the rules of {@link LeakRules} that a regular expression alone cannot express. */
final class Detectors {

    private Detectors() {
    }

    /** URL schemes of databases, brokers and mail servers (a {@code +driver} suffix is allowed: {@code postgresql+psycopg2}). */
    static final Set<String> URL_SCHEMES = Set.of(
            "postgres", "postgresql", "pgsql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp",
            "amqps", "mssql", "sqlserver", "cockroachdb", "oracle", "smtp", "smtps", "ldap", "ldaps", "clickhouse",
            "elasticsearch", "nats", "memcached", "couchdb", "neo4j", "influxdb");

    private static final Pattern PRIVATE_KEY_HEADER = Pattern.compile(
            "-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----|-----BEGIN PGP SECRET KEY BLOCK-----");
    /** Between the pieces of a string: a closing quote, {@code +}, {@code ,} or a line break, an opening quote. */
    private static final Pattern PIECE_JOINT = Pattern.compile("[\"'`]\\s*[+,]?\\s*(?:\\\\\\r?\\n\\s*)?[\"'`]");

    /** Stripe's publicly documented test keys. */
    static final Set<String> STRIPE_DOCUMENTATION_KEYS = Set.of("sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "sk_test_26PHem9AhJZvU623DfE1x4sd");

    /** Database, broker and mail server URLs with a password. */
    static void databaseUrls(String path, String text, Consumer<Hit> hits) {
        for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 3)) {
            if (isUrlWithPassword(text, at)) {
                hits.accept(new Hit(at, "database URL with a password"));
            }
        }
    }

    static void privateKeys(String path, String text, Consumer<Hit> hits) {
        boolean[] found = {false};
        findPrivateKeys(text, hit -> {
            found[0] = true;
            hits.accept(hit);
        });
        if (!found[0] && text.contains("PRIVATE")) {
            // a key assembled from string pieces: "-----BEGIN RSA " + "PRIVATE KEY-----\n" + "MIIE..."
            String joined = PIECE_JOINT.matcher(text).replaceAll("");
            int offset = text.indexOf("PRIVATE");
            findPrivateKeys(joined, hit -> hits.accept(new Hit(offset, hit.reason() + ", assembled from string pieces")));
        }
    }

    private static void findPrivateKeys(String text, Consumer<Hit> hits) {
        Matcher m = PRIVATE_KEY_HEADER.matcher(text);
        while (m.find()) {
            if (hasKeyBody(text, m.end())) {
                String reason = m.group().contains("PGP SECRET KEY BLOCK") ? "PGP private key block"
                        : privateKeyName(m.group(1), m.group(2) != null);
                hits.accept(new Hit(m.start(), reason));
            }
        }
    }

    /**
     * Whether key material follows a header within a few lines: a run of 20 base64
     * characters mixing upper and lower case and digits at the start of a line (after
     * indentation, quotes or {@code +}), also after an escaped {@code \n} (JSON), past armor
     * headers such as {@code Proc-Type:}.
     */
    private static boolean hasKeyBody(String text, int from) {
        int end = Math.min(text.length(), from + 1200);
        int i = from;
        while (i < end) {
            int nl = nextBreak(text, i, end);
            if (nl < 0) {
                return false;
            }
            int j = nl;
            while (j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '"'
                    || text.charAt(j) == '\'' || text.charAt(j) == '`' || text.charAt(j) == '+' || text.charAt(j) == ',')) {
                j++;
            }
            int run = 0;
            boolean upper = false;
            boolean lower = false;
            boolean digit = false;
            while (j + run < end && isBase64(text.charAt(j + run))) {
                char c = text.charAt(j + run);
                upper |= c >= 'A' && c <= 'Z';
                lower |= c >= 'a' && c <= 'z';
                digit |= c >= '0' && c <= '9' || c == '+' || c == '/';
                run++;
            }
            if (run >= 20 && upper && lower && digit) {
                return true; // base64 mixes cases and digits; an identifier of code does not have digits
            }
            i = nl;
        }
        return false;
    }

    /** Where the line after {@code i} starts: after a line break or an escaped {@code \n}; -1 if none before {@code end}. */
    private static int nextBreak(String text, int i, int end) {
        for (int k = i; k < end; k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                return k + 1;
            }
            if (c == '\\' && k + 1 < end && text.charAt(k + 1) == 'n') {
                return k + 2;
            }
        }
        return -1;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
    }

    static void base64PrivateKeys(String path, String text, Consumer<Hit> hits) {
        for (int at = text.indexOf("LS0tLS1CRUdJTi"); at >= 0; at = text.indexOf("LS0tLS1CRUdJTi", at + 1)) {
            int end = at;
            while (end < text.length() && end - at < 16_384 && (isBase64(text.charAt(end)) || text.charAt(end) == '\n'
                    || text.charAt(end) == '\r' || text.charAt(end) == ' ')) {
                end++;
            }
            String run = text.substring(at, end).replaceAll("\\s", "");
            run = run.substring(0, run.length() - run.length() % 4);
            try {
                String decoded = new String(Base64.getDecoder().decode(run), StandardCharsets.ISO_8859_1);
                if (PRIVATE_KEY_HEADER.matcher(decoded).find()) {
                    hits.accept(new Hit(at, "base64-encoded private key"));
                }
            } catch (IllegalArgumentException e) {
                // not base64 after all
            }
        }
    }

    static void passwordFiles(String path, String text, Consumer<Hit> hits) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals(".pgpass") || name.equals("pgpass") || name.endsWith(".pgpass")) {
            int offset = 0;
            for (String line : text.split("\n", -1)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    String[] fields = l.split("(?<!\\\\):", 5);
                    if (fields.length == 5 && !fields[4].equals(fields[3]) && !Values.isPlaceholder(fields[4])
                            && !Values.isDefault(fields[4])) {
                        hits.accept(new Hit(offset, "PostgreSQL password file (.pgpass) with a password"));
                    }
                }
                offset += line.length() + 1;
            }
        } else if (name.equals(".netrc") || name.equals("_netrc") || name.equals("netrc")) {
            Matcher m = Pattern.compile("(?:^|\\s)password\\s+(\\S+)").matcher(text);
            while (m.find()) {
                if (!Values.isPlaceholder(m.group(1))) {
                    hits.accept(new Hit(m.start(1), ".netrc with a password"));
                }
            }
        }
    }

    static void secretAssignments(String path, String text, Consumer<Hit> hits) {
        boolean testFile = isTestPath(path);
        Assignments.find(path, text, a -> {
            boolean secret = testFile && a.strength() != Assignments.Strength.DJANGO_SECRET_KEY
                    ? Values.looksRandom(a.value()) : Assignments.isSecret(a.strength(), a.value());
            if (secret) {
                hits.accept(new Hit(a.offset(), a.strength() == Assignments.Strength.DJANGO_SECRET_KEY
                        ? "Django SECRET_KEY with a literal value" : a.name() + " set to a literal secret"));
            }
        });
    }

    /** Tests hold made-up passwords: there, a value must look generated to count. */
    private static boolean isTestPath(String path) {
        String p = "/" + path.toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        return p.contains("/test/") || p.contains("/tests/") || p.contains("/spec/") || p.contains("/__tests__/")
                || name.startsWith("test_") || name.endsWith("_test.py") || name.endsWith("test.java")
                || name.endsWith(".spec.js") || name.endsWith(".spec.ts") || name.endsWith(".test.js")
                || name.endsWith(".test.ts") || name.equals("conftest.py") || name.startsWith("test_settings");
    }

    static boolean isUserColonPassword(String base64) {
        try {
            String decoded = new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
            int colon = decoded.indexOf(':');
            return colon > 0 && colon < decoded.length() - 1 && decoded.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                    && !Values.isPlaceholder(decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether the {@code ://} at {@code at} belongs to a database (or broker, or mail) URL
     * whose user info has a password that is not a placeholder, the user name again, or a
     * well-known default on a local host: {@code scheme://user:password@host}. The password
     * may start with a URL-encoded character ({@code %40}).
     */
    static boolean isUrlWithPassword(String text, int at) {
        int start = at;
        while (start > 0 && isSchemeChar(text.charAt(start - 1))) {
            start--;
        }
        String scheme = text.substring(start, at).toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        if (!URL_SCHEMES.contains(scheme) && (plus < 0 || !URL_SCHEMES.contains(scheme.substring(0, plus)))) {
            return false;
        }
        int colon = -1;
        for (int i = at + 3; i < text.length() && i < at + 3 + 512; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                if (colon < 0 || i + 1 >= text.length() || isUrlEnd(text.charAt(i + 1))) {
                    return false;
                }
                String user = text.substring(at + 3, colon);
                String password = percentDecoded(text.substring(colon + 1, i));
                if (password.isEmpty() || password.startsWith("%(") || Values.isPlaceholder(password)
                        || password.equals(user)) {
                    return false;
                }
                return !(Values.isDefault(password) && isLocalHost(text, i + 1));
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

    private static String percentDecoded(String s) {
        if (s.startsWith("%(") || !s.contains("%")) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** localhost, a loopback address, or a one-label name (a Compose or CI service: db, postgres, redis). */
    private static boolean isLocalHost(String text, int from) {
        int end = from;
        while (end < text.length() && !isUrlEnd(text.charAt(end)) && text.charAt(end) != ':' && text.charAt(end) != '?') {
            end++;
        }
        String host = text.substring(from, end).toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("0.0.0.0")
                || !host.contains(".");
    }

    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.'
                || c == '-';
    }

    private static boolean isUrlEnd(char c) {
        return Character.isWhitespace(c) || c == '\'' || c == '"' || c == '`' || c == '/';
    }

    private static String privateKeyName(String type, boolean block) {
        String t = type == null ? "" : type.strip();
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
}
