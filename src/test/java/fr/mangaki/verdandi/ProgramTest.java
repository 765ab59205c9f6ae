package fr.mangaki.verdandi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.component.internal.Ssh;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.config.PublicKey;
import fr.mangaki.verdandi.stack.StackFile;
import fr.mangaki.verdandi.stack.StackSettings;
import fr.mangaki.verdandi.host.HostCommands;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.resource.internal.RecordingMocks;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production program under Pulumi's mock engine: the resource graph it declares. */
class ProgramTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private final RecordingMocks recorder = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** Fixed test credentials: what the program must pass on as secrets. */
    static final class TestAccess implements HostAccess {
        @Override
        public Output<String> sshPrivateKey() {
            return Output.ofSecret("test-ssh-key");
        }

        @Override
        public Output<String> environmentFile(String environment) {
            return Output.ofSecret("SECRET_KEY=test-" + environment + "\n");
        }

        @Override
        public String environmentFileVersion(String environment) {
            return "v-" + environment;
        }

        @Override
        public Output<String> settingsFile(String environment, String file) {
            return Output.ofSecret("[secrets]\nSECRET_FILE = ${VERDANDI_ENV_FILE}\n");
        }

        @Override
        public String settingsFileVersion(String environment, String file) {
            return "v-" + environment + "-" + file;
        }

        @Override
        public String backupRecipients() {
            return RECIPIENTS;
        }

        @Override
        public Output<String> poolDiscoveryToken() {
            return Output.ofSecret("test-pool-token");
        }
    }

    /** What {@link TestAccess} gives as the recipients' public keys. */
    static final String RECIPIENTS = "-----BEGIN PGP PUBLIC KEY BLOCK-----\ntest\n-----END PGP PUBLIC KEY BLOCK-----\n";

    private TestResult run(String stack) {
        StackSettings settings = StackFile.load(StackFile.of(PROJECT, stack));
        return recorder.run(StackSettings.PROJECT, stack, ctx -> Program.declare(ctx, settings, new TestAccess()));
    }

    /** The connection of every remote command: the droplet's address, the admin user, the key, patient dialing. */
    private static Map<String, Object> connection(String host) {
        return Map.of("host", host, "user", "verdandi", "privateKey", "test-ssh-key",
                "dialErrorLimit", (double) Ssh.DIAL_ERROR_LIMIT, "perDialTimeout", (double) Ssh.PER_DIAL_TIMEOUT_SECONDS);
    }

    @Test
    void productionKeepsTheHostFilesAndTheKeysOfBothDropletsCurrentOverSsh() {
        TestResult result = run("production");
        StackSettings settings = StackFile.load(StackFile.of(PROJECT, "production"));
        for (HostRole role : HostRole.values()) {
            String host = role.name().toLowerCase(java.util.Locale.ROOT);
            Mocks.ResourceArgs files = recorder.named("mangaki-" + host + "-files");
            assertEquals(HostFiles.installScript(role, "verdandi", settings.sshKeys()), files.inputs.get("stdin"));
            assertEquals(HostCommands.INSTALL_HOST_FILES, files.inputs.get("create"));
            assertEquals(HostCommands.WAIT_FOR_CLOUD_INIT + "; sudo -n bash -s -- \"${SSH_USER_AUTH:-}\"",
                    files.inputs.get("create"));
            assertEquals(files.inputs.get("create"), files.inputs.get("update"));
            String ip = (String) PulumiTest.extractValue(result.output(host + "Ipv4"));
            assertEquals(connection(ip), files.inputs.get("connection"));
            assertFalse(files.inputs.containsKey("triggers"));
        }
    }

    @Test
    void namesEachKeyByItsFingerprintAndKeepsTheDropletsKeysAtCreation() {
        Map<String, Object> config = new java.util.LinkedHashMap<>(StackFile.readConfig(StackFile.of(PROJECT, "production")));
        String second = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@mangaki.fr";
        @SuppressWarnings("unchecked")
        List<String> keys = new java.util.ArrayList<>((List<String>) config.get("mangaki:sshKeys"));
        keys.add(0, second);
        config.put("mangaki:sshKeys", keys);
        StackSettings settings = StackSettings.parse("production", config);
        recorder.run(StackSettings.PROJECT, "production", ctx -> Program.declare(ctx, settings, new TestAccess()));
        List<String> names = recorder.ofType("digitalocean:index/sshKey:SshKey").stream().map(r -> r.name).sorted().toList();
        assertEquals(keys.stream().map(k -> "mangaki-key-" + PublicKey.parse(k).orElseThrow().fingerprint().replace(":", ""))
                .sorted().toList(), names);
        assertEquals(second, recorder.named(names.stream().filter(n -> n.endsWith(
                PublicKey.parse(second).orElseThrow().fingerprint().replace(":", ""))).findFirst().orElseThrow())
                .inputs.get("publicKey"));
    }

    @Test
    void productionInstallsItsEnvironmentOnBothHostsOverSsh() {
        TestResult result = run("production");
        Mocks.ResourceArgs app = recorder.named("production-app-install");
        assertEquals("command:remote:Command", app.type);
        HostCommands commands = HostCommands.standard();
        StackSettings settings = StackFile.load(StackFile.of(PROJECT, "production"));
        String advice = "run pulumi up of this stack again (its host-files command did not complete)";
        assertEquals(commands.installEnvironment(settings.environment(), advice,
                "v-production settings.ini=v-production-settings.ini"), app.inputs.get("create"));
        assertEquals(app.inputs.get("create"), app.inputs.get("update"));
        assertTrue(((String) app.inputs.get("create")).contains(HostFiles.digest(HostRole.APP)),
                "the command carries the host files' version it needs");
        assertTrue(((String) app.inputs.get("create")).endsWith(" # env file v-production settings.ini=v-production-settings.ini"),
                "the command carries the versions of the env file and the settings files");
        assertEquals(commands.removeEnvironment("production"), app.inputs.get("delete"));
        assertEquals(HostCommands.installInput("SECRET_KEY=test-production\n",
                Map.of("settings.ini", "[secrets]\nSECRET_FILE = ${VERDANDI_ENV_FILE}\n")), app.inputs.get("stdin"));
        assertTrue(app.inputs.get("create").toString().contains(" --settings-file MANGAKI_SETTINGS_PATH=settings.ini"),
                "settings.ini goes with the env file, its variable on the command line");
        assertFalse(app.inputs.containsKey("triggers"), "triggers would replace the command, and run env-remove");
        String appIp = (String) PulumiTest.extractValue(result.output("appIpv4"));
        assertEquals(connection(appIp), app.inputs.get("connection"));

        Mocks.ResourceArgs front = recorder.named("production-front-site");
        String privateIp = (String) PulumiTest.extractValue(result.output("appPrivateIpv4"));
        assertEquals(commands.installSite(settings.environment(), privateIp, settings.acme().orElseThrow(), advice,
                "v-production"),
                front.inputs.get("create"));
        assertTrue(((String) front.inputs.get("create")).contains(HostFiles.digest(HostRole.FRONT)));
        assertEquals(commands.removeSite("production"), front.inputs.get("delete"));
        assertFalse(front.inputs.containsKey("triggers"));
        // of the env file, the front gets only the Slack webhook and the push webhook's secret: none here
        assertEquals("", front.inputs.get("stdin"), "the front gets no secret of the application");
    }

    @Test
    void productionDumpsItsDatabaseNightlyAndCopiesTheDumpsToTheFront() throws Exception {
        TestResult result = run("production");
        HostCommands commands = HostCommands.standard();
        DatabaseBackups backups = DatabaseBackups.defaultsFor("production");
        Mocks.ResourceArgs app = recorder.named("production-app-backups");
        String frontPrivateIp = (String) PulumiTest.extractValue(result.output("frontPrivateIpv4"));
        assertTrue(frontPrivateIp.startsWith("10.110.0."), frontPrivateIp);
        String advice = "run pulumi up of this stack again (its host-files command did not complete)";
        assertEquals(commands.installBackups("production", backups, frontPrivateIp, advice), app.inputs.get("create"));
        assertEquals(app.inputs.get("create"), app.inputs.get("update"));
        assertEquals(commands.removeBackups("production", backups), app.inputs.get("delete"));
        assertEquals("sudo -n /usr/local/lib/verdandi/backup-remove production # backups: nightly at 03:00 UTC, kept 14 "
                + "days", app.inputs.get("delete"), "the one command line a plan knows says what the backups are");
        assertTrue(((String) app.inputs.get("create")).contains(HostFiles.digest(HostRole.APP)));
        assertEquals(RECIPIENTS, app.inputs.get("stdin"),
                "the recipients' public keys go to backup-install: a change of them installs the backups again");
        assertFalse(app.inputs.containsKey("triggers"), "triggers would replace the command, and run backup-remove");
        assertEquals(connection((String) PulumiTest.extractValue(result.output("appIpv4"))), app.inputs.get("connection"));
        Mocks.ResourceArgs front = recorder.named("production-front-dumps");
        assertEquals(commands.installDumps("production", 14, advice), front.inputs.get("create"));
        assertFalse(front.inputs.containsKey("triggers"));
        assertEquals(commands.removeDumps("production"), front.inputs.get("delete"));
        assertEquals(PulumiTest.extractValue(result.output("frontIpv4")),
                ((Map<?, ?>) front.inputs.get("connection")).get("host"));
    }

    @Test
    void productionDeclaresTwoDropletsInTheVpcWithMonitoring() {
        run("production");
        List<Mocks.ResourceArgs> droplets = recorder.ofType("digitalocean:index/droplet:Droplet");
        assertEquals(List.of("mangaki-app", "mangaki-front"), droplets.stream().map(d -> d.name).sorted().toList());
        for (Mocks.ResourceArgs d : droplets) {
            assertEquals("s-1vcpu-1gb", d.inputs.get("size"));
            assertEquals("ams3", d.inputs.get("region"));
            assertEquals(true, d.inputs.get("monitoring"));
            assertEquals("debian-12-x64", d.inputs.get("image"));
            assertTrue(String.valueOf(d.inputs.get("userData")).startsWith("#cloud-config"));
            assertTrue(d.inputs.containsKey("vpcUuid"), "droplet " + d.name + " is in the VPC");
        }
    }

    @Test
    void productionBacksTheAppDropletUpWeekly() {
        run("production");
        Mocks.ResourceArgs app = recorder.named("mangaki-app");
        assertEquals(true, app.inputs.get("backups"));
        assertEquals(Map.of("plan", "weekly", "weekday", "SUN", "hour", 4.0), app.inputs.get("backupPolicy"));
        Mocks.ResourceArgs front = recorder.named("mangaki-front");
        assertFalse(front.inputs.containsKey("backups"), "the front is rebuilt from code, not backed up");
    }

    @Test
    void productionFirewallsOpenWebToAllSshToAdminsAndAppPortsToTheFrontOnly() {
        run("production");
        List<Map<String, Object>> front = rules(recorder.named("mangaki-front-firewall"));
        assertEquals(List.of(
                Map.of("protocol", "tcp", "portRange", "80", "sourceAddresses", List.of("0.0.0.0/0", "::/0")),
                Map.of("protocol", "tcp", "portRange", "443", "sourceAddresses", List.of("0.0.0.0/0", "::/0")),
                Map.of("protocol", "tcp", "portRange", "22", "sourceAddresses", List.of("0.0.0.0/0", "::/0")),
                Map.of("protocol", "tcp", "portRange", "22", "sourceDropletIds", List.of(Double.valueOf(idOf("mangaki-app"))))),
                front, "the app's backups reach the front's dump receiver over SSH");
        List<Map<String, Object>> app = rules(recorder.named("mangaki-app-firewall"));
        assertEquals(List.of(Map.of("protocol", "tcp", "portRange", "22",
                "sourceAddresses", List.of("0.0.0.0/0", "::/0"))), app);

        Mocks.ResourceArgs envFirewall = recorder.named("production-firewall");
        String frontId = idOf("mangaki-front");
        String appId = idOf("mangaki-app");
        assertEquals(List.of(Double.valueOf(appId)), envFirewall.inputs.get("dropletIds"));
        assertEquals(List.of(Map.of("protocol", "tcp", "portRange", "8000",
                "sourceDropletIds", List.of(Double.valueOf(frontId)))), rules(envFirewall));
    }

    @Test
    void productionPointsItsDomainsAtTheFront() {
        TestResult result = run("production");
        List<Mocks.ResourceArgs> records = recorder.ofType("digitalocean:index/dnsRecord:DnsRecord").stream()
                .sorted(java.util.Comparator.comparing(r -> r.name)).toList();
        assertEquals(List.of("production-dns-mangaki-fr", "production-dns-www-mangaki-fr"),
                records.stream().map(r -> r.name).toList());
        String frontIp = (String) PulumiTest.extractValue(result.output("frontIpv4"));
        assertEquals(List.of("@", "www"), records.stream().map(r -> r.inputs.get("name")).toList());
        for (Mocks.ResourceArgs r : records) {
            assertEquals("A", r.inputs.get("type"));
            assertEquals("mangaki.fr", r.inputs.get("domain"));
            assertEquals(frontIp, r.inputs.get("value"));
        }
        assertEquals("mangaki.fr", recorder.named("mangaki-zone").inputs.get("name"));
    }

    @Test
    void productionAlertsOnCpuMemoryDiskAndDowntime() {
        run("production");
        List<Mocks.ResourceArgs> alerts = List.of(recorder.named("mangaki-cpu-alert"),
                recorder.named("mangaki-memory-alert"), recorder.named("mangaki-disk-alert"));
        assertEquals(List.of("v1/insights/droplet/cpu", "v1/insights/droplet/memory_utilization_percent",
                "v1/insights/droplet/disk_utilization_percent"), alerts.stream().map(a -> a.inputs.get("type")).toList());
        assertEquals(List.of(80.0, 90.0, 85.0), alerts.stream().map(a -> a.inputs.get("value")).toList());
        for (Mocks.ResourceArgs a : alerts) {
            assertEquals(List.of(idOf("mangaki-front"), idOf("mangaki-app")), a.inputs.get("entities"));
            assertEquals(Map.of("emails", List.of("ops@mangaki.fr")), a.inputs.get("alerts"));
        }
        assertEquals("https://mangaki.fr", recorder.named("production-uptime").inputs.get("target"));
        assertEquals(idOf("production-uptime"), recorder.named("production-uptime-alert").inputs.get("checkId"));
    }

    @Test
    void childrenAreNamedAfterTheirComponentAndParentedToIt() {
        TestResult result = run("production");
        Map<String, Resource> byName = new HashMap<>();
        result.resources().forEach(r -> byName.put(r.pulumiResourceName(), r));
        Resource platform = byName.get("mangaki");
        Resource environment = byName.get("production");
        assertEquals("verdandi:platform:Platform", platform.pulumiResourceType());
        assertEquals("verdandi:environment:Environment", environment.pulumiResourceType());
        List<String> platformChildren = platform.pulumiChildResources().stream()
                .map(Resource::pulumiResourceName).sorted().toList();
        String key = "mangaki-key-" + PublicKey.parse(StackFile.load(StackFile.of(PROJECT, "production")).sshKeys().get(0))
                .orElseThrow().fingerprint().replace(":", "");
        assertEquals(List.of("mangaki-app", "mangaki-app-files", "mangaki-app-firewall", "mangaki-cpu-alert",
                "mangaki-disk-alert", "mangaki-front", "mangaki-front-files", "mangaki-front-firewall", key,
                "mangaki-memory-alert", "mangaki-vpc", "mangaki-zone"), platformChildren);
        List<String> environmentChildren = environment.pulumiChildResources().stream()
                .map(Resource::pulumiResourceName).sorted().toList();
        assertEquals(List.of("production-app-backups", "production-app-install", "production-dns-mangaki-fr",
                "production-dns-www-mangaki-fr", "production-firewall", "production-front-dumps", "production-front-site",
                "production-uptime", "production-uptime-alert"), environmentChildren);
    }

    @Test
    void productionExportsWhatAGuestReads() {
        TestResult result = run("production");
        assertEquals(Map.of("production", Map.of("port", 8000, "domains", List.of("mangaki.fr", "www.mangaki.fr"))),
                PulumiTest.extractValue(result.output("environments")));
        assertEquals("mangaki.fr", PulumiTest.extractValue(result.output("zone")));
        assertTrue(String.valueOf(PulumiTest.extractValue(result.output("appPrivateIpv4"))).startsWith("10.110.0."));
        assertEquals("verdandi", PulumiTest.extractValue(result.output("adminUser")));
        assertEquals(Map.of("directory", Acme.LETS_ENCRYPT), PulumiTest.extractValue(result.output("acme")));
    }

    @Test
    void stagingGetsItsCertificatesFromThePlatformsAcmeServer() {
        Map<String, Object> config = new HashMap<>(StackFile.readConfig(StackFile.of(PROJECT, "production")));
        config.put("mangaki:acme", Map.of("directory", "https://10.110.0.1:14000/dir", "email", "ops@mangaki.fr"));
        StackSettings production = StackSettings.parse("production", config);
        TestResult platform = recorder.run(StackSettings.PROJECT, "production",
                ctx -> Program.declare(ctx, production, new TestAccess()));
        Acme acme = new Acme("https://10.110.0.1:14000/dir", Optional.of("ops@mangaki.fr"));
        String appPrivateIp = (String) PulumiTest.extractValue(platform.output("appPrivateIpv4"));
        HostCommands commands = HostCommands.standard();
        assertEquals(commands.installSite(production.environment(), appPrivateIp, acme,
                        "run pulumi up of this stack again (its host-files command did not complete)", "v-production"),
                recorder.named("production-front-site").inputs.get("create"));

        StackSettings staging = StackFile.load(StackFile.of(PROJECT, "staging"));
        RecordingMocks guest = new RecordingMocks(Map.of(),
                Map.of("mangaki/mangaki/production", RecordingMocks.stackOutputs(platform)));
        guest.run(StackSettings.PROJECT, "staging", ctx -> Program.declare(ctx, staging, new TestAccess()));
        RecordingMocks.RemoteCommandInputs site = guest.remoteCommand("staging-front-site");
        assertEquals(commands.installSite(staging.environment(), appPrivateIp, acme,
                "run pulumi up -s production first", "v-staging"), site.create());
        assertTrue(site.create().contains("--acme-directory https://10.110.0.1:14000/dir --acme-email ops@mangaki.fr"),
                site.create());
    }

    private String idOf(String name) {
        return recorder.id(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(Mocks.ResourceArgs firewall) {
        return (List<Map<String, Object>>) firewall.inputs.get("inboundRules");
    }
}
