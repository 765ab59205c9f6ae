// Over 400 lines: one reader of the assignment syntaxes of seven languages, and the word lists it judges names by.
package fr.mangaki.verdandi.secrets.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds values given to secret-looking names, whatever the language and the quoting:
 * <ul>
 *   <li>{@code NAME = "v"}, {@code NAME: str = "v"}, {@code NAME := "v"}, {@code NAME ?= v}
 *       (Python, Go, Java, JavaScript, Makefiles), with single, double, triple or back
 *       quotes, {@code r}/{@code b}/{@code u}/{@code f} prefixes, and a value split into
 *       several literals ({@code "ab" "cd"}, {@code "ab" + "cd"}, across lines in
 *       parentheses);</li>
 *   <li>{@code "NAME": "v"} and {@code 'NAME': 'v'} (JSON, Python dictionaries),
 *       {@code NAME: v} (YAML, also {@code |} blocks), {@code NAME = v} (TOML, INI,
 *       properties), {@code NAME=v} and {@code export NAME=v} (env files, shell),
 *       {@code - NAME=v} (Compose lists), {@code ENV NAME=v} and {@code ENV NAME v}
 *       (Dockerfiles);</li>
 *   <li>the default of a lookup: {@code os.environ.get("NAME", "v")},
 *       {@code env("NAME", default="v")}.</li>
 * </ul>
 * An unquoted value counts only in configuration files (in code it is an expression).
 */
final class Assignments {

    private Assignments() {
    }

    /** How strongly a name says its value is secret. */
    enum Strength {
        /** Not a secret name. */
        NONE,
        /** Ends with "key" (MAILGUN_KEY): the value must look generated. */
        KEY,
        /** A password, token, secret or credential: the value must look like a password. */
        SECRET,
        /** Django's SECRET_KEY (any prefix): a literal of 16 characters or more. */
        DJANGO_SECRET_KEY
    }

    /**
     * A value given to a name.
     *
     * @param name     the name as written
     * @param value    the literal value (pieces joined, quotes removed)
     * @param offset   where the name starts
     * @param strength how secret the name sounds
     */
    record Assignment(String name, String value, int offset, Strength strength) {
    }

    /** Words in names that start the search; the name around each is then judged whole. */
    private static final Pattern NAME_WORD = Pattern.compile(
            "(?i)secret|passw|passphrase|pwd|token|credential|auth|key|pass\\b|pass[\"'=:_ ]");

    private static final Set<String> SECRET_LAST = Set.of("password", "passwd", "pass", "pwd", "passphrase", "secret",
            "token", "credential", "credentials", "apikey", "privatekey", "secretkey", "accesskey", "authkey",
            "authtoken", "accesstoken", "refreshtoken", "clientsecret", "appsecret", "pw");
    /** Tags of sudoers(5) that read like secret names: {@code NOPASSWD:} is followed by a command. */
    private static final Set<String> SUDOERS_TAGS = Set.of("nopasswd");
    private static final List<String> SECRET_ENDINGS = List.of("password", "passwd", "passphrase", "secret", "token",
            "apikey", "secretkey", "accesskey", "privatekey");
    private static final Set<String> SECRET_KEY_PREVIOUS = Set.of("api", "private", "access", "auth", "signing",
            "encryption", "master", "app", "client", "consumer", "license", "account", "service", "webhook");
    private static final Set<String> NOT_SECRET_KEY_PREVIOUS = Set.of("public", "publishable", "primary", "foreign",
            "sort", "cache", "partition", "dict", "map", "lookup", "idempotency", "ssh", "gpg", "pgp", "object",
            "row", "hash", "shard", "routing", "index", "unique", "composite", "natural", "surrogate", "group",
            "order", "i18n", "translation", "storage", "s3", "bucket", "redis", "session", "cookie", "csrf", "form");
    private static final Set<String> NOT_SECRET_LAST = Set.of("name", "names", "file", "files", "path", "paths", "dir",
            "url", "uri", "id", "ids", "length", "len", "size", "type", "types", "field", "fields", "header",
            "headers", "prefix", "suffix", "env", "var", "variable", "variables", "param", "params", "regex",
            "pattern", "format", "min", "max", "count", "policy", "hashers", "hasher", "validators", "validator",
            "reset", "timeout", "ttl", "expiry", "expires", "expiration", "age", "lifetime", "algorithm",
            "algorithms", "backend", "backends", "class", "mode", "required", "enabled", "disabled", "help", "label",
            "message", "msg", "text", "template", "placeholder", "hint", "error", "errors", "input", "form",
            "widget", "view", "views", "model", "models", "serializer", "manager", "service", "store", "storage",
            "cache", "location", "ref", "reference", "source", "provider", "method", "methods", "scheme", "schema",
            "version", "flag", "flags", "check", "checks", "generator", "rotation", "fallbacks", "hash", "sha",
            "command", "cmd", "arn", "option", "options", "config", "settings", "user", "username", "email",
            "host", "port", "endpoint", "region", "bucket", "chars", "characters", "charset", "key_id",
            "keyid", "keys", "tokens", "secrets", "passwords", "list", "set", "map", "table", "column", "query",
            "handler", "callback", "function", "fn", "func", "test", "tests", "spec", "example", "sample", "valid",
            "invalid", "is", "has", "should", "must", "can", "strength", "complexity", "entropy", "link");

    /** A call or subscript rather than a literal: {@code env('X')}, {@code os.environ['X']}, {@code pending.pop()}. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*[(\\[].*[)\\]]");
    /** The first line of a script in a language whose unquoted values are code. */
    private static final Pattern CODE_SHEBANG = Pattern.compile("#![^\n]*\\b(python[0-9.]*|node|ruby|perl|php|deno|bun)\\b.*",
            Pattern.DOTALL);

    /** File extensions (and names) whose unquoted values are literals, not code. */
    private static final Set<String> CONFIG_EXTENSIONS = Set.of("", "env", "envrc", "ini", "cfg", "conf", "cnf",
            "toml", "yaml", "yml", "properties", "sh", "bash", "zsh", "ksh", "fish", "service", "txt", "example",
            "sample", "template", "tmpl", "tpl", "dist", "local", "dev", "prod", "production", "staging", "test",
            "dockerfile", "s3cfg", "pgpass", "netrc", "npmrc", "pypirc", "mk", "make", "hcl", "tfvars",
            "bak", "orig", "old", "save", "swp");

    /** Finds the values given to secret-looking names in {@code text}. */
    static void find(String path, String text, Consumer<Assignment> each) {
        boolean config = isConfig(path) && !CODE_SHEBANG.matcher(text.substring(0, Math.min(text.length(), 200))).matches();
        Matcher m = NAME_WORD.matcher(text);
        int done = -1;
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            if (start < done) {
                continue;
            }
            while (start > 0 && isNameChar(text.charAt(start - 1))) {
                start--;
            }
            while (end < text.length() && isNameChar(text.charAt(end))) {
                end++;
            }
            done = end;
            char before = start > 0 ? text.charAt(start - 1) : '\n';
            if (before == ':' || before == '/' || before == '<' || before == '@') {
                continue; // part of a type reference, a path or a URL, not a name
            }
            String name = text.substring(start, end);
            Strength strength = strength(name);
            if (strength == Strength.NONE) {
                continue;
            }
            String value = valueAfter(text, start, end, config);
            if (value != null) {
                each.accept(new Assignment(name, value, start, strength));
            }
        }
    }

    /** Whether the value given to a name of this strength looks like a real secret. */
    static boolean isSecret(Strength strength, String value) {
        return switch (strength) {
            case NONE -> false;
            case KEY -> Values.looksRandom(value) && !Values.looksLikeWords(value);
            case SECRET -> Values.looksLikePassword(value) && !Values.looksLikeWords(value);
            case DJANGO_SECRET_KEY -> value.length() >= LeakRules.MIN_SECRET_KEY_LENGTH && !Values.hasSpace(value)
                    && !Values.isPlaceholder(value);
        };
    }

    /** How secret a name sounds, from its words (snake, kebab, dotted or camel case). */
    static Strength strength(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return Strength.NONE;
        }
        String last = words.get(words.size() - 1);
        String previous = words.size() > 1 ? words.get(words.size() - 2) : "";
        if (words.size() == 1 && SUDOERS_TAGS.contains(last)) {
            return Strength.NONE; // sudoers' "NOPASSWD: command" tag: what follows is a command
        }
        if (words.contains("public") || words.contains("publishable") || NOT_SECRET_LAST.contains(last)) {
            return Strength.NONE;
        }
        if (last.equals("key") && previous.equals("secret") || last.equals("secretkey")) {
            boolean aws = words.contains("aws") || words.contains("s3") || words.contains("access")
                    || words.contains("spaces") || words.contains("minio");
            return aws ? Strength.SECRET : Strength.DJANGO_SECRET_KEY;
        }
        if (SECRET_LAST.contains(last) || SECRET_ENDINGS.stream().anyMatch(last::endsWith)) {
            return Strength.SECRET; // PGPASSWORD, DBPASSWORD, APITOKEN
        }
        if (last.equals("key")) {
            if (SECRET_KEY_PREVIOUS.contains(previous)) {
                return Strength.SECRET;
            }
            return NOT_SECRET_KEY_PREVIOUS.contains(previous) || words.size() == 1 ? Strength.NONE : Strength.KEY;
        }
        return Strength.NONE;
    }

    /** The lower-case words of a name: {@code awsSecretAccessKey} and {@code AWS_SECRET_ACCESS_KEY} alike. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = c == '_' || c == '-' || c == '.';
            if (!boundary && Character.isUpperCase(c) && word.length() > 0
                    && Character.isLowerCase(name.charAt(i - 1))) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (boundary) {
                if (word.length() > 0) {
                    words.add(word.toString().toLowerCase(Locale.ROOT));
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /**
     * The literal given to the name at {@code start..end}, or null when what follows is not
     * an assignment of a literal (a comparison, a call, an expression, nothing).
     */
    private static String valueAfter(String text, int start, int end, boolean config) {
        int n = text.length();
        int i = end;
        char open = start > 0 ? text.charAt(start - 1) : 0;
        boolean quotedName = (open == '"' || open == '\'') && i < n && text.charAt(i) == open;
        if (quotedName) {
            i++;
            if (i < n && text.charAt(i) == ']') {
                i++; // os.environ["NAME"] = "v", config['NAME'] = 'v'
            }
        }
        i = skipBlanks(text, i);
        if (i >= n) {
            return null;
        }
        char c = text.charAt(i);
        boolean literalOnly = !config;
        if (c == ':' && i + 1 < n && text.charAt(i + 1) == '=') {
            i += 2; // Go, Makefile
        } else if ((c == '?' || c == '+') && i + 1 < n && text.charAt(i + 1) == '=') {
            i += 2; // Makefile
        } else if (c == '=') {
            if (i + 1 < n && (text.charAt(i + 1) == '=' || text.charAt(i + 1) == '~')) {
                return null; // a comparison
            }
            i += text.startsWith("=>", i) ? 2 : 1;
        } else if (c == ':') {
            int annotated = afterAnnotation(text, i + 1);
            i = annotated >= 0 ? annotated : i + 1;
        } else if (c == ',' && quotedName && isFirstArgument(text, start - 1)) {
            // the default of a lookup: get("NAME", "v"), env("NAME", default="v")
            i = skipBlanks(text, i + 1);
            if (text.startsWith("default", i)) {
                int j = skipBlanks(text, i + "default".length());
                if (j < n && (text.charAt(j) == '=' || text.charAt(j) == ':')) {
                    i = j + 1;
                }
            }
            literalOnly = true;
        } else if (i > end && isDockerfileEnv(text, start)) {
            literalOnly = false; // ENV NAME value
        } else {
            return null;
        }
        i = skipBlanks(text, i);
        return literal(text, i, literalOnly);
    }

    /** Whether the quote at {@code quote} opens a call's first argument: {@code get("NAME", ...)}. */
    private static boolean isFirstArgument(String text, int quote) {
        int k = quote - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k--;
        }
        return k >= 0 && text.charAt(k) == '(';
    }

    /** After {@code :}, a Python type annotation then {@code =}: where the value starts, else -1. */
    private static int afterAnnotation(String text, int i) {
        int j = skipBlanks(text, i);
        int k = j;
        while (k < text.length() && (Character.isLetterOrDigit(text.charAt(k)) || "_.[], |".indexOf(text.charAt(k)) >= 0)
                && text.charAt(k) != '\n') {
            k++;
        }
        if (k > j && k < text.length() && text.charAt(k) == '=' && (k + 1 >= text.length() || text.charAt(k + 1) != '=')
                && Character.isLetter(text.charAt(j))) {
            return k + 1;
        }
        return -1;
    }

    /** {@code ENV NAME value} or {@code ARG NAME=value} at the start of a Dockerfile line. */
    private static boolean isDockerfileEnv(String text, int nameStart) {
        int lineStart = text.lastIndexOf('\n', nameStart - 1) + 1;
        String head = text.substring(lineStart, nameStart).strip();
        return head.equals("ENV") || head.equals("ARG");
    }

    /**
     * A literal value starting at {@code i}: quoted pieces joined (across lines inside
     * parentheses), a YAML block's first line, or (when allowed) an unquoted word.
     */
    private static String literal(String text, int i, boolean quotedOnly) {
        int n = text.length();
        if (i >= n) {
            return null;
        }
        boolean parenthesized = false;
        if (text.charAt(i) == '(') {
            parenthesized = true;
            i = skipSpace(text, i + 1);
        }
        StringBuilder value = new StringBuilder();
        int pieces = 0;
        while (i < n) {
            int q = i;
            while (q < n && q - i < 2 && "rRbBuUfF".indexOf(text.charAt(q)) >= 0) {
                q++;
            }
            if (q >= n || !isQuote(text.charAt(q))) {
                break;
            }
            char quote = text.charAt(q);
            boolean raw = text.substring(i, q).toLowerCase(Locale.ROOT).contains("r");
            boolean triple = text.startsWith(String.valueOf(quote).repeat(3), q);
            int from = q + (triple ? 3 : 1);
            int to = triple ? text.indexOf(String.valueOf(quote).repeat(3), from) : closing(text, from, quote, raw);
            if (to < 0) {
                return null;
            }
            value.append(text, from, to);
            pieces++;
            i = to + (triple ? 3 : 1);
            // another literal joined to it: "ab" "cd", "ab" + "cd", "ab" \ newline "cd", or on the next line in parentheses
            int j = parenthesized ? skipSpace(text, i) : skipBlanks(text, i);
            if (j < n && text.charAt(j) == '+') {
                j = skipSpace(text, j + 1);
            } else if (j + 1 < n && text.charAt(j) == '\\' && (text.charAt(j + 1) == '\n' || text.charAt(j + 1) == '\r')) {
                j = skipSpace(text, j + 1);
            }
            i = j;
        }
        if (pieces > 0) {
            return value.toString();
        }
        if (quotedOnly) {
            return null;
        }
        char c = text.charAt(i);
        if (c == '|' || c == '>') {
            // a YAML block scalar: its first line
            int eol = text.indexOf('\n', i);
            if (eol < 0) {
                return null;
            }
            int next = text.indexOf('\n', eol + 1);
            return text.substring(eol + 1, next < 0 ? n : next).strip();
        }
        int j = i;
        while (j < n && !Character.isWhitespace(text.charAt(j)) && !isQuote(text.charAt(j))) {
            j++;
        }
        String word = text.substring(i, j);
        if (word.endsWith(";") || word.endsWith(",")) {
            word = word.substring(0, word.length() - 1); // nginx, INI lists
        }
        if (word.startsWith("#") || word.startsWith("//") || word.startsWith("!") || CODE.matcher(word).matches()) {
            return null; // a comment, an Ansible !vault tag, a call or subscript
        }
        return word;
    }

    private static int closing(String text, int from, char quote, boolean raw) {
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' && !raw) {
                k++;
            } else if (c == quote) {
                return k;
            } else if (c == '\n' && quote != '`') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isConfig(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.startsWith("dockerfile") || name.startsWith(".env") || name.endsWith(".env") || name.equals("makefile")
                || name.startsWith("docker-compose") || name.startsWith("compose.")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        if (dot == 0) {
            return true; // .s3cfg, .pgpass, .netrc, .npmrc...
        }
        return CONFIG_EXTENSIONS.contains(extension);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-' || c == '.';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    /** Skips spaces and tabs. */
    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Skips whitespace, newlines included. */
    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
