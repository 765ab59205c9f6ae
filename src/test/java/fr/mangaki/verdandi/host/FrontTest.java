package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.cloudinit.CloudInit;
import fr.mangaki.verdandi.cloudinit.HostSpec;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.config.FrontSettings;
import fr.mangaki.verdandi.host.rehearsal.HttpProbe;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.PushWebhookStandIn;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import fr.mangaki.verdandi.host.rehearsal.SlackReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front's own jobs for real (docs/deploy.md, "The front"), under a temporary root: NGINX
 * with the front's files and the environment's server block from site-install, the app host's
 * server block of the same template env-install renders (its gunicorn absent: the app host
 * answers 502), the webhook receiver and the look-now listener started through the systemctl
 * stand-in, a real deploy loop following a real git origin, GoAccess, and the loopback Slack
 * stand-in. Loopback only.
 */
class FrontTest {

    private static final String ENV = "staging";
    private static final String DOMAIN = "staging.mangaki.fr";
    private static final String WEBHOOK_SECRET = "rehearsal-webhook-secret-7c41d9e2";
    private static final String STAND_IN = Rehearsal.RESOURCES.resolve("systemctl-stand-in").toString();

    private Path base;
    private Path root;
    private int httpPort;
    private int appPort;
    private SlackReceiver slack;
    private Map<String, String> env;
    private boolean nginxStarted;
    private final List<Process> loops = new ArrayList<>();

    @BeforeEach
    void frontAndAppUnderATemporaryRoot() throws Exception {
        base = Files.createTempDirectory("verdandi-front-jobs-");
        // NGINX's workers run as another user: they must reach the root's files
        Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        root = base.resolve("root");
        for (String d : List.of("etc/nginx/sites-enabled", "run", "var/log/nginx", "var/lib/nginx")) {
            Files.createDirectories(root.resolve(d));
        }
        for (HostRole role : HostRole.values()) {
            Rehearsal.materializeInto(root, CloudInit.render(HostSpec.of(role, DropletSize.S_1VCPU_1GB,
                    List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI a@b"))));
        }
        Files.writeString(root.resolve("etc/nginx/nginx.conf"),
                Files.readString(Rehearsal.RESOURCES.resolve("nginx.conf")).replace("@ROOT@", root.toString()));
        httpPort = freePort();
        appPort = freePort();
        slack = new SlackReceiver();
        env = Map.of("VERDANDI_ROOT", root.toString(), "VERDANDI_SYSTEMCTL", STAND_IN);
        webhookOnPort(root, freePort());
        // the app host's server block, as env-install renders it; no gunicorn behind it
        Path run = root.resolve("run/mangaki/" + ENV);
        Files.createDirectories(run);
        Files.createDirectories(root.resolve("var/lib/verdandi/" + ENV));
        Files.writeString(root.resolve("etc/nginx/sites-enabled/verdandi-env-" + ENV + ".conf"),
                HostFiles.read("nginx/verdandi-environment.conf").replace("@ENV@", ENV)
                        .replace("@LISTEN@", "127.0.0.1:" + appPort).replace("@SRV@", root + "/srv/mangaki/" + ENV)
                        .replace("@SOCKET@", run + "/gunicorn.sock").replace("@STATIC_URL@", "/static/")
                        .replace("@LOG@", root + "/var/log/nginx").replace("@RUN@", run.toString()));
        Proc.Result nginx = Proc.run(List.of("nginx", "-c", root.resolve("etc/nginx/nginx.conf").toString()),
                Map.of(), null, Duration.ofSeconds(30));
        assertEquals(0, nginx.exit(), nginx.output());
        nginxStarted = true;
    }

    @AfterEach
    void stopEverything() {
        loops.forEach(Process::destroyForcibly);
        Proc.run(List.of(STAND_IN, "stop", "verdandi-webhook.service", "verdandi-look-now@" + ENV + ".service"),
                env, null, Duration.ofSeconds(60));
        if (nginxStarted) {
            Proc.run(List.of("nginx", "-c", root.resolve("etc/nginx/nginx.conf").toString(), "-s", "stop"),
                    Map.of(), null, Duration.ofSeconds(30));
        }
        slack.close();
        Proc.run(List.of("rm", "-rf", base.toString()), Map.of(), null, Duration.ofSeconds(60));
    }

    /** Makes the stand-in start the webhook receiver of {@code root} on {@code port} (a drop-in, as systemd reads). */
    static void webhookOnPort(Path root, int port) {
        Path dropIn = root.resolve("etc/systemd/system/verdandi-webhook.service.d/50-test-port.conf");
        try {
            Files.createDirectories(dropIn.getParent());
            Files.writeString(dropIn, "[Service]\nExecStart=\nExecStart=" + HostFiles.SCRIPT_DIR
                    + "/webhook-receive --listen 127.0.0.1:" + port + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int webhookPort() throws IOException {
        String dropIn = Files.readString(root.resolve("etc/systemd/system/verdandi-webhook.service.d/50-test-port.conf"));
        return Integer.parseInt(dropIn.substring(dropIn.lastIndexOf(':') + 1).trim());
    }

    /** site-install with the given thresholds, the environment file's front secrets on standard input. */
    private Proc.Result installSite(FrontSettings front) throws IOException {
        EnvironmentSettings settings = new EnvironmentSettings(ENV, "staging", List.of(DOMAIN), appPort,
                "https://github.com/mangaki/mangaki.git", List.of(), 600, fr.mangaki.verdandi.config.DatabaseBackups.defaultsFor(ENV),
                fr.mangaki.verdandi.config.ApplicationSettings.defaults(), front);
        HostCommands commands = new HostCommands(root + HostFiles.SCRIPT_DIR, false);
        String envFile = "SECRET_KEY=not-for-the-front\nSLACK_WEBHOOK_URL=" + slack.url()
                + "\nDEPLOY_WEBHOOK_SECRET=" + WEBHOOK_SECRET + "\n";
        return Proc.run(commands.installSiteTokens(settings, "127.0.0.1", "127.0.0.1:" + httpPort, null, webhookPort()),
                env, HostCommands.frontSecrets(envFile), Duration.ofSeconds(60));
    }

    private HttpProbe.Response get(String path) {
        return HttpProbe.get(httpPort, DOMAIN, path);
    }

    private String unitLog(String unit) {
        Path p = root.resolve("var/log/systemctl-stand-in/" + unit + ".log");
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long lookNowCount() {
        return unitLog("verdandi-look-now@" + ENV + ".service").lines()
                .filter(l -> l.contains("the deploy loop looks now")).count();
    }

    @Test
    void servesTheMaintenancePageWith503AndRetryAfterWhenTheAppDoesNotAnswer() throws Exception {
        Proc.Result site = installSite(FrontSettings.defaults());
        assertEquals(0, site.exit(), site.output());
        HttpProbe.Response page = get("/some/page?q=1");
        assertEquals(503, page.status(), page.headers());
        assertEquals("30", page.header("Retry-After"));
        assertEquals("no-store", page.header("Cache-Control"));
        assertTrue(String.valueOf(page.header("Content-Type")).startsWith("text/html"), page.headers());
        assertEquals(Files.readString(root.resolve("usr/local/lib/verdandi/maintenance/default.html")), page.body());
        HttpProbe.Response post = HttpProbe.post(httpPort, DOMAIN, "/form", Map.of(), "a=1".getBytes(StandardCharsets.UTF_8));
        assertEquals(503, post.status(), "a POST gets the page too: " + post.headers());

        // an environment's own page wins over the default one
        Files.writeString(root.resolve("usr/local/lib/verdandi/maintenance/" + ENV + ".html"), "<p>staging is away</p>\n");
        assertEquals("<p>staging is away</p>\n", get("/").body());

        // the app host not listening at all: the same page, never NGINX's bare 502
        Files.delete(root.resolve("etc/nginx/sites-enabled/verdandi-env-" + ENV + ".conf"));
        assertEquals(0, Proc.run(List.of("nginx", "-c", root.resolve("etc/nginx/nginx.conf").toString(), "-s", "reload"),
                Map.of(), null, Duration.ofSeconds(30)).exit());
        assertTrue(Rehearsal.await(Duration.ofSeconds(20), () -> get("/").body().equals("<p>staging is away</p>\n")));
        assertEquals(503, get("/").status());
        // /.verdandi/ is never passed on from the internet: the app's look-now is out of reach
        assertEquals(404, get("/.verdandi/look-now").status());
        assertEquals(404, HttpProbe.post(httpPort, DOMAIN, "/.verdandi/look-now", Map.of(), new byte[0]).status());
        assertEquals(404, get("/.verdandi/maintenance").status(), "the page's location is internal");
    }

    @Test
    void aSignedPushWakesTheDeployLoopAndBadDeliveriesAreRefusedWithoutTriggeringAnything() throws Exception {
        Proc.Result site = installSite(FrontSettings.defaults());
        assertEquals(0, site.exit(), site.output());
        assertTrue(site.output().contains("push webhook of branch staging at https://staging.mangaki.fr/.verdandi/deploy"),
                site.output());
        assertFalse(site.output().contains(WEBHOOK_SECRET), site.output());
        String head = originWithOneCommit();
        Proc.Result listener = Proc.run(List.of(STAND_IN, "start", "verdandi-look-now@" + ENV + ".service"), env, null,
                Duration.ofSeconds(30));
        assertEquals(0, listener.exit(), listener.output());
        Process loop = startDeployLoop();
        assertTrue(Rehearsal.await(Duration.ofSeconds(30), () -> Files.exists(root.resolve("var/lib/verdandi/" + ENV + "/look-now"))
                && Files.exists(root.resolve("run/mangaki/" + ENV + "/look-now.sock"))), "loop and listener ready");
        PushWebhookStandIn github = new PushWebhookStandIn(WEBHOOK_SECRET);
        assertTrue(Rehearsal.await(Duration.ofSeconds(30), () -> {
            HttpProbe.Response pong = PushWebhookStandIn.send(httpPort, DOMAIN, github.signed("ping", "{\"zen\":\"x\"}".getBytes()));
            return pong.status() == 200;
        }), "the receiver answers GitHub's ping");

        String marker = "body-marker-" + System.nanoTime();
        Map<String, HttpProbe.Response> refused = new LinkedHashMap<>();
        PushWebhookStandIn.Delivery good = github.push("staging", head, head);
        Map<String, String> unsigned = new LinkedHashMap<>(good.headers());
        unsigned.remove("X-Hub-Signature-256");
        refused.put("no signature", post(new PushWebhookStandIn.Delivery(unsigned, good.body())));
        refused.put("wrong signature", post(new PushWebhookStandIn("another-secret-0123456789").push("staging", head, head)));
        byte[] tampered = new String(good.body(), StandardCharsets.UTF_8).replace("ada", "eve").getBytes(StandardCharsets.UTF_8);
        refused.put("tampered body", post(new PushWebhookStandIn.Delivery(good.headers(), tampered)));
        refused.put("malformed JSON", post(github.signed("push", ("{\"ref\": \"refs/heads/staging\", " + marker).getBytes())));
        refused.put("other branch", post(github.push("production", head, head)));
        refused.put("other event", post(github.signed("issues", "{\"action\":\"opened\"}".getBytes())));
        byte[] big = new byte[1536 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        refused.put("oversized body", post(github.signed("push", big)));
        refused.put("GET", get("/.verdandi/deploy"));
        Map<String, Integer> expected = Map.of("no signature", 401, "wrong signature", 401, "tampered body", 401,
                "malformed JSON", 400, "other branch", 400, "other event", 400, "oversized body", 413, "GET", 403);
        refused.forEach((what, r) -> assertEquals(expected.get(what), r.status(), what + ": " + r.headers() + r.body()));
        assertEquals(0, lookNowCount(), "nothing was triggered by a refused delivery");
        assertTrue(loop.isAlive(), "the loop still waits for its next poll");

        HttpProbe.Response accepted = post(good);
        assertEquals(202, accepted.status(), accepted.body() + "\nlistener: " + unitLog("verdandi-look-now@" + ENV + ".service")
                + "\nNGINX: " + Rehearsal.read(root.resolve("var/log/nginx/error.log")));
        assertTrue(loop.waitFor(120, TimeUnit.SECONDS), "the loop looked again without waiting for its 600 s poll");
        String loopLog = new String(loop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(loopLog.contains("told to look now (a push reached the front)"), loopLog);
        assertEquals(1, lookNowCount());

        HttpProbe.Response replay = post(good);
        assertEquals(409, replay.status(), "a replayed delivery is refused: " + replay.body());
        Map<String, String> newId = new LinkedHashMap<>(good.headers());
        newId.put("X-GitHub-Delivery", java.util.UUID.randomUUID().toString());
        assertEquals(409, post(new PushWebhookStandIn.Delivery(newId, good.body())).status(),
                "the same signed body under another delivery id is a replay too");
        assertEquals(1, lookNowCount(), "a replay triggers nothing");

        String receiverLog = unitLog("verdandi-webhook.service");
        assertTrue(receiverLog.contains("staging: event push, delivery " + good.headers().get("X-GitHub-Delivery")
                + ": 202 the deploy loop of staging looks now"), receiverLog);
        assertTrue(receiverLog.contains(": 401 missing or wrong X-Hub-Signature-256"), receiverLog);
        assertTrue(receiverLog.contains(": 400 the body is not JSON"), receiverLog);
        assertTrue(receiverLog.contains(": 400 not the branch of environment staging (staging)"), receiverLog);
        assertTrue(receiverLog.contains(": 409 this delivery was already accepted"), receiverLog);
        assertFalse(receiverLog.contains(marker) || receiverLog.contains("ada") || receiverLog.contains(WEBHOOK_SECRET)
                || receiverLog.contains(good.headers().get("X-Hub-Signature-256")), "no body, signature nor secret logged");
    }

    private HttpProbe.Response post(PushWebhookStandIn.Delivery d) {
        return PushWebhookStandIn.send(httpPort, DOMAIN, d);
    }

    /** A bare origin with one commit on branch staging, deployed already: the loop only polls. */
    private String originWithOneCommit() throws IOException {
        Path origin = base.resolve("origin.git");
        Path work = base.resolve("work");
        Map<String, String> git = Map.of("GIT_AUTHOR_NAME", "Ada", "GIT_AUTHOR_EMAIL", "ada@example.org",
                "GIT_COMMITTER_NAME", "Ada", "GIT_COMMITTER_EMAIL", "ada@example.org");
        Proc.run(List.of("git", "init", "-q", "--bare", "--initial-branch=staging", origin.toString()), git, null,
                Duration.ofSeconds(30)).requireSuccess();
        Proc.run(List.of("git", "init", "-q", "--initial-branch=staging", work.toString()), git, null,
                Duration.ofSeconds(30)).requireSuccess();
        Proc.run(List.of("git", "-C", work.toString(), "commit", "-q", "--allow-empty", "-m", "one"), git, null,
                Duration.ofSeconds(30)).requireSuccess();
        Proc.run(List.of("git", "-C", work.toString(), "push", "-q", origin.toString(), "staging"), git, null,
                Duration.ofSeconds(30)).requireSuccess();
        String head = Proc.run(List.of("git", "-C", work.toString(), "rev-parse", "HEAD"), git, null,
                Duration.ofSeconds(30)).requireSuccess().output().trim();
        Path conf = root.resolve("etc/verdandi/" + ENV);
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("deploy.conf"), "ENV_NAME=staging\nBRANCH=staging\nREPOSITORY=" + origin
                + "\nPOLL_SECONDS=600\n");
        Files.writeString(root.resolve("var/lib/verdandi/" + ENV + "/deployed"), head + "\n");
        return head;
    }

    private Process startDeployLoop() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(root + HostFiles.SCRIPT_DIR + "/deploy-loop", ENV, "--max-polls", "2")
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        loops.add(p);
        return p;
    }

    @Test
    void writesAnAnonymisedLogAReportAndTellsSlackOncePerEpisode() throws Exception {
        Proc.Result site = installSite(new FrontSettings(2, 50, 7));
        assertEquals(0, site.exit(), site.output());
        for (int i = 0; i < 30; i++) {
            assertEquals(503, get("/page/" + i).status());
        }
        Path log = root.resolve("var/log/nginx/front/" + ENV + ".access.log");
        assertTrue(Rehearsal.await(Duration.ofSeconds(10), () -> Rehearsal.read(log).lines().count() >= 30));
        String line = Rehearsal.read(log).lines().findFirst().orElseThrow();
        assertTrue(line.matches("127\\.0\\.0\\.0 - - \\[[^]]+\\] \"GET /page/0 HTTP/1\\.1\" 503 \\d+ \"-\""
                + " \"verdandi-rehearsal\" \\d+\\.\\d{3} \"[^\"]*\" \\d+\\.\\d{3}"), line);
        assertFalse(Rehearsal.read(log).contains("127.0.0.1"), "no client address is written whole");

        // the report, then a GoAccess failure that leaves it, and NGINX, as they were
        Proc.Result report = Proc.run(List.of(root + HostFiles.SCRIPT_DIR + "/analytics-report", ENV), env, null,
                Duration.ofSeconds(60));
        assertEquals(0, report.exit(), report.output());
        Path html = root.resolve("var/lib/verdandi/analytics/" + ENV + "/index.html");
        String reportText = Files.readString(html);
        assertTrue(reportText.contains("Mangaki staging") && reportText.contains("\"data\": \"\\/page\\/0\"")
                && reportText.contains("\"data\": \"127.0.0.0\""), "a GoAccess report of the log, by page and anonymised host");
        Files.writeString(log, "this is not a log line of the front\n", java.nio.file.StandardOpenOption.APPEND);
        Path conf = root.resolve("usr/local/lib/verdandi/goaccess.conf");
        String goodConf = Files.readString(conf);
        Files.writeString(conf, goodConf.replace("log-format %h", "log-format %Q"));
        Proc.Result broken = Proc.run(List.of(root + HostFiles.SCRIPT_DIR + "/analytics-report", ENV), env, null,
                Duration.ofSeconds(60));
        assertEquals(1, broken.exit(), broken.output());
        assertTrue(broken.output().contains("goaccess failed: the previous report of staging is kept"), broken.output());
        assertEquals(reportText, Files.readString(html));
        assertEquals(503, get("/still-served").status(), "NGINX serves on");
        Files.writeString(conf, goodConf);

        // the alerts: one message when each episode starts, none while it lasts, one when it is over
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < 2; i++) {
            Proc.Result check = Proc.run(List.of(root + HostFiles.SCRIPT_DIR + "/front-alerts", ENV, "--now",
                    Long.toString(now)), env, null, Duration.ofSeconds(60));
            assertEquals(0, check.exit(), check.output());
        }
        List<String> started = slack.texts();
        assertEquals(2, started.size(), started.toString());
        assertTrue(started.get(0).startsWith(":chart_with_upwards_trend: *staging*: traffic peak, "), started.get(0));
        assertTrue(started.get(1).startsWith(":rotating_light: *staging*: 100 % of the last "), started.get(1));
        Proc.Result later = Proc.run(List.of(root + HostFiles.SCRIPT_DIR + "/front-alerts", ENV, "--now",
                Long.toString(now + 900)), env, null, Duration.ofSeconds(60));
        assertEquals(0, later.exit(), later.output());
        List<String> all = slack.texts();
        assertEquals(4, all.size(), all.toString());
        assertEquals(":white_check_mark: *staging*: the traffic peak is over (0 requests per minute).", all.get(2));
        assertEquals(":white_check_mark: *staging*: the 5xx answers are back under 50 % (0 %).", all.get(3));
        assertFalse(later.output().contains(SlackReceiver.TOKEN), later.output());
    }

    /**
     * No whole client address in an access log of the front: requests for a domain no
     * environment serves go to the default server, logged anonymised apart from Debian's
     * access.log; the errors NGINX writes for an environment (here the app host not answering,
     * with the client's whole address, which no log format can change) go to the environment's
     * error log, which site-install's logrotate keeps as long as the access log, and not to
     * Debian's error.log.
     */
    @Test
    void logsUnknownHostsAnonymisedAndAnEnvironmentsErrorsInItsOwnBoundedLog() throws Exception {
        // the app host not listening: the front's connection fails, an error NGINX logs (the app
        // host's block, which shares this NGINX, goes first: its own errors are the app host's)
        Files.delete(root.resolve("etc/nginx/sites-enabled/verdandi-env-" + ENV + ".conf"));
        Proc.Result site = installSite(new FrontSettings(300, 5, 7));
        assertEquals(0, site.exit(), site.output());
        int defaultPort = freePort();
        Files.writeString(root.resolve("etc/nginx/sites-enabled/000-verdandi-default"),
                Rehearsal.defaultServerUnder(root, "127.0.0.1:" + defaultPort, "127.0.0.1:" + freePort()));
        Proc.Result reload = Proc.run(List.of("nginx", "-c", root.resolve("etc/nginx/nginx.conf").toString(), "-s", "reload"),
                Map.of(), null, Duration.ofSeconds(30));
        assertEquals(0, reload.exit(), reload.output());
        Path unknown = root.resolve("var/log/nginx/default.access.log");
        assertTrue(Rehearsal.await(Duration.ofSeconds(20), () -> {
            HttpProbe.get(defaultPort, "not-ours.example", "/wp-login.php");
            return Files.exists(unknown) && Rehearsal.read(unknown).contains("GET /wp-login.php");
        }), "the default server logs what it closes: " + Rehearsal.read(unknown));
        HttpProbe.Response closed = HttpProbe.get(defaultPort, "not-ours.example", "/");
        assertEquals(0, closed.status(), "closed without an answer (444): " + closed.body());
        String line = Rehearsal.read(unknown).lines().findFirst().orElseThrow();
        assertTrue(line.matches("127\\.0\\.0\\.0 - - \\[[^]]+\\] \"GET /wp-login\\.php HTTP/1\\.1\" 444 0 \"-\""
                + " \"verdandi-rehearsal\" \\d+\\.\\d{3} \"-\" \\d+\\.\\d{3}"), line);

        Path errors = root.resolve("var/log/nginx/front/" + ENV + ".error.log");
        assertEquals(503, get("/account").status(), "the maintenance page");
        assertTrue(Rehearsal.await(Duration.ofSeconds(10), () -> Rehearsal.read(errors).contains("GET /account")),
                "the environment's error log: " + Rehearsal.read(errors));
        assertTrue(Rehearsal.read(errors).contains("client: 127.0.0.1, server: " + DOMAIN), Rehearsal.read(errors));
        String logrotate = Files.readString(root.resolve("etc/logrotate.d/verdandi-front-" + ENV));
        assertTrue(logrotate.contains(errors + " {\n") && logrotate.contains("    rotate 7\n    maxage 7\n"), logrotate);

        for (Path log : List.of(root.resolve("var/log/nginx/front/" + ENV + ".access.log"), unknown,
                root.resolve("var/log/nginx/access.log"), root.resolve("var/log/nginx/error.log"))) {
            assertFalse(Rehearsal.read(log).contains("127.0.0.1"), "no whole client address in " + log + ":\n"
                    + Rehearsal.read(log));
        }
        assertTrue(Rehearsal.read(root.resolve("var/log/nginx/front/" + ENV + ".access.log")).contains("GET /account"));
    }
}
