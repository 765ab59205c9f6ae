package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.ApplicationSettings;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.config.FrontSettings;
import fr.mangaki.verdandi.host.internal.ShellQuote;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostCommandsTest {

    static final EnvironmentSettings PRODUCTION = new EnvironmentSettings("production", "production",
            List.of("mangaki.fr", "www.mangaki.fr"), 8000, "https://github.com/mangaki/mangaki.git",
            List.of("python manage.py test"), 5);
    static final EnvironmentSettings STAGING = new EnvironmentSettings("staging", "staging",
            List.of("staging.mangaki.fr", "dev.mangaki.fr"), 8001, "https://github.com/mangaki/mangaki.git",
            List.of("python manage.py test", "npm test -- --grep 'it'\"s\""), 5);

    private final HostCommands commands = HostCommands.standard();

    private static final String WAIT = "if [ -d /run/cloud-init ]; then cloud-init status --wait >/dev/null 2>&1 || true; fi; ";
    private static final String ADVICE = "run pulumi up -s production first";

    /** The check that the host's files are the version this Verdandi's commands need. */
    private static String check(HostRole role) {
        return "v=$(cat /usr/local/lib/verdandi/host-files-" + role.slug() + ".version 2>/dev/null || echo unknown); "
                + "if [ \"$v\" != "
                + HostFiles.digest(role) + " ]; then echo \"verdandi: the platform's host files are version $v, this stack"
                + " needs " + HostFiles.digest(role) + ": \"'run pulumi up -s production first' >&2; exit 1; fi; ";
    }

    @Test
    void installsAnEnvironmentOnTheAppHost() {
        assertEquals(WAIT + check(HostRole.APP) + "sudo -n /usr/local/lib/verdandi/env-install"
                        + " production --branch production --repository https://github.com/mangaki/mangaki.git"
                        + " --port 8000 --poll-seconds 5 --domain mangaki.fr --domain www.mangaki.fr"
                        + " --gate 'python manage.py test' # env file sha256:0123",
                commands.installEnvironment(PRODUCTION, ADVICE, "sha256:0123"));
    }

    @Test
    void quotesEveryGate() {
        assertEquals(WAIT + check(HostRole.APP) + "sudo -n /usr/local/lib/verdandi/env-install"
                        + " staging --branch staging --repository https://github.com/mangaki/mangaki.git"
                        + " --port 8001 --poll-seconds 5 --domain staging.mangaki.fr --domain dev.mangaki.fr"
                        + " --gate 'python manage.py test' --gate 'npm test -- --grep '\\''it'\\''\"s\"' # env file absent",
                commands.installEnvironment(STAGING, ADVICE, "absent"));
    }

    @Test
    void rejectsAnAdviceOrVersionOfMoreThanOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> commands.installEnvironment(PRODUCTION, ADVICE, "v1\nrm -rf /"));
        assertEquals("not one line of printable text: 'v1\nrm -rf /'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> commands.installSite(PRODUCTION, "10.0.0.1", "a\rb", "v1"));
        assertThrows(IllegalArgumentException.class, () -> commands.installSite(PRODUCTION, "10.0.0.1", ADVICE, "v1\nx"));
    }

    @Test
    void installsTheHostFilesAsRootGivingTheSessionsKeyFile() {
        assertEquals(WAIT + "sudo -n bash -s -- \"${SSH_USER_AUTH:-}\"", HostCommands.INSTALL_HOST_FILES);
    }

    static final EnvironmentSettings MANGAKI = new EnvironmentSettings("production", "production",
            List.of("mangaki.fr"), 8000, "https://github.com/mangaki/mangaki.git", List.of("pytest"), 5,
            new ApplicationSettings(Map.of(
                    "worker", new ApplicationSettings.ProcessSettings(Optional.of("celery -A mangaki worker --autoscale=3,1"),
                            OptionalInt.of(600)),
                    "beat", ApplicationSettings.ProcessSettings.command("celery -A mangaki beat"),
                    "mailer", new ApplicationSettings.ProcessSettings(Optional.of("python manage.py send_mail_loop"),
                            OptionalInt.empty(), Optional.of("stop"))),
                    "/usr/bin/python3.10", List.of("pg_trgm", "unaccent"), true,
                    Map.of("MANGAKI_SETTINGS_PATH", "settings.ini"), 5));

    @Test
    void installsAnEnvironmentShapedLikeMangaki() {
        assertEquals(List.of("sudo", "-n", "/usr/local/lib/verdandi/env-install", "production", "--branch", "production",
                        "--repository", "https://github.com/mangaki/mangaki.git", "--port", "8000", "--poll-seconds", "5",
                        "--domain", "mangaki.fr", "--gate", "pytest", "--python", "/usr/bin/python3.10",
                        "--process", "beat=celery -A mangaki beat",
                        "--process", "mailer=python manage.py send_mail_loop", "--process-handover", "mailer=stop",
                        "--process", "worker=celery -A mangaki worker --autoscale=3,1", "--process-grace", "worker=600",
                        "--process-settle", "5",
                        "--postgres-extension", "pg_trgm", "--postgres-extension", "unaccent", "--redis",
                        "--settings-file", "MANGAKI_SETTINGS_PATH=settings.ini"),
                commands.installEnvironmentTokens(MANGAKI, null));
    }

    @Test
    void sendsTheEnvFileAloneOrABundleWithTheSettingsFiles() {
        assertEquals("A=1\n", HostCommands.installInput("A=1\n", Map.of()));
        String bundle = HostCommands.installInput("SECRET_KEY=s3cr3t\n",
                Map.of("settings.ini", "[secrets]\nSECRET_FILE = ${VERDANDI_ENV_FILE}", "other.ini", ""));
        String b = bundle.substring("#verdandi-files boundary=".length(), bundle.indexOf('\n'));
        assertTrue(b.matches("vf[0-9a-f]{30}"), b);
        assertEquals("#verdandi-files boundary=" + b + "\n"
                + "--" + b + " app.env\nSECRET_KEY=s3cr3t\n"
                + "--" + b + " other.ini\n"
                + "--" + b + " settings.ini\n[secrets]\nSECRET_FILE = ${VERDANDI_ENV_FILE}\n"
                + "--" + b + "--\n", bundle);
        assertEquals(bundle, HostCommands.installInput("SECRET_KEY=s3cr3t\n",
                Map.of("other.ini", "", "settings.ini", "[secrets]\nSECRET_FILE = ${VERDANDI_ENV_FILE}")), "deterministic");
    }

    @Test
    void removesAnEnvironment() {
        assertEquals("sudo -n /usr/local/lib/verdandi/env-remove staging", commands.removeEnvironment("staging"));
    }

    @Test
    void installsASiteOnTheFront() {
        assertEquals(WAIT + check(HostRole.FRONT) + "sudo -n /usr/local/lib/verdandi/site-install"
                        + " staging --upstream 10.110.0.3:8001 --domain staging.mangaki.fr --domain dev.mangaki.fr"
                        + " --branch staging --alert-rpm 300 --alert-error-percent 5 --log-days 30 --secrets-stdin"
                        + " # env file sha256:ab12",
                commands.installSite(STAGING, "10.110.0.3", ADVICE, "sha256:ab12"));
        EnvironmentSettings production = new EnvironmentSettings("production", "main", PRODUCTION.domains(),
                PRODUCTION.port(), PRODUCTION.repository(), PRODUCTION.gates(), PRODUCTION.pollSeconds(),
                PRODUCTION.backups(), PRODUCTION.application(), new FrontSettings(1200, 2, 7));
        assertEquals(List.of("sudo", "-n", "/usr/local/lib/verdandi/site-install", "production",
                        "--upstream", "[fd00::3]:8000", "--domain", "mangaki.fr", "--domain", "www.mangaki.fr",
                        "--branch", "main", "--alert-rpm", "1200", "--alert-error-percent", "2", "--log-days", "7",
                        "--secrets-stdin"),
                commands.installSiteTokens(production, "fd00::3", null, null));
    }

    @Test
    void givesTheFrontOnlyItsOwnSecrets() {
        assertEquals("SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T0/B0/x\nDEPLOY_WEBHOOK_SECRET=\"s e c r e t\"\n",
                HostCommands.frontSecrets("# the env file\nSECRET_KEY=django-secret\nSLACK_WEBHOOK_URL=old\n"
                        + "export SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T0/B0/x\r\n"
                        + "DATABASE_URL=postgres:///x\nDEPLOY_WEBHOOK_SECRET=\"s e c r e t\"\nDEPLOY_WEBHOOK_SECRETS=no"));
        assertEquals("", HostCommands.frontSecrets("SECRET_KEY=x\n"));
    }

    @Test
    void installsASiteWithItsCertificateFromTheAcmeServer() {
        assertEquals(WAIT + check(HostRole.FRONT) + "sudo -n /usr/local/lib/verdandi/site-install"
                        + " production --upstream 10.110.0.3:8000 --domain mangaki.fr --domain www.mangaki.fr"
                        + " --branch production --alert-rpm 300 --alert-error-percent 5 --log-days 30 --secrets-stdin"
                        + " --acme-directory https://acme-v02.api.letsencrypt.org/directory # env file v1",
                commands.installSite(PRODUCTION, "10.110.0.3", Acme.letsEncrypt(), ADVICE, "v1"));
        assertEquals(List.of("sudo", "-n", "/usr/local/lib/verdandi/site-install", "staging",
                        "--upstream", "10.110.0.3:8001", "--domain", "staging.mangaki.fr", "--domain", "dev.mangaki.fr",
                        "--branch", "staging", "--alert-rpm", "300", "--alert-error-percent", "5", "--log-days", "30",
                        "--secrets-stdin",
                        "--acme-directory", "https://10.110.0.1:14000/dir", "--acme-email", "ops@mangaki.fr"),
                commands.installSiteTokens(STAGING, "10.110.0.3", null, null,
                        new Acme("https://10.110.0.1:14000/dir", java.util.Optional.of("ops@mangaki.fr"))));
    }

    @Test
    void removesASite() {
        assertEquals("sudo -n /usr/local/lib/verdandi/site-remove production", commands.removeSite("production"));
    }

    @Test
    void buildsTheTokensThatTestsRunWithoutSudo() {
        HostCommands local = new HostCommands("/tmp/root/usr/local/lib/verdandi", false);
        assertEquals(List.of("/tmp/root/usr/local/lib/verdandi/env-install", "production", "--branch", "production",
                        "--repository", "https://github.com/mangaki/mangaki.git", "--port", "8000", "--poll-seconds", "5",
                        "--domain", "mangaki.fr", "--domain", "www.mangaki.fr", "--gate", "python manage.py test",
                        "--listen", "127.0.0.1"),
                local.installEnvironmentTokens(PRODUCTION, "127.0.0.1"));
        assertEquals(List.of("/tmp/root/usr/local/lib/verdandi/site-install", "staging", "--upstream", "127.0.0.1:8001",
                        "--domain", "staging.mangaki.fr", "--domain", "dev.mangaki.fr", "--branch", "staging",
                        "--alert-rpm", "300", "--alert-error-percent", "5", "--log-days", "30",
                        "--listen-http", "127.0.0.1:18080", "--listen-https", "127.0.0.1:18443", "--webhook-port", "19380",
                        "--secrets-stdin"),
                local.installSiteTokens(STAGING, "127.0.0.1", "127.0.0.1:18080", "127.0.0.1:18443", 19380));
    }

    @Test
    void rejectsAnAppAddressThatIsNotAnIpAddress() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> commands.installSite(STAGING, "app.internal; rm -rf /", ADVICE, "absent"));
        assertEquals("appPrivateAddress: 'app.internal; rm -rf /' is not an IPv4 or IPv6 address", e.getMessage());
    }

    @Test
    void quotesShellWords() {
        assertEquals("plain-word_1.2/x:y@z,+=%", ShellQuote.quote("plain-word_1.2/x:y@z,+=%"));
        assertEquals("''", ShellQuote.quote(""));
        assertEquals("'a b'", ShellQuote.quote("a b"));
        assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
        assertEquals("'$HOME'", ShellQuote.quote("$HOME"));
    }

    @Test
    void installsAndRemovesTheBackupsOfAnEnvironment() {
        assertEquals(WAIT + check(HostRole.APP)
                        + "sudo -n /usr/local/lib/verdandi/backup-install production --nightly on --hour 3 --keep-days 14"
                        + " --offsite-host 10.110.0.2",
                commands.installBackups("production", DatabaseBackups.defaultsFor("production"), "10.110.0.2", ADVICE));
        assertEquals(List.of("sudo", "-n", "/usr/local/lib/verdandi/backup-install", "staging", "--nightly", "off",
                        "--hour", "3", "--keep-days", "14"),
                commands.installBackupsTokens("staging", DatabaseBackups.defaultsFor("staging"), null, null));
        assertEquals(List.of("sudo", "-n", "/usr/local/lib/verdandi/backup-install", "production", "--nightly", "on",
                        "--hour", "22", "--keep-days", "30", "--offsite-host", "127.0.0.1", "--offsite-port", "2222",
                        "--s3-bucket", "mangaki-backups", "--s3-endpoint", "fra1.digitaloceanspaces.com",
                        "--s3-region", "fra1"),
                commands.installBackupsTokens("production", DatabaseBackups.nightly(22, 30)
                        .withBucket(new DatabaseBackups.Bucket("mangaki-backups", "fra1")), "127.0.0.1", 2222));
        assertEquals("sudo -n /usr/local/lib/verdandi/backup-remove staging", commands.removeBackups("staging"));
        // the other app droplets of a managed database: the dumps before their migrations only
        assertEquals(WAIT + check(HostRole.APP) + "sudo -n /usr/local/lib/verdandi/backup-install production --nightly off"
                + " >/dev/null", commands.installBeforeMigrateBackups("production", ADVICE));
        assertThrows(IllegalArgumentException.class, () -> commands.installBackups("staging",
                DatabaseBackups.defaultsFor("staging"), "front; rm -rf /", ADVICE));
    }

    @Test
    void installsAndRemovesTheDumpReceiverOnTheFront() {
        assertEquals(WAIT + check(HostRole.FRONT) + "sudo -n /usr/local/lib/verdandi/dumps-install production --keep-days 14",
                commands.installDumps("production", 14, ADVICE));
        assertEquals("sudo -n /usr/local/lib/verdandi/dumps-remove production", commands.removeDumps("production"));
        assertEquals(List.of("sudo", "-n", "/usr/local/lib/verdandi/env-restore", "staging", "--from",
                "staging.20261130T031500Z.nightly.pgdump.gpg"),
                commands.restoreTokens("staging", "staging.20261130T031500Z.nightly.pgdump.gpg"));
    }
}
