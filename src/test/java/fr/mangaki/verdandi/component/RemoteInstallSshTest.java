package fr.mangaki.verdandi.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.pulumi.core.Output;
import fr.mangaki.verdandi.Program;
import fr.mangaki.verdandi.component.internal.LoopbackSshd;
import fr.mangaki.verdandi.component.internal.LoopbackSshd.AdminUser;
import fr.mangaki.verdandi.component.internal.LoopbackSshd.KeyPair;
import fr.mangaki.verdandi.component.internal.ProviderDial;
import fr.mangaki.verdandi.component.internal.Ssh;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.PublicKey;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.stack.StackFile;
import fr.mangaki.verdandi.stack.StackSettings;
import fr.mangaki.verdandi.host.HostCommands;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import fr.mangaki.verdandi.resource.internal.RecordingMocks;
import fr.mangaki.verdandi.resource.internal.RecordingMocks.Addresses;
import fr.mangaki.verdandi.resource.internal.RecordingMocks.RemoteCommandInputs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remote commands of the program, run for real over SSH: Debian's sshd on loopback
 * (keys only) stands for both droplets, set up from the user data the program gives them
 * (host scripts at {@code /usr/local/lib/verdandi}, the admin user with its sudo rule and
 * authorized keys, the hosts' sshd settings), and OpenSSH's client sends the exact
 * {@code create}, {@code update} and {@code delete} strings (and {@code stdin}) that the
 * program registers, as the command provider would. Each host script runs as root through
 * {@code sudo -n} under a temporary root: real {@code useradd}, a running PostgreSQL,
 * {@code visudo} and {@code nginx -t}; systemctl is a recorder that starts nothing.
 */
class RemoteInstallSshTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String APP = "127.0.0.2";
    private static final String FRONT = "127.0.0.3";
    private static final String APP_PRIVATE = "127.0.0.4";
    private static final Map<String, Addresses> DROPLETS = Map.of(
            "mangaki-app", new Addresses(APP, APP_PRIVATE),
            "mangaki-front", new Addresses(FRONT, "127.0.0.5"));
    private static final Path RECORDER = LoopbackSshd.RESOURCES.resolve("systemctl-recorder");
    private static final String SECRET_1 = "ssh-test-secret-5a1f0c93";
    private static final String SECRET_2 = "ssh-test-secret-7d2e9b41";
    private static final String ENV_1 = "# production\nDJANGO_SECRET_KEY=" + SECRET_1 + "\nDEBUG=false\n";
    private static final String SETTINGS = "[secrets]\nSECRET_FILE = ${VERDANDI_ENV_FILE}\n";
    private static final String ENV_2 = "# production\nDJANGO_SECRET_KEY=" + SECRET_2 + "\nDEBUG=false\n";

    @Test
    void installsUpdatesAndRemovesTheEnvironmentWithTheProgramsOwnCommands() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts()) {
            stopNginx(r);
            Path work = r.base.resolve("ssh");
            Files.createDirectories(work);
            KeyPair admin = LoopbackSshd.keygen(work.resolve("admin_key"), "admin@mangaki.test");
            StackSettings settings = productionWithKey(admin.publicKey());
            EnvironmentSettings env = settings.environment();

            // what `pulumi up` would send: first with the env file as it is, then after it changed
            RecordingMocks first = record(settings, access(admin, ENV_1, "v1"));
            RecordingMocks second = record(settings, access(admin, ENV_2, "v2"));
            RemoteCommandInputs app = first.remoteCommand("production-app-install");
            RemoteCommandInputs appAfter = second.remoteCommand("production-app-install");
            RemoteCommandInputs front = first.remoteCommand("production-front-site");
            assertEquals(APP, app.host());
            assertEquals(FRONT, front.host());
            // the env file and settings.ini (mangaki:environment.settingsFiles) travel together
            assertEquals(HostCommands.installInput(ENV_1, Map.of("settings.ini", SETTINGS)), app.stdin());
            assertEquals(HostCommands.installInput(ENV_2, Map.of("settings.ini", SETTINGS)), appAfter.stdin());
            assertEquals(app.create().replace("# env file v1", "# env file v2")
                            .replace("settings.ini=settings-v1", "settings.ini=settings-v2"), appAfter.update(),
                    "an update runs the install again");
            assertNotEquals(app.create(), appAfter.create(), "a new env file changes the command: pulumi up updates it");
            assertEquals(List.of(), appAfter.triggers(), "no triggers: a change of them would replace the command");
            assertEquals(front.create(), front.update());
            assertTrue(app.create().startsWith(HostCommands.WAIT_FOR_CLOUD_INIT + "; "
                    + HostCommands.standard().requireHostFiles(HostRole.APP, "run pulumi up of this stack again (its "
                    + "host-files command did not complete)") + "; sudo -n " + HostFiles.SCRIPT_DIR
                    + "/env-install production "), app.create());

            // both hosts as their user data makes them, on this machine
            Rehearsal.materializeInto(r.root, first.userData("mangaki-app"));
            Rehearsal.materializeInto(r.root, first.userData("mangaki-front"));
            AdminUser user = adminUser(first.userData("mangaki-app"));
            assertEquals(user, adminUser(first.userData("mangaki-front")));
            assertEquals(user.name(), app.user());
            assertEquals(user.name(), front.user());
            assertEquals(List.of(admin.publicKey()), user.authorizedKeys());

            Map<String, String> session = new LinkedHashMap<>();
            session.put("VERDANDI_ROOT", r.root.toString());
            session.put("VERDANDI_SYSTEMCTL", RECORDER.toString());
            session.put("PGHOST", r.base.resolve("pg/sock").toString());
            List<String> outputs = new ArrayList<>();
            try (LoopbackSshd sshd = startSshd(work.resolve("sshd"), r.root, user, session)) {
                List<String> toApp = sshd.client(app.user(), app.host(), connectionKey(work, app));
                List<String> toFront = sshd.client(front.user(), front.host(), connectionKey(work, front));

                // the session and sudo keep the temporary root: nothing below touches this machine's /
                Proc.Result probe = sshd.ssh(toApp, "id -un; sudo -n id -un; sudo -n printenv VERDANDI_ROOT", null);
                assertEquals(0, probe.exit(), probe.output() + sshd.log());
                assertEquals(user.name() + "\nroot\n" + r.root + "\n", probe.output());

                // the platform's up writes both hosts' files first (the install commands check their version)
                for (String files : List.of("mangaki-app-files", "mangaki-front-files")) {
                    RemoteCommandInputs f = first.remoteCommand(files);
                    Proc.Result written = sshd.ssh(f.host().equals(APP) ? toApp : toFront, f.create(), f.stdin());
                    outputs.add(written.output());
                    assertEquals(0, written.exit(), written.output() + sshd.log());
                }

                // create
                Proc.Result created = sshd.ssh(toApp, app.create(), app.stdin());
                outputs.add(created.output());
                assertEquals(0, created.exit(), created.output() + sshd.log());
                assertTrue(created.output().contains("env-install: environment production installed: branch production,"
                        + " port 8000, 1 gate(s), polled every 5s"), created.output());
                Path conf = r.root.resolve("etc/verdandi/production");
                int uid = uidOf(r, "mangaki-production");
                assertEquals(ENV_1, Files.readString(conf.resolve("app.env")));
                assertEquals("rw-------", permissions(conf.resolve("app.env")));
                assertEquals(uid, Files.getAttribute(conf.resolve("app.env"), "unix:uid"));
                assertEquals(deployConf(env), Files.readString(conf.resolve("deploy.conf")));
                assertEquals(String.join("\n", env.gates()) + "\n", Files.readString(conf.resolve("gates")));
                Path srv = r.root.resolve("srv/mangaki/production");
                for (String d : List.of("", "releases", "venvs", "node", "shared")) {
                    assertEquals(uid, Files.getAttribute(srv.resolve(d), "unix:uid"), "owner of " + srv.resolve(d));
                    // NGINX may traverse the environment's directory and shared/ (for static/ and shared/data/)
                    assertEquals(d.isEmpty() || d.equals("shared") ? "rwx--x--x" : "rwxr-x---", permissions(srv.resolve(d)), d);
                }
                assertEquals("[secrets]\nSECRET_FILE = " + conf.resolve("app.env") + "\n",
                        Files.readString(srv.resolve("shared/settings.ini")), "the settings file, its placeholder filled");
                assertEquals("rw-------", permissions(srv.resolve("shared/settings.ini")));
                Path sudoers = r.root.resolve("etc/sudoers.d/verdandi-production");
                assertEquals("r--r-----", permissions(sudoers));
                assertTrue(Files.readString(sudoers).contains(
                        "mangaki-production ALL=(root) NOPASSWD: /usr/bin/systemctl start mangaki@production.service"));
                assertEquals("mangaki-production", r.psql("SELECT pg_get_userbyid(datdba) FROM pg_database"
                        + " WHERE datname = 'mangaki-production'"));
                assertEquals(List.of("restart redis-server.service", "daemon-reload", "enable mangaki@production.service",
                        "try-restart mangaki@production.service verdandi-deploy@production.service",
                        "enable --now verdandi-deploy@production.service verdandi-look-now@production.service"), calls(r));

                // the same create again (a replaced resource, a retried up): nothing changes
                Map<String, String> before = snapshot(r.root);
                Proc.Result again = sshd.ssh(toApp, app.create(), app.stdin());
                outputs.add(again.output());
                assertEquals(0, again.exit(), again.output());
                assertEquals(before, snapshot(r.root));
                assertEquals(List.of("daemon-reload", "enable mangaki@production.service",
                        "enable --now verdandi-deploy@production.service verdandi-look-now@production.service"), calls(r).subList(5, 8),
                        "unchanged settings restart nothing");
                assertEquals("1", r.psql("SELECT count(*) FROM pg_roles WHERE rolname = 'mangaki-production'"));

                // update with the new env file
                Proc.Result updated = sshd.ssh(toApp, appAfter.update(), appAfter.stdin());
                outputs.add(updated.output());
                assertEquals(0, updated.exit(), updated.output());
                assertEquals(ENV_2, Files.readString(conf.resolve("app.env")));
                assertEquals("rw-------", permissions(conf.resolve("app.env")));
                assertEquals(uid, Files.getAttribute(conf.resolve("app.env"), "unix:uid"));
                assertEquals(uid, uidOf(r, "mangaki-production"), "the environment's user is kept");
                assertEquals("try-restart mangaki@production.service verdandi-deploy@production.service",
                        calls(r).get(10), "a new env file restarts the environment");

                // the front's server block
                Path available = r.root.resolve("etc/nginx/sites-available/mangaki-production.conf");
                Path enabled = r.root.resolve("etc/nginx/sites-enabled/mangaki-production.conf");
                Proc.Result site = sshd.ssh(toFront, front.create(), front.stdin());
                outputs.add(site.output());
                assertEquals(0, site.exit(), site.output());
                assertTrue(site.output().contains("site-install: site production serves mangaki.fr www.mangaki.fr -> "
                        + APP_PRIVATE + ":8000 (TLS: false)"), site.output());
                assertEquals(HostCommands.frontSecrets(ENV_1), front.stdin(), "the front gets its own secrets only");
                assertEquals(serverBlock(r.root), Files.readString(available));
                assertEquals(Path.of("../sites-available/mangaki-production.conf"), Files.readSymbolicLink(enabled));
                assertNginxAccepts(r);
                Map<String, String> frontBefore = snapshot(r.root);
                Proc.Result siteAgain = sshd.ssh(toFront, front.update(), front.stdin());
                outputs.add(siteAgain.output());
                assertEquals(0, siteAgain.exit(), siteAgain.output());
                assertEquals(frontBefore, snapshot(r.root));

                // delete, in the order Pulumi deletes: the front's site first (it depends on the app's install)
                Proc.Result siteRemoved = sshd.ssh(toFront, front.delete(), null);
                outputs.add(siteRemoved.output());
                assertEquals(0, siteRemoved.exit(), siteRemoved.output());
                assertFalse(Files.exists(available, LinkOption.NOFOLLOW_LINKS));
                assertFalse(Files.exists(enabled, LinkOption.NOFOLLOW_LINKS));
                assertFalse(Files.exists(r.root.resolve("etc/verdandi/sites/production.conf")));
                assertNginxAccepts(r);

                for (int i = 0; i < 2; i++) {
                    Proc.Result removed = sshd.ssh(toApp, app.delete(), null);
                    outputs.add(removed.output());
                    assertEquals(0, removed.exit(), removed.output());
                    assertTrue(removed.output().contains("kept PostgreSQL database mangaki-production"), removed.output());
                }
                assertFalse(Files.exists(conf));
                assertFalse(Files.exists(srv));
                assertFalse(Files.exists(sudoers));
                assertFalse(Files.exists(r.root.resolve("var/lib/verdandi/production")));
                assertFalse(Rehearsal.read(r.root.resolve("etc/passwd")).contains("mangaki-production:"));
                assertEquals("mangaki-production", r.psql("SELECT datname FROM pg_database"
                        + " WHERE datname = 'mangaki-production'"), "the database is kept");
                assertTrue(calls(r).containsAll(List.of("disable --now verdandi-deploy@production.service",
                        "disable --now mangaki@production.service")), calls(r).toString());

                outputs.add(sshd.log());
                outputs.add(String.join("\n", calls(r)));
                for (String text : outputs) {
                    assertFalse(text.contains(SECRET_1) || text.contains(SECRET_2), "a secret leaked:\n" + text);
                }
            }
        }
    }

    @Test
    void acceptsOnlyTheAdminsKeyAndChecksTheHostKey() throws Exception {
        Path work = Files.createTempDirectory("verdandi-ssh-");
        try {
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            KeyPair admin = LoopbackSshd.keygen(work.resolve("admin_key"), "admin@mangaki.test");
            KeyPair stranger = LoopbackSshd.keygen(work.resolve("stranger_key"), "stranger@example.org");
            StackSettings settings = productionWithKey(admin.publicKey());
            RecordingMocks program = record(settings, access(admin, ENV_1, "v1"));
            RemoteCommandInputs app = program.remoteCommand("production-app-install");
            Path root = work.resolve("root");
            Rehearsal.materializeInto(root, program.userData("mangaki-app"));
            AdminUser user = adminUser(program.userData("mangaki-app"));
            try (LoopbackSshd sshd = startSshd(work.resolve("sshd"), root, user,
                    Map.of("VERDANDI_ROOT", root.toString()))) {
                Path key = connectionKey(work, app);
                Proc.Result ok = sshd.ssh(sshd.client(user.name(), APP, key), "printenv VERDANDI_ROOT", null);
                assertEquals(0, ok.exit(), ok.output() + sshd.log());
                assertEquals(root + "\n", ok.output());

                Proc.Result noKey = sshd.ssh(sshd.client(user.name(), APP, null), "true", null);
                assertEquals(255, noKey.exit(), noKey.output());
                assertTrue(noKey.output().contains(user.name() + "@" + APP + ": Permission denied (publickey)."),
                        "only public keys are offered: " + noKey.output());

                Proc.Result strangerKey = sshd.ssh(sshd.client(user.name(), APP, stranger.privateKey()), "true", null);
                assertEquals(255, strangerKey.exit(), strangerKey.output());
                assertTrue(strangerKey.output().contains("Permission denied (publickey)."), strangerKey.output());

                // the authorized keys file is the same for every user: the hosts' sshd settings refuse root
                Proc.Result asRoot = sshd.ssh(sshd.client("root", APP, key), "true", null);
                assertEquals(255, asRoot.exit(), asRoot.output());
                assertTrue(asRoot.output().contains("root@" + APP + ": Permission denied (publickey)."), asRoot.output());

                Path empty = work.resolve("empty_known_hosts");
                Files.writeString(empty, "");
                Proc.Result unknownHost = sshd.ssh(sshd.client(user.name(), APP, key, empty), "true", null);
                assertEquals(255, unknownHost.exit(), unknownHost.output());
                assertTrue(unknownHost.output().contains("Host key verification failed."), unknownHost.output());
            }
        } finally {
            Proc.run(List.of("rm", "-rf", work.toString()), Map.of(), null, Duration.ofSeconds(60));
        }
    }

    /**
     * The team's keys on a running droplet: the host-files command the program registers for
     * each list of keys, run over SSH as the deploying key, sets the admin user's authorized
     * keys, so that a key added logs in and a key removed is refused; a list without the
     * deploying key is refused by the program when it can tell that key, and on the host
     * otherwise, the keys left as they were.
     */
    @Test
    void theAuthorizedKeysFollowTheStackAndNeverLoseTheDeployingKey() throws Exception {
        Path work = Files.createTempDirectory("verdandi-keys-");
        try {
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            KeyPair admin = LoopbackSshd.keygen(work.resolve("admin_key"), "admin@mangaki.test");
            KeyPair alice = LoopbackSshd.keygen(work.resolve("alice_key"), "alice@mangaki.test");
            RecordingMocks first = record(productionWithKeys(List.of(admin.publicKey())), access(admin, ENV_1, "v1"));
            Path root = work.resolve("root");
            Rehearsal.materializeInto(root, first.userData("mangaki-app"));
            AdminUser user = adminUser(first.userData("mangaki-app"));
            LoopbackSshd.Builder b = LoopbackSshd.builder(work.resolve("sshd")).listen(APP).admin(user)
                    .hostScripts(root.resolve("usr/local/lib")).authorizedKeysUnder(root)
                    .include(root.resolve("etc/ssh/sshd_config.d/*.conf"))
                    .sessionEnvironment("VERDANDI_ROOT", root.toString());
            try (LoopbackSshd sshd = b.start()) {
                RemoteCommandInputs files = first.remoteCommand("mangaki-app-files");
                List<String> asAdmin = sshd.client(user.name(), APP, connectionKey(work, files));
                List<String> asAlice = sshd.client(user.name(), APP, alice.privateKey());
                assertDenied(sshd.ssh(asAlice, "true", null));

                // a key added: the host-files command of the new list lets it in
                RemoteCommandInputs added = record(productionWithKeys(List.of(admin.publicKey(), alice.publicKey())),
                        access(admin, ENV_1, "v1")).remoteCommand("mangaki-app-files");
                assertEquals(files.update(), added.update(), "the keys change the script, not the command");
                Proc.Result add = sshd.ssh(asAdmin, added.update(), added.stdin());
                assertEquals(0, add.exit(), add.output() + sshd.log());
                assertTrue(add.output().contains("authorized keys of verdandi: the 2 of mangaki:sshKeys"), add.output());
                Proc.Result aliceIn = sshd.ssh(asAlice, "id -un", null);
                assertEquals(0, aliceIn.exit(), aliceIn.output() + sshd.log());
                assertEquals(user.name() + "\n", aliceIn.output());

                // a key removed: refused at once
                Proc.Result remove = sshd.ssh(asAdmin, files.update(), files.stdin());
                assertEquals(0, remove.exit(), remove.output());
                assertDenied(sshd.ssh(asAlice, "true", null));
                assertEquals(0, sshd.ssh(asAdmin, "true", null).exit(), "the deploying key still logs in");

                // the deploying key left out: the program refuses when it can tell the key...
                StackSettings aliceOnly = productionWithKeys(List.of(alice.publicKey()));
                RuntimeException failed = assertThrows(RuntimeException.class,
                        () -> record(aliceOnly, telling(access(admin, ENV_1, "v1"), admin)));
                // the mock engine reports the program's exception in its own
                assertTrue(failed.getMessage().contains(ConfigException.class.getName() + ": sshKeys: does not list the "
                        + "key pulumi up logs in with (" + admin.publicKey().split(" ")[0] + " ..."), failed.toString());
                // ...and the host refuses what a program that could not tell it sends
                RemoteCommandInputs lockout = record(aliceOnly, access(admin, ENV_1, "v1")).remoteCommand("mangaki-app-files");
                Path keys = Path.of(root + work.resolve("sshd/home/" + user.name()).toString() + "/.ssh/authorized_keys");
                String before = Files.readString(keys);
                Proc.Result lock = sshd.ssh(asAdmin, lockout.update(), lockout.stdin());
                assertEquals(1, lock.exit(), lock.output());
                assertTrue(lock.output().contains("verdandi: refusing to remove the key this session logged in with ("
                        + admin.publicKey().split(" ")[0] + " ..."), lock.output());
                assertEquals(before, Files.readString(keys), "the keys are as they were");
                assertEquals(0, sshd.ssh(asAdmin, "true", null).exit(), "the deploying key still logs in");
                assertDenied(sshd.ssh(asAlice, "true", null));
            }
        } finally {
            Proc.run(List.of("rm", "-rf", work.toString()), Map.of(), null, Duration.ofSeconds(60));
        }
    }

    /**
     * First contact with a new droplet: its sshd starts a minute after the host-files command
     * begins (DigitalOcean says a droplet is active before its sshd listens). The command is
     * run as the command provider runs it, dialing again with the connection settings the
     * program registers ({@link ProviderDial}): with the provider's defaults it gives up, with
     * the program's it gets through and the install succeeds.
     */
    @Test
    void aLateSshdIsReachedWithTheProgramsDialSettings() throws Exception {
        Path work = Files.createTempDirectory("verdandi-late-");
        ExecutorService starter = Executors.newSingleThreadExecutor();
        try {
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            KeyPair admin = LoopbackSshd.keygen(work.resolve("admin_key"), "admin@mangaki.test");
            RecordingMocks program = record(productionWithKeys(List.of(admin.publicKey())), access(admin, ENV_1, "v1"));
            RemoteCommandInputs files = program.remoteCommand("mangaki-app-files");
            assertEquals(Ssh.DIAL_ERROR_LIMIT, files.dialErrorLimit());
            assertEquals(Ssh.PER_DIAL_TIMEOUT_SECONDS, files.perDialTimeout());
            Path root = work.resolve("root");
            Rehearsal.materializeInto(root, program.userData("mangaki-app"));
            AdminUser user = adminUser(program.userData("mangaki-app"));
            int port = LoopbackSshd.freePort();
            LoopbackSshd.Builder later = LoopbackSshd.builder(work.resolve("sshd")).port(port).listen(APP).admin(user)
                    .hostScripts(root.resolve("usr/local/lib")).authorizedKeysUnder(root)
                    .include(root.resolve("etc/ssh/sshd_config.d/*.conf"))
                    .sessionEnvironment("VERDANDI_ROOT", root.toString());
            List<String> client = LoopbackSshd.client(port, user.name(), APP, connectionKey(work, files),
                    later.knownHosts());

            // the provider's defaults give up long before a droplet's sshd listens
            ProviderDial.GaveUp gaveUp = assertThrows(ProviderDial.GaveUp.class,
                    () -> ProviderDial.dial(client, 10, 15, work));
            assertEquals(11, gaveUp.failedDials());
            assertTrue(gaveUp.getMessage().startsWith("after 10 failed attempts: "), gaveUp.getMessage());

            Future<LoopbackSshd> started = starter.submit(() -> {
                Thread.sleep(Duration.ofSeconds(60).toMillis());
                return later.start();
            });
            try (ProviderDial connection = ProviderDial.dial(client, files.dialErrorLimit(), files.perDialTimeout(), work);
                 LoopbackSshd sshd = started.get()) {
                assertTrue(connection.failedDials() > 10, "dialed " + connection.failedDials() + " times in vain");
                Proc.Result install = connection.run(files.create(), files.stdin());
                assertEquals(0, install.exit(), install.output() + sshd.log());
                assertTrue(install.output().contains("host files up to date"), install.output());
                assertEquals(HostFiles.digest(HostRole.APP) + "\n",
                        Files.readString(root.resolve(HostFiles.versionFile(HostRole.APP).substring(1))));
            }
        } finally {
            starter.shutdownNow();
            Proc.run(List.of("rm", "-rf", work.toString()), Map.of(), null, Duration.ofSeconds(60));
        }
    }

    /**
     * A guest never runs new command lines against old host scripts, whichever stack goes up
     * first. Platform first: the platform's host-files command, then the guest's install, both
     * succeed. Guest first: its install refuses, changing nothing and failing (so that pulumi
     * up runs it again), until the platform's host files are current; then the same command
     * succeeds.
     */
    @Test
    void aGuestInstallsOnlyOnHostFilesOfItsVersionWhicheverStackGoesUpFirst() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts()) {
            stopNginx(r);
            Path work = r.base.resolve("ssh");
            Files.createDirectories(work);
            KeyPair admin = LoopbackSshd.keygen(work.resolve("admin_key"), "admin@mangaki.test");
            RecordingMocks platform = record(productionWithKeys(List.of(admin.publicKey())), access(admin, ENV_1, "v1"));
            RemoteCommandInputs files = platform.remoteCommand("mangaki-app-files");
            RecordingMocks guest = recordGuest(access(admin, ENV_2, "v2"));
            RemoteCommandInputs install = guest.remoteCommand("staging-app-install");
            assertEquals(APP, install.host());

            Rehearsal.materializeInto(r.root, platform.userData("mangaki-app"));
            Path version = r.root.resolve(HostFiles.versionFile(HostRole.APP).substring(1));
            String older = "sha256:" + "0".repeat(64);
            Files.writeString(version, older + "\n");
            AdminUser user = adminUser(platform.userData("mangaki-app"));
            Map<String, String> session = new LinkedHashMap<>();
            session.put("VERDANDI_ROOT", r.root.toString());
            session.put("VERDANDI_SYSTEMCTL", RECORDER.toString());
            session.put("PGHOST", r.base.resolve("pg/sock").toString());
            try (LoopbackSshd sshd = startSshd(work.resolve("sshd"), r.root, user, session)) {
                List<String> toApp = sshd.client(user.name(), APP, connectionKey(work, install));
                Path conf = r.root.resolve("etc/verdandi/staging");

                // guest first: refused, nothing written
                Map<String, String> before = snapshot(r.root);
                Proc.Result refused = sshd.ssh(toApp, install.create(), install.stdin());
                assertEquals(1, refused.exit(), refused.output());
                assertEquals("verdandi: the platform's host files are version " + older + ", this stack needs "
                        + HostFiles.digest(HostRole.APP) + ": run pulumi up -s production first\n", refused.output());
                assertEquals(before, snapshot(r.root));
                assertFalse(Files.exists(conf));

                // then the platform, then the same command again: installed
                Proc.Result platformUp = sshd.ssh(toApp, files.update(), files.stdin());
                assertEquals(0, platformUp.exit(), platformUp.output());
                Proc.Result retried = sshd.ssh(toApp, install.create(), install.stdin());
                assertEquals(0, retried.exit(), retried.output());
                assertTrue(retried.output().contains("env-install: environment staging installed: branch staging,"
                        + " port 8001"), retried.output());
                assertEquals(ENV_2, Files.readString(conf.resolve("app.env")));

                // platform first: older files again (an older Verdandi's), the platform's command, then the guest's
                Files.writeString(version, older + "\n");
                Proc.Result platformFirst = sshd.ssh(toApp, files.update(), files.stdin());
                assertEquals(0, platformFirst.exit(), platformFirst.output());
                Proc.Result guestAfter = sshd.ssh(toApp, install.update(), install.stdin());
                assertEquals(0, guestAfter.exit(), guestAfter.output());
                assertFalse(guestAfter.output().contains(SECRET_2) || refused.output().contains(SECRET_2));
            }
        }
    }

    private static void assertDenied(Proc.Result r) {
        assertEquals(255, r.exit(), r.output());
        assertTrue(r.output().contains("Permission denied (publickey)."), r.output());
    }

    /** The staging guest, its platform's outputs the test's addresses (read as a stack reference would). */
    private static RecordingMocks recordGuest(HostAccess access) {
        StackSettings staging = StackFile.load(StackFile.of(PROJECT, "staging"));
        Map<String, Object> outputs = new java.util.HashMap<>(Map.of("zone", "mangaki.fr", "frontIpv4", FRONT,
                "frontDropletId", 400001, "frontPrivateIpv4", "127.0.0.5", "appIpv4", APP, "appPrivateIpv4", APP_PRIVATE,
                "appDropletId", 400002, "adminUser", "verdandi", "appHostCount", 1,
                "environments", Map.of("production", Map.of("port", 8000, "domains", List.of("mangaki.fr")))));
        outputs.put("acme", Map.of("directory", fr.mangaki.verdandi.config.Acme.LETS_ENCRYPT));
        RecordingMocks mocks = new RecordingMocks(DROPLETS);
        mocks.run(StackSettings.PROJECT, "staging", ctx -> Program.declare(ctx, staging, access,
                name -> PlatformReference.of(name, (stack, key) -> Output.of(outputs.get(key)))));
        return mocks;
    }

    /** {@code access}, telling the public half of its key as real credentials do. */
    private static HostAccess telling(HostAccess access, KeyPair key) {
        return new HostAccess() {
            @Override
            public Output<String> sshPrivateKey() {
                return access.sshPrivateKey();
            }

            @Override
            public java.util.Optional<PublicKey> sshPublicKey() {
                return PublicKey.parse(key.publicKey());
            }

            @Override
            public Output<String> environmentFile(String environment) {
                return access.environmentFile(environment);
            }

            @Override
            public String environmentFileVersion(String environment) {
                return access.environmentFileVersion(environment);
            }
        };
    }

    @Test
    void theTestScriptsPassShellcheck() {
        for (String script : List.of("sshd-namespace", "systemctl-recorder")) {
            Path p = LoopbackSshd.RESOURCES.resolve(script);
            Proc.Result r = Proc.run(List.of("shellcheck", "--severity=style", p.toString()), Map.of(), null,
                    Duration.ofSeconds(120));
            assertEquals(0, r.exit(), p + ":\n" + r.output());
            assertTrue(Files.isExecutable(p), p + ": executable");
        }
    }

    // ---- set-up ---------------------------------------------------------------------------

    /** The production stack, its admin key replaced by the test's. */
    private static StackSettings productionWithKey(String publicKey) {
        return productionWithKeys(List.of(publicKey));
    }

    /** The production stack, its keys replaced by the test's. */
    private static StackSettings productionWithKeys(List<String> publicKeys) {
        Map<String, Object> config = new LinkedHashMap<>(StackFile.readConfig(StackFile.of(PROJECT, "production")));
        config.put("mangaki:sshKeys", publicKeys);
        return StackSettings.parse("production", config);
    }

    /** What `pulumi up` would send for the stack of {@code settings}, the droplets at the test's addresses. */
    private static RecordingMocks record(StackSettings settings, HostAccess access) {
        RecordingMocks mocks = new RecordingMocks(DROPLETS);
        mocks.run(StackSettings.PROJECT, settings.stack(), ctx -> Program.declare(ctx, settings, access));
        return mocks;
    }

    private static HostAccess access(KeyPair admin, String envFile, String version) {
        String privateKey = read(admin.privateKey());
        return new HostAccess() {
            @Override
            public Output<String> sshPrivateKey() {
                return Output.ofSecret(privateKey);
            }

            @Override
            public Output<String> environmentFile(String environment) {
                return Output.ofSecret(envFile);
            }

            @Override
            public String environmentFileVersion(String environment) {
                return version;
            }

            @Override
            public Output<String> settingsFile(String environment, String file) {
                return Output.ofSecret(SETTINGS);
            }

            @Override
            public String settingsFileVersion(String environment, String file) {
                return "settings-" + version;
            }
        };
    }

    /** The admin user of a user data: name, shell, groups, sudo rule and authorized keys. */
    private static AdminUser adminUser(String userData) throws IOException {
        JsonNode users = new YAMLMapper().readTree(userData).path("users");
        assertEquals(1, users.size(), "one admin user");
        JsonNode u = users.get(0);
        List<String> groups = new ArrayList<>();
        u.path("groups").forEach(g -> groups.add(g.asText()));
        List<String> keys = new ArrayList<>();
        u.path("ssh_authorized_keys").forEach(k -> keys.add(k.asText()));
        return new AdminUser(u.path("name").asText(), u.path("shell").asText(), groups, u.path("sudo").asText(), keys);
    }

    private static LoopbackSshd startSshd(Path dir, Path root, AdminUser user, Map<String, String> session) {
        LoopbackSshd.Builder b = LoopbackSshd.builder(dir)
                .listen(APP)
                .listen(FRONT)
                .admin(user)
                .hostScripts(root.resolve("usr/local/lib"))
                // the hosts' own sshd settings, as cloud-init writes them
                .include(root.resolve("etc/ssh/sshd_config.d/*.conf"));
        session.forEach(b::sessionEnvironment);
        return b.start();
    }

    /** The private key of a remote command's connection, in a file for the client. */
    private static Path connectionKey(Path work, RemoteCommandInputs command) throws IOException {
        Path key = work.resolve(command.name() + ".key");
        Files.deleteIfExists(key);
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(key, command.privateKey());
        return key;
    }

    /** The production server block must not listen on port 80 of this machine: no NGINX runs. */
    private static void stopNginx(Rehearsal r) {
        Proc.run(List.of("nginx", "-c", r.nginxConf(), "-s", "stop"), Map.of(), null, Duration.ofSeconds(30))
                .requireSuccess();
        Path pid = r.root.resolve("run/nginx.pid");
        assertTrue(Rehearsal.await(Duration.ofSeconds(15), () -> !Files.exists(pid)), "nginx did not stop");
    }

    // ---- expectations and observations ------------------------------------------------------

    private static String deployConf(EnvironmentSettings env) {
        return """
                # Settings of environment %s, written by env-install (no secret here).
                ENV_NAME=%s
                BRANCH=%s
                REPOSITORY=%s
                PORT=%d
                LISTEN=0.0.0.0:%d
                DOMAINS="%s"
                HEALTH_HOST=%s
                HEALTH_PATH=/
                POLL_SECONDS=%d
                WORKERS=2
                PYTHON=/usr/bin/python3
                STATIC_URL=/static/
                PROCESS_SETTLE_SECONDS=3
                """.formatted(env.name(), env.name(), env.branch(), env.repository(), env.port(), env.port(),
                String.join(" ", env.domains()), env.mainDomain(), env.pollSeconds());
    }

    private static String serverBlock(Path root) {
        return """
                # Environment production, written by site-install: changes here are overwritten.
                server {
                    listen 80;
                    listen [::]:80;
                    server_name mangaki.fr www.mangaki.fr;

                    access_log %1$s/var/log/nginx/front/production.access.log verdandi_front;
                    error_log %1$s/var/log/nginx/front/production.error.log;

                    location /.well-known/acme-challenge/ {
                        root %1$s/var/www/letsencrypt;
                    }

                    # the push webhook of branch production (verdandi-webhook.service can only say "look now")
                    location = /.verdandi/deploy {
                        limit_except POST { deny all; }
                        client_max_body_size 1m;
                        client_body_buffer_size 1m;
                        proxy_pass http://127.0.0.1:9380/production;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 15s;
                    }

                    # when the app host does not answer: the maintenance page, 503 and Retry-After
                    location = /.verdandi/maintenance {
                        internal;
                        root %1$s/usr/local/lib/verdandi/maintenance;
                        try_files /production.html /default.html =503;
                        add_header Retry-After 30 always;
                        add_header Cache-Control "no-store" always;
                    }

                    # nothing else under /.verdandi/ is passed on (the app answers look-now to the front only)
                    location ^~ /.verdandi/ {
                        return 404;
                    }

                    location / {
                        proxy_pass http://%2$s:8000;
                        include %1$s/etc/nginx/snippets/verdandi-proxy.conf;
                        proxy_intercept_errors on;
                        error_page 502 504 =503 /.verdandi/maintenance;
                    }
                }
                """.formatted(root, APP_PRIVATE);
    }

    private static void assertNginxAccepts(Rehearsal r) {
        Proc.Result t = Proc.run(List.of("nginx", "-t", "-c", r.nginxConf()), Map.of(), null, Duration.ofSeconds(60));
        assertEquals(0, t.exit(), t.output());
    }

    private static int uidOf(Rehearsal r, String user) {
        return Rehearsal.read(r.root.resolve("etc/passwd")).lines().filter(l -> l.startsWith(user + ":"))
                .map(l -> Integer.parseInt(l.split(":")[2])).findFirst()
                .orElseThrow(() -> new AssertionError("no user " + user + " under " + r.root));
    }

    private static List<String> calls(Rehearsal r) throws IOException {
        return Files.readAllLines(r.root.resolve("var/log/systemctl-recorder/calls"));
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Every file, directory and link of the host's configuration, homes and state under the
     * root ({@code etc}, {@code srv}, {@code var/lib}): type, mode, owner and content digest or
     * link target. Times are left out: a rewrite with the same content is no change.
     */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String top : List.of("etc", "srv", "var/lib")) {
            Path start = root.resolve(top);
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(start)) {
                for (Path p : s.toList()) {
                    String what;
                    if (Files.isSymbolicLink(p)) {
                        what = "link " + Files.readSymbolicLink(p);
                    } else {
                        String kind = Files.isDirectory(p) ? "dir" : "file " + sha256(p);
                        what = kind + " " + permissions(p) + " " + Files.getAttribute(p, "unix:uid") + ":"
                                + Files.getAttribute(p, "unix:gid");
                    }
                    out.put(root.relativize(p).toString(), what);
                }
            }
        }
        return out;
    }

    private static String sha256(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
