package fr.mangaki.verdandi.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what the real engine's {@code pulumi preview --json} would register with what
 * {@code verdandi plan --json} says, resource by resource (type and name), parent and inputs.
 *
 * <p>The two print the same inputs but mark values differently: the engine prints a value
 * not known before apply as its unknown sentinel (the Pulumi SDK's
 * {@code UnknownStringValue}, {@value #UNKNOWN}), the plan as {@code (known after apply)};
 * both print secrets as {@code [secret]}.
 *
 * <p>A guest stack is planned with its platform's <em>planned</em> outputs, where the engine
 * reads the platform's real ones: {@link #ofGuest} lets a value the plan does not know match
 * any value of the preview.
 */
public final class PreviewComparison {
    /** How the engine's JSON shows a value known only after apply (sdk/go/common/resource/plugin: UnknownStringValue). */
    public static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    /** How the offline plan shows it. */
    public static final String PLAN_UNKNOWN = "(known after apply)";

    /** One resource: its parent's name and inputs. */
    public record Entry(String parent, JsonNode inputs) {
    }

    private final Map<String, Entry> preview;
    private final Map<String, Entry> plan;
    private final boolean planUnknownMatchesAny;

    private PreviewComparison(Map<String, Entry> preview, Map<String, Entry> plan, boolean planUnknownMatchesAny) {
        this.preview = preview;
        this.plan = plan;
        this.planUnknownMatchesAny = planUnknownMatchesAny;
    }

    /** {@link #of}, except that a value the plan shows as not known matches any value of the preview. */
    public static PreviewComparison ofGuest(JsonNode preview, JsonNode plan) {
        PreviewComparison c = of(preview, plan);
        return new PreviewComparison(c.preview, c.plan, true);
    }

    /**
     * @param preview the output of {@code pulumi preview --json} (its {@code steps})
     * @param plan    the output of {@code verdandi plan --json} (its {@code resources})
     */
    public static PreviewComparison of(JsonNode preview, JsonNode plan) {
        Map<String, Entry> p = new TreeMap<>();
        for (JsonNode step : preview.path("steps")) {
            JsonNode state = step.path("newState");
            String urn = state.path("urn").asText();
            String parent = state.path("parent").asText("");
            JsonNode inputs = normalize(state.has("inputs") ? state.get("inputs") : JsonNodeFactory.instance.objectNode());
            if (step.path("op").asText().equals("read") && state.has("id")) {
                // a resource read, not registered (a stack reference): the plan lists the id it reads among its inputs
                ((ObjectNode) inputs).set("id", state.get("id"));
            }
            p.put(key(state.path("type").asText(), name(urn)), new Entry(parent.isEmpty() ? null : name(parent), inputs));
        }
        Map<String, Entry> q = new TreeMap<>();
        for (JsonNode r : plan.path("resources")) {
            q.put(key(r.path("type").asText(), r.path("name").asText()),
                    new Entry(r.path("parent").isNull() ? null : r.path("parent").asText(), r.path("inputs")));
        }
        return new PreviewComparison(p, q, false);
    }

    public int previewResources() {
        return preview.size();
    }

    public int planResources() {
        return plan.size();
    }

    /** Every disagreement, one line each naming the resource and the input; empty when they agree. */
    public List<String> differences() {
        List<String> out = new ArrayList<>();
        for (String k : new TreeSet<>(union())) {
            Entry a = preview.get(k);
            Entry b = plan.get(k);
            if (a == null) {
                out.add(k + ": in the plan, not in the preview");
            } else if (b == null) {
                out.add(k + ": in the preview, not in the plan");
            } else {
                if (!java.util.Objects.equals(a.parent(), b.parent())) {
                    out.add(k + ": parent " + a.parent() + " in the preview, " + b.parent() + " in the plan");
                }
                compare(k, "", a.inputs(), b.inputs(), out);
            }
        }
        return out;
    }

    private java.util.Set<String> union() {
        java.util.Set<String> s = new TreeSet<>(preview.keySet());
        s.addAll(plan.keySet());
        return s;
    }

    private void compare(String resource, String path, JsonNode a, JsonNode b, List<String> out) {
        if (planUnknownMatchesAny && b.isTextual() && b.asText().equals(PLAN_UNKNOWN)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String p = path.isEmpty() ? n : path + "." + n;
                if (!a.has(n) || !b.has(n)) {
                    out.add(resource + ": input " + p + (a.has(n) ? " only in the preview" : " only in the plan"));
                } else {
                    compare(resource, p, a.get(n), b.get(n), out);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                compare(resource, path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!a.equals(b)) {
            out.add(resource + ": input " + (path.isEmpty() ? "(all)" : path) + ": preview " + shorten(a) + ", plan " + shorten(b));
        }
    }

    private static String shorten(JsonNode n) {
        String s = n.toString();
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    private static JsonNode normalize(JsonNode n) {
        if (n.isTextual() && n.asText().equals(UNKNOWN)) {
            return JsonNodeFactory.instance.textNode(PLAN_UNKNOWN);
        }
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), normalize(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            var a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(normalize(x)));
            return a;
        }
        return n;
    }

    private static String key(String type, String name) {
        return type + " " + name;
    }

    private static String name(String urn) {
        int i = urn.lastIndexOf("::");
        return i < 0 ? urn : urn.substring(i + 2);
    }
}
