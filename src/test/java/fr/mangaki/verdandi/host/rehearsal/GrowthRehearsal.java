package fr.mangaki.verdandi.host.rehearsal;

import fr.mangaki.verdandi.cloudinit.CloudInit;
import fr.mangaki.verdandi.cloudinit.HostSpec;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.host.HostCommands;
import fr.mangaki.verdandi.host.HostFile;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rehearsal of a grown platform (docs/growth.md) on loopback, with the real parts: NGINX
 * configured by site-install as the front, two gunicorn application servers standing for two
 * app droplets (127.0.0.2 and 127.0.0.3, one port), and two PostgreSQL 15 clusters, the second
 * made a streaming replica of the first by replication-allow and standby-follow, then promoted
 * by standby-promote. The droplets' roots are temporary directories; PostgreSQL's units are
 * started and stopped through a stand-in of systemctl written here (pg_ctl for each unit), since
 * no systemd runs in the tests.
 *
 * <p>What it measures: with two app droplets on one shared database under a steady load, a
 * rolling reload of each app server in turn (graceful gunicorn HUP), then one app server killed
 * (SIGKILL to its process group: a droplet lost), the requests that failed, and how long NGINX
 * took to notice (its first error about the lost server); with a standby, N rows written through
 * the front, the primary's PostgreSQL and app server stopped, the standby serving reads as the
 * front's backup server, the promotion, and the seconds until a write through the front succeeds
 * again, then how many of the N rows the promoted database holds.
 *
 * <p>Not rehearsed here: the deploy script across several droplets ({@link RolloutRehearsal}
 * does), nor a managed cluster (DigitalOcean's), nor an autoscale
 * pool's members (GrowthFrontTest covers the front's discovery with the API stand-in).
 */
public final class GrowthRehearsal implements AutoCloseable {
    private static final String PG_BIN = "/usr/lib/postgresql/15/bin";
    private static final String HOST = "growth.mangaki.fr";
    private static final Duration LONG = Duration.ofMinutes(3);

    /** What a run measured. */
    public record Figures(long requests, long failedRequests, double frontNoticeSeconds, double failoverSeconds,
                          long rowsWritten, long rowsKept, List<String> failureSamples) {
        public String line() {
            return String.format(java.util.Locale.ROOT, "app_count=2 failed_requests=%d failover_s=%.1f rows_kept=%d/%d",
                    failedRequests, failoverSeconds, rowsKept, rowsWritten);
        }
    }

    private final Path base;
    private final Path front;
    private final Path primaryRoot;
    private final Path standbyRoot;
    private final int appPort;
    private final int frontPort;
    private final int pg1;
    private final int pg2;
    private final List<Process> apps = new ArrayList<>();
    private final Map<String, Process> appByAddress = new HashMap<>();

    public GrowthRehearsal() throws IOException {
        base = Files.createTempDirectory("verdandi-growth-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        front = base.resolve("front");
        primaryRoot = base.resolve("app");
        standbyRoot = base.resolve("app-standby");
        appPort = freePort();
        frontPort = freePort();
        pg1 = freePort();
        pg2 = freePort();
    }

    private static void progress(String what) {
        System.err.println("growth rehearsal: " + what);
    }

    /** Runs both parts and returns the figures. */
    public Figures run(int rows) throws Exception {
        setUp();
        progress("two app servers on one database, behind the front");
        startApp("127.0.0.2", pg1);
        startApp("127.0.0.3", pg1);
        site(List.of("127.0.0.2", "127.0.0.3"), List.of());
        FrontLoad load = new FrontLoad(frontPort, HOST);
        load.start();
        try {
            waitFor(() -> load.requests() > 50, "the load to start");
            progress("rolling reload: 127.0.0.2, then 127.0.0.3");
            hup("127.0.0.2");
            Thread.sleep(1500);
            hup("127.0.0.3");
            Thread.sleep(1500);
            progress("127.0.0.2 lost (its process group killed)");
            long errorsBefore = errorLogLines("127.0.0.2");
            long lost = System.nanoTime();
            kill("127.0.0.2");
            waitFor(() -> errorLogLines("127.0.0.2") > errorsBefore, "NGINX to notice the lost app server");
            double notice = (System.nanoTime() - lost) / 1e9;
            long servedAfter = load.requests();
            waitFor(() -> load.requests() > servedAfter + 200, "200 requests after the loss");
            load.stop();
            progress(String.format(java.util.Locale.ROOT, "front noticed in %.3f s; %d requests, %d failed",
                    notice, load.requests(), load.failures()));

            progress("standby: replication-allow on the primary, standby-follow on the standby");
            stopApp("127.0.0.3");
            String password = script(primaryRoot, "replication-allow", List.of("127.0.0.1", "--listen", "127.0.0.1"),
                    pg1, null).strip();
            Proc.Result follow = Proc.run(List.of(primaryScriptDir(standbyRoot) + "/standby-follow", "--primary",
                    "127.0.0.1:" + pg1), scriptEnv(standbyRoot, pg2), password + "\n", LONG);
            if (follow.exit() != 0) {
                throw new IllegalStateException("standby-follow failed:\n" + follow.output());
            }
            startApp("127.0.0.2", pg1);
            startApp("127.0.0.3", pg2);
            site(List.of("127.0.0.2"), List.of("127.0.0.3"));
            // nginx -s reload only signals the master: the old workers may answer a little longer
            waitFor(() -> java.util.stream.IntStream.range(0, 20).allMatch(i ->
                    HttpProbe.get(frontPort, HOST, "/").body().contains("ok 127.0.0.2")), "the primary alone to serve");
            for (int i = 0; i < rows; i++) {
                HttpProbe.Response r = post();
                if (r.status() != 200 || !r.body().contains("127.0.0.2")) {
                    throw new IllegalStateException("a write before the loss failed: " + r.status() + " " + r.body());
                }
            }
            progress(rows + " rows written through the front; the primary is stopped");
            FrontLoad reads = new FrontLoad(frontPort, HOST);
            reads.start();
            long stopped = System.nanoTime();
            kill("127.0.0.2");
            pgctl(base.resolve("pg1"), pg1, "stop");
            waitFor(() -> HttpProbe.get(frontPort, HOST, "/").body().contains("127.0.0.3"), "the backup to serve");
            Proc.Result promote = Proc.run(List.of(primaryScriptDir(standbyRoot) + "/standby-promote"),
                    scriptEnv(standbyRoot, pg2), null, LONG);
            if (promote.exit() != 0) {
                throw new IllegalStateException("standby-promote failed:\n" + promote.output());
            }
            waitFor(() -> post().status() == 200, "a write through the front");
            double failover = (System.nanoTime() - stopped) / 1e9;
            reads.stop();
            long kept = Long.parseLong(psql(pg2, "SELECT count(*) FROM written WHERE id <= " + rows).strip());
            progress(String.format(java.util.Locale.ROOT, "promoted; writes again %.1f s after the stop; reads meanwhile: "
                    + "%d requests, %d failed", failover, reads.requests(), reads.failures()));
            List<String> samples = new ArrayList<>(load.samples());
            samples.addAll(reads.samples());
            return new Figures(load.requests() + reads.requests(), load.failures() + reads.failures(), notice, failover,
                    rows, kept, samples);
        } finally {
            load.stop();
        }
    }

    private void setUp() throws IOException {
        progress("setting up under " + base);
        for (Path root : List.of(front, primaryRoot, standbyRoot)) {
            Files.createDirectories(root);
        }
        for (String d : List.of("etc/nginx/sites-enabled", "run", "var/log/nginx", "var/lib/nginx", "etc/verdandi")) {
            Files.createDirectories(front.resolve(d));
        }
        List<String> keys = List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI a@b");
        Rehearsal.materializeInto(front, CloudInit.render(HostSpec.of(HostRole.FRONT, DropletSize.S_1VCPU_1GB, keys)));
        Files.writeString(front.resolve("etc/nginx/nginx.conf"),
                Files.readString(Rehearsal.RESOURCES.resolve("nginx.conf")).replace("@ROOT@", front.toString()));
        for (Path root : List.of(primaryRoot, standbyRoot)) {
            Rehearsal.materializeInto(root, CloudInit.render(HostSpec.of(HostRole.APP, DropletSize.S_1VCPU_1GB, keys)));
            for (HostFile f : HostFiles.growthFiles(HostRole.APP)) {
                Path p = root.resolve(f.path().substring(1));
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.content());
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        f.permissions().equals("0755") ? "rwxr-xr-x" : "rw-r--r--"));
            }
            writePgUnits(root);
        }
        // the primary's cluster: password authentication over TCP, as on a droplet
        Path pg = base.resolve("pg1");
        Files.createDirectories(pg.resolve("sock"));
        Files.createDirectories(base.resolve("pg2/sock"));
        Proc.run(List.of("chown", "-R", "postgres:postgres", base.resolve("pg1").toString(), base.resolve("pg2").toString()),
                Map.of(), null, LONG).requireSuccess();
        asPostgres(List.of(PG_BIN + "/initdb", "-D", pg.resolve("data").toString(), "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8"));
        pgctl(pg, pg1, "start");
        // the standby droplet's own PostgreSQL, as cloud-init leaves it: empty, running
        asPostgres(List.of(PG_BIN + "/initdb", "-D", base.resolve("pg2/data").toString(), "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8"));
        pgctl(base.resolve("pg2"), pg2, "start");
        psql(pg1, "CREATE DATABASE growth");
        psqlIn(pg1, "growth", "CREATE TABLE written (id serial PRIMARY KEY, by text NOT NULL, at timestamptz DEFAULT now())");
        Files.writeString(base.resolve("app.py"), APP);
        Proc.run(List.of("nginx", "-c", front.resolve("etc/nginx/nginx.conf").toString()), Map.of(), null, LONG).requireSuccess();
    }

    /** systemctl for the droplet's PostgreSQL unit: start, stop and restart through pg_ctl. */
    private void writePgUnits(Path root) throws IOException {
        boolean primary = root.equals(primaryRoot);
        Path pg = base.resolve(primary ? "pg1" : "pg2");
        int port = primary ? pg1 : pg2;
        Path standIn = root.resolve("systemctl-pg-stand-in");
        Files.writeString(standIn, """
                #!/usr/bin/env bash
                # systemctl stand-in for the rehearsal of docs/growth.md (tests only): the droplet's
                # PostgreSQL unit is pg_ctl on the rehearsal's cluster; other units are only recorded.
                set -euo pipefail
                info() { printf 'systemctl-pg-stand-in: %%s\\n' "$*" >&2; }
                fail() { printf 'systemctl-pg-stand-in: error: %%s\\n' "$*" >&2; exit 1; }
                main() {
                  local verb=$1 unit=${2:-}
                  printf '%%s\\n' "$*" >>%1$s/systemctl-calls
                  [[ "$unit" == postgresql@15-main.service ]] || return 0
                  case $verb in
                    start | stop | restart) ;;
                    *) fail "unknown verb $verb" ;;
                  esac
                  runuser -u postgres -- %2$s/pg_ctl -D %3$s/data -l %3$s/log -w -m fast \\
                    -o "-p %4$d -k %3$s/sock -c listen_addresses=127.0.0.1" "$verb" >/dev/null
                  info "$verb $unit"
                }
                main "$@"
                """.formatted(root, PG_BIN, pg, port));
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Map<String, String> scriptEnv(Path root, int pgPort) {
        Path pg = base.resolve(pgPort == pg1 ? "pg1" : "pg2");
        return Map.of("VERDANDI_ROOT", root.toString(), "VERDANDI_SYSTEMCTL", root.resolve("systemctl-pg-stand-in").toString(),
                "VERDANDI_PG_DATA", pg.resolve("data").toString(), "PGHOST", pg.resolve("sock").toString(),
                "PGPORT", String.valueOf(pgPort));
    }

    private static String primaryScriptDir(Path root) {
        return root + HostFiles.SCRIPT_DIR;
    }

    private String script(Path root, String name, List<String> args, int pgPort, String stdin) {
        List<String> command = new ArrayList<>(List.of(primaryScriptDir(root) + "/" + name));
        command.addAll(args);
        Proc.Result r = Proc.run(command, scriptEnv(root, pgPort), stdin, LONG);
        if (r.exit() != 0) {
            throw new IllegalStateException(name + " failed:\n" + r.output());
        }
        // the scripts' progress goes to standard error, merged here: the last line is the answer
        List<String> lines = r.output().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private void site(List<String> upstreams, List<String> backups) {
        EnvironmentSettings env = new EnvironmentSettings("growth", "growth", List.of(HOST), appPort,
                "https://github.com/mangaki/mangaki.git", List.of(), 5);
        HostCommands commands = new HostCommands(front + HostFiles.SCRIPT_DIR, false);
        Proc.run(commands.installSiteTokens(env, upstreams, backups, Optional.empty(), "127.0.0.1:" + frontPort, null),
                Map.of("VERDANDI_ROOT", front.toString()), null, LONG).requireSuccess();
    }

    private void startApp(String address, int pgPort) throws IOException {
        Path pg = base.resolve(pgPort == pg1 ? "pg1" : "pg2");
        ProcessBuilder pb = new ProcessBuilder("setsid", "/usr/bin/gunicorn", "--bind", address + ":" + appPort,
                "--workers", "2", "--chdir", base.toString(), "--graceful-timeout", "5", "app:application")
                .redirectErrorStream(true).redirectOutput(base.resolve("gunicorn-" + address + ".log").toFile());
        pb.environment().putAll(Map.of("APP_NAME", address, "PGHOST", pg.resolve("sock").toString(),
                "PGPORT", String.valueOf(pgPort)));
        Process p = pb.start();
        apps.add(p);
        appByAddress.put(address, p);
        waitFor(() -> HttpProbe.getAt(address, appPort, HOST, "/").status() == 200, "gunicorn on " + address);
    }

    private void hup(String address) {
        Proc.run(List.of("kill", "-HUP", String.valueOf(appByAddress.get(address).pid())), Map.of(), null, LONG).requireSuccess();
    }

    /** Kills the app server's whole process group (setsid made its master the group's leader). */
    private void kill(String address) {
        Process p = appByAddress.remove(address);
        Proc.run(List.of("kill", "-KILL", "--", "-" + p.pid()), Map.of(), null, LONG);
        waitFor(() -> HttpProbe.getAt(address, appPort, HOST, "/").status() == 0, address + " to be gone");
    }

    private void stopApp(String address) {
        Process p = appByAddress.remove(address);
        Proc.run(List.of("kill", "-TERM", "--", "-" + p.pid()), Map.of(), null, LONG);
        waitFor(() -> HttpProbe.getAt(address, appPort, HOST, "/").status() == 0, address + " to stop");
    }

    private HttpProbe.Response post() {
        return HttpProbe.request(frontPort, HOST, "POST", "/write");
    }

    /** Lines of the front's error logs (each environment's, site-install; NGINX's own) naming the app server. */
    private long errorLogLines(String address) {
        try (java.util.stream.Stream<Path> logs = Files.walk(front.resolve("var/log/nginx"))) {
            long count = 0;
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith("error.log")).toList()) {
                count += Files.readAllLines(log).stream()
                        .filter(l -> l.contains("upstream") && l.contains(address + ":" + appPort)).count();
            }
            return count;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void pgctl(Path pg, int port, String verb) {
        asPostgres(List.of(PG_BIN + "/pg_ctl", "-D", pg.resolve("data").toString(), "-l", pg.resolve("log").toString(),
                "-w", "-m", "fast", "-o", "-p " + port + " -k " + pg.resolve("sock") + " -c listen_addresses=127.0.0.1",
                verb));
    }

    private void asPostgres(List<String> command) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(command);
        Proc.run(full, Map.of(), null, LONG).requireSuccess();
    }

    private String psql(int port, String sql) {
        return psqlIn(port, sql.startsWith("CREATE DATABASE") ? "postgres" : "growth", sql);
    }

    private String psqlIn(int port, String database, String sql) {
        Path pg = base.resolve(port == pg1 ? "pg1" : "pg2");
        Proc.Result r = Proc.run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-A", "-t", "-v",
                "ON_ERROR_STOP=1", "-h", pg.resolve("sock").toString(), "-p", String.valueOf(port), "-d", database,
                "-c", sql), Map.of(), null, LONG);
        r.requireSuccess();
        return r.output();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : apps) {
            if (p.isAlive()) {
                Proc.run(List.of("kill", "-KILL", "--", "-" + p.pid()), Map.of(), null, LONG);
            }
        }
        Proc.run(List.of("nginx", "-s", "stop", "-c", front.resolve("etc/nginx/nginx.conf").toString()), Map.of(), null, LONG);
        for (String pg : List.of("pg1", "pg2")) {
            if (Files.exists(base.resolve(pg).resolve("data/postmaster.pid"))) {
                Proc.run(List.of("runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D",
                        base.resolve(pg).resolve("data").toString(), "-m", "immediate", "-w", "stop"), Map.of(), null, LONG);
            }
        }
        Proc.run(List.of("rm", "-rf", base.toString()), Map.of(), null, LONG);
    }

    /** The application of the two app servers: a page that counts the rows, a write that adds one. */
    private static final String APP = """
            import os

            import psycopg2

            NAME = os.environ["APP_NAME"]


            def application(environ, start_response):
                try:
                    with psycopg2.connect(host=os.environ["PGHOST"], port=os.environ["PGPORT"], dbname="growth",
                                          user="postgres") as connection, connection.cursor() as cursor:
                        if environ["REQUEST_METHOD"] == "POST":
                            cursor.execute("INSERT INTO written (by) VALUES (%s) RETURNING id", (NAME,))
                            body = "wrote %d on %s" % (cursor.fetchone()[0], NAME)
                        else:
                            cursor.execute("SELECT count(*) FROM written")
                            body = "ok %s %d rows" % (NAME, cursor.fetchone()[0])
                    connection.close()
                    status = "200 OK"
                except psycopg2.Error as error:
                    body = "database error on %s: %s" % (NAME, error.pgcode)
                    status = "503 Service Unavailable"
                start_response(status, [("Content-Type", "text/plain")])
                return [body.encode()]
            """;

    /**
     * bench/growth: runs the rehearsal, then the rollout rehearsal ({@link RolloutRehearsal}), and
     * prints their figures, the last line of key=value figures.
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Figures f;
        try (GrowthRehearsal r = new GrowthRehearsal()) {
            f = r.run(rows);
            System.err.printf(java.util.Locale.ROOT, "growth rehearsal: requests=%d front_notice_s=%.3f%n",
                    f.requests(), f.frontNoticeSeconds());
            f.failureSamples().forEach(s -> System.err.println("growth rehearsal: failed: " + s));
        }
        RolloutRehearsal.Figures rollout;
        try (RolloutRehearsal r = new RolloutRehearsal()) {
            rollout = r.run();
            System.err.printf(java.util.Locale.ROOT, "rollout rehearsal: requests=%d failed=%d rows=%s%n",
                    rollout.requests(), rollout.failedRequests(), rollout.rows());
            rollout.failureSamples().forEach(s -> System.err.println("rollout rehearsal: failed: " + s));
        }
        // failed_requests counts both rehearsals' loads
        Figures both = new Figures(f.requests() + rollout.requests(), f.failedRequests() + rollout.failedRequests(),
                f.frontNoticeSeconds(), f.failoverSeconds(), f.rowsWritten(), f.rowsKept(), f.failureSamples());
        System.out.println(both.line() + " " + rollout.line());
    }
}
