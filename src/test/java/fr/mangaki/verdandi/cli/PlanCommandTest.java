package fr.mangaki.verdandi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.mangaki.verdandi.host.HostCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @Test
    void plansProductionWithItsMonthlyCost() {
        CliRun r = CliRun.run("plan", "--stack", "production");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("offline: Pulumi's mock engine"), r.out());
        assertTrue(r.out().contains("+ mangaki-app  (digitalocean:index/droplet:Droplet)"), r.out());
        assertTrue(r.out().contains("backupPolicy: {hour: 4, plan: weekly, weekday: SUN}"), r.out());
        assertTrue(r.out().matches("(?s).*backups of mangaki-app +weekly: \\+20 % of \\$6.00 +\\$1.20\n.*"), r.out());
        assertTrue(r.out().contains("$13.20 / month"), r.out());
    }

    @Test
    void printsOneJsonObjectWithTheContractShape() throws Exception {
        CliRun r = CliRun.run("plan", "--stack", "production", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        List<String> fields = new ArrayList<>();
        plan.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("stack", "resources", "outputs", "monthlyCostUsd"), fields);
        assertEquals("production", plan.get("stack").asText());
        assertEquals(13.20, plan.get("monthlyCostUsd").asDouble(), 1e-9);
        for (JsonNode resource : plan.get("resources")) {
            List<String> keys = new ArrayList<>();
            resource.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("type", "name", "parent", "inputs", "options", "dependencies"), keys);
            List<String> options = new ArrayList<>();
            resource.get("options").fieldNames().forEachRemaining(options::add);
            assertEquals(List.of("protect", "ignoreChanges", "dependsOn", "deleteBeforeReplace", "replaceOnChanges",
                    "additionalSecretOutputs", "import"), options);
        }
        JsonNode app = find(plan, "mangaki-app").get("options");
        assertTrue(app.get("protect").asBoolean());
        assertEquals("[\"userData\",\"sshKeys\"]", app.get("ignoreChanges").toString());
        assertTrue(app.get("import").isNull());
        assertTrue(find(plan, "mangaki-zone").get("options").get("protect").asBoolean());
        assertFalse(find(plan, "mangaki-front").get("options").get("protect").asBoolean());
        assertEquals("[\"connection\"]", find(plan, "production-app-install").get("options")
                .get("additionalSecretOutputs").toString());
        assertEquals("[\"mangaki-app-files\"]", find(plan, "production-app-install").get("options").get("dependsOn")
                .toString());
        assertEquals("{\"vpcUuid\":[\"mangaki-vpc\"]}", find(plan, "mangaki-app").get("dependencies").toString());
        assertEquals(2, count(plan, "digitalocean:index/droplet:Droplet"));
        assertEquals("mangaki", find(plan, "mangaki-app").get("parent").asText());
        assertTrue(find(plan, "mangaki-production").get("parent").isNull());
        assertEquals("(known after apply)", plan.get("outputs").get("frontIpv4").asText());
    }

    @Test
    void plansTheStagingGuestWithoutDroplets() throws Exception {
        CliRun r = CliRun.run("plan", "--stack", "staging", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals(0, count(plan, "digitalocean:index/droplet:Droplet"));
        assertEquals(0, count(plan, "digitalocean:index/vpc:Vpc"));
        assertEquals(2, count(plan, "digitalocean:index/dnsRecord:DnsRecord"));
        assertEquals(1, count(plan, "pulumi:pulumi:StackReference"));
        assertEquals("staging", find(plan, "staging-dns-staging-mangaki-fr").get("parent").asText());
        assertEquals("(known after apply)", find(plan, "staging-dns-staging-mangaki-fr").get("inputs")
                .get("value").asText());
        assertEquals(0.0, plan.get("monthlyCostUsd").asDouble());
    }

    @Test
    void plansTheStagingInstallOverSshWithSecretKeysAndADeleteCommand() throws Exception {
        CliRun r = CliRun.run("plan", "--stack", "staging", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        HostCommands commands = HostCommands.standard();
        JsonNode app = find(plan, "staging-app-install");
        assertEquals("command:remote:Command", app.get("type").asText());
        assertEquals("staging", app.get("parent").asText());
        JsonNode inputs = app.get("inputs");
        assertEquals("[secret]", inputs.get("connection").get("privateKey").asText());
        assertEquals("[secret]", inputs.get("stdin").asText());
        assertEquals(commands.removeEnvironment("staging"), inputs.get("delete").asText());
        assertTrue(inputs.get("create").asText().contains("env-install staging --branch staging"), inputs.toString());
        JsonNode front = find(plan, "staging-front-site").get("inputs");
        assertEquals("[secret]", front.get("connection").get("privateKey").asText());
        assertEquals(commands.removeSite("staging"), front.get("delete").asText());
        assertEquals("(known after apply)", front.get("create").asText(), "it needs the app's private address");
        assertTrue(r.err().contains("verdandi: note: secrets/staging.env.asc"), r.err());
    }

    @Test
    void showsTheBackupsAndTheSpacesSubscriptionOfABucket(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.production.yaml");
        Files.writeString(file, Files.readString(Path.of("Pulumi.production.yaml")).replace("    pollSeconds: 5\n",
                "    pollSeconds: 5\n    backups:\n      hour: 2\n      bucket: {name: mangaki-backups, region: ams3}\n"));
        CliRun r = CliRun.run("plan", "--stack-file", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("+ production-app-backups  (command:remote:Command"), r.out());
        assertTrue(r.out().contains("backup-remove production # backups: nightly at 02:00 UTC, kept 14 days, copied to "
                + "bucket mangaki-backups (ams3)"), r.out());
        assertTrue(r.out().matches("(?s).*Spaces \\(dumps in mangaki-backups\\) +subscription: 250 GiB, 1 TiB out +\\$5.00\n.*"),
                r.out());
        assertTrue(r.out().contains("$18.20 / month"), r.out());
    }

    @Test
    void plansAStackFileByPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.demo.yaml");
        Files.copy(Path.of("Pulumi.production.yaml"), file);
        CliRun r = CliRun.run("plan", "--stack-file", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals("demo", new ObjectMapper().readTree(r.out()).get("stack").asText());
    }

    @Test
    void rejectsInvalidConfigWithExitTwoAndOneLinePerProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(file, Files.readString(Path.of("Pulumi.production.yaml"))
                .replace("hour: 4", "hour: 5").replace("mangaki:region: ams3", "mangaki:region: mars1"));
        CliRun r = CliRun.run("plan", "--stack-file", file.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out(), "nothing is planned");
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.contains("verdandi: mangaki:app.backups.hour: 5 is not one of 0, 4, 8, 12, 16, 20"), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("verdandi: mangaki:region: \"mars1\" is not one of ams3")),
                r.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("verdandi: nothing planned: 2 problems in "), r.err());
    }

    @Test
    void rejectsAMalformedImportIdWithExitTwoNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.production.yaml");
        Files.writeString(file, Files.readString(Path.of("Pulumi.production.yaml"))
                + "  mangaki:import:\n    zone: mangaki.fr\n    sshKeys:\n"
                + "      \"54:d4:37:54:25:30:c5:8f:9e:dc:2a:bd:cf:7a:64:3d\": dop-263654\n");
        CliRun r = CliRun.run("plan", "--stack-file", file.toString());
        assertEquals(2, r.status(), r.out());
        assertEquals("verdandi: mangaki:import.sshKeys.54:d4:37:54:25:30:c5:8f:9e:dc:2a:bd:cf:7a:64:3d: \"dop-263654\" is "
                + "not a DigitalOcean SSH key id (a number, as `doctl compute ssh-key list` shows)", r.err().lines()
                .findFirst().orElseThrow());
    }

    @Test
    void showsImportedResourcesAndProtectedOnesInTheTextPlan(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.production.yaml");
        Files.writeString(file, Files.readString(Path.of("Pulumi.production.yaml"))
                + "  mangaki:import:\n    zone: mangaki.fr\n    sshKeys:\n"
                + "      \"54:d4:37:54:25:30:c5:8f:9e:dc:2a:bd:cf:7a:64:3d\": 263654\n");
        CliRun r = CliRun.run("plan", "--stack-file", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\n      = mangaki-zone  (digitalocean:index/domain:Domain)  import id mangaki.fr  "
                + "[protected]\n"), r.out());
        assertTrue(r.out().contains("\n      = mangaki-key-54d437542530c58f9edc2abdcf7a643d  "
                + "(digitalocean:index/sshKey:SshKey)  import id 263654\n"), r.out());
        assertTrue(r.out().contains("\n      + mangaki-app  (digitalocean:index/droplet:Droplet)  [protected]\n"
                + "          (ignores later changes of userData, sshKeys)\n"), r.out());
    }

    @Test
    void rejectsAMissingStackFileWithExitTwo() {
        CliRun r = CliRun.run("plan", "--stack", "nosuch");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("Pulumi.nosuch.yaml: no such stack file"), r.err());
    }

    @Test
    void rejectsAStagingPortThatProductionUses(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("Pulumi.production.yaml"), dir.resolve("Pulumi.production.yaml"));
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), Files.readString(Path.of("Pulumi.staging.yaml"))
                .replace("port: 8001", "port: 8000").replace("- dev.mangaki.fr", "- www.mangaki.fr"));
        CliRun r = CliRun.run("plan", "--stack-file", dir.resolve("Pulumi.staging.yaml").toString());
        assertEquals(2, r.status(), r.out());
        assertTrue(r.err().contains("verdandi: mangaki:environment.port: 8000 is already used by environment "
                + "production on this platform"), r.err());
        assertTrue(r.err().contains("verdandi: mangaki:environment.domains: \"www.mangaki.fr\" is already served by "
                + "environment production on this platform"), r.err());
    }

    @Test
    void rejectsUsageErrorsWithExitTwo() {
        CliRun r = CliRun.run("plan");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--stack"), r.err());
        CliRun both = CliRun.run("plan", "--stack", "production", "--stack-file", "Pulumi.production.yaml");
        assertEquals(2, both.status());
    }

    @Test
    void hasHelp() {
        CliRun r = CliRun.run("plan", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("--stack-file"), r.out());
        assertFalse(r.out().isBlank());
    }

    private static long count(JsonNode plan, String type) {
        long n = 0;
        for (JsonNode r : plan.get("resources")) {
            if (r.get("type").asText().equals(type)) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode find(JsonNode plan, String name) {
        for (JsonNode r : plan.get("resources")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + name);
    }
}
