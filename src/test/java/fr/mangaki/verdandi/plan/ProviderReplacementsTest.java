package fr.mangaki.verdandi.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The replacement lists the plan ships are the provider schemas' (through the schema contract
 * that scripts/extract-schema-contract extracts from them), and what they say of the
 * resources the program declares.
 */
class ProviderReplacementsTest {
    private final ProviderReplacements shipped = ProviderReplacements.shipped();

    @Test
    void theShippedListsAreTheContractsNonEmptyOnes() throws Exception {
        JsonNode contract;
        try (InputStream in = getClass().getResourceAsStream("/schema-contract/contract.json")) {
            contract = new ObjectMapper().readTree(in);
        }
        Map<String, List<String>> expected = new TreeMap<>();
        contract.path("resources").fields().forEachRemaining(e -> {
            List<String> paths = new ArrayList<>();
            e.getValue().path("replaceOnChanges").forEach(p -> paths.add(p.asText()));
            if (!paths.isEmpty()) {
                expected.put(e.getKey(), paths);
            }
        });
        assertEquals(expected, new TreeMap<>(shipped.all()));
        contract.path("packages").fields().forEachRemaining(p -> assertEquals(Optional.of("the " + p.getKey() + " "
                + p.getValue().path("version").asText() + " schema"), shipped.schemaOf(p.getKey() + ":index/x:X")));
    }

    @Test
    void whatReplacesTheProgramsResources() {
        assertEquals(List.of("dropletAgent", "image", "monitoring", "publicNetworking", "region", "sshKeys", "userData",
                "vpcUuid"), shipped.of("digitalocean:index/droplet:Droplet"));
        assertEquals(List.of("ipAddress", "name"), shipped.of("digitalocean:index/domain:Domain"));
        assertEquals(List.of("publicKey"), shipped.of("digitalocean:index/sshKey:SshKey"));
        assertEquals(List.of("triggers"), shipped.of("command:remote:Command"));
        assertEquals(List.of(), shipped.of("digitalocean:index/firewall:Firewall"));
        assertEquals(List.of(), shipped.of("digitalocean:index/monitorAlert:MonitorAlert"));
        assertTrue(shipped.schemaOf("verdandi:platform:Platform").isEmpty());
    }
}
