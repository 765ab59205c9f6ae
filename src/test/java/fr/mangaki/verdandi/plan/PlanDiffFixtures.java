package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Plans written by hand for the diff tests, in the JSON form of {@code plan --json}. */
final class PlanDiffFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DROPLET = "digitalocean:index/droplet:Droplet";
    static final String FIREWALL = "digitalocean:index/firewall:Firewall";
    static final String RECORD = "digitalocean:index/dnsRecord:DnsRecord";
    static final String COMMAND = "command:remote:Command";

    private PlanDiffFixtures() {
    }

    /** JSON written with single quotes for readability. */
    static JsonNode j(String singleQuoted) {
        try {
            return JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static Builder plan(String stack) {
        return new Builder(stack);
    }

    static final class Builder {
        private final ObjectNode root = JSON.createObjectNode();
        private final ArrayNode resources;
        private final ObjectNode outputs;
        private boolean withOptions;
        private ObjectNode last;

        Builder(String stack) {
            root.put("stack", stack);
            resources = root.putArray("resources");
            outputs = root.putObject("outputs");
            root.put("monthlyCostUsd", 0);
            resource("pulumi:pulumi:Stack", "mangaki-" + stack, null, "{}");
        }

        Builder resource(String type, String name, String parent, String inputs) {
            return resource(type, name, parent, j(inputs));
        }

        Builder resource(String type, String name, String parent, JsonNode inputs) {
            ObjectNode r = resources.addObject();
            r.put("type", type);
            r.put("name", name);
            r.put("parent", parent);
            r.set("inputs", inputs);
            if (withOptions) {
                r.set("options", JSON.createObjectNode());
            }
            last = r;
            return this;
        }

        /** Every resource carries options from now on (none set, unless {@link #options} says), as plans of this Verdandi do. */
        Builder withOptions() {
            withOptions = true;
            resources.forEach(r -> ((ObjectNode) r).set("options", JSON.createObjectNode()));
            return this;
        }

        /** The options of the resource added last, e.g. {@code {'protect': true, 'ignoreChanges': ['userData']}}. */
        Builder options(String options) {
            last.set("options", j(options));
            return this;
        }

        Builder output(String key, String value) {
            outputs.set(key, j(value));
            return this;
        }

        Builder cost(String usd) {
            root.put("monthlyCostUsd", new java.math.BigDecimal(usd));
            return this;
        }

        String json() {
            return root.toPrettyString();
        }

        SavedPlan build() {
            return PlanJsonReader.parse(json(), "test");
        }
    }
}
