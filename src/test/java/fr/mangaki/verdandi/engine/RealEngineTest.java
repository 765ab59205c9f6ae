package fr.mangaki.verdandi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.mangaki.verdandi.cli.CliRun;
import fr.mangaki.verdandi.engine.internal.EventLog;
import fr.mangaki.verdandi.engine.internal.PreviewComparison;
import fr.mangaki.verdandi.engine.internal.PulumiSandbox;
import fr.mangaki.verdandi.engine.internal.PulumiSandbox.Binaries;
import fr.mangaki.verdandi.engine.internal.PulumiSandbox.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program under the real Pulumi CLI, engine and Java language host (built from their Go
 * modules by tools/pulumi/build), offline, with the schema-driven provider stand-in in place
 * of the DigitalOcean and command plugins (docs/real-engine.md says why and what it checks).
 */
class RealEngineTest {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The program's components: the stack, the platform, the environment. */
    private static final int COMPONENTS = 3;

    private static Binaries binaries;

    @BeforeAll
    static void build() {
        binaries = Binaries.build(REPO);
    }

    private static PulumiSandbox sandbox() {
        return PulumiSandbox.create(REPO, binaries, PulumiSandbox.programClasspath());
    }

    @Test
    void previewOfProductionRegistersWhatTheOfflinePlanSays() throws IOException {
        try (PulumiSandbox sb = sandbox()) {
            Run preview = sb.pulumi("preview", "-s", "production", "--json").requireSuccess();
            CliRun plan = CliRun.run("plan", "--stack-file", sb.project().resolve("Pulumi.production.yaml").toString(), "--json");
            assertEquals(0, plan.status(), plan.err());

            PreviewComparison c = PreviewComparison.of(JSON.readTree(preview.out()), JSON.readTree(plan.out()));
            assertEquals(List.of(), c.differences());
            assertEquals(c.planResources(), c.previewResources());
            JsonNode summary = JSON.readTree(preview.out()).path("changeSummary");
            assertEquals(c.planResources(), summary.path("create").asInt(), summary.toString());
            assertEquals(0, sb.cloudResources(), "a preview creates nothing");
        }
    }

    @Test
    void previewThroughMavenWithTheRepositorysPulumiYamlAsUsersRunIt() throws IOException {
        try (PulumiSandbox sb = PulumiSandbox.create(REPO, binaries, PulumiSandbox.programClasspath(),
                PulumiSandbox.Runner.MAVEN)) {
            Run preview = sb.pulumi("preview", "-s", "production", "--json").requireSuccess();
            CliRun plan = CliRun.run("plan", "--stack-file", sb.project().resolve("Pulumi.production.yaml").toString(), "--json");
            assertEquals(0, plan.status(), plan.err());
            PreviewComparison c = PreviewComparison.of(JSON.readTree(preview.out()), JSON.readTree(plan.out()));
            assertEquals(List.of(), c.differences());
            assertTrue(Files.isDirectory(sb.project().resolve("target/classes/fr/mangaki/verdandi")),
                    "the language host compiled the program with Maven");
        }
    }

    @Test
    void upOfBothStacksThenNoChangeThenAnUpdateInPlaceThenDestroyOnceUnprotected() throws IOException {
        try (PulumiSandbox sb = sandbox()) {
            EventLog production = up(sb, "production");
            assertTrue(production.changes().get("create") > COMPONENTS, production.changes().toString());
            assertEquals(Map.of("create", production.changes().get("create")), production.changes());
            long platformResources = production.changes().get("create") - COMPONENTS;
            assertEquals(platformResources, sb.cloudResources());

            JsonNode outputs = JSON.readTree(sb.pulumi("stack", "output", "-s", "production", "--json").requireSuccess().out());
            String frontIpv4 = outputs.path("frontIpv4").asText();
            assertTrue(frontIpv4.startsWith("192.0.2."), outputs.toString());

            // the guest's preview, with production's real outputs, registers what its plan says
            Run guestPreview = sb.pulumi("preview", "-s", "staging", "--json").requireSuccess();
            CliRun guestPlan = CliRun.run("plan", "--stack-file", sb.project().resolve("Pulumi.staging.yaml").toString(), "--json");
            assertEquals(0, guestPlan.status(), guestPlan.err());
            PreviewComparison guest = PreviewComparison.ofGuest(JSON.readTree(guestPreview.out()), JSON.readTree(guestPlan.out()));
            assertEquals(List.of(), guest.differences());
            assertTrue(guest.planResources() > COMPONENTS, "staging plans " + guest.planResources());

            EventLog staging = up(sb, "staging");
            assertTrue(staging.changes().get("create") > 0, staging.changes().toString());
            // the guest's DNS records point at the front droplet, read from production's state
            JsonNode exported = JSON.readTree(sb.pulumi("stack", "export", "-s", "staging").requireSuccess().out());
            int records = 0;
            for (JsonNode r : exported.path("deployment").path("resources")) {
                if (r.path("type").asText().equals("digitalocean:index/dnsRecord:DnsRecord")) {
                    assertEquals(frontIpv4, r.path("inputs").path("value").asText(), r.toString());
                    records++;
                }
            }
            assertEquals(2, records, "staging.mangaki.fr and dev.mangaki.fr");

            for (String stack : List.of("production", "staging")) {
                EventLog again = up(sb, stack, "--expect-no-changes");
                assertEquals(0, again.changed(), stack + ": " + again.changes());
            }

            sb.pulumi("config", "set", "-s", "production", "--path", "mangaki:alerts.memoryPercent", "85").requireSuccess();
            EventLog threshold = up(sb, "production");
            assertEquals(1, threshold.changes().get("update"), threshold.changes().toString());
            assertEquals(1, threshold.changed(), threshold.changes().toString());
            assertEquals("update", threshold.operations().get("digitalocean:index/monitorAlert:MonitorAlert mangaki-memory-alert"));

            assertSecretsNotInClear(sb);

            sb.pulumi("destroy", "-s", "staging", "--yes").requireSuccess();
            // the app droplet and the zone are protected: the engine refuses to destroy them...
            long before = sb.cloudResources();
            Run refused = sb.pulumi("destroy", "-s", "production", "--yes");
            assertNotEquals(0, refused.exit(), refused.out());
            assertTrue((refused.out() + refused.err()).contains("protected"), refused.out() + refused.err());
            assertTrue(sb.cloudResources() > 0 && sb.cloudResources() <= before, "the protected resources are kept");
            // ...until mangaki:unprotect lifts it on purpose
            sb.pulumi("config", "set", "-s", "production", "--path", "mangaki:unprotect[0]", "app").requireSuccess();
            sb.pulumi("config", "set", "-s", "production", "--path", "mangaki:unprotect[1]", "zone").requireSuccess();
            up(sb, "production");
            Path log = sb.file("production-destroy.json");
            sb.pulumi("destroy", "-s", "production", "--yes", "--event-log", log.toString()).requireSuccess();
            assertTrue(EventLog.read(log).succeeded(), "production");
            assertEquals(0, sb.cloudResources(), "destroy leaves nothing behind");
        }
    }

    @Test
    void failsTheUpOfAGuestWhosePlatformStackHasNoState() {
        try (PulumiSandbox sb = sandbox()) {
            Run up = sb.pulumi("up", "-s", "staging", "--yes");
            assertNotEquals(0, up.exit(), up.out());
            assertTrue(up.out().contains("does not exist on stack '" + PulumiSandbox.PLATFORM_STACK + "'"), up.out());
            assertEquals(0, sb.cloudResources());
        }
    }

    private static EventLog up(PulumiSandbox sb, String stack, String... more) {
        Path log = sb.file(stack + "-" + System.nanoTime() + ".json");
        String[] args = Stream.concat(Stream.of("up", "-s", stack, "--yes", "--event-log", log.toString()), Stream.of(more))
                .toArray(String[]::new);
        sb.pulumi(args).requireSuccess();
        EventLog events = EventLog.read(log);
        assertTrue(events.succeeded(), stack);
        return events;
    }

    /** Neither the SSH key nor an env file's plaintext is in the backend's state. */
    private static void assertSecretsNotInClear(PulumiSandbox sb) throws IOException {
        String sshKey = Files.readString(sb.file("keys/ssh")).lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        try (Stream<Path> files = Files.walk(sb.file("state"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("throwaway-production") || text.contains("throwaway-staging"), f + " holds an env file");
                assertFalse(text.contains(sshKey), f + " holds the SSH private key");
            }
        }
    }
}
