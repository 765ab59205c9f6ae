package fr.mangaki.verdandi.resource;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestResult;
import fr.mangaki.verdandi.resource.command.CommandPackage;
import fr.mangaki.verdandi.resource.command.ConnectionArgs;
import fr.mangaki.verdandi.resource.command.RemoteCommand;
import fr.mangaki.verdandi.resource.command.RemoteCommandArgs;
import fr.mangaki.verdandi.resource.digitalocean.DigitalOceanPackage;
import fr.mangaki.verdandi.resource.digitalocean.DnsRecord;
import fr.mangaki.verdandi.resource.digitalocean.DnsRecordArgs;
import fr.mangaki.verdandi.resource.digitalocean.Domain;
import fr.mangaki.verdandi.resource.digitalocean.DomainArgs;
import fr.mangaki.verdandi.resource.digitalocean.Droplet;
import fr.mangaki.verdandi.resource.digitalocean.DropletArgs;
import fr.mangaki.verdandi.resource.digitalocean.DropletBackupPolicyArgs;
import fr.mangaki.verdandi.resource.digitalocean.Firewall;
import fr.mangaki.verdandi.resource.digitalocean.FirewallArgs;
import fr.mangaki.verdandi.resource.digitalocean.FirewallInboundRuleArgs;
import fr.mangaki.verdandi.resource.digitalocean.FirewallOutboundRuleArgs;
import fr.mangaki.verdandi.resource.digitalocean.MonitorAlert;
import fr.mangaki.verdandi.resource.digitalocean.MonitorAlertAlertsArgs;
import fr.mangaki.verdandi.resource.digitalocean.MonitorAlertArgs;
import fr.mangaki.verdandi.resource.digitalocean.SshKey;
import fr.mangaki.verdandi.resource.digitalocean.SshKeyArgs;
import fr.mangaki.verdandi.resource.digitalocean.UptimeAlert;
import fr.mangaki.verdandi.resource.digitalocean.UptimeAlertArgs;
import fr.mangaki.verdandi.resource.digitalocean.UptimeAlertNotificationArgs;
import fr.mangaki.verdandi.resource.digitalocean.UptimeCheck;
import fr.mangaki.verdandi.resource.digitalocean.UptimeCheckArgs;
import fr.mangaki.verdandi.resource.digitalocean.Vpc;
import fr.mangaki.verdandi.resource.digitalocean.VpcArgs;
import fr.mangaki.verdandi.resource.internal.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program registering one of each resource class under Pulumi's mock engine: the engine sees
 * the provider's type tokens, the schema's property names and the values, typed references
 * resolved to the IDs, names and fingerprints the schema expects. (Numbers reach the mock engine
 * as doubles, as they travel in protobuf.)
 */
class ResourcesProgramTest {
    private final RecordingMocks mocks = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    /** A droplet's ID as the engine receives an integer: a double. */
    private static double idOf(String droplet) {
        return Double.parseDouble(RecordingMocks.dropletId(droplet));
    }

    @Test
    void mockDropletsGetDistinctIdsAndAddresses() {
        assertTrue(!RecordingMocks.dropletId("front").equals(RecordingMocks.dropletId("app")));
        assertTrue(!RecordingMocks.ipv4Address("front").equals(RecordingMocks.ipv4Address("app")));
    }

    private TestResult runPlatform() {
        return PulumiTest.withMocks(mocks).runTest(ctx -> {
            var vpc = new Vpc("mangaki-net", VpcArgs.builder().region("ams3").ipRange("10.110.0.0/20")
                    .description("Mangaki private network").build());
            var key = new SshKey("ops", SshKeyArgs.builder().name("ops")
                    .publicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@mangaki").build());
            var front = new Droplet("front", DropletArgs.builder()
                    .image("debian-12-x64").size("s-1vcpu-1gb").region("ams3").name("mangaki-front")
                    .vpc(vpc).sshKeys(List.of(key)).monitoring(true).ipv6(false)
                    .userData("#cloud-config\n").tags("mangaki", "front").gracefulShutdown(true)
                    .build());
            var app = new Droplet("app", DropletArgs.builder()
                    .image("debian-12-x64").size("s-1vcpu-1gb").region("ams3").name("mangaki-app")
                    .vpc(vpc).sshKeys(key).monitoring(true).backups(true)
                    .backupPolicy(DropletBackupPolicyArgs.builder().plan("weekly").weekday("SUN").hour(4).build())
                    .build());
            new Firewall("app-firewall", FirewallArgs.builder().name("mangaki-app")
                    .droplets(List.of(app))
                    .inboundRules(
                            FirewallInboundRuleArgs.builder().protocol("tcp").portRange("22")
                                    .sourceAddresses("203.0.113.0/24").build(),
                            FirewallInboundRuleArgs.builder().protocol("tcp").portRange("8000-8001")
                                    .sourceDroplets(front).build())
                    .outboundRules(FirewallOutboundRuleArgs.builder().protocol("tcp").portRange("1-65535")
                            .destinationAddresses("0.0.0.0/0", "::/0").build())
                    .build());
            var domain = new Domain("zone", DomainArgs.builder().name("mangaki.fr").build());
            new DnsRecord("staging", DnsRecordArgs.builder().domain(domain).type("A").name("staging")
                    .value(front.ipv4Address()).ttl(300).build());
            new MonitorAlert("cpu", MonitorAlertArgs.builder()
                    .alerts(MonitorAlertAlertsArgs.builder().emails("ops@mangaki.fr").build())
                    .compare("GreaterThan").description("CPU above 80%").type("v1/insights/droplet/cpu")
                    .value(80).window("5m").droplets(List.of(front, app)).enabled(true).build());
            var check = new UptimeCheck("production-check", UptimeCheckArgs.builder().name("mangaki.fr")
                    .target("https://mangaki.fr/").type("https").regions("eu_west", "us_east").build());
            new UptimeAlert("production-down", UptimeAlertArgs.builder().name("mangaki.fr down").check(check)
                    .type("down_global").period("2m")
                    .notifications(UptimeAlertNotificationArgs.builder().emails("ops@mangaki.fr").build()).build());
            new RemoteCommand("install-staging", RemoteCommandArgs.builder()
                    .connection(ConnectionArgs.builder().host(app.ipv4Address()).user("root").port(22)
                            .privateKey("-----BEGIN OPENSSH PRIVATE KEY-----").build())
                    .create("verdandi-env install staging").delete("verdandi-env remove staging")
                    .environment(Map.of("VERDANDI_ENV", "staging")).triggers(app.id(), "v1")
                    .logging("stdoutAndStderr").build());
        });
    }

    @Test
    void registersEveryResourceWithItsTypeToken() {
        runPlatform().throwOnError();

        assertEquals(List.of(
                        "command:remote:Command install-staging",
                        "digitalocean:index/dnsRecord:DnsRecord staging",
                        "digitalocean:index/domain:Domain zone",
                        "digitalocean:index/droplet:Droplet app",
                        "digitalocean:index/droplet:Droplet front",
                        "digitalocean:index/firewall:Firewall app-firewall",
                        "digitalocean:index/monitorAlert:MonitorAlert cpu",
                        "digitalocean:index/sshKey:SshKey ops",
                        "digitalocean:index/uptimeAlert:UptimeAlert production-down",
                        "digitalocean:index/uptimeCheck:UptimeCheck production-check",
                        "digitalocean:index/vpc:Vpc mangaki-net"),
                mocks.registered().stream().map(r -> r.type + " " + r.name).sorted().toList());
    }

    @Test
    void everyRegisteredResourceAsksForItsPluginVersion() {
        var result = runPlatform().throwOnError();

        Map<String, String> versions = result.resources().stream()
                .filter(r -> r instanceof CustomResource)
                .collect(Collectors.toMap(Resource::pulumiResourceName,
                        r -> Resource.ResourceInternal.from(r).getVersion().orElse("none")));
        assertEquals(11, versions.size(), versions.toString());
        versions.forEach((name, version) -> assertEquals(
                name.equals("install-staging") ? CommandPackage.VERSION : DigitalOceanPackage.VERSION,
                version, name));
    }

    @Test
    void dropletInputsCarryTheBackupPolicyAsAnObjectAndReferencesAsIds() {
        runPlatform().throwOnError();

        assertEquals(Map.of(
                        "image", "debian-12-x64", "size", "s-1vcpu-1gb", "region", "ams3", "name", "mangaki-app",
                        "vpcUuid", "mangaki-net-id", "sshKeys", List.of("SHA256:fingerprint-of-ops"),
                        "monitoring", true, "backups", true,
                        "backupPolicy", Map.of("plan", "weekly", "weekday", "SUN", "hour", 4.0)),
                mocks.inputs("digitalocean:index/droplet:Droplet", "app"));
        assertEquals(Map.ofEntries(
                        Map.entry("image", "debian-12-x64"), Map.entry("size", "s-1vcpu-1gb"),
                        Map.entry("region", "ams3"), Map.entry("name", "mangaki-front"),
                        Map.entry("vpcUuid", "mangaki-net-id"), Map.entry("sshKeys", List.of("SHA256:fingerprint-of-ops")),
                        Map.entry("monitoring", true), Map.entry("ipv6", false), Map.entry("userData", "#cloud-config\n"),
                        Map.entry("tags", List.of("mangaki", "front")), Map.entry("gracefulShutdown", true)),
                mocks.inputs("digitalocean:index/droplet:Droplet", "front"));
        assertEquals(Map.of("region", "ams3", "ipRange", "10.110.0.0/20", "description", "Mangaki private network"),
                mocks.inputs("digitalocean:index/vpc:Vpc", "mangaki-net"));
        assertEquals(Map.of("name", "ops", "publicKey", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@mangaki"),
                mocks.inputs("digitalocean:index/sshKey:SshKey", "ops"));
    }

    @Test
    void firewallReceivesDropletIdsAsIntegersAndRulesAsObjects() {
        runPlatform().throwOnError();

        assertEquals(Map.of(
                        "name", "mangaki-app",
                        "dropletIds", List.of(idOf("app")),
                        "inboundRules", List.of(
                                Map.of("protocol", "tcp", "portRange", "22", "sourceAddresses", List.of("203.0.113.0/24")),
                                Map.of("protocol", "tcp", "portRange", "8000-8001", "sourceDropletIds", List.of(idOf("front")))),
                        "outboundRules", List.of(Map.of("protocol", "tcp", "portRange", "1-65535",
                                "destinationAddresses", List.of("0.0.0.0/0", "::/0")))),
                mocks.inputs("digitalocean:index/firewall:Firewall", "app-firewall"));
    }

    @Test
    void dnsMonitoringAndUptimeResourcesReceiveResolvedReferences() {
        runPlatform().throwOnError();

        assertEquals(Map.of("name", "mangaki.fr"), mocks.inputs("digitalocean:index/domain:Domain", "zone"));
        assertEquals(Map.of("domain", "mangaki.fr", "type", "A", "name", "staging", "value", RecordingMocks.ipv4Address("front"), "ttl", 300.0),
                mocks.inputs("digitalocean:index/dnsRecord:DnsRecord", "staging"));
        assertEquals(Map.of(
                        "alerts", Map.of("emails", List.of("ops@mangaki.fr")),
                        "compare", "GreaterThan", "description", "CPU above 80%", "type", "v1/insights/droplet/cpu",
                        "value", 80.0, "window", "5m", "entities", List.of(RecordingMocks.dropletId("front"), RecordingMocks.dropletId("app")), "enabled", true),
                mocks.inputs("digitalocean:index/monitorAlert:MonitorAlert", "cpu"));
        assertEquals(Map.of("name", "mangaki.fr", "target", "https://mangaki.fr/", "type", "https",
                        "regions", List.of("eu_west", "us_east")),
                mocks.inputs("digitalocean:index/uptimeCheck:UptimeCheck", "production-check"));
        assertEquals(Map.of("name", "mangaki.fr down", "checkId", "production-check-id", "type", "down_global",
                        "period", "2m", "notifications", List.of(Map.of("emails", List.of("ops@mangaki.fr")))),
                mocks.inputs("digitalocean:index/uptimeAlert:UptimeAlert", "production-down"));
    }

    @Test
    void remoteCommandReceivesConnectionEnvironmentAndTriggers() {
        runPlatform().throwOnError();

        assertEquals(Map.of(
                        "connection", Map.of("host", RecordingMocks.ipv4Address("app"), "user", "root", "port", 22.0,
                                "privateKey", "-----BEGIN OPENSSH PRIVATE KEY-----"),
                        "create", "verdandi-env install staging", "delete", "verdandi-env remove staging",
                        "environment", Map.of("VERDANDI_ENV", "staging"), "triggers", List.of(RecordingMocks.dropletId("app"), "v1"),
                        "logging", "stdoutAndStderr"),
                mocks.inputs("command:remote:Command", "install-staging"));
    }

    @Test
    void failsNamingTheDropletWhenItsIdIsNotAnInteger() {
        var result = PulumiTest.withMocks(args -> java.util.concurrent.CompletableFuture.completedFuture(
                com.pulumi.test.Mocks.ResourceResult.of(java.util.Optional.of("not-a-number"), args.inputs)))
                .runTest(ctx -> {
                    var droplet = new Droplet("app", DropletArgs.builder().image("debian-12-x64").size("s-1vcpu-1gb").build());
                    new Firewall("fw", FirewallArgs.builder().droplets(droplet).build());
                });

        assertTrue(result.exitCode() != 0, "the program must fail");
        String messages = result.exceptions().stream().map(ResourcesProgramTest::messages).collect(Collectors.joining("\n"));
        assertTrue(messages.contains("Droplet 'app': id 'not-a-number' is not an integer, DigitalOcean droplet IDs are"),
                messages);
    }

    private static String messages(Throwable t) {
        var text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void connectionSecretsStaySecretOutputs() {
        var connection = ConnectionArgs.builder().host("203.0.113.2")
                .privateKey("KEY").password(Output.of("PASSWORD")).privateKeyPassword("PASS").build();

        for (var secret : List.of(connection.privateKey(), connection.password(), connection.privateKeyPassword())) {
            assertTrue(com.pulumi.core.internal.Internal.of(secret.orElseThrow()).isSecret().join());
        }
        assertEquals(false, com.pulumi.core.internal.Internal.of(connection.host()).isSecret().join());
    }
}
