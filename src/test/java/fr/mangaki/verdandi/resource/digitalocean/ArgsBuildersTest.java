package fr.mangaki.verdandi.resource.digitalocean;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DigitalOcean {@code *Args} builders: required inputs checked at build(), no null values. */
class ArgsBuildersTest {

    @Test
    void rejectsADropletWithoutImageAndSize() {
        var e = assertThrows(IllegalStateException.class, () -> DropletArgs.builder().region("ams3").build());
        assertEquals("DropletArgs is missing required properties: image, size", e.getMessage());
    }

    @Test
    void rejectsADropletWithoutSize() {
        var e = assertThrows(IllegalStateException.class, () -> DropletArgs.builder().image("debian-12-x64").build());
        assertEquals("DropletArgs is missing required property: size", e.getMessage());
    }

    @Test
    void rejectsEveryMissingRequiredPropertyOfEachArgs() {
        assertEquals("VpcArgs is missing required property: region",
                assertThrows(IllegalStateException.class, () -> VpcArgs.builder().name("n").build()).getMessage());
        assertEquals("SshKeyArgs is missing required property: publicKey",
                assertThrows(IllegalStateException.class, () -> SshKeyArgs.builder().name("n").build()).getMessage());
        assertEquals("DomainArgs is missing required property: name",
                assertThrows(IllegalStateException.class, () -> DomainArgs.builder().build()).getMessage());
        assertEquals("DnsRecordArgs is missing required properties: domain, type, value",
                assertThrows(IllegalStateException.class, () -> DnsRecordArgs.builder().ttl(60).build()).getMessage());
        assertEquals("MonitorAlertArgs is missing required properties: alerts, compare, description, type, value, window",
                assertThrows(IllegalStateException.class, () -> MonitorAlertArgs.builder().build()).getMessage());
        assertEquals("UptimeCheckArgs is missing required property: target",
                assertThrows(IllegalStateException.class, () -> UptimeCheckArgs.builder().build()).getMessage());
        assertEquals("UptimeAlertArgs is missing required properties: checkId, notifications, type",
                assertThrows(IllegalStateException.class, () -> UptimeAlertArgs.builder().build()).getMessage());
        assertEquals("FirewallInboundRuleArgs is missing required property: protocol",
                assertThrows(IllegalStateException.class,
                        () -> FirewallInboundRuleArgs.builder().portRange("22").build()).getMessage());
        assertEquals("FirewallOutboundRuleArgs is missing required property: protocol",
                assertThrows(IllegalStateException.class,
                        () -> FirewallOutboundRuleArgs.builder().portRange("22").build()).getMessage());
        assertEquals("MonitorAlertAlertsSlackArgs is missing required properties: channel, url",
                assertThrows(IllegalStateException.class, () -> MonitorAlertAlertsSlackArgs.builder().build()).getMessage());
        assertEquals("UptimeAlertNotificationSlackArgs is missing required property: url",
                assertThrows(IllegalStateException.class,
                        () -> UptimeAlertNotificationSlackArgs.builder().channel("#ops").build()).getMessage());
    }

    @Test
    void acceptsArgsWithOnlyOptionalProperties() {
        assertTrue(FirewallArgs.builder().build().name().isEmpty());
        assertTrue(DropletBackupPolicyArgs.builder().build().plan().isEmpty());
        assertTrue(MonitorAlertAlertsArgs.builder().build().emails().isEmpty());
        assertTrue(UptimeAlertNotificationArgs.builder().build().slacks().isEmpty());
    }

    @Test
    void rejectsANullValue() {
        var e = assertThrows(NullPointerException.class, () -> DropletArgs.builder().name((String) null));
        assertEquals("DropletArgs.name must not be null", e.getMessage());
    }

    @Test
    void rejectsANullListElementByIndex() {
        var e = assertThrows(NullPointerException.class, () -> FirewallArgs.builder().tags(Arrays.asList("a", null)));
        assertEquals("FirewallArgs.tags[1] must not be null", e.getMessage());
    }

    @Test
    void rejectsANullTypedReference() {
        assertEquals("DropletArgs.vpc must not be null",
                assertThrows(NullPointerException.class, () -> DropletArgs.builder().vpc(null)).getMessage());
        assertEquals("FirewallArgs.droplets[0] must not be null",
                assertThrows(NullPointerException.class,
                        () -> FirewallArgs.builder().droplets(Arrays.asList((Droplet) null))).getMessage());
        assertEquals("DnsRecordArgs.domain must not be null",
                assertThrows(NullPointerException.class, () -> DnsRecordArgs.builder().domain((Domain) null)).getMessage());
        assertEquals("UptimeAlertArgs.check must not be null",
                assertThrows(NullPointerException.class, () -> UptimeAlertArgs.builder().check(null)).getMessage());
        assertEquals("DropletArgs.sshKeys must not be null",
                assertThrows(NullPointerException.class, () -> DropletArgs.builder().sshKeys((List<SshKey>) null)).getMessage());
    }

    @Test
    void listsAreCopiedSoLaterChangesDoNotLeakIn() {
        var tags = new java.util.ArrayList<>(List.of("mangaki"));
        var args = DropletArgs.builder().image("debian-12-x64").size("s-1vcpu-1gb").tags(tags).build();
        tags.add("changed");
        assertEquals(List.of("mangaki"),
                com.pulumi.core.internal.Internal.of(args.tags().orElseThrow()).getValueNullable().join());
    }
}
