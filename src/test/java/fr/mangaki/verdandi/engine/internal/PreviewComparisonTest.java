package fr.mangaki.verdandi.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreviewComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STACK = "urn:pulumi:production::mangaki::pulumi:pulumi:Stack::mangaki-production";

    private static JsonNode preview(String inputs) throws Exception {
        return JSON.readTree("""
                {"steps": [
                  {"op": "create", "newState": {"urn": "%s", "type": "pulumi:pulumi:Stack"}},
                  {"op": "create", "newState": {"urn": "urn:pulumi:production::mangaki::digitalocean:index/vpc:Vpc::mangaki-vpc",
                    "type": "digitalocean:index/vpc:Vpc", "parent": "%s", "inputs": %s}}]}
                """.formatted(STACK, STACK, inputs));
    }

    private static JsonNode plan(String inputs) throws Exception {
        return JSON.readTree("""
                {"resources": [
                  {"type": "pulumi:pulumi:Stack", "name": "mangaki-production", "parent": null, "inputs": {}},
                  {"type": "digitalocean:index/vpc:Vpc", "name": "mangaki-vpc", "parent": "mangaki-production", "inputs": %s}]}
                """.formatted(inputs));
    }

    private static List<String> differences(String previewInputs, String planInputs) throws Exception {
        return PreviewComparison.of(preview(previewInputs), plan(planInputs)).differences();
    }

    @Test
    void agreesWhenTypesNamesParentsAndInputsAgree() throws Exception {
        assertEquals(List.of(), differences("{\"region\": \"ams3\", \"tags\": [\"a\"]}", "{\"region\": \"ams3\", \"tags\": [\"a\"]}"));
    }

    @Test
    void agreesOnAValueNotKnownBeforeApplyAndOnSecrets() throws Exception {
        assertEquals(List.of(), differences("{\"ipRange\": \"" + PreviewComparison.UNKNOWN + "\", \"k\": \"[secret]\"}",
                "{\"ipRange\": \"(known after apply)\", \"k\": \"[secret]\"}"));
    }

    @Test
    void reportsADifferentInputByItsPath() throws Exception {
        assertEquals(List.of("digitalocean:index/vpc:Vpc mangaki-vpc: input tags[1]: preview \"b\", plan \"c\""),
                differences("{\"tags\": [\"a\", \"b\"]}", "{\"tags\": [\"a\", \"c\"]}"));
    }

    @Test
    void reportsAnInputOnOneSideOnly() throws Exception {
        assertEquals(List.of("digitalocean:index/vpc:Vpc mangaki-vpc: input name only in the plan"),
                differences("{}", "{\"name\": \"v\"}"));
    }

    @Test
    void reportsAValueThePreviewDoesNotKnownButThePlanDoes() throws Exception {
        assertEquals(List.of("digitalocean:index/vpc:Vpc mangaki-vpc: input ipRange: preview \"(known after apply)\", plan \"10.0.0.0/16\""),
                differences("{\"ipRange\": \"" + PreviewComparison.UNKNOWN + "\"}", "{\"ipRange\": \"10.0.0.0/16\"}"));
    }

    @Test
    void reportsAResourceMissingFromEitherSide() throws Exception {
        JsonNode onlyStack = JSON.readTree("{\"steps\": [{\"op\": \"create\", \"newState\": {\"urn\": \"" + STACK
                + "\", \"type\": \"pulumi:pulumi:Stack\"}}]}");
        PreviewComparison c = PreviewComparison.of(onlyStack, plan("{}"));
        assertEquals(List.of("digitalocean:index/vpc:Vpc mangaki-vpc: in the plan, not in the preview"), c.differences());
        assertEquals(1, c.previewResources());
        assertEquals(2, c.planResources());
    }

    @Test
    void aGuestsPlanUnknownMatchesAnyValueButOnlyThere() throws Exception {
        JsonNode p = preview("{\"value\": \"192.0.2.4\", \"ttl\": 60}");
        JsonNode q = plan("{\"value\": \"(known after apply)\", \"ttl\": 30}");
        assertEquals(List.of("digitalocean:index/vpc:Vpc mangaki-vpc: input ttl: preview 60, plan 30"),
                PreviewComparison.ofGuest(p, q).differences());
        assertEquals(2, PreviewComparison.of(p, q).differences().size());
    }

    @Test
    void comparesTheIdOfAResourceReadAsTheOfflinePlanListsIt() throws Exception {
        String ref = "organization/mangaki/production";
        JsonNode p = JSON.readTree("""
                {"steps": [{"op": "read", "newState": {"urn": "urn:pulumi:staging::mangaki::pulumi:pulumi:StackReference::%s",
                  "type": "pulumi:pulumi:StackReference", "id": "%s", "inputs": {"name": "%s"}}}]}
                """.formatted(ref, ref, ref));
        JsonNode q = JSON.readTree("""
                {"resources": [{"type": "pulumi:pulumi:StackReference", "name": "%s", "parent": null,
                  "inputs": {"name": "%s", "id": "%s"}}]}
                """.formatted(ref, ref, ref));
        assertEquals(List.of(), PreviewComparison.of(p, q).differences());
        JsonNode other = JSON.readTree(q.toString().replace("\"id\":\"" + ref, "\"id\":\"organization/mangaki/other"));
        assertEquals(List.of("pulumi:pulumi:StackReference " + ref + ": input id: preview \"" + ref
                + "\", plan \"organization/mangaki/other\""), PreviewComparison.of(p, other).differences());
    }
}
