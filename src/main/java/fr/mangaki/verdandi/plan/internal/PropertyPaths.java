package fr.mangaki.verdandi.plan.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Property paths, as a plan diff names a changed value ({@code inboundRules[2].portRange},
 * {@code labels["a b"]}) and as Pulumi's {@code ignoreChanges} and {@code replaceOnChanges}
 * name inputs ({@code userData}, {@code nodePool.size}, {@code rules[*].port}, with {@code *}
 * for any element or key): segments separated by dots or in brackets.
 */
public final class PropertyPaths {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANY = "*";

    private PropertyPaths() {
    }

    /** The segments of a path: names, indices and quoted keys, {@code *} for any. */
    public static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        int i = 0;
        StringBuilder name = new StringBuilder();
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                flush(name, out);
                i++;
            } else if (c == '[') {
                flush(name, out);
                int end = closing(path, i);
                String inside = path.substring(i + 1, end);
                out.add(inside.startsWith("\"") ? unquote(inside) : inside);
                i = end + 1;
            } else {
                name.append(c);
                i++;
            }
        }
        flush(name, out);
        return out;
    }

    /**
     * Whether {@code pattern} names {@code path} or a value that holds it: every segment of the
     * pattern, {@code *} matching any, is the path's segment at the same place.
     */
    public static boolean covers(String pattern, String path) {
        List<String> p = segments(pattern);
        List<String> v = segments(path);
        return p.size() <= v.size() && prefix(p, v);
    }

    /**
     * Whether a change at {@code path} touches what {@code pattern} names: the pattern covers
     * the path, or the path holds what the pattern names (a whole object replaced, say).
     */
    public static boolean touches(String pattern, String path) {
        List<String> p = segments(pattern);
        List<String> v = segments(path);
        return p.size() <= v.size() ? prefix(p, v) : prefix(v, p);
    }

    /** The first segment of a path: the input it is in. */
    public static String top(String path) {
        List<String> s = segments(path);
        return s.isEmpty() ? path : s.get(0);
    }

    private static boolean prefix(List<String> shorter, List<String> longer) {
        for (int i = 0; i < shorter.size(); i++) {
            String a = shorter.get(i);
            String b = longer.get(i);
            if (!a.equals(ANY) && !b.equals(ANY) && !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    private static void flush(StringBuilder name, List<String> out) {
        if (name.length() > 0) {
            out.add(name.toString());
            name.setLength(0);
        }
    }

    /**
     * The index of the bracket closing the one at {@code open}, skipping a quoted key's
     * characters; the path's length when there is none.
     */
    private static int closing(String path, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        return path.length();
    }

    private static String unquote(String quoted) {
        try {
            return JSON.readValue(quoted, String.class);
        } catch (JacksonException e) {
            return quoted;
        }
    }
}
