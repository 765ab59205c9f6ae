package fr.mangaki.verdandi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.test.PulumiTest;
import fr.mangaki.verdandi.component.Environment;
import fr.mangaki.verdandi.component.Platform;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.plan.OfflinePlanner;
import fr.mangaki.verdandi.plan.Plan;
import fr.mangaki.verdandi.plan.PlanJson;
import fr.mangaki.verdandi.plan.PlanText;
import fr.mangaki.verdandi.resource.internal.RecordingMocks;
import fr.mangaki.verdandi.stack.StackFile;
import fr.mangaki.verdandi.stack.StackSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production program grown (docs/growth.md): several app droplets, a standby, a pool, managed clusters. */
class GrowthProgramTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String CLUSTER = "digitalocean:index/databaseCluster:DatabaseCluster";

    private final RecordingMocks recorder = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static StackSettings settings(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = new LinkedHashMap<>(StackFile.readConfig(StackFile.of(PROJECT, "production")));
        @SuppressWarnings("unchecked")
        Map<String, Object> app = new LinkedHashMap<>((Map<String, Object>) c.get("mangaki:app"));
        c.put("mangaki:app", app);
        change.accept(c);
        return StackSettings.parse("production", c);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> app(Map<String, Object> c) {
        return (Map<String, Object>) c.get("mangaki:app");
    }

    /** Declares the stack as {@link Program} does, keeping the environment for the test. */
    private Environment declare(StackSettings settings) {
        AtomicReference<Environment> env = new AtomicReference<>();
        ProgramTest.TestAccess access = new ProgramTest.TestAccess();
        recorder.run(StackSettings.PROJECT, "production", ctx -> {
            Platform platform = new Platform(Program.PLATFORM_NAME, settings.platformArgs().access(access).build());
            env.set(new Environment(settings.environmentArgs().platform(platform).access(access).build()));
        });
        return env.get();
    }

    @Test
    void installsEveryEnvironmentOnEveryAppDropletAndListsThemAtTheFront() {
        declare(settings(c -> {
            c.put("mangaki:database", Map.of("placement", "managed", "redis", true));
            app(c).put("count", 2);
            app(c).put("standby", true);
        }));
        for (String role : List.of("app", "app-2", "app-standby")) {
            RecordingMocks.RemoteCommandInputs install = recorder.remoteCommand("production-" + role + "-install");
            assertEquals(RecordingMocks.ipv4Address("mangaki-" + role), install.host());
            assertTrue(install.create().contains(" --managed-database # env file "), install.create());
        }
        // the nightly dump of the shared database runs from the first droplet; every droplet can
        // dump it before its deploy migrates it (backups without the nightly dump)
        assertTrue(recorder.remoteCommand("production-app-backups").create().contains("backup-install production --nightly on"));
        for (String role : List.of("app-2", "app-standby")) {
            RecordingMocks.RemoteCommandInputs backups = recorder.remoteCommand("production-" + role + "-backups");
            assertEquals(RecordingMocks.ipv4Address("mangaki-" + role), backups.host());
            assertTrue(backups.create().endsWith("/backup-install production --nightly off >/dev/null"), backups.create());
            assertTrue(backups.delete().contains("/backup-remove production"), backups.delete());
            assertTrue(backups.stdin().contains("BEGIN PGP PUBLIC KEY BLOCK"), "the recipients' keys: " + backups.stdin());
        }
        // only the primary is backed up and protected: the data is the cluster's
        assertEquals(Boolean.TRUE, recorder.named("mangaki-app").inputs.get("backups"));
        assertFalse(recorder.named("mangaki-app-2").inputs.containsKey("backups"));
        String site = recorder.remoteCommand("production-front-site").create();
        String expected = "--upstream 10.110.0.%s:8000 --upstream 10.110.0.%s:8000 --backup 10.110.0.%s:8000 --domain";
        assertTrue(site.contains(String.format(expected, number("mangaki-app"), number("mangaki-app-2"),
                number("mangaki-app-standby"))), site);
        // the clusters' firewalls admit the three app droplets, by id
        for (String firewall : List.of("mangaki-db-firewall", "mangaki-redis-firewall")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rules = (List<Map<String, Object>>) recorder.named(firewall).inputs.get("rules");
            assertEquals(List.of("mangaki-app", "mangaki-app-2", "mangaki-app-standby").stream()
                    .map(d -> Map.<String, Object>of("type", "droplet", "value", RecordingMocks.dropletId(d))).toList(), rules);
        }
        assertEquals("pg", recorder.named("mangaki-db").inputs.get("engine"));
        assertEquals("valkey", recorder.named("mangaki-redis").inputs.get("engine"));
        assertEquals(2, recorder.ofType(CLUSTER).size());
        assertEquals("mangaki-production", recorder.named("production-db").inputs.get("name"));
        assertEquals("mangaki-production", recorder.named("production-db-user").inputs.get("name"));
    }

    private static String number(String droplet) {
        return String.valueOf(Integer.parseInt(RecordingMocks.dropletId(droplet)) - 400000);
    }

    @Test
    void deliversTheConnectionStringsAsASecretInTheInstallBundle() throws Exception {
        Environment env = declare(settings(c -> c.put("mangaki:database", Map.of("placement", "managed", "redis", true))));
        Output<String> database = env.databaseEnvironment().orElseThrow();
        assertTrue(Internal.of(database).isSecret().join(), "database.env must be a secret");
        String text = (String) PulumiTest.extractValue(database);
        assertEquals("DATABASE_URL=postgresql://mangaki-production:user-password-of-production-db-user@"
                + "private-mangaki-db.db.ondigitalocean.com:25060/mangaki-production?sslmode=require\n"
                + "REDIS_URL=rediss://doadmin:cluster-password-of-mangaki-redis@private-mangaki-redis.db.ondigitalocean.com:"
                + "25060/0\n", text);
        String stdin = recorder.remoteCommand("production-app-install").stdin();
        assertTrue(stdin.contains(" database.env\n" + text), "the bundle carries database.env");
    }

    @Test
    void neverShowsTheConnectionStringInThePlan() {
        StackSettings settings = settings(c -> {
            c.put("mangaki:database", Map.of("placement", "managed", "redis", true));
            app(c).put("count", 2);
        });
        Plan plan = new OfflinePlanner(StackSettings.PROJECT).plan("production",
                ctx -> Program.declare(ctx, settings, new ProgramTest.TestAccess()), Map.of());
        for (String shown : List.of(PlanText.render(plan), PlanJson.write(plan))) {
            for (String leak : List.of("postgresql://mangaki-production", "rediss://", "password-of")) {
                assertFalse(shown.contains(leak), leak + " in the plan");
            }
        }
        // the user's password is DigitalOcean's, known after apply: the bundle too (and a secret then,
        // deliversTheConnectionStringsAsASecretInTheInstallBundle)
        assertEquals("(known after apply)", plan.named("production-app-install").orElseThrow().inputs().get("stdin"));
        assertEquals("(known after apply)", plan.named("production-app-2-install").orElseThrow().inputs().get("stdin"));
    }

    @Test
    void aPoolAddsTaggedMembersThatTheFirewallsAdmit() {
        declare(settings(c -> {
            c.put("mangaki:database", Map.of("placement", "managed", "redis", true));
            app(c).put("autoscale", Map.of("min", 2, "max", 4, "cpuPercent", 70));
        }));
        Map<String, Object> pool = recorder.named("mangaki-app-pool").inputs;
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) pool.get("config");
        assertEquals(Map.of("minInstances", 2.0, "maxInstances", 4.0, "targetCpuUtilization", 0.7, "cooldownMinutes", 5.0),
                config);
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) pool.get("dropletTemplate");
        assertEquals(List.of("mangaki", "mangaki-app", "mangaki-app-pool"), template.get("tags"));
            String memberUserData = (String) template.get("userData");
        // the app's system settings, pool-join and its settings: mangaki-app's private address and the tag
        Map<String, String> files = writtenFiles(memberUserData);
        String settings = files.get(HostFiles.POOL_JOIN_SETTINGS);
        String appPrivate = settings.lines().filter(l -> l.startsWith("APP=")).findFirst().orElseThrow().substring(4);
        assertEquals(Platform.poolUserData(settings(c -> {
            c.put("mangaki:database", Map.of("placement", "managed", "redis", true));
            app(c).put("autoscale", Map.of("min", 2, "max", 4, "cpuPercent", 70));
        }).platformArgs().access(new ProgramTest.TestAccess()).build(), appPrivate, "mangaki-app-pool"), memberUserData);
        assertTrue(appPrivate.startsWith("10.110.0."), appPrivate);
        assertEquals(HostFiles.poolJoinSettings(appPrivate, "mangaki-app-pool"), settings);
        assertEquals(List.of("/etc/ssh/sshd_config.d/50-verdandi.conf", "/etc/apt/apt.conf.d/52verdandi-periodic",
                "/etc/systemd/journald.conf.d/50-verdandi.conf", "/etc/sysctl.d/90-verdandi.conf",
                "/usr/local/lib/verdandi/lib.sh", "/usr/local/lib/verdandi/pool-join",
                "/etc/systemd/system/verdandi-pool-join.service", HostFiles.POOL_JOIN_SETTINGS), List.copyOf(files.keySet()),
                "the system settings and pool-join; the scripts come from mangaki-app");
        // no secret in the members' user data: neither the token nor the environment's files
        for (String secret : List.of("test-pool-token", "SECRET_KEY=test-", "test-ssh-key", "SECRET_FILE")) {
            assertFalse(memberUserData.contains(secret), secret);
            files.forEach((path, text) -> assertFalse(text.contains(secret), path + " carries " + secret));
        }
        assertEquals(List.of("mangaki-app-pool"), recorder.named("production-firewall").inputs.get("tags"));
        RecordingMocks.RemoteCommandInputs join = recorder.remoteCommand("mangaki-app-join");
        assertEquals(RecordingMocks.ipv4Address("mangaki-app"), join.host());
        assertEquals("test-pool-token\n", join.stdin());
        assertTrue(join.create().endsWith("sudo -n /usr/local/lib/verdandi/join-install --pool mangaki-app-pool"), join.create());
        assertEquals("sudo -n /usr/local/lib/verdandi/join-install --remove", join.delete());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> appInbound = (List<Map<String, Object>>) recorder.named("mangaki-app-firewall")
                .inputs.get("inboundRules");
        assertTrue(appInbound.contains(Map.of("protocol", "tcp", "portRange", "22", "sourceTags", List.of("mangaki-app-pool"))),
                appInbound.toString());
        assertTrue(recorder.remoteCommand("production-front-site").create().contains(" --pool mangaki-app-pool "));
        RecordingMocks.RemoteCommandInputs discovery = recorder.remoteCommand("mangaki-front-pool");
        assertEquals(RecordingMocks.ipv4Address("mangaki-front"), discovery.host());
        assertEquals("test-pool-token\n", discovery.stdin());
        assertTrue(discovery.create().endsWith("sudo -n /usr/local/lib/verdandi/pool-install"), discovery.create());
        assertEquals("sudo -n /usr/local/lib/verdandi/pool-install --remove", discovery.delete());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) recorder.named("mangaki-db-firewall").inputs.get("rules");
        assertTrue(rules.contains(Map.of("type", "tag", "value", "mangaki-app-pool")), rules.toString());
    }

    /** The files a user data writes, path to text (decoded). */
    private static Map<String, String> writtenFiles(String userData) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        fr.mangaki.verdandi.cloudinit.CloudInit.files(userData).forEach(f -> out.put(f.path(), f.content()));
        return out;
    }

    @Test
    void aStandbyOnALocalDatabaseMayReachThePrimarysPostgresql() {
        declare(settings(c -> app(c).put("standby", true)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inbound = (List<Map<String, Object>>) recorder.named("mangaki-app-firewall")
                .inputs.get("inboundRules");
        assertTrue(inbound.contains(Map.of("protocol", "tcp", "portRange", "5432",
                "sourceDropletIds", List.of(Double.valueOf(RecordingMocks.dropletId("mangaki-app-standby"))))),
                inbound.toString());
        assertTrue(recorder.ofType(CLUSTER).isEmpty());
    }

    @Test
    void rejectsAGuestOnAPlatformOfSeveralAppDroplets() {
        StackSettings staging = StackFile.load(StackFile.of(PROJECT, "staging"));
        Map<String, Object> outputs = new LinkedHashMap<>(Map.of("zone", "mangaki.fr", "frontIpv4", "203.0.113.1",
                "frontDropletId", 400001, "frontPrivateIpv4", "10.110.0.2", "appIpv4", "203.0.113.2",
                "appPrivateIpv4", "10.110.0.3", "appDropletId", 400002, "adminUser", "verdandi", "appHostCount", 2));
        outputs.put("environments", Map.of("production", Map.of("port", 8000, "domains", List.of("mangaki.fr"))));
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> recorder.run(
                StackSettings.PROJECT, "staging", ctx -> Program.declare(ctx, staging, new ProgramTest.TestAccess(),
                        name -> fr.mangaki.verdandi.component.PlatformReference.of(name,
                                (stack, key) -> Output.of(outputs.get(key))))));
        assertTrue(e.getMessage().contains("mangaki:hosting: the platform of stack mangaki/mangaki/production has 2 app "
                + "droplets (mangaki:app.count, standby or autoscale there): a guest environment installs on one only"),
                e.getMessage());
    }

    @Test
    void theManagedClusterIsProtectedLikeTheAppDroplet() {
        Plan plan = new OfflinePlanner(StackSettings.PROJECT).plan("production",
                ctx -> Program.declare(ctx, settings(c -> c.put("mangaki:database", "managed")),
                        new ProgramTest.TestAccess()), Map.of());
        assertTrue(plan.named("mangaki-db").orElseThrow().options().protect());
        assertTrue(plan.named("mangaki-app").orElseThrow().options().protect());
        Plan unprotected = new OfflinePlanner(StackSettings.PROJECT).plan("production",
                ctx -> Program.declare(ctx, settings(c -> {
                    c.put("mangaki:database", "managed");
                    c.put("mangaki:unprotect", new ArrayList<>(List.of("database")));
                }), new ProgramTest.TestAccess()), Map.of());
        assertFalse(unprotected.named("mangaki-db").orElseThrow().options().protect());
    }
}
