package fr.mangaki.verdandi.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.PublicKey;
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

    private static final String OPS = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@mangaki.fr";
    private static final String CI = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI ci";

    /** Credentials whose key's public half is {@code publicKey}. */
    private static HostAccess deployingWith(String publicKey) {
        return new HostAccess() {
            @Override
            public Output<String> sshPrivateKey() {
                return Output.ofSecret("test-ssh-key");
            }

            @Override
            public Optional<PublicKey> sshPublicKey() {
                return PublicKey.parse(publicKey);
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
    }

    @Test
    void rejectsKeysWithoutTheOneTheRemoteCommandsLogInWith() {
        String ci = CI.split(" ")[1];
        assertEquals(List.of("sshKeys: does not list the key pulumi up logs in with (ssh-ed25519 ..."
                        + ci.substring(ci.length() - 12) + " ci): the remote commands would lock themselves out of the "
                        + "droplets at the next up; keep that key listed, or deploy with a key that is"),
                problems(valid().access(deployingWith(CI))));
        // the same key under another comment is the same key
        valid().sshKey(CI.replace(" ci", " renamed@laptop")).access(deployingWith(CI)).build();
    }

    @Test
    void rejectsAKeyListedTwice() {
        assertEquals(List.of("sshKeys[1]: \"" + OPS.replace("ops@", "again@") + "\" is listed twice (one DigitalOcean"
                + " key per public key)"), problems(valid().sshKey(OPS.replace("ops@", "again@"))));
    }

    @Test
    void protectsTheAppDropletAndTheZoneUnlessUnprotected() {
        PlatformArgs args = valid().build();
        assertEquals(true, args.isProtected(PlatformArgs.Protected.APP));
        assertEquals(true, args.isProtected(PlatformArgs.Protected.ZONE));
        PlatformArgs lifted = valid().unprotect("app").build();
        assertEquals(false, lifted.isProtected(PlatformArgs.Protected.APP));
        assertEquals(true, lifted.isProtected(PlatformArgs.Protected.ZONE));
        assertEquals(List.of("unprotect[0]: \"front\" is not one of app, zone, database"), problems(valid().unprotect("front")));
    }

    @Test
    void importsTheZoneByItsNameAndKeysByFingerprint() {
        String fingerprint = PublicKey.parse(OPS).orElseThrow().fingerprint();
        PlatformArgs args = valid().importZone("mangaki.fr").importSshKey(fingerprint, "263654").build();
        assertEquals(Optional.of("mangaki.fr"), args.importZone());
        assertEquals(java.util.Map.of(fingerprint, "263654"), args.importSshKeys());
    }

    @Test
    void rejectsMalformedImportsNamingTheKey() {
        String fingerprint = PublicKey.parse(OPS).orElseThrow().fingerprint();
        assertEquals(List.of(
                        "import.zone: \"example.org\" is not the zone of domain (\"mangaki.fr\"): a DigitalOcean domain is "
                                + "imported by its name",
                        "import.sshKeys." + fingerprint + ": \"26 3654\" is not a DigitalOcean SSH key id (a number, as "
                                + "`doctl compute ssh-key list` shows)",
                        "import.sshKeys.SHA256:abc: is not an MD5 fingerprint (16 hex pairs joined by ':', as "
                                + "`doctl compute ssh-key list` shows)",
                        "import.sshKeys.00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff: is not the fingerprint of a "
                                + "key of sshKeys (their fingerprints: " + fingerprint + ")"),
                problems(valid().importZone("example.org").importSshKey(fingerprint, "26 3654")
                        .importSshKey("SHA256:abc", "1").importSshKey("00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff", "2")));
    }

    @Test
    void rejectsAnImageThatIsNotASlug() {
        assertEquals(List.of("image: \"Debian 12\" is not a DigitalOcean image slug (e.g. debian-12-x64, as "
                + "`doctl compute image list-distribution` shows)"), problems(valid().image("Debian 12")));
    }

    private static List<String> problems(PlatformArgs.Builder builder) {
        return assertThrows(ConfigException.class, builder::build).problems();
    }
}
