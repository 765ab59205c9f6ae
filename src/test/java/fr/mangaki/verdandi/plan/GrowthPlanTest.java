package fr.mangaki.verdandi.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.plan.PlanDiff.Action;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts of docs/growth.md planned offline from edited copies of Pulumi.production.yaml:
 * their monthly cost, their notes, and what the plan diff says when one becomes another (data
 * first: the app droplet is never replaced, and a managed cluster's destroy is listed as data
 * at risk).
 */
class GrowthPlanTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    static Path dir;
    private static String stackFile;
    private static Plan local;

    @BeforeAll
    static void planTheStackAsItIs() throws IOException {
        stackFile = Files.readString(PROJECT.resolve("Pulumi.production.yaml"));
        local = plan("as-is", s -> s);
    }

    private static Plan plan(String name, UnaryOperator<String> edit) {
        try {
            Path d = Files.createDirectories(dir.resolve(name));
            Path file = d.resolve("Pulumi.production.yaml");
            Files.writeString(file, edit.apply(stackFile));
            return new StackPlanner(Map.of()).plan(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String app(String s, String more) {
        return s.replace("      hour: 4\n", "      hour: 4\n" + more);
    }

    private static String database(String s, String yaml) {
        return s.replace("  mangaki:environment:\n", "  mangaki:database: " + yaml + "\n  mangaki:environment:\n");
    }

    @Test
    void pricesEachLayout() {
        assertEquals(new BigDecimal("13.20"), local.cost().total(), "front, app and its backups");
        assertEquals(new BigDecimal("28.20"), plan("managed", s -> database(s, "managed")).cost().total(),
                "+ a db-s-1vcpu-1gb node, $15");
        assertEquals(new BigDecimal("49.20"), plan("count2", s -> database(app(s, "    count: 2\n"),
                "{placement: managed, redis: true}")).cost().total(), "+ a second app droplet $6, + Valkey $15");
        assertEquals(new BigDecimal("19.20"), plan("standby", s -> app(s, "    standby: true\n")).cost().total(),
                "+ the standby droplet, $6");
        Plan pool = plan("pool", s -> database(app(s, "    autoscale: {min: 2, max: 5, cpuPercent: 70}\n"),
                "{placement: managed, size: db-s-1vcpu-2gb, nodes: 2, redis: true}"));
        assertEquals(new BigDecimal("115.20"), pool.cost().total(), "+ 2 pool droplets at least ($12), + 2 nodes of $30, + Valkey $30");
        assertTrue(PlanText.render(pool).contains("autoscale pool mangaki-app-pool  s-1vcpu-1gb x 2 to 5 (up to $30.00)"),
                PlanText.render(pool));
    }

    @Test
    void saysLoudlyThatAManagedDatabaseStartsEmpty() {
        Plan managed = plan("managed-notes", s -> database(s, "managed"));
        assertTrue(managed.notes().stream().anyMatch(n -> n.startsWith("DATA: mangaki:database is managed: pulumi up "
                + "makes the cluster mangaki-db and an EMPTY database per environment")), managed.notes().toString());
        assertFalse(local.notes().stream().anyMatch(n -> n.startsWith("DATA:")));
    }

    @Test
    void movingToAManagedDatabaseKeepsTheAppDroplet() {
        PlanDiff diff = PlanDiff.compare(SavedPlan.of(local), SavedPlan.of(plan("to-managed", s -> database(s, "managed"))));
        assertTrue(diff.changed().stream().noneMatch(c -> c.name().equals("mangaki-app") && c.action() == Action.REPLACE));
        assertTrue(diff.removed().isEmpty(), diff.removed().toString());
        assertFalse(PlanDiffMarkdown.render(diff).contains("Data at risk"));
    }

    @Test
    void fewerAppDropletsDestroyOnlyTheOnesWithoutData() {
        String managed = "{placement: managed, redis: true}";
        Plan two = plan("two", s -> database(app(s, "    count: 2\n"), managed));
        PlanDiff diff = PlanDiff.compare(SavedPlan.of(two), SavedPlan.of(plan("one", s -> database(s, managed))));
        assertTrue(diff.removed().stream().anyMatch(r -> r.name().equals("mangaki-app-2")), diff.removed().toString());
        assertTrue(diff.removed().stream().noneMatch(r -> r.name().equals("mangaki-app")));
        assertFalse(PlanDiffMarkdown.render(diff).contains("Data at risk"), PlanDiffMarkdown.render(diff));
    }

    @Test
    void theStandbyOfALocalDatabaseIsProtectedAndItsRemovalIsDataAtRisk() {
        Plan standby = plan("standby-protected", s -> app(s, "    standby: true\n"));
        assertTrue(standby.named("mangaki-app-standby").orElseThrow().options().protect());
        String md = PlanDiffMarkdown.render(PlanDiff.compare(SavedPlan.of(standby), SavedPlan.of(local)));
        assertTrue(md.contains("#### Data at risk"), md);
        assertTrue(md.contains("`mangaki-app-standby` (`digitalocean:index/droplet:Droplet`) is destroyed"), md);
        Plan managed = plan("standby-managed", s -> database(app(s, "    standby: true\n"), "managed"));
        assertFalse(managed.named("mangaki-app-standby").orElseThrow().options().protect(), "the cluster holds the data");
    }

    @Test
    void leavingTheManagedClusterListsItAsDataAtRiskAndRefused() {
        Plan managed = plan("back-from", s -> database(s, "managed"));
        PlanDiff diff = PlanDiff.compare(SavedPlan.of(managed), SavedPlan.of(local));
        String md = PlanDiffMarkdown.render(diff);
        assertTrue(md.contains("#### Data at risk"), md);
        assertTrue(md.contains("`mangaki-db` (`digitalocean:index/databaseCluster:DatabaseCluster`) is destroyed"), md);
        assertTrue(md.contains("every environment's database in it"), md);
    }
}
