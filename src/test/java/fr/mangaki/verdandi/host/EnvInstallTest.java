package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * env-install and env-remove run for real (useradd under the temporary root, a running
 * PostgreSQL cluster, visudo) with the command lines of HostCommands; systemctl is the
 * test stand-in, whose calls are checked.
 */
class EnvInstallTest {

    @Test
    void installsAnEnvironmentIdempotentlyAndRemovesIt() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts()) {
            List<String> unknown = new java.util.ArrayList<>(r.commands().installEnvironmentTokens(r.env, "127.0.0.1"));
            unknown.addAll(List.of("--postgres-extension", "pg_trgmm"));
            Proc.Result refused = r.runScript(unknown, r.envFile());
            assertEquals(1, refused.exit(), refused.output());
            assertEquals("env-install: error: --postgres-extension: 'pg_trgmm' is not available in this PostgreSQL"
                    + " (mangaki:environment.postgresExtensions; see pg_available_extensions)\n", refused.output());
            assertFalse(Files.exists(r.root.resolve("etc/verdandi/staging")), "nothing installed");

            Proc.Result first = r.installEnvironment();
            assertEquals(0, first.exit(), first.output());
            String passwd = Rehearsal.read(r.root.resolve("etc/passwd"));
            assertTrue(passwd.matches("(?s).*mangaki-staging:x:\\d+:\\d+:Mangaki environment staging:"
                    + "/srv/mangaki/staging:/usr/sbin/nologin\n.*"), passwd);
            Path conf = r.root.resolve("etc/verdandi/staging");
            assertEquals("""
                    # Settings of environment staging, written by env-install (no secret here).
                    ENV_NAME=staging
                    BRANCH=staging
                    REPOSITORY=%s
                    PORT=%d
                    LISTEN=127.0.0.1:%d
                    DOMAINS="staging.test dev.staging.test"
                    HEALTH_HOST=staging.test
                    HEALTH_PATH=/
                    POLL_SECONDS=5
                    WORKERS=2
                    PYTHON=/usr/bin/python3
                    STATIC_URL=/static/
                    PROCESS_SETTLE_SECONDS=3
                    """.formatted(r.origin, r.appPort, r.appPort), Files.readString(conf.resolve("deploy.conf")));
            assertEquals("pytest\n", Files.readString(conf.resolve("gates")));
            assertEquals("worker\t\n", Files.readString(conf.resolve("processes")), "the stack names the worker (its grace only)");
            assertEquals("# Written by env-install: the grace period of process worker.\n[Service]\nTimeoutStopSec=20\n",
                    Files.readString(r.root.resolve("etc/systemd/system/mangaki-staging@worker.service.d/50-grace.conf")));
            assertEquals("# Written by env-install: the grace period of process worker.\n[Service]\nTimeoutStopSec=20\n",
                    Files.readString(r.root.resolve("etc/systemd/system/mangaki-staging@worker.2.service.d/50-grace.conf")),
                    "the slot a deploy hands the worker over to has the same grace");
            String unit = Files.readString(r.root.resolve("etc/systemd/system/mangaki-staging@.service"));
            assertTrue(unit.contains("\nUser=mangaki-staging\n") && unit.contains("\nExecStart=/usr/local/lib/verdandi/process-start staging %i\n")
                    && unit.contains("\nTimeoutStopSec=30\n") && !unit.contains("@ENV@"), unit);
            String site = Files.readString(r.root.resolve("etc/nginx/sites-available/verdandi-env-staging.conf"));
            assertTrue(site.contains("    listen 127.0.0.1:" + r.appPort + ";\n")
                    && site.contains("server unix:" + r.root.resolve("run/mangaki/staging/gunicorn.sock") + " fail_timeout=0;")
                    && site.contains("location ^~ /static/ {") && site.contains("alias " + r.srv() + "/shared/data/;"), site);
            assertEquals("rwx--x--x", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.srv())),
                    "NGINX may traverse the environment's directory, not list it");
            String acl = Files.readString(r.root.resolve("etc/redis/verdandi-users.acl"));
            assertTrue(acl.matches("user default off\nuser mangaki-staging on #[0-9a-f]{64} ~\\* &\\* \\+@all -@admin -@dangerous"
                    + " \\+info -select \\+select\\|0\n"), acl);
            assertTrue(Files.readString(r.root.resolve("etc/redis/redis.conf"))
                    .endsWith("include " + r.root.resolve("etc/redis/verdandi.conf") + "\n"));
            assertEquals(r.envFile(), Files.readString(conf.resolve("app.env")));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(conf.resolve("app.env"))));
            int uid = Integer.parseInt(passwd.lines().filter(l -> l.startsWith("mangaki-staging:")).findFirst()
                    .orElseThrow().split(":")[2]);
            assertEquals(uid, Files.getAttribute(conf.resolve("app.env"), "unix:uid"));
            assertEquals(uid, Files.getAttribute(r.srv().resolve("releases"), "unix:uid"));
            Path sudoers = r.root.resolve("etc/sudoers.d/verdandi-staging");
            assertEquals("# Written by env-install: the deploy loop of staging may start its gunicorn unit and restart its processes.\n"
                    + "mangaki-staging ALL=(root) NOPASSWD: /usr/bin/systemctl start mangaki@staging.service,"
                    + " /bin/systemctl start mangaki@staging.service, /usr/local/lib/verdandi/process-sync staging,"
                    + " /usr/local/lib/verdandi/process-sync staging --begin, /usr/local/lib/verdandi/process-sync staging --finish,"
                    + " /usr/local/lib/verdandi/process-sync staging --settle, /usr/local/lib/verdandi/process-sync staging --abandon\n",
                    Files.readString(sudoers));
            assertEquals("r--r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(sudoers)));
            assertEquals("mangaki-staging", r.psql("SELECT rolname FROM pg_roles WHERE rolname = 'mangaki-staging'"));
            assertEquals("mangaki-staging", r.psql("SELECT pg_get_userbyid(datdba) FROM pg_database"
                    + " WHERE datname = 'mangaki-staging'"));
            assertEquals(List.of("restart redis-server.service", "daemon-reload", "enable mangaki@staging.service",
                    "try-restart mangaki@staging.service verdandi-deploy@staging.service",
                    "enable --now verdandi-deploy@staging.service verdandi-look-now@staging.service"), calls(r));

            Proc.Result again = r.installEnvironment();
            assertEquals(0, again.exit(), again.output());
            assertEquals(List.of("restart redis-server.service", "daemon-reload", "enable mangaki@staging.service",
                    "try-restart mangaki@staging.service verdandi-deploy@staging.service",
                    "enable --now verdandi-deploy@staging.service verdandi-look-now@staging.service",
                    "daemon-reload", "enable mangaki@staging.service",
                    "enable --now verdandi-deploy@staging.service verdandi-look-now@staging.service"), calls(r),
                    "unchanged settings restart nothing");
            assertEquals(acl, Files.readString(r.root.resolve("etc/redis/verdandi-users.acl")), "the Redis password is kept");
            assertEquals(1, Rehearsal.read(r.root.resolve("etc/passwd")).lines()
                    .filter(l -> l.startsWith("mangaki-staging:")).count());

            Proc.Result removed = r.removeEnvironment();
            assertEquals(0, removed.exit(), removed.output());
            assertTrue(removed.output().contains("kept PostgreSQL database mangaki-staging"), removed.output());
            assertFalse(Files.exists(conf));
            assertFalse(Files.exists(sudoers));
            assertFalse(Files.exists(r.srv()));
            assertFalse(Files.exists(r.root.resolve("etc/systemd/system/mangaki-staging@.service")));
            assertFalse(Files.exists(r.root.resolve("etc/nginx/sites-enabled/verdandi-env-staging.conf")));
            assertEquals("user default off\n", Files.readString(r.root.resolve("etc/redis/verdandi-users.acl")));
            assertFalse(Rehearsal.read(r.root.resolve("etc/passwd")).contains("mangaki-staging"));
            assertEquals("mangaki-staging", r.psql("SELECT datname FROM pg_database WHERE datname = 'mangaki-staging'"));
            assertTrue(calls(r).contains("disable --now verdandi-deploy@staging.service"));

            Proc.Result drop = r.runScript(List.of(r.root + HostFiles.SCRIPT_DIR + "/env-remove", "staging",
                    "--drop-database"), null);
            assertEquals(0, drop.exit(), drop.output());
            assertEquals("", r.psql("SELECT datname FROM pg_database WHERE datname = 'mangaki-staging'"));
            assertEquals("", r.psql("SELECT rolname FROM pg_roles WHERE rolname = 'mangaki-staging'"));
        }
    }

    @Test
    void rejectsBadSettingsNamingEachAndChangesNothing() {
        try (Rehearsal r = new Rehearsal(5)) {
            Path script = Path.of("src/main/resources/fr/mangaki/verdandi/host/env-install").toAbsolutePath();
            Proc.Result res = r.runScript(List.of(script.toString(), "Prod_1", "--branch", "main branch",
                    "--repository", "https://github.com/mangaki/mangaki.git", "--port", "80", "--domain", "mangaki.fr",
                    "--poll-seconds", "0"), "");
            assertEquals(2, res.exit(), res.output());
            for (String expected : List.of(
                    "env-install: error: name: 'Prod_1' is not allowed: lower-case letters, digits and '-', 1 to 23 characters, starting with a letter",
                    "env-install: error: --branch: 'main branch' is not a branch name this script accepts (letters, digits, . _ / -)",
                    "env-install: error: --port: '80' is not a port in 1024..65535",
                    "env-install: error: --poll-seconds: '0' is not in 1..3600")) {
                assertTrue(res.output().contains(expected), res.output());
            }
            assertFalse(Files.exists(r.root.resolve("etc/verdandi")));

            Proc.Result python = r.runScript(List.of(script.toString(), "staging", "--branch", "staging",
                    "--repository", "https://github.com/mangaki/mangaki.git", "--port", "8001", "--domain", "staging.mangaki.fr",
                    "--python", "/usr/bin/python3.9-not-here"), "");
            assertEquals(1, python.exit(), python.output());
            assertEquals("env-install: error: --python: '/usr/bin/python3.9-not-here' does not exist on this host"
                    + " (mangaki:environment.python)\n", python.output());
        }
    }

    private static List<String> calls(Rehearsal r) throws Exception {
        return Files.readAllLines(r.root.resolve("var/log/systemctl-stand-in/calls"));
    }
}
