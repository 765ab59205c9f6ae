package fr.mangaki.verdandi.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.DatabaseBackups;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of an environment, as a stack written in Java meets them: the stack file's, without its namespace. */
class EnvironmentArgsTest {
    /** A platform that is never asked anything: the args only hold it. */
    private static final PlatformHandle PLATFORM = new PlatformHandle() {
        @Override
        public Output<String> zone() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<String> frontIpv4() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<Integer> frontDropletId() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<String> frontPrivateIpv4() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<String> appIpv4() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<String> appPrivateIpv4() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<Integer> appDropletId() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<String> adminUser() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<Acme> acme() {
            throw new AssertionError("not asked");
        }

        @Override
        public Output<Map<String, EnvironmentSlot>> environments() {
            throw new AssertionError("not asked");
        }
    };

    private static EnvironmentArgs.Builder valid() {
        return EnvironmentArgs.builder()
                .name("demo")
                .platform(PLATFORM)
                .domains("demo.mangaki.fr")
                .port(8002)
                .repository("https://github.com/mangaki/mangaki.git")
                .access(PlatformArgsTest.ACCESS);
    }

    @Test
    void appliesTheDocumentedDefaults() {
        EnvironmentArgs args = valid().build();
        assertEquals("demo", args.settings().branch());
        assertEquals(List.of(), args.settings().gates());
        assertEquals(5, args.settings().pollSeconds());
        assertEquals(List.of(), args.alertEmails());
        assertEquals(List.of("eu_west", "us_east"), args.uptimeRegions());
        assertEquals(new DatabaseBackups(false, 3, 14, Optional.empty()), args.backups(),
                "an environment other than production is dumped only before its migrations");
        assertEquals(new DatabaseBackups(true, 3, 14, Optional.empty()), valid().name("production").build().backups(),
                "production is dumped nightly at 3 UTC");
        assertEquals(args.backups(), args.settings().backups());
    }

    @Test
    void acceptsTheEdgesOfTheBackupsRanges() {
        for (int[] ok : new int[][] {{0, 1}, {23, 3650}, {3, 14}}) {
            DatabaseBackups backups = DatabaseBackups.nightly(ok[0], ok[1])
                    .withBucket(new DatabaseBackups.Bucket("mangaki-backups", "ams3"));
            assertEquals(backups, valid().backups(backups).build().settings().backups());
        }
    }

    @Test
    void rejectsFrontThresholdsAndLogDaysOutOfRangeNamingEach() {
        assertEquals(List.of("alerts.requestsPerMinute: 0 is not between 1 and 1000000",
                        "alerts.errorRatePercent: 0 is not between 1 and 100", "accessLogDays: 0 is not between 1 and 365"),
                problems(valid().trafficAlerts(0, 0).accessLogDays(0)));
        assertEquals(new fr.mangaki.verdandi.config.FrontSettings(1200, 2, 7),
                valid().trafficAlerts(1200, 2).accessLogDays(7).build().settings().front());
    }

    @Test
    void rejectsBackupHoursAndDaysOutOfRangeNamingEach() {
        assertEquals(List.of("backups.hour: 24 is not between 0 and 23", "backups.keepDays: 0 is not between 1 and 3650"),
                problems(valid().backups(new DatabaseBackups(true, 24, 0, Optional.empty()))));
        assertEquals(List.of("backups.hour: -1 is not between 0 and 23"),
                problems(valid().backups(DatabaseBackups.nightly(-1, 14))));
        assertEquals(List.of("backups.keepDays: 3651 is not between 1 and 3650"),
                problems(valid().backups(DatabaseBackups.nightly(3, 3651))));
    }

    @Test
    void rejectsABadBucketNamingItsNameAndRegion() {
        assertEquals(List.of("backups.bucket.name: \"Mangaki_Backups\" is not a bucket name (3 to 63 lower-case "
                        + "letters, digits and '-', starting and ending with a letter or digit)",
                        "backups.bucket.region: \"mars\" is not one of ams3, atl1, blr1, fra1, lon1, nyc3, sfo2, sfo3, "
                                + "sgp1, syd1, tor1"),
                problems(valid().backups(DatabaseBackups.nightly(3, 14)
                        .withBucket(new DatabaseBackups.Bucket("Mangaki_Backups", "mars")))));
        assertEquals(List.of("backups.bucket.name: \"ab\" is not a bucket name (3 to 63 lower-case letters, digits "
                        + "and '-', starting and ending with a letter or digit)"),
                problems(valid().backups(DatabaseBackups.nightly(3, 14)
                        .withBucket(new DatabaseBackups.Bucket("ab", "ams3")))));
    }

    @Test
    void rejectsAPrivilegedPortWithTheStackFilesMessage() {
        assertEquals(List.of("port: 80 is not between 1024 and 65535"), problems(valid().port(80)));
    }

    @Test
    void rejectsABranchGitRefuses() {
        assertEquals(List.of("branch: \"feature..x\" is not a valid git branch name of letters, digits, '.', '_', '/' "
                + "and '-'"), problems(valid().branch("feature..x")));
    }

    @Test
    void rejectsNameDomainsRepositoryGatesPollAndAlertsCollectingEveryProblem() {
        assertEquals(List.of(
                        "name: \"Demo_1\" is not an environment name (lower-case letters, digits and '-', at most 23, "
                                + "starting with a letter)",
                        "domains[1]: \"Demo.mangaki.fr\" is not a lower-case DNS domain",
                        "domains: lists \"demo.mangaki.fr\" more than once",
                        "repository: \"github.com/mangaki/mangaki\" is not a git URL (https://, ssh://, git://, "
                                + "file:// or user@host:path)",
                        "gates[0]: \" \" is empty (a gate is a shell command)",
                        "pollSeconds: 0 is not between 1 and 3600",
                        "alertEmails[0]: \"ops\" is not an e-mail address"),
                problems(EnvironmentArgs.builder().name("Demo_1").platform(PLATFORM)
                        .domains("demo.mangaki.fr", "Demo.mangaki.fr", "demo.mangaki.fr").port(8002)
                        .repository("github.com/mangaki/mangaki").gates(" ").pollSeconds(0).alertEmails("ops")
                        .access(PlatformArgsTest.ACCESS)));
    }

    @Test
    void rejectsAnEnvironmentWithoutItsRequiredValues() {
        assertEquals(List.of("name: is required", "domains: is required", "port: is required",
                "repository: is required", "platform: is required", "access: is required"),
                problems(EnvironmentArgs.builder()));
    }

    private static List<String> problems(EnvironmentArgs.Builder builder) {
        return assertThrows(ConfigException.class, builder::build).problems();
    }
}
