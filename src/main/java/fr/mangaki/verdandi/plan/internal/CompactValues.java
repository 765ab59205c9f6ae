package fr.mangaki.verdandi.plan.internal;

import static fr.mangaki.verdandi.plan.internal.MarkdownEscaping.escape;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Plan values in one short line each, as the text plan shows them: scalars, lists and objects
 * written out while they fit in {@value #LONG} characters, longer ones and multi-line strings
 * summarised ({@code <14 lines, 245 bytes: #cloud-config>}, {@code [12 items]},
 * {@code {3 keys: a, b, c}}). Every string is {@linkplain MarkdownEscaping#escape escaped}.
 */
public final class CompactValues {
    /** Strings longer than this, or of several lines, are summarised: a comment stays compact. */
    public static final int LONG = 100;

    private CompactValues() {
    }

    /** A value in one short line; containers and long strings summarised. */
    public static String show(JsonNode v) {
        StringBuilder b = new StringBuilder();
        if (compact(v, b, LONG)) {
            return b.toString();
        }
        if (v.isTextual()) {
            String s = v.textValue();
            String first = s.lines().findFirst().orElse("");
            return "<" + size(s) + ": " + cut(escape(first), 40) + ">";
        }
        if (v.isArray()) {
            return "[" + v.size() + " item" + (v.size() == 1 ? "" : "s") + "]";
        }
        if (v.isObject()) {
            StringBuilder keys = new StringBuilder();
            for (Iterator<String> it = v.fieldNames(); it.hasNext() && keys.length() < 60; ) {
                keys.append(keys.length() == 0 ? "" : ", ").append(cut(it.next(), 30));
            }
            return "{" + v.size() + " key" + (v.size() == 1 ? "" : "s") + ": " + keys
                    + (keys.length() >= 60 ? ", …" : "") + "}";
        }
        return cut(b.toString(), LONG);
    }

    /** For two values that show alike ({@code "22"} and {@code 22}): JSON, so the difference shows. */
    public static String exact(JsonNode v) {
        if (v.isContainerNode()) {
            return (v.isArray() ? "list " : "object ") + show(v);
        }
        return cut(escape(v.toString()), LONG);
    }

    /** True for a string that {@link #show} summarises: longer than {@value #LONG} characters, or of several lines. */
    public static boolean isLong(String s) {
        return s.length() > LONG || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /** The size of a string, {@code 14 lines, 245 bytes} (UTF-8). */
    public static String size(String s) {
        long lines = s.lines().count();
        return lines + " line" + (lines == 1 ? "" : "s") + ", " + s.getBytes(StandardCharsets.UTF_8).length + " bytes";
    }

    /** {@code s} cut to at most {@code max} characters, ending with {@code …} when cut (never within a surrogate pair). */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }

    /** Appends {@code v} compactly; false (with {@code b} unfinished) when it would exceed {@code limit}. */
    private static boolean compact(JsonNode v, StringBuilder b, int limit) {
        if (v.isTextual()) {
            String s = v.textValue();
            if (isLong(s)) {
                return false;
            }
            b.append(s.isEmpty() ? "\"\"" : escape(s));
        } else if (v.isArray()) {
            b.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                if (!compact(v.get(i), b, limit)) {
                    return false;
                }
            }
            b.append(']');
        } else if (v.isObject()) {
            b.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(first ? "" : ", ").append(escape(cut(e.getKey(), limit))).append(": ");
                first = false;
                if (!compact(e.getValue(), b, limit)) {
                    return false;
                }
            }
            b.append('}');
        } else if (v.isNumber()) {
            b.append(cut(v.numberValue().toString(), limit + 1));
        } else {
            b.append(v.asText());
        }
        return b.length() <= limit;
    }
}
