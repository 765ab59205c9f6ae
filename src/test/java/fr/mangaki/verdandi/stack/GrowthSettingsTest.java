package fr.mangaki.verdandi.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.config.AppLayout;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code mangaki:database} and {@code mangaki:app.count}, {@code autoscale}, {@code standby} in a stack file (docs/growth.md). */
class GrowthSettingsTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void defaultsToOneAppDropletAndALocalDatabase() {
        StackSettings s = parse(c -> { });
        assertEquals(Database.local(), s.database());
        assertEquals(AppLayout.single(), s.app().orElseThrow().layout());
    }

    @Test
    void readsManagedAsAWordOrAnObject() {
        assertEquals(Database.managed(), parse(c -> c.put("mangaki:database", "managed")).database());
        StackSettings s = parse(c -> c.put("mangaki:database", map("placement", "managed", "size", "db-s-1vcpu-2gb",
                "nodes", 2, "version", 16, "redis", true)));
        assertEquals(new Database("managed", "db-s-1vcpu-2gb", 2, "16", true), s.database());
    }

    @Test
    void readsSeveralAppDropletsAStandbyAndAPool() {
        StackSettings count = parse(c -> {
            c.put("mangaki:database", map("placement", "managed", "redis", true));
            app(c).put("count", 3);
            app(c).put("standby", true);
        });
        assertEquals(new AppLayout(3, Optional.empty(), true), count.app().orElseThrow().layout());
        StackSettings pool = parse(c -> {
            c.put("mangaki:database", map("placement", "managed", "redis", true));
            app(c).put("autoscale", map("min", 2, "max", 5, "cpuPercent", 70));
        });
        assertEquals(new AppLayout(1, Optional.of(new AppLayout.Autoscale(2, 5, 70)), false),
                pool.app().orElseThrow().layout());
    }

    @Test
    void rejectsSeveralAppDropletsOnALocalDatabaseNamingBothKeys() {
        assertEquals(List.of("mangaki:app.count: 2 needs a database every app droplet shares, and database is local"
                        + " (PostgreSQL on one droplet): set database to managed first, and move the data (docs/growth.md)"),
                problems(c -> app(c).put("count", 2)));
    }

    @Test
    void rejectsAPoolOnALocalDatabase() {
        assertEquals(List.of("mangaki:app.autoscale: {min=1, max=3, cpuPercent=60} needs a database every member of the"
                        + " pool shares, and database is local (PostgreSQL on one droplet): set database to managed first,"
                        + " and move the data (docs/growth.md)"),
                problems(c -> app(c).put("autoscale", map("min", 1, "max", 3, "cpuPercent", 60))));
    }

    @Test
    void rejectsEveryInvalidCombinationAtOnce() {
        List<String> problems = problems(c -> {
            c.put("mangaki:database", map("placement", "managed", "nodes", 2));
            app(c).put("count", 2);
            app(c).put("standby", true);
            app(c).put("autoscale", map("min", 4, "max", 2, "cpuPercent", 99));
        });
        assertEquals(List.of(
                "mangaki:app.autoscale.cpuPercent: 99 is not between 10 and 95",
                "mangaki:app.count: 2 is not allowed with app.autoscale: the pool adds the droplets (keep count 1)",
                "mangaki:app.autoscale.min: 4 is above app.autoscale.max",
                "mangaki:app.standby: true cannot be used with app.autoscale: the pool replaces a lost member by itself",
                "mangaki:database.nodes: 2 needs a size above db-s-1vcpu-1gb (DigitalOcean's smallest size takes no"
                        + " standby node)",
                "mangaki:environment.redis: true needs a Redis every app droplet shares, and the platform has several"
                        + " app droplets: set database.redis to true on the platform (a managed Valkey cluster;"
                        + " docs/growth.md)").stream().sorted().toList(), problems.stream().sorted().toList());
    }

    @Test
    void rejectsARedisOnEachAppDroplet() {
        assertEquals(List.of("mangaki:environment.redis: true needs a Redis every app droplet shares, and the platform"
                        + " has several app droplets: set database.redis to true on the platform (a managed Valkey cluster;"
                        + " docs/growth.md)"),
                problems(c -> {
                    c.put("mangaki:database", "managed");
                    app(c).put("count", 2);
                }));
    }

    @Test
    void rejectsClusterSettingsOnALocalDatabase() {
        assertEquals(List.of("mangaki:database.placement: \"local\" is local: size, nodes, version and redis are"
                        + " settings of a managed cluster (set placement: managed)"),
                problems(c -> c.put("mangaki:database", map("placement", "local", "redis", true))));
    }

    @Test
    void rejectsUnknownValuesNamingTheKey() {
        List<String> problems = problems(c -> {
            c.put("mangaki:database", map("placement", "shared", "size", "db-s-tiny", "version", "13"));
            app(c).put("count", 0);
        });
        assertEquals(List.of(
                "mangaki:app.count: 0 is not between 1 and 10",
                "mangaki:database.placement: \"shared\" is not one of local, managed",
                "mangaki:database.size: \"db-s-tiny\" is not one of db-s-1vcpu-1gb, db-s-1vcpu-2gb, db-s-2vcpu-4gb,"
                        + " db-s-4vcpu-8gb",
                "mangaki:database.version: \"13\" is not one of 14, 15, 16, 17"), problems.stream().sorted().toList());
    }

    @Test
    void rejectsTheDatabaseOnAGuest() {
        Map<String, Object> guest = deepCopy(StackFile.readConfig(StackFile.of(PROJECT, "staging")));
        guest.put("mangaki:database", "managed");
        List<String> problems = assertThrows(ConfigException.class, () -> StackSettings.parse("staging", guest)).problems();
        assertTrue(problems.contains("mangaki:database: is not allowed on a guest stack (the platform stack declares the "
                + "droplets); remove it or set mangaki:hosting to platform"), problems.toString());
    }

    private static StackSettings parse(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = deepCopy(StackFile.readConfig(StackFile.of(PROJECT, "production")));
        change.accept(c);
        return StackSettings.parse("production", c);
    }

    private static List<String> problems(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = deepCopy(StackFile.readConfig(StackFile.of(PROJECT, "production")));
        change.accept(c);
        return assertThrows(ConfigException.class, () -> StackSettings.parse("production", c)).problems();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> app(Map<String, Object> c) {
        return (Map<String, Object>) c.get("mangaki:app");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> mm ? deepCopy((Map<String, Object>) mm)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return out;
    }
}
