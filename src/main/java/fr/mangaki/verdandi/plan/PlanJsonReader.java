package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.mangaki.verdandi.plan.SavedPlan.Resource;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a plan file written by {@code verdandi plan --json} ({@link PlanJson}) back into a
 * {@link SavedPlan}, checking it: every problem is named, with the path of the file. Unknown
 * fields are ignored, so a plan written by a newer Verdandi still reads; a plan written before
 * plans carried resource options reads with its options unknown.
 */
public final class PlanJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Pulumi's stack names: letters, digits, {@code -}, {@code _} and {@code .}. */
    private static final Pattern STACK = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    /** At most this many problems are listed for one file. */
    private static final int MAX_PROBLEMS = 20;

    private PlanJsonReader() {
    }

    /** A file that is not a readable plan; {@link #problems()} says why, one line each. */
    public static final class InvalidPlanException extends RuntimeException {
        private final List<String> problems;

        public InvalidPlanException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Reads a plan file.
     *
     * @throws InvalidPlanException when the file is missing, unreadable, not JSON or not a plan;
     *                              each problem starts with the path
     */
    public static SavedPlan read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidPlanException(List.of(file + ": is a directory, not a plan file"));
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidPlanException(List.of(file + ": no such file"));
        } catch (AccessDeniedException e) {
            throw new InvalidPlanException(List.of(file + ": cannot be read (permission denied)"));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidPlanException(List.of(file + ": not JSON: the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new InvalidPlanException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a plan from its JSON text.
     *
     * @param source how problems name the text (a path)
     * @throws InvalidPlanException when the text is not JSON or not a plan
     */
    public static SavedPlan parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidPlanException(List.of(source + ": not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")" : "")));
        }
        List<String> problems = new ArrayList<>();
        String prefix = source + ": not a Verdandi plan (bin/verdandi plan --json): ";
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidPlanException(List.of(prefix + "expected one JSON object with \"stack\", \"resources\", "
                    + "\"outputs\" and \"monthlyCostUsd\", found " + kind(root)));
        }
        JsonNode stackNode = root.get("stack");
        String stack = null;
        if (stackNode == null || !stackNode.isTextual()) {
            problems.add(prefix + "\"stack\" must be a string, found " + kind(stackNode));
        } else if (!STACK.matcher(stackNode.asText()).matches()) {
            problems.add(prefix + "\"stack\": " + quote(stackNode.asText())
                    + " is not a stack name (1 to 100 letters, digits, '-', '_' or '.')");
        } else {
            stack = stackNode.asText();
        }
        List<Resource> resources = new ArrayList<>();
        JsonNode resourcesNode = root.get("resources");
        if (resourcesNode == null || !resourcesNode.isArray()) {
            problems.add(prefix + "\"resources\" must be a list, found " + kind(resourcesNode));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < resourcesNode.size(); i++) {
                resource(resourcesNode.get(i), prefix + "\"resources[" + i + "]", problems, seen)
                        .ifPresent(resources::add);
            }
        }
        JsonNode outputs = root.get("outputs");
        if (outputs == null || !outputs.isObject()) {
            problems.add(prefix + "\"outputs\" must be an object, found " + kind(outputs));
        }
        JsonNode cost = root.get("monthlyCostUsd");
        if (cost == null || !cost.isNumber()) {
            problems.add(prefix + "\"monthlyCostUsd\" must be a number, found " + kind(cost));
        } else if (cost.decimalValue().signum() < 0) {
            problems.add(prefix + "\"monthlyCostUsd\": " + cost.decimalValue().toPlainString()
                    + " is negative; a cost is 0 or more");
        }
        if (!problems.isEmpty()) {
            if (problems.size() > MAX_PROBLEMS) {
                int more = problems.size() - MAX_PROBLEMS;
                problems.subList(MAX_PROBLEMS, problems.size()).clear();
                problems.add(source + ": ... and " + more + " more problems");
            }
            throw new InvalidPlanException(problems);
        }
        return new SavedPlan(stack, resources, (ObjectNode) outputs, cost.decimalValue());
    }

    private static Optional<Resource> resource(JsonNode node, String where, List<String> problems, Set<String> seen) {
        if (node == null || !node.isObject()) {
            problems.add(where + "\" must be an object, found " + kind(node));
            return Optional.empty();
        }
        int before = problems.size();
        JsonNode type = node.get("type");
        JsonNode name = node.get("name");
        JsonNode parent = node.get("parent");
        JsonNode inputs = node.get("inputs");
        JsonNode options = node.get("options");
        JsonNode dependencies = node.get("dependencies");
        if (type == null || !type.isTextual() || type.asText().isEmpty()) {
            problems.add(where + ".type\" must be a non-empty string, found " + kind(type));
        }
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            problems.add(where + ".name\" must be a non-empty string, found " + kind(name));
        }
        if (parent != null && !parent.isNull() && !parent.isTextual()) {
            problems.add(where + ".parent\" must be a string or null, found " + kind(parent));
        }
        if (inputs == null || !inputs.isObject()) {
            problems.add(where + ".inputs\" must be an object, found " + kind(inputs));
        }
        Optional<ResourceOptions> read = options == null ? Optional.empty()
                : Optional.ofNullable(options(options, where + ".options", problems));
        java.util.Map<String, List<String>> inputDependencies = new java.util.TreeMap<>();
        if (dependencies != null) {
            if (!dependencies.isObject()) {
                problems.add(where + ".dependencies\" must be an object, found " + kind(dependencies));
            } else {
                dependencies.fieldNames().forEachRemaining(input -> inputDependencies.put(input,
                        strings(dependencies, input, where + ".dependencies", problems)));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        if (!seen.add(type.asText() + "\n" + name.asText())) {
            problems.add(where + "\": a second resource " + quote(name.asText()) + " of type " + quote(type.asText())
                    + " (a type and a name identify one resource)");
            return Optional.empty();
        }
        return Optional.of(new Resource(type.asText(), name.asText(),
                parent == null || parent.isNull() ? Optional.empty() : Optional.of(parent.asText()),
                (ObjectNode) inputs, read, inputDependencies));
    }

    /** The options of a resource; null with problems when they are not options. */
    private static ResourceOptions options(JsonNode node, String where, List<String> problems) {
        if (!node.isObject()) {
            problems.add(where + "\" must be an object, found " + kind(node));
            return null;
        }
        int before = problems.size();
        boolean protect = flag(node, "protect", where, problems);
        boolean deleteBeforeReplace = flag(node, "deleteBeforeReplace", where, problems);
        List<String> ignoreChanges = strings(node, "ignoreChanges", where, problems);
        List<String> dependsOn = strings(node, "dependsOn", where, problems);
        List<String> replaceOnChanges = strings(node, "replaceOnChanges", where, problems);
        List<String> secretOutputs = strings(node, "additionalSecretOutputs", where, problems);
        JsonNode importId = node.get("import");
        if (importId != null && !importId.isNull() && !(importId.isTextual() && !importId.asText().isEmpty())) {
            problems.add(where + ".import\" must be a non-empty string or null, found " + kind(importId));
        }
        if (problems.size() > before) {
            return null;
        }
        return new ResourceOptions(protect, ignoreChanges, dependsOn, deleteBeforeReplace, replaceOnChanges,
                secretOutputs, importId == null || importId.isNull() ? Optional.empty() : Optional.of(importId.asText()));
    }

    private static boolean flag(JsonNode options, String field, String where, List<String> problems) {
        JsonNode v = options.get(field);
        if (v != null && !v.isBoolean()) {
            problems.add(where + "." + field + "\" must be a boolean, found " + kind(v));
            return false;
        }
        return v != null && v.booleanValue();
    }

    private static List<String> strings(JsonNode options, String field, String where, List<String> problems) {
        JsonNode v = options.get(field);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (!v.isArray()) {
            problems.add(where + "." + field + "\" must be a list of strings, found " + kind(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                problems.add(where + "." + field + "[" + i + "]\" must be a string, found " + kind(v.get(i)));
            } else {
                out.add(v.get(i).asText());
            }
        }
        return out;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String quote(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        try {
            return JSON.writeValueAsString(shown);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }
}
