package fr.mangaki.verdandi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RenderCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"front", "app"})
    void printsExactlyTheUserDataOfThePlannedDroplet(String host) throws Exception {
        CliRun render = CliRun.run("render", "cloud-init", "--stack", "production", "--host", host);
        assertEquals(0, render.status(), render.err());
        assertTrue(render.out().startsWith("#cloud-config\n"), render.out());
        CliRun plan = CliRun.run("plan", "--stack", "production", "--json");
        JsonNode resources = new ObjectMapper().readTree(plan.out()).get("resources");
        String planned = null;
        for (JsonNode r : resources) {
            if (r.get("name").asText().equals("mangaki-" + host)) {
                planned = r.get("inputs").get("userData").asText();
            }
        }
        assertEquals(planned, render.out());
    }

    @Test
    void rejectsAGuestStackWhichHasNoDroplets() {
        CliRun r = CliRun.run("render", "cloud-init", "--stack", "staging", "--host", "app");
        assertEquals(2, r.status());
        assertEquals("verdandi: mangaki:hosting: stack staging is a guest of mangaki/mangaki/production: "
                + "it has no droplets (render its platform's stack)\n", r.err());
    }

    @Test
    void rejectsAnUnknownHost() {
        CliRun r = CliRun.run("render", "cloud-init", "--stack", "production", "--host", "db");
        assertEquals(2, r.status());
        assertEquals("verdandi: --host: \"db\" is not one of front, app\n", r.err());
    }
}
