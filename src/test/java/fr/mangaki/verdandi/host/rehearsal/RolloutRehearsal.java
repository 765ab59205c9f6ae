package fr.mangaki.verdandi.host.rehearsal;

import fr.mangaki.verdandi.cloudinit.CloudInit;
import fr.mangaki.verdandi.cloudinit.HostSpec;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.host.HostCommands;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys on several droplets (docs/growth.md, "Deploys on several droplets") rehearsed with the
 * real parts: two app droplets, each a full {@link Rehearsal} (its root, its NGINX listening on
 * 127.0.0.2 or 127.0.0.3 on one port, gunicorn, Celery, the deploy loop started by env-install
 * --managed-database), behind one NGINX front configured by site-install, sharing one PostgreSQL
 * database (the first droplet's cluster, standing for the managed cluster: DATABASE_URL in
 * database.env) and one Redis. Slack is each droplet's {@link SlackReceiver} stand-in.
 *
 * <p>Under a steady load through the front: a commit pushed goes live on both droplets, one
 * at a time (the table verdandi_releases shows each droplet's window, from the lock taken to
 * live); then a commit goes live on the first droplet, then fails the gates on the second one
 * (a gate of that droplet only, failing while a file says its disk is full; the second droplet
 * sees the commit later: its origin gets it once the first droplet has it live), is marked
 * failed there, and the first droplet's loop goes back to the previous release at its next poll.
 */
public final class RolloutRehearsal implements AutoCloseable {
    private static final Duration DEPLOYS = Duration.ofMinutes(6);

    /** What a run showed. */
    public record Figures(long requests, long failedRequests, boolean oneAtATime, boolean rolledBackEverywhere,
                          List<String> rows, List<String> slack, List<String> failureSamples) {
        public String line() {
            return "rollout_one_at_a_time=" + (oneAtATime ? 1 : 0) + " rolled_back_everywhere=" + (rolledBackEverywhere ? 1 : 0);
        }
    }

    private final Path front;
    private final int appPort;
    private final int frontPort;
    private final List<Rehearsal> droplets = new ArrayList<>();
    private boolean frontStarted;

    public RolloutRehearsal() throws IOException {
        front = Files.createTempDirectory("verdandi-rollout-front-");
        Files.setPosixFilePermissions(front, PosixFilePermissions.fromString("rwxr-xr-x"));
        appPort = freePort();
        frontPort = freePort();
    }

    private static void progress(String what) {
        System.err.println("rollout rehearsal: " + what);
    }

    public Figures run() throws Exception {
        Rehearsal one = droplet("app-1");
        Rehearsal two = droplet("app-2");
        // the managed cluster's stand-in: the first droplet's PostgreSQL and Redis, with the
        // database that DigitalOcean's database resource would hold
        one.psql("CREATE ROLE \"mangaki-staging\" LOGIN CREATEDB");
        one.psql("CREATE DATABASE \"mangaki-staging\" OWNER \"mangaki-staging\"");
        one.psql("mangaki-staging", "CREATE EXTENSION pg_trgm");
        one.psql("mangaki-staging", "CREATE EXTENSION unaccent");
        one.redis(true);
        String socket = one.base.resolve("pg/sock").toString();
        String databaseEnv = "DATABASE_URL=postgresql://mangaki-staging@" + URLEncoder.encode(socket, StandardCharsets.UTF_8)
                + "/mangaki-staging\nREDIS_URL=redis://127.0.0.1:" + one.redisPort + "/0\n";
        startFront();

        String first = one.commit("First commit");
        pushBoth(one, two);
        progress("installing the environment on both droplets (managed database): their loops deploy " + first.substring(0, 7));
        install(one, "127.0.0.2", databaseEnv, socket);
        install(two, "127.0.0.3", databaseEnv, socket);
        awaitLive(one, two, first);

        FrontLoad load = new FrontLoad(frontPort, Rehearsal.DOMAIN);
        load.start();
        try {
            Rehearsal.await(Duration.ofSeconds(30), () -> load.requests() > 50);
            one.writeApp(Faults.VERSION, "VERSION = \"second\"\n");
            String second = one.commit("Show the second version");
            Instant pushed = Instant.now();
            progress("pushing " + second.substring(0, 7) + ": both loops deploy it");
            pushBoth(one, two);
            awaitLive(one, two, second);
            // after both handovers, Celery beat runs on one droplet: one session holds its scheduler
            // lock, the other droplet's copy waits (docs/growth.md)
            if (!Rehearsal.await(Duration.ofSeconds(60), () -> schedulers(one).equals("1 1"))) {
                throw new IllegalStateException("beat's scheduler lock (held, waiting): " + schedulers(one));
            }
            // a droplet records its row once live: the table has both a moment after the state files
            Rehearsal.await(Duration.ofSeconds(30), () -> rows(one, second).stream().filter(r -> r.contains(" live ")).count() == 2);
            List<String> windows = rows(one, second);
            boolean oneAtATime = oneAtATime(windows) && slackLive(one, second) && slackLive(two, second);
            progress("one at a time: " + oneAtATime + " " + windows + " (" + Duration.between(pushed, Instant.now()).toSeconds() + " s)");

            one.writeApp(Faults.VERSION, "VERSION = \"third\"\n");
            String third = one.commit("Show the third version");
            // the second droplet's own gate, standing for its full disk; that droplet polls later
            // (its origin gets the commit once the first droplet has it live)
            Path full = two.base.resolve("disk-full");
            Path gate = two.base.resolve("gate-disk-space");
            Rehearsal.write(gate, """
                    #!/usr/bin/env bash
                    # A gate of droplet app-2 only (the rollout rehearsal): fails while its disk is full.
                    set -euo pipefail
                    if [[ -e %s ]]; then
                      echo "no space left on device (app-2 only)" >&2
                      exit 1
                    fi
                    """.formatted(full));
            Files.setPosixFilePermissions(gate, PosixFilePermissions.fromString("rwxr-xr-x"));
            Rehearsal.write(full, "");
            Path gates = two.root.resolve("etc/verdandi/staging/gates");
            Files.writeString(gates, Files.readString(gates) + gate + "\n");
            progress("pushing " + third.substring(0, 7) + " to app-1's origin, then, once live there, to app-2's: "
                    + "its gate fails on app-2 only");
            one.push();
            if (!Rehearsal.await(DEPLOYS, () -> third.equals(one.state("deployed")))) {
                throw new IllegalStateException(third.substring(0, 7) + " did not go live on app-1:\n" + one.loopLog());
            }
            boolean wasLive = third.equals(HttpProbe.revision(HttpProbe.getAt("127.0.0.2", appPort, Rehearsal.DOMAIN, "/")));
            one.git("push", "--quiet", "--force", two.origin.toString(), "HEAD:staging");
            boolean back = Rehearsal.await(DEPLOYS, () -> third.equals(two.state("failed"))
                    && third.equals(one.state("failed")) && second.equals(one.state("deployed"))
                    && second.equals(HttpProbe.revision(HttpProbe.getAt("127.0.0.2", appPort, Rehearsal.DOMAIN, "/"))));
            String short3 = third.substring(0, 7);
            boolean told = Rehearsal.await(Duration.ofSeconds(30), () -> !two.slackWith(":x: *staging*", short3, "*gates*").isEmpty()
                    && !one.slackWith(":leftwards_arrow_with_hook: *staging*", short3, "failed on another droplet").isEmpty());
            List<String> thirdRows = rows(one, third);
            boolean rolledBack = wasLive && back && told && second.equals(two.state("deployed"))
                    && second.equals(HttpProbe.revision(HttpProbe.getAt("127.0.0.3", appPort, Rehearsal.DOMAIN, "/")))
                    && thirdRows.stream().anyMatch(r -> r.startsWith("app-1 rolled back"))
                    && thirdRows.stream().anyMatch(r -> r.startsWith("app-2 failed"));
            progress("rolled back everywhere: " + rolledBack + " " + thirdRows);
            load.stop();
            List<String> slack = new ArrayList<>(one.slack.texts());
            slack.addAll(two.slack.texts());
            List<String> allRows = new ArrayList<>(windows);
            allRows.addAll(thirdRows);
            if (!back || !told) {
                progress("app-1's loop:\n" + one.loopLog() + "\napp-2's loop:\n" + two.loopLog());
            }
            return new Figures(load.requests(), load.failures(), oneAtATime, rolledBack, allRows, slack, load.samples());
        } finally {
            load.stop();
        }
    }

    private Rehearsal droplet(String hostname) {
        Rehearsal r = new Rehearsal(1, appPort);
        droplets.add(r);
        r.prepareHosts();
        Rehearsal.write(r.root.resolve("etc/hostname"), hostname + "\n");
        return r;
    }

    private static void install(Rehearsal r, String address, String databaseEnv, String databaseHost) {
        Proc.Result install = r.installEnvironment(address, databaseEnv, databaseHost);
        if (install.exit() != 0) {
            throw new IllegalStateException("env-install failed on " + address + ":\n" + install.output());
        }
    }

    /** Both droplets follow the same branch: their origins get the same commits. */
    private static void pushBoth(Rehearsal one, Rehearsal two) {
        one.push();
        one.git("push", "--quiet", "--force", two.origin.toString(), "HEAD:staging");
    }

    private void awaitLive(Rehearsal one, Rehearsal two, String sha) {
        if (!Rehearsal.await(DEPLOYS, () -> sha.equals(one.state("deployed")) && sha.equals(two.state("deployed"))
                && sha.equals(HttpProbe.revision(HttpProbe.getAt("127.0.0.2", appPort, Rehearsal.DOMAIN, "/")))
                && sha.equals(HttpProbe.revision(HttpProbe.getAt("127.0.0.3", appPort, Rehearsal.DOMAIN, "/"))))) {
            throw new IllegalStateException(sha.substring(0, 7) + " did not go live on both droplets\napp-1's loop:\n"
                    + one.loopLog() + "\napp-2's loop:\n" + two.loopLog());
        }
    }

    /** The sessions of beat's scheduler lock: "HELD WAITING". */
    private static String schedulers(Rehearsal one) {
        return one.psql("SELECT count(*) FILTER (WHERE l.granted) || ' ' || count(*) FILTER (WHERE NOT l.granted)"
                + " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'"
                + " AND a.application_name LIKE 'verdandi-scheduler staging/beat %'");
    }

    /** The table's rows for a commit, oldest first: "HOST STATE EPOCH-SECONDS". */
    private static List<String> rows(Rehearsal one, String sha) {
        return one.psql("mangaki-staging", "SELECT host || ' ' || state || ' ' || extract(epoch FROM at) FROM verdandi_releases"
                + " WHERE environment = 'staging' AND sha = '" + sha + "' ORDER BY id").lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    /** Whether each droplet's window (deploying to live) ends before the other's begins. */
    static boolean oneAtATime(List<String> rows) {
        List<double[]> windows = new ArrayList<>();
        for (String host : List.of("app-1", "app-2")) {
            Optional<Double> from = at(rows, host, "deploying");
            Optional<Double> to = at(rows, host, "live");
            if (from.isEmpty() || to.isEmpty()) {
                return false;
            }
            windows.add(new double[]{from.get(), to.get()});
        }
        double[] a = windows.get(0);
        double[] b = windows.get(1);
        return a[1] <= b[0] || b[1] <= a[0];
    }

    private static Optional<Double> at(List<String> rows, String host, String state) {
        return rows.stream().filter(r -> r.startsWith(host + " " + state + " "))
                .map(r -> Double.parseDouble(r.substring(r.lastIndexOf(' ') + 1))).findFirst();
    }

    private static boolean slackLive(Rehearsal r, String sha) {
        return Rehearsal.await(Duration.ofSeconds(30), () -> !r.slackWith(":white_check_mark: *staging*", sha.substring(0, 7),
                "is live").isEmpty());
    }

    private void startFront() {
        for (String d : List.of("etc/nginx/sites-enabled", "run", "var/log/nginx", "var/lib/nginx", "etc/verdandi")) {
            Rehearsal.mkdirs(front.resolve(d));
        }
        List<String> keys = List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI a@b");
        Rehearsal.materializeInto(front, CloudInit.render(HostSpec.of(HostRole.FRONT, DropletSize.S_1VCPU_1GB, keys)));
        Rehearsal.write(front.resolve("etc/nginx/nginx.conf"),
                Rehearsal.read(Rehearsal.RESOURCES.resolve("nginx.conf")).replace("@ROOT@", front.toString()));
        Proc.run(List.of("nginx", "-c", front.resolve("etc/nginx/nginx.conf").toString()), Map.of(), null,
                Duration.ofSeconds(30)).requireSuccess();
        frontStarted = true;
        HostCommands commands = new HostCommands(front + HostFiles.SCRIPT_DIR, false);
        Proc.run(commands.installSiteTokens(droplets.get(0).env, List.of("127.0.0.2", "127.0.0.3"), List.of(), Optional.empty(),
                "127.0.0.1:" + frontPort, null), Map.of("VERDANDI_ROOT", front.toString()), null, Duration.ofMinutes(2))
                .requireSuccess();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (frontStarted) {
            Proc.run(List.of("nginx", "-s", "stop", "-c", front.resolve("etc/nginx/nginx.conf").toString()), Map.of(), null,
                    Duration.ofSeconds(30));
        }
        // the second droplet first: the first one's PostgreSQL holds the shared database
        for (int i = droplets.size() - 1; i >= 0; i--) {
            droplets.get(i).close();
        }
        Proc.run(List.of("rm", "-rf", front.toString()), Map.of(), null, Duration.ofMinutes(1));
    }
}
