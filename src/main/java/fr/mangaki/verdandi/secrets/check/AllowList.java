package fr.mangaki.verdandi.secrets.check;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code .verdandi-allow} file: paths the secrets check must not refuse, each with the
 * reason why. One entry per line, {@code GLOB REASON...}; blank lines and lines starting
 * with {@code #} are ignored. Globs follow {@code .gitignore}: {@code *} matches within a
 * path segment, {@code **} across segments, {@code ?} one character; a glob without
 * {@code /} matches a file name at any depth, one with {@code /} is anchored at the
 * repository root; a trailing {@code /} matches everything under a directory.
 *
 * <p>A wildcard entry is refused: one that matches every file ({@code *}, {@code **}) or a
 * kind of file anywhere ({@code *.pem}, {@code *.env}); name a directory or the files
 * themselves.
 */
public final class AllowList {

    /** The file's name, at the repository root. */
    public static final String FILE = ".verdandi-allow";

    /** One entry. */
    public record Entry(String glob, String reason, int line, Pattern pattern) {
    }

    private final List<Entry> entries;
    private final List<String> problems;

    private AllowList(List<Entry> entries, List<String> problems) {
        this.entries = entries;
        this.problems = problems;
    }

    /** No entries. */
    public static AllowList empty() {
        return new AllowList(List.of(), List.of());
    }

    /** Parses the file's content; malformed lines are reported by {@link #problems()}. */
    public static AllowList parse(byte[] content) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2 || parts[1].isBlank()) {
                problems.add(FILE + " line " + (i + 1) + ": '" + parts[0] + "' needs a reason (GLOB REASON...,"
                        + " e.g. 'tests/fixtures/** fake keys used by the tests')");
                continue;
            }
            String wildcard = wildcardProblem(parts[0]);
            if (wildcard != null) {
                problems.add(FILE + " line " + (i + 1) + ": '" + parts[0] + "' " + wildcard + ": name a directory or the"
                        + " files themselves (e.g. 'tests/fixtures/**')");
                continue;
            }
            entries.add(new Entry(parts[0], parts[1].strip(), i + 1, toRegex(parts[0])));
        }
        return new AllowList(List.copyOf(entries), List.copyOf(problems));
    }

    /** Why a glob is too wide, or null: it matches every file, or a kind of file anywhere. */
    static String wildcardProblem(String glob) {
        String g = glob;
        while (g.startsWith("/")) {
            g = g.substring(1);
        }
        while (g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        String[] segments = g.split("/");
        int firstLiteral = -1;
        for (int i = 0; i < segments.length && firstLiteral < 0; i++) {
            if (segments[i].chars().anyMatch(c -> "*?.".indexOf(c) < 0)) {
                firstLiteral = i;
            }
        }
        if (g.isEmpty() || firstLiteral < 0) {
            return "is a wildcard that matches every file";
        }
        boolean onlyAnyDepthBefore = true;
        for (int i = 0; i < firstLiteral; i++) {
            onlyAnyDepthBefore &= segments[i].equals("**");
        }
        String first = segments[firstLiteral];
        if (firstLiteral == segments.length - 1 && onlyAnyDepthBefore && (first.startsWith("*") || first.startsWith("?"))) {
            return "is a wildcard that matches such files anywhere";
        }
        return null;
    }

    /** The entries of this list that {@code other} does not have (same glob and reason), in order. */
    public List<Entry> entriesNotIn(AllowList other) {
        List<Entry> added = new ArrayList<>();
        for (Entry e : entries) {
            if (other.entries.stream().noneMatch(o -> o.glob().equals(e.glob()) && o.reason().equals(e.reason()))) {
                added.add(e);
            }
        }
        return added;
    }

    /** Malformed lines (an entry without a reason, a wildcard): the check refuses to run with them. */
    public List<String> problems() {
        return problems;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The first entry that allows {@code path}, if any. */
    public Optional<Entry> allowing(String path) {
        for (Entry e : entries) {
            if (e.pattern().matcher(path).matches()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Translates a gitignore-style glob to a regular expression over the whole path. */
    static Pattern toRegex(String glob) {
        String g = glob;
        boolean directory = g.endsWith("/");
        if (directory) {
            g = g.substring(0, g.length() - 1);
        }
        boolean anchored = g.contains("/");
        if (g.startsWith("/")) {
            g = g.substring(1);
        }
        StringBuilder re = new StringBuilder(anchored ? "" : "(?:.*/)?");
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                    re.append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (directory) {
            re.append("/.*");
        }
        return Pattern.compile(re.toString());
    }
}
