package fr.mangaki.verdandi.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.DropletSize;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of a platform, as a stack written in Java meets them: the stack file's, without its namespace. */
class PlatformArgsTest {
    static final HostAccess ACCESS = new HostAccess() {
        @Override
        public Output<String> sshPrivateKey() {
            return Output.ofSecret("test-ssh-key");
        }

        @Override
        public Output<String> environmentFile(String environment) {
            return Output.ofSecret("");
        }

        @Override
        public String environmentFileVersion(String environment) {
            return "absent";
        }
    };

    private static PlatformArgs.Builder valid() {
        return PlatformArgs.builder()
                .domain("mangaki.fr")
                .sshKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@mangaki.fr")
                .adminCidr("203.0.113.0/24")
                .access(ACCESS);
    }

    @Test
    void appliesTheDocumentedDefaults() {
        PlatformArgs args = valid().build();
        assertEquals("ams3", args.region());
        assertEquals(DropletSize.S_1VCPU_1GB, args.frontSize());
        assertEquals(DropletSize.S_1VCPU_1GB, args.appSize());
        assertEquals(Backups.weekly("SUN", 4), args.appBackups());
        assertEquals(PlatformArgs.DEFAULT_IMAGE, args.image());
        assertEquals(Optional.empty(), args.alerts());
        assertEquals(Acme.letsEncrypt(), args.acme());
    }

    @Test
    void rejectsABackupHourOutsideTheWindowsWithTheStackFilesMessage() {
        assertEquals(List.of("app.backups.hour: 5 is not one of 0, 4, 8, 12, 16, 20"),
                problems(valid().app(DropletSize.S_1VCPU_1GB, Backups.weekly("SUN", 5))));
    }

    @Test
    void rejectsAWeekdayOnDailyBackups() {
        assertEquals(List.of("app.backups.weekday: \"MON\" is not allowed with plan daily (daily backups have no weekday)"),
                problems(valid().app(DropletSize.S_1VCPU_1GB, new Backups("daily", Optional.of("MON"), 4))));
    }

    @Test
    void rejectsWeeklyBackupsWithoutAWeekday() {
        assertEquals(List.of("app.backups.weekday: is required with plan weekly"),
                problems(valid().app(DropletSize.S_1VCPU_1GB, new Backups("weekly", Optional.empty(), 4))));
    }

    @Test
    void rejectsAnUnknownRegion() {
        assertEquals(List.of("region: \"mars1\" is not one of ams3, atl1, blr1, fra1, lon1, nyc1, nyc2, nyc3, sfo2, "
                + "sfo3, sgp1, syd1, tor1"), problems(valid().region("mars1")));
    }

    @Test
    void rejectsAMalformedKeyCidrAndAlertsNamingEachByIndex() {
        assertEquals(List.of(
                        "sshKeys[1]: \"ssh-dss AAAA\" is not an OpenSSH public key (\"ssh-ed25519 AAAA... comment\")",
                        "adminCidrs[1]: \"300.1.2.3/8\" is not an IPv4 or IPv6 network in CIDR notation (e.g. 203.0.113.0/24)",
                        "alerts.email[0]: \"ops\" is not an e-mail address",
                        "alerts.cpuPercent: 120 is not between 1 and 100"),
                problems(valid().sshKey("ssh-dss AAAA").adminCidr("300.1.2.3/8")
                        .alerts(new Alerts(List.of("ops"), 120, 90, 85))));
    }

    @Test
    void rejectsAnAcmeServerOverHttpAndAContactThatIsNoAddress() {
        assertEquals(List.of(
                        "acme.directory: \"http://acme.example.org/dir\" is not an https:// URL of an ACME directory",
                        "acme.email: \"ops\" is not an e-mail address"),
                problems(valid().acme(new Acme("http://acme.example.org/dir", Optional.of("ops")))));
    }

    @Test
    void rejectsAPlatformWithoutItsRequiredValuesCollectingEveryProblem() {
        assertEquals(List.of("domain: is required", "sshKeys: is required", "adminCidrs: is required",
                "access: is required"), problems(PlatformArgs.builder()));
    }

    @Test
    void rejectsEmptyKeyAndNetworkLists() {
        assertEquals(List.of("domain: is required", "sshKeys: must list at least one value",
                        "adminCidrs: must list at least one value", "access: is required"),
                problems(PlatformArgs.builder().sshKeys(List.of()).adminCidrs(List.of())));
    }

    private static List<String> problems(PlatformArgs.Builder builder) {
        return assertThrows(ConfigException.class, builder::build).problems();
    }
}
