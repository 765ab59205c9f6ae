package fr.mangaki.verdandi.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.plan.PlanDiff.Action;
import fr.mangaki.verdandi.plan.PlanDiff.Protection;
import fr.mangaki.verdandi.plan.PlanDiff.ResourceChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day-two changes of the production stack, planned offline from edited copies of
 * Pulumi.production.yaml and diffed against the plan of the stack as it is: the safe ones
 * (keys, thresholds, environment settings, gates, host scripts) replace no droplet; region and
 * image replace the app droplet, which the diff lists first, naming the input that forces it
 * and saying that pulumi up will refuse.
 */
class DayTwoPlanDiffTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String ALICE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps alice@mangaki.fr";
    private static final String DROPLET = "digitalocean:index/droplet:Droplet";

    @TempDir
    static Path dir;
    private static String stackFile;
    private static SavedPlan production;

    @BeforeAll
    static void planTheStackAsItIs() throws IOException {
        stackFile = Files.readString(PROJECT.resolve("Pulumi.production.yaml"));
        production = plan("as-is", s -> s);
    }

    /** The plan of production's stack file edited by {@code edit}, in a directory of its own. */
    private static SavedPlan plan(String name, UnaryOperator<String> edit) {
        try {
            Path d = Files.createDirectories(dir.resolve(name));
            Path file = d.resolve("Pulumi.production.yaml");
            String edited = edit.apply(stackFile);
            Files.writeString(file, edited);
            return SavedPlan.of(new StackPlanner(Map.of()).plan(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String withKeys(String stack, String... keys) {
        String current = stack.substring(stack.indexOf("  mangaki:sshKeys:\n"), stack.indexOf("  # Who may reach SSH"));
        return stack.replace(current, "  mangaki:sshKeys:\n" + String.join("", List.of(keys).stream()
                .map(k -> "    - " + k + "\n").toList()));
    }

    private static String placeholderKey() {
        return stackFile.lines().filter(l -> l.startsWith("    - ssh-ed25519 ")).findFirst().orElseThrow().substring(6);
    }

    private static void assertNoDropletReplaced(PlanDiff diff) {
        for (ResourceChange c : diff.changed()) {
            if (c.type().equals(DROPLET)) {
                assertFalse(c.action() == Action.REPLACE, c.name() + " replaced: " + c);
            }
        }
        assertTrue(diff.removed().stream().noneMatch(r -> r.type().equals(DROPLET)));
        assertFalse(PlanDiffMarkdown.render(diff).contains("Data at risk"));
    }

    private static ResourceChange changed(PlanDiff diff, String name) {
        return diff.changed().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not changed; changed: " + diff.changed().stream()
                        .map(c -> c.name() + " " + c.action()).toList()));
    }

    @Test
    void addingRemovingAndReorderingKeysReplacesNoDroplet() {
        String key = placeholderKey();
        SavedPlan two = plan("two-keys", s -> withKeys(s, key, ALICE));
        PlanDiff added = PlanDiff.compare(production, two);
        assertNoDropletReplaced(added);
        assertEquals(List.of("mangaki-key-" + fingerprint(ALICE)), added.added().stream().map(r -> r.name()).toList());
        for (String droplet : List.of("mangaki-app", "mangaki-front")) {
            ResourceChange c = changed(added, droplet);
            assertEquals(Action.NONE, c.action(), c.toString());
            assertEquals(List.of("userData"), c.ignored(), "the keys come from resources known after apply: " + c);
        }
        assertEquals(Action.UPDATE, changed(added, "mangaki-app-files").action());
        assertEquals(Action.UPDATE, changed(added, "mangaki-front-files").action());
        assertEquals(List.of("stdin"), changed(added, "mangaki-app-files").changes().stream().map(c -> c.path()).toList());
        assertTrue(PlanDiffMarkdown.summary(added).startsWith(
                "+1 to add, ~2 to change, +-0 to replace, -0 to destroy, 2 ignored by pulumi up;"), added.toString());

        PlanDiff removed = PlanDiff.compare(two, production);
        assertNoDropletReplaced(removed);
        assertEquals(List.of("mangaki-key-" + fingerprint(ALICE)), removed.removed().stream().map(r -> r.name()).toList());

        PlanDiff reordered = PlanDiff.compare(two, plan("reordered", s -> withKeys(s, ALICE, key)));
        assertNoDropletReplaced(reordered);
        assertEquals(List.of(), reordered.added());
        assertEquals(List.of(), reordered.removed());
    }

    @Test
    void thresholdsEnvironmentSettingsAndGatesReplaceNoDroplet() {
        PlanDiff thresholds = PlanDiff.compare(production, plan("thresholds",
                s -> s.replace("cpuPercent: 80", "cpuPercent: 70").replace("diskPercent: 85", "diskPercent: 90")));
        assertNoDropletReplaced(thresholds);
        assertEquals(List.of("mangaki-cpu-alert", "mangaki-disk-alert"),
                thresholds.changed(Action.UPDATE).stream().map(ResourceChange::name).toList());

        PlanDiff environment = PlanDiff.compare(production, plan("environment", s -> s.replace("port: 8000", "port: 8002")
                .replace("      - www.mangaki.fr\n", "      - www.mangaki.fr\n      - beta.mangaki.fr\n")));
        assertNoDropletReplaced(environment);
        assertEquals(Action.UPDATE, changed(environment, "production-app-install").action());
        // the front's command line holds the app droplet's private address: known after apply, in both plans
        assertEquals(List.of("production-dns-beta-mangaki-fr"), environment.added().stream().map(r -> r.name()).toList());

        PlanDiff gates = PlanDiff.compare(production, plan("gates",
                s -> s.replace("    gates:\n", "    gates:\n      - npm test\n")));
        assertNoDropletReplaced(gates);
        assertEquals(List.of("production-app-install"), gates.changed().stream().map(ResourceChange::name).toList());
        assertEquals(Action.UPDATE, gates.changed().get(0).action());
    }

    @Test
    void newHostScriptsReplaceNoDroplet() throws IOException {
        // the base as an older Verdandi planned it: other host scripts, so another version in the commands
        String json = PlanJson.write(new StackPlanner(Map.of()).plan(dir.resolve("as-is/Pulumi.production.yaml")));
        String older = json.replace(HostFiles.digest(HostRole.APP), "sha256:" + "0".repeat(64))
                .replace(HostFiles.digest(HostRole.FRONT), "sha256:" + "1".repeat(64))
                .replace("systemctl daemon-reload", "systemctl daemon-reload --older");
        assertFalse(older.equals(json));
        PlanDiff diff = PlanDiff.compare(PlanJsonReader.parse(older, "older"), production);
        assertNoDropletReplaced(diff);
        for (String command : List.of("mangaki-app-files", "mangaki-front-files", "production-app-install")) {
            assertEquals(Action.UPDATE, changed(diff, command).action(), command);
        }
        assertEquals(Action.NONE, changed(diff, "mangaki-app").action(), "the user data changes, ignored");
    }

    @Test
    void aNewRegionReplacesTheAppDropletWhichIsListedFirstAndRefused() {
        PlanDiff diff = PlanDiff.compare(production, plan("region", s -> s.replace("mangaki:region: ams3",
                "mangaki:region: fra1")));
        ResourceChange app = changed(diff, "mangaki-app");
        assertEquals(Action.REPLACE, app.action());
        assertEquals(List.of("region", "vpcUuid"), app.replacements().stream().map(r -> r.property()).toList());
        assertEquals(Protection.PROTECTED, app.protection());
        assertTrue(app.refused());
        assertTrue(app.loss().orElseThrow().contains("PostgreSQL"));
        assertEquals(Action.REPLACE, changed(diff, "mangaki-vpc").action());
        String md = PlanDiffMarkdown.render(diff);
        int risk = md.indexOf("#### Data at risk (1)");
        assertTrue(risk > 0 && risk < md.indexOf("####", risk + 1) && md.indexOf("#### To replace") > risk, md);
        assertTrue(md.contains("- **`mangaki-app` (`digitalocean:index/droplet:Droplet`) is replaced, forced by "
                + "`region`, `vpcUuid`: it loses everything on its disk"), md);
        assertTrue(md.contains("It is protected: pulumi up will refuse"), md);
        assertTrue(md.contains("+- mangaki-app  (digitalocean:index/droplet:Droplet)  replace, forced by region (the "
                + "digitalocean 4.76.0 schema), vpcUuid (the digitalocean 4.76.0 schema); protected: pulumi up will "
                + "refuse\n"), md);
        assertTrue(md.contains("    vpcUuid: (known after apply) → (known after apply): mangaki-vpc is replaced\n"), md);
    }

    @Test
    void aNewImageReplacesBothDropletsAndTheUnprotectedOneGoesThrough() {
        PlanDiff diff = PlanDiff.compare(production, plan("image", s -> s.replace("mangaki:hosting: platform",
                "mangaki:hosting: platform\n  mangaki:image: debian-13-x64")));
        assertEquals(List.of("image"), changed(diff, "mangaki-app").replacements().stream().map(r -> r.property()).toList());
        assertTrue(changed(diff, "mangaki-app").refused());
        assertEquals(Action.REPLACE, changed(diff, "mangaki-front").action());
        assertEquals(Protection.UNPROTECTED, changed(diff, "mangaki-front").protection());
        assertTrue(changed(diff, "mangaki-front").loss().isEmpty(), "the front holds no data");

        SavedPlan unprotected = plan("unprotected", s -> s.replace("mangaki:hosting: platform",
                "mangaki:hosting: platform\n  mangaki:unprotect: [app]"));
        PlanDiff lift = PlanDiff.compare(unprotected, plan("unprotected-image", s -> s.replace(
                "mangaki:hosting: platform", "mangaki:hosting: platform\n  mangaki:unprotect: [app]\n"
                        + "  mangaki:image: debian-13-x64")));
        ResourceChange app = changed(lift, "mangaki-app");
        assertEquals(Protection.UNPROTECTED, app.protection());
        assertTrue(PlanDiffMarkdown.render(lift).contains("It is not protected: pulumi up will replace it.**"));

        PlanDiff unprotecting = PlanDiff.compare(production, unprotected);
        ResourceChange options = changed(unprotecting, "mangaki-app");
        assertEquals(Action.NONE, options.action());
        assertEquals(List.of("protect"), options.optionChanges().stream().map(c -> c.path()).toList());
    }

    @Test
    void anOldFormatBaseStillDiffsAndSaysTheProtectionIsUnknown() throws IOException {
        ObjectNode old = (ObjectNode) new ObjectMapper().readTree(PlanJson.write(new StackPlanner(Map.of())
                .plan(dir.resolve("as-is/Pulumi.production.yaml"))));
        for (JsonNode r : old.get("resources")) {
            ((ObjectNode) r).remove(List.of("options", "dependencies"));
        }
        SavedPlan base = PlanJsonReader.parse(old.toString(), "base.json");
        assertFalse(base.hasOptions());
        PlanDiff diff = PlanDiff.compare(base, plan("region-old-base", s -> s.replace("mangaki:region: ams3",
                "mangaki:region: fra1")));
        assertEquals(Protection.UNKNOWN, changed(diff, "mangaki-app").protection());
        String md = PlanDiffMarkdown.render(diff);
        assertTrue(md.contains("_The base plan carries no resource options (an older Verdandi wrote it): whether the "
                + "running stack already protects a resource is unknown._"), md);
        assertTrue(md.contains("Its protection in the running stack is unknown"), md);
    }

    @Test
    void adoptedResourcesShowAsImports() {
        SavedPlan none = PlanJsonReader.parse("{\"stack\": \"production\", \"resources\": [], \"outputs\": {}, "
                + "\"monthlyCostUsd\": 0}", "empty");
        String fingerprint = fr.mangaki.verdandi.config.PublicKey.parse(placeholderKey()).orElseThrow().fingerprint();
        PlanDiff diff = PlanDiff.compare(none, plan("import", s -> s + "  mangaki:import:\n    zone: mangaki.fr\n"
                + "    sshKeys:\n      \"" + fingerprint + "\": 263654\n"));
        assertEquals(List.of("mangaki-key-" + fingerprint.replace(":", ""), "mangaki-zone"),
                diff.imported().stream().map(r -> r.name()).toList());
        String md = PlanDiffMarkdown.render(diff);
        assertTrue(PlanDiffMarkdown.summary(diff).startsWith("+" + (diff.added().size() - 2) + " to add, =2 to import, "
                + "~0 to change"), md);
        assertTrue(md.contains("\n= mangaki-zone  (digitalocean:index/domain:Domain, parent mangaki)  import id mangaki.fr"
                + "  (adopted as it exists: its inputs must match it)\n"), md);
    }

    private static String fingerprint(String key) {
        return fr.mangaki.verdandi.config.PublicKey.parse(key).orElseThrow().fingerprint().replace(":", "");
    }
}
