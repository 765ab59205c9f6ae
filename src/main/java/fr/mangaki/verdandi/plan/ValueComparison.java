package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.difflib.patch.AbstractDelta;
import fr.mangaki.verdandi.plan.PlanDiff.Change;
import fr.mangaki.verdandi.plan.internal.ListDiff;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares two JSON values of a plan (a resource's inputs, the stack outputs) path by path
 * ({@code inboundRules[2].portRange}): each value that differs is a {@link Change}, and each
 * path that is a secret on both sides is listed, never compared. Lists are aligned on their
 * equal elements first ({@link ListDiff}), so an element inserted in the middle is one
 * addition; within each run of differences, removed and added elements are paired in order
 * and compared (the head's index names the pair).
 */
final class ValueComparison {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final List<Change> changes = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    private ValueComparison() {
    }

    /** Compares {@code base} with {@code head}, paths rooted at their keys. */
    static ValueComparison of(JsonNode base, JsonNode head) {
        ValueComparison comparison = new ValueComparison();
        comparison.compare("", base, head);
        return comparison;
    }

    /** The values that differ, in the order of the base's keys then the head's new keys. */
    List<Change> changes() {
        return changes;
    }

    /** The paths that are secret on both sides, not compared. */
    List<String> secrets() {
        return secrets;
    }

    static boolean isSecret(JsonNode node) {
        return node != null && node.isTextual() && node.textValue().equals(PlanPlaceholders.SECRET);
    }

    private static boolean isUnknown(JsonNode node) {
        return node != null && node.isTextual() && node.textValue().equals(PlanPlaceholders.UNKNOWN);
    }

    private void compare(String path, JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            collectSecrets(path, a);
            return;
        }
        if (isSecret(a) || isSecret(b)) {
            changes.add(new Change(path, Optional.of(masked(a, b)), Optional.of(masked(b, a))));
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = child(path, e.getKey());
                JsonNode other = b.get(e.getKey());
                if (other == null) {
                    changes.add(new Change(p, Optional.of(e.getValue()), Optional.empty()));
                } else {
                    compare(p, e.getValue(), other);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!a.has(e.getKey())) {
                    changes.add(new Change(child(path, e.getKey()), Optional.empty(), Optional.of(e.getValue())));
                }
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            compareLists(path, a, b);
            return;
        }
        changes.add(new Change(path, Optional.of(a), Optional.of(b)));
    }

    private void compareLists(String path, JsonNode a, JsonNode b) {
        List<JsonNode> left = new ArrayList<>();
        a.forEach(left::add);
        List<JsonNode> right = new ArrayList<>();
        b.forEach(right::add);
        int i = 0;
        int j = 0;
        for (AbstractDelta<JsonNode> run : ListDiff.compare(left, right).deltas()) {
            for (; i < run.getSource().getPosition(); i++, j++) {
                collectSecrets(path + "[" + j + "]", left.get(i));
            }
            List<JsonNode> gone = run.getSource().getLines();
            List<JsonNode> come = run.getTarget().getLines();
            int paired = Math.min(gone.size(), come.size());
            for (int k = 0; k < paired; k++) {
                compare(path + "[" + (j + k) + "]", gone.get(k), come.get(k));
            }
            for (int k = paired; k < gone.size(); k++) {
                changes.add(new Change(path + "[" + (i + k) + "]", Optional.of(gone.get(k)), Optional.empty()));
            }
            for (int k = paired; k < come.size(); k++) {
                changes.add(new Change(path + "[" + (j + k) + "]", Optional.empty(), Optional.of(come.get(k))));
            }
            i += gone.size();
            j += come.size();
        }
        for (; i < left.size(); i++, j++) {
            collectSecrets(path + "[" + j + "]", left.get(i));
        }
    }

    /** {@code value}, or {@link PlanDiff#PLAIN_NOT_SHOWN} when it is plain and {@code other} is a secret. */
    private static JsonNode masked(JsonNode value, JsonNode other) {
        if (isSecret(other) && !isSecret(value) && !isUnknown(value)) {
            return TextNode.valueOf(PlanDiff.PLAIN_NOT_SHOWN);
        }
        return value;
    }

    private void collectSecrets(String path, JsonNode node) {
        if (isSecret(node)) {
            secrets.add(path);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectSecrets(child(path, e.getKey()), e.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSecrets(path + "[" + i + "]", node.get(i));
            }
        }
    }

    private static String child(String path, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[" + TextNode.valueOf(key) + "]";
    }
}
