package fr.mangaki.verdandi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.cloudinit.CloudInit;
import fr.mangaki.verdandi.cloudinit.HostSpec;
import fr.mangaki.verdandi.component.internal.LoopbackSshd;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.host.rehearsal.HttpProbe;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A member of the autoscale pool joins for real (docs/growth.md): mangaki-app is a rehearsal
 * host whose env-install kept what it was given; join-install set up the verdandi-join
 * account there, and Debian's sshd on loopback runs its AuthorizedKeysCommand (join-keys)
 * against the DigitalOcean API stand-in. The member is a second rehearsal host, booted from
 * the pool's user data; its pool-join connects from 127.0.0.5 (ssh -b), the address the
 * stand-in lists for the pool's member, and its env-install runs for real, after which its
 * deploy loop deploys the branch's head and serves it. Refused: a source address the pool
 * does not list, every address when the API cannot be read, an unknown environment; no
 * secret of the environment shows in any log. Needs root, sshd, PostgreSQL 15, NGINX,
 * gunicorn (.ci/run installs them).
 */
@Tag("rehearsal")
class PoolJoinTest {
    /** A token of DigitalOcean's form, made for each run: the stand-in accepts it and no other. */
    private static final String TOKEN = "dop_v1_" + java.util.HexFormat.of().formatHex(
            java.security.SecureRandom.getSeed(32));
    private static final String TAG = "mangaki-app-pool";
    private static final String MEMBER = "127.0.0.5";
    private static final String ACCOUNT = "verdandi-join";
    private static final Duration DEPLOY = Duration.ofSeconds(300);

    @Test
    void aPoolMemberFetchesTheEnvironmentsFromTheAppAndServesTheBranchHead() throws Exception {
        try (DigitalOceanApiStandIn api = new DigitalOceanApiStandIn(TOKEN);
             Rehearsal app = new Rehearsal(5).prepareHosts();
             Rehearsal member = new Rehearsal(5).prepareHosts()) {
            // what mangaki-app's host-files command adds to its user data's files
            for (HostFile f : HostFiles.growthFiles(HostRole.APP)) {
                write(app.root, f);
            }
            String first = app.commit("First commit");
            app.push();
            Proc.Result installed = app.installEnvironment();
            assertEquals(0, installed.exit(), installed.output());
            // the member deploys alone against the app's database (as members share the managed one)
            stopDeployLoop(app);
            Path conf = app.root.resolve("etc/verdandi/" + Rehearsal.ENV);
            assertEquals("rw-------", mode(conf.resolve("install.args")));
            assertEquals("rw-------", mode(conf.resolve("install.input")));
            List<String> given = app.commands().installEnvironmentTokens(app.env, "127.0.0.1");
            assertEquals(given.subList(1, given.size()), List.of(Files.readString(conf.resolve("install.args")).split("\0")),
                    "the arguments as given, the script's path left out");
            assertTrue(Files.readString(conf.resolve("install.input")).contains("SECRET_KEY=" + Rehearsal.SECRET_KEY));

            Proc.Result join = withApi(app, api, app.commands().installPoolJoinTokens(TAG), TOKEN + "\n");
            assertEquals(0, join.exit(), join.output());
            assertFalse(join.output().contains(TOKEN), join.output());
            assertEquals("rw-------", mode(app.root.resolve("etc/verdandi/join-token")));
            assertEquals("# Written by join-install (no secret here): what join-keys asks DigitalOcean.\n"
                    + "POOL_TAG=" + TAG + "\nAPI=" + api.baseUrl() + "\n",
                    Files.readString(app.root.resolve("etc/verdandi/join.conf")));
            assertTrue(Files.readString(app.root.resolve("etc/passwd")).contains(
                    ACCOUNT + ":x:"), "the account is made");

            bootMember(member);
            Path work = Files.createTempDirectory("verdandi-join-");
            try (LoopbackSshd sshd = startSshd(work, app)) {
                writeMemberSettings(member, sshd.port());

                // not a member yet: the pool lists another address only
                int other = api.create("mangaki-app-pool-x1", "active", List.of("mangaki", TAG), "127.0.0.6");
                Proc.Result refused = member.runScript(poolJoin(member, "--attempts", "1"), null);
                assertEquals(1, refused.exit(), refused.output());
                assertTrue(refused.output().contains("pool-join: mangaki-app (127.0.0.1) did not serve the environments:")
                        && refused.output().contains("Permission denied"), refused.output());
                assertTrue(refused.output().endsWith("pool-join: error: not served after 1 attempt(s)\n"), refused.output());
                assertFalse(Files.exists(member.root.resolve("etc/verdandi/" + Rehearsal.ENV)), "nothing installed");
                assertFalse(Files.exists(member.root.resolve("usr/local/lib/verdandi/env-install")), "no script fetched");

                // a member that is not active yet gets nothing either
                int self = api.create("mangaki-app-pool-x2", "new", List.of("mangaki", TAG), MEMBER);
                assertEquals(1, member.runScript(poolJoin(member, "--attempts", "1"), null).exit());
                api.setStatus(self, "active");

                // the API cannot be read (a token it refuses): nobody is admitted
                Path token = app.root.resolve("etc/verdandi/join-token");
                Files.writeString(token, "dop_v1_0000000000000000000000000000\n");
                Proc.Result noApi = member.runScript(poolJoin(member, "--attempts", "1"), null);
                assertEquals(1, noApi.exit(), noApi.output());
                assertTrue(noApi.output().contains("Permission denied"), noApi.output());
                Files.writeString(token, TOKEN + "\n");

                // an environment mangaki-app does not have
                Proc.Result unknown = sshd.ssh(memberClient(sshd, member), "get nosuch", null);
                assertEquals(1, unknown.exit(), unknown.output());
                assertTrue(unknown.output().contains("bundle-serve: error: no environment nosuch here"), unknown.output());
                Proc.Result shell = sshd.ssh(memberClient(sshd, member), "cat /etc/shadow", null);
                assertEquals(1, shell.exit(), shell.output());
                assertTrue(shell.output().contains("bundle-serve: error: only 'get' or 'get NAME...' is accepted"),
                        shell.output());

                // the member joins: the environment is installed and its deploy loop serves the head
                long start = System.nanoTime();
                Proc.Result joined = member.runScript(poolJoin(member), null);
                assertEquals(0, joined.exit(), joined.output());
                assertTrue(joined.output().contains("pool-join: environment staging: installing (env-install)")
                        && joined.output().contains("env-install: environment staging installed")
                        && joined.output().endsWith("pool-join: joined: 1 environment(s) from mangaki-app (127.0.0.1)\n"),
                        joined.output());
                assertTrue(joined.output().matches("(?s).*pool-join: installed \\d+ host file\\(s\\) from mangaki-app\n.*"),
                        joined.output());
                for (String f : List.of("usr/local/lib/verdandi/env-install", "usr/local/lib/verdandi/deploy",
                        "etc/systemd/system/verdandi-deploy@.service")) {
                    assertEquals(Files.readString(app.root.resolve(f)), Files.readString(member.root.resolve(f)), f);
                }
                assertEquals("rwxr-xr-x", mode(member.root.resolve("usr/local/lib/verdandi/env-install")));
                Path installedConf = member.root.resolve("etc/verdandi/" + Rehearsal.ENV);
                assertEquals(app.envFile(), Files.readString(installedConf.resolve("app.env")));
                assertTrue(Files.readString(installedConf.resolve("deploy.conf"))
                        .contains("\nLISTEN=" + MEMBER + ":" + app.appPort + "\n"), "the member's own address");
                assertTrue(Rehearsal.await(DEPLOY, () -> first.equals(HttpProbe.revision(
                                HttpProbe.getAt(MEMBER, app.appPort, Rehearsal.DOMAIN, "/")))),
                        "the member does not serve the branch's head:\n" + member.loopLog());
                double joinSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(java.util.Locale.ROOT, "pool_join_s=%.1f%n", joinSeconds);

                // a reboot: nothing changed, nothing installed again
                Proc.Result again = member.runScript(poolJoin(member), null);
                assertEquals(0, again.exit(), again.output());
                assertTrue(again.output().contains("pool-join: environment staging: unchanged since the last join")
                        && !again.output().contains("env-install"), again.output());

                // the environment changed on mangaki-app: the next join installs it
                Proc.Result changed = app.runScript(app.commands().installEnvironmentTokens(app.env, "127.0.0.1"),
                        HostCommands.installInput(app.envFile() + "POOL_JOIN_CHECK=second\n",
                                Map.of("settings.ini", app.settingsIni())));
                assertEquals(0, changed.exit(), changed.output());
                stopDeployLoop(app);
                Proc.Result update = member.runScript(poolJoin(member), null);
                assertEquals(0, update.exit(), update.output());
                assertTrue(update.output().contains("pool-join: environment staging: installing (env-install)"), update.output());
                assertTrue(Files.readString(installedConf.resolve("app.env")).endsWith("POOL_JOIN_CHECK=second\n"));

                // no secret of the environment in any log
                String logs = sshd.log() + refused.output() + noApi.output() + joined.output() + again.output()
                        + update.output() + unknown.output() + member.allLogs();
                assertFalse(logs.contains(Rehearsal.SECRET_KEY), "the environment's secret is in a log");
                assertFalse(logs.contains(Rehearsal.WEBHOOK_SECRET), "the webhook's secret is in a log");
                assertFalse(logs.contains(TOKEN), "the API token is in a log");
                assertTrue(sshd.log().contains("Accepted publickey for " + ACCOUNT + " from " + MEMBER), sshd.log());
                api.destroy(other);
            } finally {
                if (Files.exists(member.root.resolve("usr/local/lib/verdandi/env-remove"))) {
                    member.runScript(member.commands().removeEnvironmentTokens(Rehearsal.ENV), null);
                }
                Proc.run(List.of("rm", "-rf", work.toString()), Map.of(), null, Duration.ofSeconds(60));
            }
        }
    }

    @Test
    void joinKeysAdmitsTheOfferedKeyFromActiveMembersOnlyAndNobodyWhenTheApiCannotBeRead() throws Exception {
        Path root = Files.createTempDirectory("verdandi-join-keys-");
        try (DigitalOceanApiStandIn api = new DigitalOceanApiStandIn(TOKEN, 1)) {
            for (HostFile f : HostFiles.growthFiles(HostRole.APP)) {
                write(root, f);
            }
            for (HostFile f : HostFiles.bootFiles(HostRole.APP)) {
                write(root, f);
            }
            Files.createDirectories(root.resolve("etc/verdandi"));
            Files.writeString(root.resolve("etc/verdandi/join.conf"), "POOL_TAG=" + TAG + "\nAPI=" + api.baseUrl() + "\n");
            Files.writeString(root.resolve("etc/verdandi/join-token"), TOKEN + "\n");
            api.create("mangaki-app-pool-a", "active", List.of(TAG), "10.110.0.7");
            api.create("mangaki-app-pool-b", "new", List.of(TAG), "10.110.0.8");
            api.create("mangaki-app-pool-c", "active", List.of(TAG), "10.110.0.9");
            api.create("mangaki-front", "active", List.of("mangaki-front"), "10.110.0.2");
            String key = "AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI";
            Map<String, String> env = Map.of("VERDANDI_ROOT", root.toString());
            String script = root + HostFiles.SCRIPT_DIR + "/join-keys";

            Proc.Result admitted = Proc.run(List.of(script, ACCOUNT, "ssh-ed25519", key), env, null, Duration.ofSeconds(60));
            assertEquals(0, admitted.exit(), admitted.output());
            assertEquals("""
                    from="10.110.0.7",restrict,command="/usr/local/lib/verdandi/bundle-serve" ssh-ed25519 %s
                    from="10.110.0.9",restrict,command="/usr/local/lib/verdandi/bundle-serve" ssh-ed25519 %s
                    """.formatted(key, key), admitted.output(), "active members only, over several pages");

            Proc.Result otherUser = Proc.run(List.of(script, "verdandi", "ssh-ed25519", key), env, null, Duration.ofSeconds(60));
            assertEquals(0, otherUser.exit());
            assertEquals("", otherUser.output(), "no key for another account");

            Proc.Result badKey = Proc.run(List.of(script, ACCOUNT, "ssh-ed25519", "AAAA\nfrom=\"*\""), env, null,
                    Duration.ofSeconds(60));
            assertEquals(1, badKey.exit());
            assertEquals("join-keys: error: not a key type and key this account takes\n", badKey.output());

            Files.writeString(root.resolve("etc/verdandi/join-token"), "dop_v1_0000000000000000000000000000\n");
            Proc.Result refused = Proc.run(List.of(script, ACCOUNT, "ssh-ed25519", key), env, null, Duration.ofSeconds(60));
            assertEquals(1, refused.exit());
            assertEquals("pool-members: the API answered 401 for tag " + TAG + "\n"
                    + "join-keys: error: the pool's members could not be listed: nobody admitted\n", refused.output());

            Files.writeString(root.resolve("etc/verdandi/join.conf"), "POOL_TAG=" + TAG + "\nAPI=http://127.0.0.1:1\n");
            Proc.Result unreachable = Proc.run(List.of(script, ACCOUNT, "ssh-ed25519", key), env, null, Duration.ofSeconds(60));
            assertEquals(1, unreachable.exit());
            assertTrue(unreachable.output().startsWith("pool-members: the API could not be read:")
                    && unreachable.output().endsWith("join-keys: error: the pool's members could not be listed: nobody admitted\n"),
                    unreachable.output());
        } finally {
            Proc.run(List.of("rm", "-rf", root.toString()), Map.of(), null, Duration.ofSeconds(60));
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    /**
     * The member's root as the pool's user data makes it: the rehearsal's scripts and units of
     * the app removed, then the member's files written (pool-join, its unit and settings).
     */
    private static void bootMember(Rehearsal member) throws Exception {
        Proc.run(List.of("rm", "-rf", member.root.resolve(HostFiles.SCRIPT_DIR.substring(1)).toString()), Map.of(), null,
                Duration.ofSeconds(60)).requireSuccess();
        for (String unit : List.of("mangaki@.service", "verdandi-deploy@.service", "verdandi-look-now@.service")) {
            Files.delete(member.root.resolve("etc/systemd/system/" + unit));
        }
        member.materialize(CloudInit.renderPoolMember(HostSpec.of(HostRole.APP, DropletSize.S_1VCPU_1GB,
                List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI admin@mangaki.fr")),
                "127.0.0.1", TAG));
        assertEquals(HostFiles.poolJoinSettings("127.0.0.1", TAG),
                Rehearsal.read(member.root.resolve(HostFiles.POOL_JOIN_SETTINGS.substring(1))));
        assertTrue(Files.isExecutable(member.root.resolve(HostFiles.SCRIPT_DIR.substring(1) + "/pool-join")));
    }

    /** The settings on loopback: mangaki-app's sshd port, the member's address to connect from and listen on. */
    private static void writeMemberSettings(Rehearsal member, int port) {
        Rehearsal.write(member.root.resolve(HostFiles.POOL_JOIN_SETTINGS.substring(1)),
                HostFiles.poolJoinSettings("127.0.0.1", TAG) + "PORT=" + port + "\nSOURCE=" + MEMBER + "\nLISTEN=" + MEMBER + "\n");
    }

    private static List<String> poolJoin(Rehearsal member, String... args) {
        List<String> t = new ArrayList<>(List.of(member.root + HostFiles.SCRIPT_DIR + "/pool-join"));
        t.addAll(List.of(args));
        return t;
    }

    /**
     * mangaki-app's sshd: the account's rules as join-install wrote them (included first: they
     * win), the account with the login shell and sudo rule join-install gave it, the host
     * scripts of the app's root at /usr/local/lib/verdandi.
     */
    private static LoopbackSshd startSshd(Path work, Rehearsal app) throws Exception {
        String sudoers = Files.readString(app.root.resolve("etc/sudoers.d/verdandi-join"));
        String rule = sudoers.lines().filter(l -> l.startsWith(ACCOUNT + " ")).findFirst().orElseThrow()
                .substring(ACCOUNT.length() + 1);
        String passwd = Files.readString(app.root.resolve("etc/passwd"));
        String shell = passwd.lines().filter(l -> l.startsWith(ACCOUNT + ":")).findFirst().orElseThrow().split(":")[6];
        return LoopbackSshd.builder(work.resolve("sshd"))
                .listen("127.0.0.1")
                .admin(new LoopbackSshd.AdminUser(ACCOUNT, shell, List.of(), rule, List.of()))
                .hostScripts(app.root.resolve("usr/local/lib"))
                .include(app.root.resolve("etc/ssh/sshd_config.d/60-verdandi-join.conf"))
                .sessionEnvironment("VERDANDI_ROOT", app.root.toString())
                .start();
    }

    /** OpenSSH's client with the member's key, from the member's address. */
    private static List<String> memberClient(LoopbackSshd sshd, Rehearsal member) {
        List<String> c = new ArrayList<>(sshd.client(ACCOUNT, "127.0.0.1",
                member.root.resolve("etc/verdandi/pool-join/id_ed25519")));
        c.addAll(c.size() - 3, List.of("-b", MEMBER));
        return c;
    }

    private static void stopDeployLoop(Rehearsal app) {
        app.runScript(List.of(Rehearsal.RESOURCES.resolve("systemctl-stand-in").toString(), "stop",
                "verdandi-deploy@" + Rehearsal.ENV + ".service"), null).requireSuccess();
    }

    private static Proc.Result withApi(Rehearsal r, DigitalOceanApiStandIn api, List<String> tokens, String stdin) {
        List<String> cmd = new ArrayList<>(List.of("env", "VERDANDI_DO_API=" + api.baseUrl()));
        cmd.addAll(tokens);
        return r.runScript(cmd, stdin);
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void write(Path root, HostFile f) throws Exception {
        Path p = root.resolve(f.path().substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.content());
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                f.permissions().equals("0755") ? "rwxr-xr-x" : "rw-r--r--"));
    }

}
