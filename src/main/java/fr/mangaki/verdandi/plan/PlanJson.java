package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine form of a plan, as {@code verdandi plan --json} prints it (docs/pulumi-up.md, "The
 * offline plan"): {@code {"stack", "resources": [{"type", "name", "parent", "inputs", "options",
 * "dependencies"}], "outputs", "monthlyCostUsd"}}, the options as {@link ResourceOptions#toTree()}
 * writes them, the dependencies as input name to the logical names its value comes from.
 * {@link PlanJsonReader} reads it back.
 */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static Map<String, Object> toTree(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("stack", plan.stack());
        List<Map<String, Object>> resources = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            m.put("name", r.name());
            m.put("parent", r.parent().orElse(null));
            m.put("inputs", r.inputs());
            m.put("options", r.options().toTree());
            m.put("dependencies", r.dependencies());
            resources.add(m);
        }
        root.put("resources", resources);
        root.put("outputs", plan.outputs());
        root.put("monthlyCostUsd", plan.cost().total());
        return root;
    }

    public static String write(Plan plan) {
        try {
            return JSON.writeValueAsString(toTree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan could not be written as JSON", e);
        }
    }
}
