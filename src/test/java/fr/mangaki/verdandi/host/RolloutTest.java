package fr.mangaki.verdandi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.host.rehearsal.Proc;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The releases shared by an environment's droplets (lib.sh's rollout_* functions,
 * docs/growth.md), run for real: bash, psql and a PostgreSQL 15 cluster on loopback standing
 * for the managed database, reached with password authentication through the DATABASE_URL
 * that env-install --managed-database writes to runtime.env. Two droplets are two roots.
 * Needs root and PostgreSQL 15 (.ci/run installs it).
 */
@Tag("rehearsal")
class RolloutTest {
    private static final String PG_BIN = "/usr/lib/postgresql/15/bin";
    private static final Path LIB = HostScriptsTest.HOST.resolve("lib.sh");
    /** The throwaway cluster's password, made for the run, with characters that need percent-encoding in a URL. */
    private static final String PASSWORD = java.util.HexFormat.of().formatHex(
            java.security.SecureRandom.getSeed(8)) + "/p@ss%";
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static Path base;
    private static int port;

    @BeforeAll
    static void startDatabase() throws IOException {
        base = Files.createTempDirectory("verdandi-rollout-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(base.resolve("pg/sock"));
        Proc.run(List.of("chown", "-R", "postgres:postgres", base.resolve("pg").toString()), Map.of(), null, LIMIT)
                .requireSuccess();
        asPostgres(PG_BIN + "/initdb", "-D", base.resolve("pg/data").toString(), "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8");
        asPostgres(PG_BIN + "/pg_ctl", "-D", base.resolve("pg/data").toString(), "-l", base.resolve("pg/log").toString(),
                "-w", "-o", "-p " + port + " -k " + base.resolve("pg/sock") + " -c listen_addresses=127.0.0.1", "start");
        sql("CREATE ROLE growth LOGIN PASSWORD '" + PASSWORD + "'");
        sql("CREATE DATABASE growth OWNER growth");
        String url = "postgresql://growth:" + PASSWORD.replace("%", "%25").replace("/", "%2F").replace("@", "%40")
                + "@127.0.0.1:" + port + "/growth?sslmode=disable";
        for (String droplet : List.of("app-1", "app-2", "app-local")) {
            Path conf = base.resolve(droplet + "/etc/verdandi/growth");
            Files.createDirectories(conf);
            Files.writeString(base.resolve(droplet + "/etc/hostname"), droplet + "\n");
            Files.writeString(conf.resolve("runtime.env"), (droplet.equals("app-local") ? "" : "DATABASE_URL=" + url + "\n")
                    + "VERDANDI_SHARED_DIR=/srv/mangaki/growth/shared\n");
        }
    }

    @AfterAll
    static void stopDatabase() {
        if (base == null) {
            return;
        }
        Proc.run(List.of("runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D", base.resolve("pg/data").toString(),
                "-m", "immediate", "-w", "stop"), Map.of(), null, LIMIT);
        Proc.run(List.of("rm", "-rf", base.toString()), Map.of(), null, LIMIT);
    }

    private static void asPostgres(String... command) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        Proc.run(full, Map.of(), null, LIMIT).requireSuccess();
    }

    private static String sql(String statement) {
        Proc.Result r = Proc.run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-h", base.resolve("pg/sock").toString(), "-p", String.valueOf(port), "-d",
                statement.startsWith("CREATE") ? "postgres" : "growth", "-c", statement), Map.of(), null, LIMIT);
        r.requireSuccess();
        return r.output().strip();
    }

    /** Runs bash lines after sourcing lib.sh with droplet {@code droplet}'s root and environment growth. */
    private static Proc.Result bash(String droplet, String lines) {
        String program = "set -euo pipefail\nsource " + LIB + "\nverdandi_root\nenv_paths growth\n" + lines;
        return Proc.run(List.of("bash", "-c", program, "rollout-test"),
                Map.of("VERDANDI_ROOT", base.resolve(droplet).toString()), null, LIMIT);
    }

    private static Process bashInBackground(String droplet, String lines) throws IOException {
        String program = "set -euo pipefail\nsource " + LIB + "\nverdandi_root\nenv_paths growth\n" + lines;
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", program, "rollout-test").redirectErrorStream(true)
                .redirectOutput(base.resolve(droplet + ".out").toFile());
        pb.environment().put("VERDANDI_ROOT", base.resolve(droplet).toString());
        return pb.start();
    }

    @Test
    void lockKeyIsTheFirstSixtyBitsOfTheEnvironmentsSha256() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("verdandi-deploy:growth".getBytes(StandardCharsets.UTF_8));
        String expected = new BigInteger(1, digest).shiftRight(256 - 60).toString();
        assertEquals(expected, bash("app-1", "rollout_lock_key growth").output().strip());
        assertFalse(bash("app-1", "rollout_lock_key growth-2").output().strip().equals(expected));
        assertTrue(Long.parseLong(expected) > 0);
    }

    @Test
    void onlyADatabaseUrlInRuntimeEnvMakesTheDatabaseShared() {
        assertEquals(0, bash("app-1", "shared_database").exit());
        assertEquals(1, bash("app-local", "shared_database || exit 1").exit());
        // rollout_poll does nothing at all on a local database: no output, no query
        Proc.Result poll = bash("app-local", "rollout_poll");
        assertEquals(0, poll.exit());
        assertEquals("", poll.output());
    }

    @Test
    void twoDropletsHoldTheDeployLockOneAtATime() throws Exception {
        String sha = "1".repeat(40);
        String turn = "rollout_lock 60\nrollout_record deploying " + sha + "\nsleep 1.5\nrollout_record live " + sha
                + "\nrollout_unlock\n";
        Process one = bashInBackground("app-1", turn);
        Process two = bashInBackground("app-2", turn);
        assertEquals(0, one.waitFor(), Files.readString(base.resolve("app-1.out")));
        assertEquals(0, two.waitFor(), Files.readString(base.resolve("app-2.out")));
        List<String> rows = sql("SELECT host || ' ' || state FROM verdandi_releases WHERE sha = '" + sha + "' ORDER BY id")
                .lines().toList();
        assertEquals(4, rows.size(), rows.toString());
        // each droplet's deploying..live window is whole: the other's starts after it ends
        assertEquals(rows.get(0).split(" ")[0], rows.get(1).split(" ")[0], rows.toString());
        assertTrue(rows.get(0).endsWith("deploying") && rows.get(1).endsWith("live"), rows.toString());
        assertEquals(rows.get(2).split(" ")[0], rows.get(3).split(" ")[0], rows.toString());
        assertFalse(rows.get(0).split(" ")[0].equals(rows.get(2).split(" ")[0]), rows.toString());
        assertEquals("0", sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"));
    }

    @Test
    void theLockEndsWithTheDeployThatHeldIt() throws Exception {
        // (not bash's last command: bash would exec it, and the coprocess's pipe, close-on-exec, would close)
        Process holder = bashInBackground("app-1", "rollout_lock 60\necho held\nsleep 600\ntrue\n");
        Path out = base.resolve("app-1.out");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!Files.readString(out).contains("held") && System.nanoTime() < deadline && holder.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(Files.readString(out).contains("held"), Files.readString(out));
        // the database URL is on no command line: psql has it from its environment
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String line = p.info().commandLine().orElse("");
            assertFalse(line.contains("s3cret") || line.contains("postgresql://"), line);
        }
        Proc.Result meanwhile = bash("app-2", "rollout_lock 1 || exit 7");
        assertEquals(7, meanwhile.exit(), "a second droplet cannot take the lock meanwhile: " + meanwhile.output()
                + sql("SELECT pid, granted FROM pg_locks WHERE locktype = 'advisory'") + Files.readString(out));
        holder.descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")).forEach(ProcessHandle::destroy);
        holder.destroyForcibly();
        holder.waitFor();
        Proc.Result next = bash("app-2", "rollout_lock 30\necho taken\nrollout_unlock\n");
        assertEquals(0, next.exit(), next.output());
        assertTrue(next.output().contains("taken"), next.output());
    }

    @Test
    void aCommitMarkedFailedByOneDropletIsFailedForTheOthersUntilForced() {
        String bad = "2".repeat(40);
        String good = "3".repeat(40);
        assertEquals(0, bash("app-2", "rollout_record failed " + bad).exit());
        assertEquals(0, bash("app-1", "rollout_failed " + bad).exit());
        assertEquals(1, bash("app-1", "rollout_failed " + good + " || exit $?").exit());
        assertEquals(0, bash("app-1", "rollout_record forced " + bad).exit());
        assertEquals(1, bash("app-1", "rollout_failed " + bad + " || exit $?").exit());
    }

    @Test
    void failsToAnswerWhetherACommitFailedWhenTheDatabaseIsUnreachable() throws IOException {
        Path conf = base.resolve("app-gone/etc/verdandi/growth");
        Files.createDirectories(conf);
        // nothing listens on port 1: no server ever reads this password
        Files.writeString(conf.resolve("runtime.env"), "DATABASE_URL=postgresql://growth:"
                + PASSWORD.replace("%", "%25").replace("/", "%2F").replace("@", "%40") + "@127.0.0.1:1/growth\n");
        Proc.Result r = bash("app-gone", "rollout_failed " + "4".repeat(40) + " || exit $?");
        assertEquals(2, r.exit(), r.output());
        Proc.Result lock = bash("app-gone", "rollout_lock 5 || exit 7");
        assertEquals(7, lock.exit(), lock.output());
        assertTrue(lock.output().contains("could not take the deploy lock of growth"), lock.output());
    }
}
