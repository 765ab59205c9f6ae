package fr.mangaki.verdandi.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.ApplicationSettings;
import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StackSettingsTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void readsTheProductionStackFile() {
        StackSettings s = StackFile.load(StackFile.of(PROJECT, "production"));
        assertEquals("production", s.stack());
        assertEquals("ams3", s.region());
        assertEquals("mangaki.fr", s.domain());
        assertEquals(Hosting.PLATFORM, s.hosting());
        assertEquals(Optional.of(DropletSize.S_1VCPU_1GB), s.front());
        assertEquals(DropletSize.S_1VCPU_1GB, s.app().orElseThrow().size());
        assertEquals(Backups.weekly("SUN", 4), s.app().orElseThrow().backups());
        EnvironmentSettings env = s.environment();
        assertEquals("production", env.name());
        assertEquals("production", env.branch());
        assertEquals(List.of("mangaki.fr", "www.mangaki.fr"), env.domains());
        assertEquals(8000, env.port());
        assertEquals(5, env.pollSeconds());
        assertEquals(List.of("ops@mangaki.fr"), s.alerts().orElseThrow().emails());
    }

    @Test
    void readsTheStagingStackFileAsAGuest() {
        StackSettings s = StackFile.load(StackFile.of(PROJECT, "staging"));
        assertEquals(Hosting.GUEST, s.hosting());
        assertEquals(Optional.of("mangaki/mangaki/production"), s.platformStack());
        assertTrue(s.front().isEmpty());
        assertTrue(s.app().isEmpty());
        assertEquals(List.of("staging.mangaki.fr", "dev.mangaki.fr"), s.environment().domains());
        assertEquals(8001, s.environment().port());
    }

    @Test
    void appliesDefaultsWhereKeysAreLeftOut() {
        StackSettings s = parse(c -> {
            c.remove("mangaki:hosting");
            app(c).remove("backups");
            env(c).remove("gates");
            env(c).remove("pollSeconds");
            c.put("mangaki:alerts", map("email", List.of("ops@mangaki.fr")));
        });
        assertEquals(Hosting.PLATFORM, s.hosting());
        assertEquals(Backups.weekly("SUN", 4), s.app().orElseThrow().backups());
        assertEquals(List.of(), s.environment().gates());
        assertEquals(5, s.environment().pollSeconds());
        assertEquals(new Alerts(List.of("ops@mangaki.fr"), 80, 90, 85), s.alerts().orElseThrow());
        assertEquals(fr.mangaki.verdandi.config.FrontSettings.defaults(), s.environment().front());
    }

    @Test
    void readsTheFrontsAlertsAndLogDays() {
        StackSettings s = parse(c -> {
            env(c).put("alerts", map("requestsPerMinute", 1200, "errorRatePercent", 2));
            env(c).put("accessLogDays", 7);
        });
        assertEquals(new fr.mangaki.verdandi.config.FrontSettings(1200, 2, 7), s.environment().front());
        assertEquals(new fr.mangaki.verdandi.config.FrontSettings(1200, 5, 30),
                parse(c -> env(c).put("alerts", map("requestsPerMinute", 1200))).environment().front());
    }

    @Test
    void rejectsFrontThresholdsOutOfRangeAndUnknownAlertKeys() {
        assertProblem(c -> env(c).put("alerts", map("requestsPerMinute", 0)),
                "mangaki:environment.alerts.requestsPerMinute: 0 is not between 1 and 1000000");
        assertProblem(c -> env(c).put("alerts", map("errorRatePercent", 101)),
                "mangaki:environment.alerts.errorRatePercent: 101 is not between 1 and 100");
        assertProblem(c -> env(c).put("accessLogDays", 366), "mangaki:environment.accessLogDays: 366 is not between 1 and 365");
        assertProblem(c -> env(c).put("alerts", map("requestPerMinute", 10)), "mangaki:environment.alerts.requestPerMinute");
    }

    @Test
    void acceptsDailyBackupsWithoutWeekday() {
        StackSettings s = parse(c -> app(c).put("backups", map("plan", "daily", "hour", 20)));
        assertEquals(Backups.daily(20), s.app().orElseThrow().backups());
    }

    @Test
    void readsTheDatabaseBackupsOfAnEnvironment() {
        assertEquals(DatabaseBackups.nightly(3, 14), parse(c -> { }).environment().backups(),
                "production dumps nightly by default");
        StackSettings set = parse(c -> env(c).put("backups", map("hour", 2, "keepDays", "30",
                "bucket", map("name", "mangaki-backups", "region", "ams3"))));
        assertEquals(DatabaseBackups.nightly(2, 30).withBucket(new DatabaseBackups.Bucket("mangaki-backups", "ams3")),
                set.environment().backups());
        assertFalse(parse(c -> env(c).put("name", "demo")).environment().backups().nightly(),
                "another environment has only the dumps before migrations by default");
        assertTrue(parse(c -> {
            env(c).put("name", "demo");
            env(c).put("backups", map("hour", 5));
        }).environment().backups().nightly(), "setting backups turns the nightly dump on");
        assertFalse(parse(c -> env(c).put("backups", map("nightly", "false"))).environment().backups().nightly());
    }

    @Test
    void rejectsBadDatabaseBackupsNamingEachKey() {
        List<String> problems = problems(c -> env(c).put("backups", map("nightly", "yes", "hour", 24, "keepDays", 0,
                "bucket", map("name", "Mangaki_Backups", "region", "mars"), "weekly", true)));
        for (String key : List.of("nightly", "hour", "keepDays", "bucket.name", "bucket.region", "weekly")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("mangaki:environment.backups." + key + ":")),
                    key + " in " + problems);
        }
        assertEquals(List.of(
                "mangaki:environment.backups.weekly: unknown key (known keys: nightly, hour, keepDays, bucket)",
                "mangaki:environment.backups.nightly: \"yes\" is not true or false",
                "mangaki:environment.backups.hour: 24 is not between 0 and 23",
                "mangaki:environment.backups.keepDays: 0 is not between 1 and 3650",
                "mangaki:environment.backups.bucket.name: \"Mangaki_Backups\" is not a bucket name (3 to 63 lower-case "
                        + "letters, digits and '-', starting and ending with a letter or digit)",
                "mangaki:environment.backups.bucket.region: \"mars\" is not one of ams3, atl1, blr1, fra1, lon1, nyc3, "
                        + "sfo2, sfo3, sgp1, syd1, tor1"), problems);
        assertProblem(c -> env(c).put("backups", map("hour", 24)), "mangaki:environment.backups.hour: 24 is not between 0 and 23");
        assertEquals(List.of("mangaki:environment.backups.hour: \"x\" is not a whole number",
                        "mangaki:environment.backups.bucket: \"b\" is not an object (with keys name, region)"),
                problems(c -> env(c).put("backups", map("hour", "x", "bucket", "b"))));
        assertProblem(c -> env(c).put("backups", map("bucket", map("name", "mangaki-backups"))),
                "mangaki:environment.backups.bucket.region: is required");
    }

    @Test
    void acceptsNumbersWrittenAsStrings() {
        StackSettings s = parse(c -> env(c).put("port", "8002"));
        assertEquals(8002, s.environment().port());
    }

    @Test
    void rejectsABackupHourOutsideTheWindows() {
        assertProblem(c -> backups(c).put("hour", 5),
                "mangaki:app.backups.hour: 5 is not one of 0, 4, 8, 12, 16, 20");
    }

    @Test
    void rejectsAnUnknownBackupPlan() {
        assertProblem(c -> backups(c).put("plan", "monthly"),
                "mangaki:app.backups.plan: \"monthly\" is not one of daily, weekly");
    }

    @Test
    void rejectsAnUnknownWeekday() {
        assertProblem(c -> backups(c).put("weekday", "SUNDAY"),
                "mangaki:app.backups.weekday: \"SUNDAY\" is not one of SUN, MON, TUE, WED, THU, FRI, SAT");
    }

    @Test
    void rejectsAWeekdayOnDailyBackups() {
        assertProblem(c -> backups(c).put("plan", "daily"),
                "mangaki:app.backups.weekday: \"SUN\" is not allowed with plan daily");
    }

    @Test
    void rejectsAnUnknownRegion() {
        assertProblem(c -> c.put("mangaki:region", "mars1"),
                "mangaki:region: \"mars1\" is not one of ams3, atl1, blr1, fra1, lon1");
    }

    @Test
    void rejectsAnUnknownDropletSize() {
        assertProblem(c -> app(c).put("size", "s-1vcpu-1tb"),
                "mangaki:app.size: \"s-1vcpu-1tb\" is not one of s-1vcpu-512mb-10gb, s-1vcpu-1gb");
    }

    @Test
    void rejectsAnInvalidDomain() {
        assertProblem(c -> c.put("mangaki:domain", "Mangaki..fr"),
                "mangaki:domain: \"Mangaki..fr\" is not a lower-case DNS domain");
    }

    @Test
    void rejectsAnUnknownHosting() {
        assertProblem(c -> c.put("mangaki:hosting", "shared"),
                "mangaki:hosting: \"shared\" is not one of platform, guest");
    }

    @Test
    void rejectsUnknownTopLevelKeys() {
        assertProblem(c -> c.put("mangaki:regoin", "ams3"), "mangaki:regoin: unknown key (known keys: ");
    }

    @Test
    void rejectsUnknownNestedKeys() {
        assertProblem(c -> backups(c).put("hours", 4),
                "mangaki:app.backups.hours: unknown key (known keys: plan, weekday, hour)");
    }

    @Test
    void rejectsAPlatformWithoutItsDroplets() {
        List<String> problems = problems(c -> {
            c.remove("mangaki:front");
            c.remove("mangaki:app");
            c.remove("mangaki:sshKeys");
            c.remove("mangaki:adminCidrs");
        });
        assertTrue(problems.contains("mangaki:front: is required"), problems::toString);
        assertTrue(problems.contains("mangaki:app: is required"), problems::toString);
        assertTrue(problems.contains("mangaki:sshKeys: is required"), problems::toString);
        assertTrue(problems.contains("mangaki:adminCidrs: is required"), problems::toString);
    }

    @Test
    void rejectsAGuestThatDeclaresDroplets() {
        assertProblem(c -> {
            c.put("mangaki:hosting", "guest");
            c.put("mangaki:platformStack", "mangaki/mangaki/production");
        }, "mangaki:front: is not allowed on a guest stack");
    }

    @Test
    void rejectsAGuestWithoutPlatformStack() {
        Map<String, Object> c = StackFile.readConfig(StackFile.of(PROJECT, "staging"));
        c.remove("mangaki:platformStack");
        ConfigException e = assertThrows(ConfigException.class, () -> StackSettings.parse("staging", c));
        assertTrue(e.problems().contains("mangaki:platformStack: is required"), e.problems()::toString);
    }

    @Test
    void rejectsAMalformedPlatformStack() {
        Map<String, Object> c = StackFile.readConfig(StackFile.of(PROJECT, "staging"));
        c.put("mangaki:platformStack", "production");
        assertProblemIn("staging", c,
                "mangaki:platformStack: \"production\" is not a stack reference org/project/stack");
    }

    @Test
    void rejectsAPlatformStackOnAPlatform() {
        assertProblem(c -> c.put("mangaki:platformStack", "a/b/c"),
                "mangaki:platformStack: is only for guest stacks");
    }

    @Test
    void rejectsAMalformedSshKey() {
        assertProblem(c -> c.put("mangaki:sshKeys", List.of("ssh-dss AAAA")),
                "mangaki:sshKeys[0]: \"ssh-dss AAAA\" is not an OpenSSH public key");
    }

    @Test
    void rejectsAnEmptySshKeyList() {
        assertProblem(c -> c.put("mangaki:sshKeys", List.of()), "mangaki:sshKeys: must list at least one value");
    }

    @Test
    void rejectsAMalformedCidr() {
        assertProblem(c -> c.put("mangaki:adminCidrs", List.of("10.0.0.0/8", "300.1.2.3/8")),
                "mangaki:adminCidrs[1]: \"300.1.2.3/8\" is not an IPv4 or IPv6 network in CIDR notation");
    }

    @Test
    void rejectsAnInvalidEnvironmentName() {
        assertProblem(c -> env(c).put("name", "Prod_1"),
                "mangaki:environment.name: \"Prod_1\" is not an environment name");
    }

    @Test
    void rejectsAnInvalidBranch() {
        assertProblem(c -> env(c).put("branch", "feature..x"),
                "mangaki:environment.branch: \"feature..x\" is not a valid git branch name");
    }

    @Test
    void rejectsAnEnvironmentNameTooLongForItsSystemUser() {
        assertProblem(c -> env(c).put("name", "a".repeat(24)),
                "mangaki:environment.name: \"" + "a".repeat(24) + "\" is not an environment name (lower-case letters, "
                        + "digits and '-', at most 23, starting with a letter)");
    }

    @Test
    void rejectsABranchWithCharactersTheHostScriptsRefuse() {
        assertProblem(c -> env(c).put("branch", "feat+x"),
                "mangaki:environment.branch: \"feat+x\" is not a valid git branch name of letters, digits");
    }

    @Test
    void rejectsARepositoryWithQuotes() {
        assertProblem(c -> env(c).put("repository", "https://example.org/a'b.git"),
                "mangaki:environment.repository: \"https://example.org/a'b.git\" is not a git URL");
    }

    @Test
    void rejectsADomainOutsideTheZone() {
        assertProblem(c -> env(c).put("domains", List.of("mangaki.fr", "mangaki.org")),
                "mangaki:environment.domains[1]: \"mangaki.org\" is not inside the zone mangaki:domain (\"mangaki.fr\")");
    }

    @Test
    void rejectsADomainListedTwice() {
        assertProblem(c -> env(c).put("domains", List.of("mangaki.fr", "mangaki.fr")),
                "mangaki:environment.domains: lists \"mangaki.fr\" more than once");
    }

    @Test
    void readsTheAcmeServerAndContactOfAPlatform() {
        assertEquals(Optional.of(Acme.letsEncrypt()), parse(c -> c.remove("mangaki:acme")).acme());
        StackSettings s = parse(c -> c.put("mangaki:acme",
                map("directory", "https://acme.example.org:14000/dir", "email", "ops@mangaki.fr")));
        Acme acme = new Acme("https://acme.example.org:14000/dir", Optional.of("ops@mangaki.fr"));
        assertEquals(Optional.of(acme), s.acme());
        assertEquals(Optional.of(new Acme(Acme.LETS_ENCRYPT, Optional.of("ops@mangaki.fr"))),
                parse(c -> c.put("mangaki:acme", map("email", "ops@mangaki.fr"))).acme());
    }

    @Test
    void rejectsAnAcmeDirectoryThatIsNotHttps() {
        assertProblem(c -> c.put("mangaki:acme", map("directory", "http://acme.example.org/dir")),
                "mangaki:acme.directory: \"http://acme.example.org/dir\" is not an https:// URL of an ACME directory");
    }

    @Test
    void rejectsAnAcmeContactThatIsNotAnEmail() {
        assertProblem(c -> c.put("mangaki:acme", map("email", "ops")),
                "mangaki:acme.email: \"ops\" is not an e-mail address");
    }

    @Test
    void rejectsAnAcmeServerOfUnknownShape() {
        assertProblem(c -> c.put("mangaki:acme", map("server", "https://acme.example.org/dir")),
                "mangaki:acme.server: unknown key");
    }

    @Test
    void rejectsAnAcmeServerOnAGuestStack() {
        Map<String, Object> c = StackFile.readConfig(StackFile.of(PROJECT, "staging"));
        c.put("mangaki:acme", map("email", "ops@mangaki.fr"));
        assertProblemIn("staging", c, "mangaki:acme: is not allowed on a guest stack");
        assertEquals(Optional.empty(), StackFile.load(StackFile.of(PROJECT, "staging")).acme());
    }

    @Test
    void rejectsAPrivilegedPort() {
        assertProblem(c -> env(c).put("port", 80), "mangaki:environment.port: 80 is not between 1024 and 65535");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertProblem(c -> env(c).put("port", "eighty"), "mangaki:environment.port: \"eighty\" is not a whole number");
    }

    @Test
    void rejectsAMalformedRepository() {
        assertProblem(c -> env(c).put("repository", "github.com/mangaki/mangaki"),
                "mangaki:environment.repository: \"github.com/mangaki/mangaki\" is not a git URL");
    }

    @Test
    void readsMangakisProcessesExtensionsRedisAndSettingsFile() {
        ApplicationSettings app = StackFile.load(StackFile.of(PROJECT, "production")).environment().application();
        assertEquals(Map.of(
                "worker", new ApplicationSettings.ProcessSettings(
                        Optional.of("celery -A mangaki worker --loglevel INFO --autoscale 3,1"), java.util.OptionalInt.of(600)),
                "beat", ApplicationSettings.ProcessSettings.command("celery -A mangaki beat --loglevel INFO")), app.processes());
        assertEquals(List.of("pg_trgm", "unaccent"), app.postgresExtensions());
        assertTrue(app.redis());
        assertEquals(Map.of("MANGAKI_SETTINGS_PATH", "settings.ini"), app.settingsFiles());
        assertEquals("/usr/bin/python3", app.python());
    }

    @Test
    void acceptsAProcessGivenOnlyAGracePeriod() {
        StackSettings s = parse(c -> env(c).put("processes", map("worker", map("graceSeconds", 120))));
        assertEquals(new ApplicationSettings.ProcessSettings(Optional.empty(), java.util.OptionalInt.of(120)),
                s.environment().application().processes().get("worker"));
    }

    @Test
    void rejectsAProcessNamedWeb() {
        assertProblem(c -> env(c).put("processes", map("web", "gunicorn mangaki.wsgi")),
                "mangaki:environment.processes.web: \"gunicorn mangaki.wsgi\" is not a process name (lower-case letters, digits,"
                        + " '_' and '-', at most 30, starting with a letter; not web, which is Verdandi's gunicorn)");
    }

    @Test
    void rejectsAProcessNameSystemdRefuses() {
        assertProblem(c -> env(c).put("processes", map("Celery Worker", "celery worker")),
                "mangaki:environment.processes.Celery Worker: \"celery worker\" is not a process name (lower-case letters");
    }

    @Test
    void rejectsAProcessWithAnUnknownKey() {
        assertProblem(c -> env(c).put("processes", map("worker", map("cmd", "celery worker"))),
                "mangaki:environment.processes.worker.cmd: unknown key (known keys: command, graceSeconds, handover)");
    }

    @Test
    void readsAHandoverAndASettleTime() {
        StackSettings s = parse(c -> {
            env(c).put("processes", map("mailer", map("command", "python manage.py mail_loop", "handover", "stop")));
            env(c).put("processSettleSeconds", 5);
        });
        assertEquals(new ApplicationSettings.ProcessSettings(Optional.of("python manage.py mail_loop"),
                java.util.OptionalInt.empty(), Optional.of("stop")), s.environment().application().processes().get("mailer"));
        assertEquals(5, s.environment().application().settleSeconds());
    }

    @Test
    void rejectsAnUnknownHandover() {
        assertProblem(c -> env(c).put("processes", map("worker", map("handover", "restart"))),
                "mangaki:environment.processes.worker.handover: \"restart\" is not one of");
    }

    @Test
    void rejectsASettleTimeOutOfRange() {
        assertProblem(c -> env(c).put("processSettleSeconds", 0),
                "mangaki:environment.processSettleSeconds: 0 is not between 1 and 60");
    }

    @Test
    void rejectsARelativePython() {
        assertProblem(c -> env(c).put("python", "python3.10"),
                "mangaki:environment.python: \"python3.10\" is not an absolute path of a Python interpreter");
    }

    @Test
    void rejectsAnExtensionNameWithAQuote() {
        assertProblem(c -> env(c).put("postgresExtensions", List.of("pg_trgm'")),
                "mangaki:environment.postgresExtensions[0]: \"pg_trgm'\" is not a PostgreSQL extension name");
    }

    @Test
    void rejectsRedisThatIsNotABoolean() {
        assertProblem(c -> env(c).put("redis", "yes"), "mangaki:environment.redis: \"yes\" is not true or false");
    }

    @Test
    void rejectsASettingsFileNamedWithItsAscSuffix() {
        assertProblem(c -> env(c).put("settingsFiles", map("MANGAKI_SETTINGS_PATH", "settings.ini.asc")),
                "mangaki:environment.settingsFiles.MANGAKI_SETTINGS_PATH: \"settings.ini.asc\" is not a file name of secrets/<environment>/"
                        + " without .asc (e.g. settings.ini), other than app.env and database.env (Verdandi's)");
    }

    @Test
    void rejectsAnEmptyGate() {
        assertProblem(c -> env(c).put("gates", List.of(" ")),
                "mangaki:environment.gates[0]: \" \" is empty (a gate is a shell command)");
    }

    @Test
    void rejectsAPollIntervalOutOfRange() {
        assertProblem(c -> env(c).put("pollSeconds", 0), "mangaki:environment.pollSeconds: 0 is not between 1 and 3600");
    }

    @Test
    void rejectsAMissingEnvironment() {
        assertProblem(c -> c.remove("mangaki:environment"), "mangaki:environment: is required");
    }

    @Test
    void rejectsAnAlertThresholdOutOfRange() {
        assertProblem(c -> alerts(c).put("cpuPercent", 120), "mangaki:alerts.cpuPercent: 120 is not between 1 and 100");
    }

    @Test
    void rejectsAMalformedAlertEmail() {
        assertProblem(c -> alerts(c).put("email", List.of("ops")), "mangaki:alerts.email[0]: \"ops\" is not an e-mail address");
    }

    @Test
    void rejectsADigitalOceanTokenInClear() {
        assertProblem(c -> c.put("digitalocean:token", "dop_v1_abc"),
                "digitalocean:token: [secret] is in clear; set it with `pulumi config set --secret");
    }

    @Test
    void acceptsASecureDigitalOceanToken() {
        StackSettings s = parse(c -> c.put("digitalocean:token", map("secure", "v1:abc")));
        assertEquals("production", s.stack());
    }

    @Test
    void rejectsWrongShapes() {
        assertProblem(c -> c.put("mangaki:app", "s-1vcpu-1gb"),
                "mangaki:app: \"s-1vcpu-1gb\" is not an object (with keys size, backups, count, autoscale, standby)");
    }

    @Test
    void collectsEveryProblemBeforeFailing() {
        List<String> problems = problems(c -> {
            c.put("mangaki:region", "mars1");
            backups(c).put("hour", 5);
            env(c).put("port", 80);
        });
        assertEquals(3, problems.size(), problems::toString);
    }

    @Test
    void neverShowsASecretValueInAProblem() {
        List<String> problems = problems(c -> c.put("digitalocean:token", "dop_v1_topsecret"));
        assertFalse(String.join("\n", problems).contains("topsecret"));
    }

    @Test
    void rejectsAFileNamingItsProblemsInTheOrderOfItsKeys() {
        assertEquals(List.of(
                "mangaki:region: \"mars1\" is not one of ams3, atl1, blr1, fra1, lon1, nyc1, nyc2, nyc3, sfo2, sfo3, "
                        + "sgp1, syd1, tor1",
                "mangaki:app.size: 42 is not one of s-1vcpu-512mb-10gb, s-1vcpu-1gb, s-1vcpu-1gb-amd, s-1vcpu-1gb-intel, "
                        + "s-1vcpu-2gb, s-2vcpu-2gb, s-2vcpu-4gb, s-4vcpu-8gb",
                "mangaki:app.backups.hour: 5 is not one of 0, 4, 8, 12, 16, 20",
                "mangaki:sshKeys: must list at least one value",
                "mangaki:environment.branch: \"a..b\" is not a valid git branch name of letters, digits, '.', '_', '/' "
                        + "and '-'",
                "mangaki:environment.port: \"80\" is not between 1024 and 65535"),
                problems(c -> {
                    env(c).put("port", "80");
                    c.put("mangaki:sshKeys", List.of());
                    env(c).put("branch", "a..b");
                    backups(c).put("hour", 5);
                    app(c).put("size", 42);
                    c.put("mangaki:region", "mars1");
                }));
    }

    @Test
    void rejectsAValueAsItIsWrittenInTheFile() {
        assertEquals(List.of("mangaki:sshKeys[1]: 42 is not an OpenSSH public key (\"ssh-ed25519 AAAA... comment\")"),
                problems(c -> c.put("mangaki:sshKeys", List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops", 42))));
    }

    @Test
    void rejectsAnItemThatIsNotTextAtItsOwnIndexAndStillChecksTheOthers() {
        assertEquals(List.of("mangaki:environment.domains[0]: {a=1} is not a string",
                        "mangaki:environment.domains[1]: \"mangaki.org\" is not inside the zone mangaki:domain "
                                + "(\"mangaki.fr\")"),
                problems(c -> env(c).put("domains", List.of(map("a", 1), "mangaki.org"))));
    }

    @Test
    void rejectsAValueThatIsNotAListOnce() {
        assertEquals(List.of("mangaki:sshKeys: \"ssh-ed25519 AAAA x\" is not a list"),
                problems(c -> c.put("mangaki:sshKeys", "ssh-ed25519 AAAA x")));
    }

    @Test
    void rejectsABackupHourOutsideTheWindowsEvenWithAWeekdayOnDailyBackups() {
        assertEquals(List.of("mangaki:app.backups.weekday: \"SUN\" is not allowed with plan daily (daily backups have "
                        + "no weekday)", "mangaki:app.backups.hour: 3 is not one of 0, 4, 8, 12, 16, 20"),
                problems(c -> backups(c).putAll(map("plan", "daily", "hour", 3))));
    }

    @Test
    void rejectsAGuestsAlertThresholdAsAnUnknownKey() {
        Map<String, Object> c = StackFile.readConfig(StackFile.of(PROJECT, "staging"));
        c.put("mangaki:alerts", map("email", List.of("ops@mangaki.fr"), "cpuPercent", 50));
        assertEquals(List.of("mangaki:alerts.cpuPercent: unknown key (known keys: email)"),
                assertThrows(ConfigException.class, () -> StackSettings.parse("staging", c)).problems());
    }

    // helpers

    @Test
    void readsUnprotectImportsAndTheImage() {
        String fingerprint = fr.mangaki.verdandi.config.PublicKey.parse(
                StackFile.load(StackFile.of(PROJECT, "production")).sshKeys().get(0)).orElseThrow().fingerprint();
        StackSettings s = parse(c -> {
            c.put("mangaki:unprotect", List.of("app"));
            c.put("mangaki:import", map("zone", "mangaki.fr", "sshKeys", map(fingerprint, 263654)));
            c.put("mangaki:image", "debian-13-x64");
        });
        assertEquals(List.of("app"), s.unprotect());
        assertEquals(Optional.of("mangaki.fr"), s.importZone());
        assertEquals(Map.of(fingerprint, "263654"), s.importSshKeys());
        assertEquals("debian-13-x64", s.image());
        var args = s.platformArgs().access(new fr.mangaki.verdandi.component.HostAccess() {
            @Override
            public com.pulumi.core.Output<String> sshPrivateKey() {
                return com.pulumi.core.Output.ofSecret("");
            }

            @Override
            public com.pulumi.core.Output<String> environmentFile(String environment) {
                return com.pulumi.core.Output.ofSecret("");
            }

            @Override
            public String environmentFileVersion(String environment) {
                return "absent";
            }
        }).build();
        assertFalse(args.isProtected(fr.mangaki.verdandi.component.PlatformArgs.Protected.APP));
        assertEquals(Map.of(fingerprint, "263654"), args.importSshKeys());
        assertEquals("debian-13-x64", args.image());

        StackSettings plain = StackFile.load(StackFile.of(PROJECT, "production"));
        assertEquals(List.of(), plain.unprotect());
        assertEquals(Optional.empty(), plain.importZone());
        assertEquals("debian-12-x64", plain.image());
    }

    @Test
    void rejectsAMalformedImportIdNamingItsKey() {
        String fingerprint = fr.mangaki.verdandi.config.PublicKey.parse(
                StackFile.load(StackFile.of(PROJECT, "production")).sshKeys().get(0)).orElseThrow().fingerprint();
        assertEquals(List.of("mangaki:unprotect[0]: \"vpc\" is not one of app, zone, database",
                        "mangaki:import.zone: \"mangaki.com\" is not the zone of domain (\"mangaki.fr\"): a DigitalOcean "
                                + "domain is imported by its name",
                        "mangaki:import.sshKeys." + fingerprint + ": \"key-1\" is not a DigitalOcean SSH key id (a "
                                + "number, as `doctl compute ssh-key list` shows)"),
                problems(c -> {
                    c.put("mangaki:import", map("sshKeys", map(fingerprint, "key-1"), "zone", "mangaki.com"));
                    c.put("mangaki:unprotect", List.of("vpc"));
                }));
        assertEquals(List.of("mangaki:import.shh: unknown key (known keys: zone, sshKeys)"),
                problems(c -> c.put("mangaki:import", map("shh", "x"))));
    }

    @Test
    void rejectsImportsUnprotectAndImageOnAGuest() {
        Map<String, Object> c = StackFile.readConfig(StackFile.of(PROJECT, "staging"));
        Map<String, Object> guest = new LinkedHashMap<>(c);
        guest.put("mangaki:import", map("zone", "mangaki.fr"));
        guest.put("mangaki:unprotect", List.of("app"));
        guest.put("mangaki:image", "debian-13-x64");
        List<String> problems = assertThrows(ConfigException.class, () -> StackSettings.parse("staging", guest)).problems();
        assertTrue(problems.contains("mangaki:import: is not allowed on a guest stack (the platform stack declares the "
                + "droplets); remove it or set mangaki:hosting to platform"), problems.toString());
        assertEquals(3, problems.size(), problems.toString());
    }

    private static StackSettings parse(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = production();
        change.accept(c);
        return StackSettings.parse("production", c);
    }

    private static List<String> problems(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = production();
        change.accept(c);
        return assertThrows(ConfigException.class, () -> StackSettings.parse("production", c)).problems();
    }

    private static void assertProblem(Consumer<Map<String, Object>> change, String expectedStart) {
        List<String> problems = problems(change);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expectedStart)),
                () -> "expected a problem starting with <" + expectedStart + "> in " + problems);
    }

    private static void assertProblemIn(String stack, Map<String, Object> c, String expectedStart) {
        List<String> problems = assertThrows(ConfigException.class, () -> StackSettings.parse(stack, c)).problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expectedStart)),
                () -> "expected a problem starting with <" + expectedStart + "> in " + problems);
    }

    private static Map<String, Object> production() {
        return deepCopy(StackFile.readConfig(StackFile.of(PROJECT, "production")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> mm ? deepCopy((Map<String, Object>) mm)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> app(Map<String, Object> c) {
        return (Map<String, Object>) c.get("mangaki:app");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> backups(Map<String, Object> c) {
        return (Map<String, Object>) app(c).get("backups");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> c) {
        return (Map<String, Object>) c.get("mangaki:environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alerts(Map<String, Object> c) {
        return (Map<String, Object>) c.get("mangaki:alerts");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
