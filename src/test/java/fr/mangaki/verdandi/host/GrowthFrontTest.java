package fr.mangaki.verdandi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The front of a grown platform (docs/growth.md), for real under a temporary root: the
 * upstream block site-install writes for several app droplets, a standby and a pool passes
 * {@code nginx -t}; pool-sync, against the DigitalOcean API stand-in, lists the pool's active
 * members that answer their health check, and a running NGINX serves them after a reload (the
 * same master process: no restart).
 */
class GrowthFrontTest {
    /** A token of DigitalOcean's form, made for each run: the stand-in accepts it and no other. */
    private static final String TOKEN = "dop_v1_" + java.util.HexFormat.of().formatHex(
            java.security.SecureRandom.getSeed(32));
    private static final String TAG = "mangaki-app-pool";

    private Path root;
    private HostCommands commands;
    private Map<String, String> env;
    private final List<HttpServer> apps = new ArrayList<>();

    @BeforeEach
    void frontUnderATemporaryRoot() throws Exception {
        root = Files.createTempDirectory("verdandi-front-");
        for (String d : List.of("etc/nginx/sites-enabled", "run", "var/log/nginx", "var/lib/nginx", "etc/verdandi")) {
            Files.createDirectories(root.resolve(d));
        }
        Rehearsal.materializeInto(root, fr.mangaki.verdandi.cloudinit.CloudInit.render(
                fr.mangaki.verdandi.cloudinit.HostSpec.of(HostRole.FRONT, fr.mangaki.verdandi.config.DropletSize.S_1VCPU_1GB,
                        List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI a@b"))));
        // what the front's host-files command adds to the user data's files
        for (HostFile f : HostFiles.growthFiles(HostRole.FRONT)) {
            Path p = root.resolve(f.path().substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                    f.permissions().equals("0755") ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Files.writeString(root.resolve("etc/nginx/nginx.conf"),
                Files.readString(Rehearsal.RESOURCES.resolve("nginx.conf")).replace("@ROOT@", root.toString()));
        commands = new HostCommands(root + HostFiles.SCRIPT_DIR, false);
        env = Map.of("VERDANDI_ROOT", root.toString());
    }

    @AfterEach
    void stop() {
        apps.forEach(a -> a.stop(0));
        Proc.run(List.of("nginx", "-s", "stop", "-c", root.resolve("etc/nginx/nginx.conf").toString()),
                Map.of(), null, Duration.ofSeconds(30));
        Proc.run(List.of("rm", "-rf", root.toString()), Map.of(), null, Duration.ofSeconds(60));
    }

    private Proc.Result run(List<String> tokens, Map<String, String> more) {
        Map<String, String> e = new HashMap<>(env);
        e.putAll(more);
        return Proc.run(tokens, e, null, Duration.ofSeconds(60));
    }

    @Test
    void writesAnUpstreamOfEveryAppDropletTheStandbyAsBackupAndThePool() throws Exception {
        Proc.Result r = run(commands.installSiteTokens(HostCommandsTest.STAGING, List.of("10.110.0.3", "10.110.0.4"),
                List.of("10.110.0.5"), Optional.of(TAG), null, null), Map.of());
        assertEquals(0, r.exit(), r.output());
        String site = Files.readString(root.resolve("etc/nginx/sites-available/mangaki-staging.conf"));
        assertTrue(site.startsWith("""
                # Environment staging, written by site-install: changes here are overwritten.
                upstream mangaki-staging {
                    server 10.110.0.3:8001 max_fails=1 fail_timeout=5s;
                    server 10.110.0.4:8001 max_fails=1 fail_timeout=5s;
                    server 10.110.0.5:8001 backup;
                    include %s/etc/nginx/verdandi-pool/staging.conf;
                    keepalive 16;
                }
                """.formatted(root)), site);
        assertTrue(site.contains("        proxy_pass http://mangaki-staging;\n"), site);
        assertEquals("", Files.readString(root.resolve("etc/nginx/verdandi-pool/staging.conf")));
        assertEquals(0, Proc.run(List.of("nginx", "-t", "-c", root.resolve("etc/nginx/nginx.conf").toString()),
                Map.of(), null, Duration.ofSeconds(60)).exit());
        // rendered again from the saved settings: the same block
        assertEquals(0, run(List.of(root + HostFiles.SCRIPT_DIR + "/site-install", "staging"), Map.of()).exit());
        assertEquals(site, Files.readString(root.resolve("etc/nginx/sites-available/mangaki-staging.conf")));
    }

    @Test
    void poolSyncListsTheHealthyActiveMembersAndReloadsNginxWithoutARestart() throws Exception {
        int port = freePort();
        int front = freePort();
        app("127.0.0.1", port, "fixed");
        app("127.0.0.2", port, "member-2");
        app("127.0.0.3", port, "member-3");
        app("127.0.0.5", port, "not-in-the-pool");
        assertEquals(0, run(commands.installSiteTokens(staging(port), List.of("127.0.0.1"), List.of(),
                Optional.of(TAG), "127.0.0.1:" + front, null), Map.of()).exit());
        Path token = root.resolve("etc/verdandi/pool-token");
        Files.writeString(token, TOKEN + "\n");
        assertEquals(0, Proc.run(List.of("nginx", "-c", root.resolve("etc/nginx/nginx.conf").toString()),
                Map.of(), null, Duration.ofSeconds(30)).exit());
        String master = Files.readString(root.resolve("run/nginx.pid")).strip();
        Path pool = root.resolve("etc/nginx/verdandi-pool/staging.conf");
        try (DigitalOceanApiStandIn api = new DigitalOceanApiStandIn(TOKEN, 2)) {
            Map<String, String> apiEnv = Map.of("VERDANDI_DO_API", api.baseUrl());
            int a = api.create("mangaki-app-pool-a", "active", List.of("mangaki", TAG), "127.0.0.2");
            int b = api.create("mangaki-app-pool-b", "new", List.of("mangaki", TAG), "127.0.0.3");
            api.create("mangaki-app-pool-c", "active", List.of("mangaki", TAG), "127.0.0.4"); // nothing answers
            api.create("mangaki-other", "active", List.of("mangaki"), "127.0.0.5");
            Proc.Result sync = run(List.of(root + HostFiles.SCRIPT_DIR + "/pool-sync"), apiEnv);
            assertEquals(0, sync.exit(), sync.output());
            assertEquals(line("127.0.0.2", port), Files.readString(pool));
            assertTrue(sync.output().contains("pool member 127.0.0.4 does not answer on port " + port + " yet"),
                    sync.output());
            assertTrue(api.calls() >= 2, "two pages of two droplets");
            assertEquals(Set.of("fixed", "member-2"), answersOnceReloaded(front, Set.of("fixed", "member-2")));

            api.setStatus(b, "active");
            assertEquals(0, run(List.of(root + HostFiles.SCRIPT_DIR + "/pool-sync"), apiEnv).exit());
            assertEquals(line("127.0.0.2", port) + line("127.0.0.3", port), Files.readString(pool));
            assertEquals(Set.of("fixed", "member-2", "member-3"),
                    answersOnceReloaded(front, Set.of("fixed", "member-2", "member-3")));

            api.destroy(a);
            assertEquals(0, run(List.of(root + HostFiles.SCRIPT_DIR + "/pool-sync"), apiEnv).exit());
            assertEquals(line("127.0.0.3", port), Files.readString(pool));
            assertEquals(Set.of("fixed", "member-3"), answersOnceReloaded(front, Set.of("fixed", "member-3")));
            assertEquals(master, Files.readString(root.resolve("run/nginx.pid")).strip(), "reloaded, not restarted");
        }
    }

    @Test
    void failsToListWithAWrongTokenAndKeepsTheUpstream() throws Exception {
        int port = freePort();
        app("127.0.0.2", port, "member-2");
        assertEquals(0, run(commands.installSiteTokens(staging(port), List.of("127.0.0.1"), List.of(),
                Optional.of(TAG), "127.0.0.1:" + freePort(), null), Map.of()).exit());
        Path pool = root.resolve("etc/nginx/verdandi-pool/staging.conf");
        Files.writeString(root.resolve("etc/verdandi/pool-token"), TOKEN.replace("dop_v1_", "dop_v1_0") + "\n");
        try (DigitalOceanApiStandIn api = new DigitalOceanApiStandIn(TOKEN)) {
            api.create("mangaki-app-pool-a", "active", List.of(TAG), "127.0.0.2");
            Files.writeString(pool, line("127.0.0.9", port));
            Proc.Result sync = run(List.of(root + HostFiles.SCRIPT_DIR + "/pool-sync"),
                    Map.of("VERDANDI_DO_API", api.baseUrl()));
            assertEquals(0, sync.exit(), sync.output());
            assertTrue(sync.output().contains("pool-members: the API answered 401 for tag " + TAG), sync.output());
            assertTrue(sync.output().contains("the upstream is kept as it is"), sync.output());
            assertEquals(line("127.0.0.9", port), Files.readString(pool));
            assertTrue(!sync.output().contains("dop_v1_"), "the token is never printed");
        }
    }

    @Test
    void poolInstallRefusesWhatIsNotAToken() {
        Proc.Result r = Proc.run(List.of(root + HostFiles.SCRIPT_DIR + "/pool-install"), Map.of("VERDANDI_ROOT",
                root.toString(), "VERDANDI_SYSTEMCTL", "true"), "not a token!\n", Duration.ofSeconds(30));
        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("standard input: not a DigitalOcean API token"), r.output());
        Proc.Result ok = Proc.run(List.of(root + HostFiles.SCRIPT_DIR + "/pool-install"), Map.of("VERDANDI_ROOT",
                root.toString(), "VERDANDI_SYSTEMCTL", "true"), TOKEN + "\n", Duration.ofSeconds(30));
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(!ok.output().contains(TOKEN), "the token is never printed");
    }

    /** Staging on {@code port}. */
    private static fr.mangaki.verdandi.config.EnvironmentSettings staging(int port) {
        return new fr.mangaki.verdandi.config.EnvironmentSettings("staging", "staging",
                List.of("staging.mangaki.fr", "dev.mangaki.fr"), port, "https://github.com/mangaki/mangaki.git",
                List.of(), 5);
    }

    private static String line(String address, int port) {
        return "    server " + address + ":" + port + " max_fails=1 fail_timeout=5s;\n";
    }

    /**
     * What the front serves once its reload has taken over: the bodies of 20 requests, asked
     * again (50 times at most) while the old workers may still answer (nginx -s reload only
     * signals the master).
     */
    private static Set<String> answersOnceReloaded(int front, Set<String> expected) throws Exception {
        Set<String> seen = answers(front, 20);
        for (int i = 0; i < 50 && !seen.equals(expected); i++) {
            Thread.sleep(100);
            seen = answers(front, 20);
        }
        return seen;
    }

    /** The bodies of {@code n} requests through the front. */
    private static Set<String> answers(int front, int n) throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            fr.mangaki.verdandi.host.rehearsal.HttpProbe.Response r =
                    fr.mangaki.verdandi.host.rehearsal.HttpProbe.get(front, "staging.mangaki.fr", "/");
            assertEquals(200, r.status(), r.body());
            seen.add(r.body());
        }
        return seen;
    }

    private void app(String address, int port, String body) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(address, port), 16);
        s.createContext("/", x -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        s.start();
        apps.add(s);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
