package fr.mangaki.verdandi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.host.rehearsal.Proc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A scheduler (Celery beat) on a database shared by several droplets runs on one droplet at a
 * time (process-start's scheduler lock, docs/growth.md), run for real: the host scripts, bash,
 * psql and a PostgreSQL 15 cluster on loopback standing for the managed database, reached with
 * password authentication through the DATABASE_URL of runtime.env. Two droplets are two roots,
 * each running process-start as systemd would (its TERM is systemd's stop; SIGKILL of its whole
 * process tree is a droplet that dies). The scheduler is a small program that appends a line to
 * a shared file every 0.2 s, and one when it is sent TERM: the file shows who ran when. Needs
 * root and PostgreSQL 15 (.ci/run installs it).
 */
@Tag("rehearsal")
class SchedulerLockTest {
    private static final Path START = HostScriptsTest.HOST.resolve("process-start");
    private static final Duration LIMIT = Duration.ofMinutes(2);
    /** Liveness bound of a takeover: process-start's 15 s fence after waiting, plus its checks and retries. */
    private static final Duration TAKEOVER = Duration.ofSeconds(60);
    private static Path base;
    private static PasswordPostgres pg;
    private final List<Process> started = new ArrayList<>();
    private final Map<Process, Path> logs = new HashMap<>();

    @BeforeAll
    static void startDatabase() throws IOException {
        base = Files.createTempDirectory("verdandi-scheduler-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        pg = PasswordPostgres.start(base.resolve("pg"), "growth");
        Files.writeString(base.resolve("tick.py"), """
                import signal, sys, time
                name, log = sys.argv[1], sys.argv[2]
                def write(event):
                    with open(log, "a") as f:
                        f.write(f"{name} {event} {time.monotonic():.3f}\\n")
                def stop(*_):
                    write("stop")
                    sys.exit(0)
                signal.signal(signal.SIGTERM, stop)
                while True:
                    write("tick")
                    time.sleep(0.2)
                """);
        // nothing listens on port 1: no server ever reads this password
        String unreachable = pg.url().replace(":" + pg.port() + "/", ":1/");
        for (String droplet : List.of("app-1", "app-2", "app-local", "app-gone")) {
            Path root = base.resolve(droplet);
            Path conf = root.resolve("etc/verdandi/growth");
            Path current = root.resolve("srv/mangaki/growth/current");
            Files.createDirectories(conf);
            Files.createDirectories(current.resolve(".verdandi"));
            Files.writeString(root.resolve("etc/hostname"), droplet + "\n");
            String url = switch (droplet) {
                case "app-local" -> "";
                case "app-gone" -> "DATABASE_URL=" + unreachable + "\n";
                default -> "DATABASE_URL=" + pg.url() + "\n";
            };
            Files.writeString(conf.resolve("runtime.env"), url + "VERDANDI_SHARED_DIR=/srv/mangaki/growth/shared\n");
            Files.writeString(current.resolve("manage.py"), "");
            String tick = "exec python3 " + base.resolve("tick.py") + " " + droplet + " " + base.resolve("ticks");
            Files.writeString(current.resolve(".verdandi/processes"), "beat\t" + tick + "\nworker\t" + tick + "\n");
        }
    }

    @AfterAll
    static void stopDatabase() {
        if (pg != null) {
            pg.close();
        }
        if (base != null) {
            Proc.run(List.of("rm", "-rf", base.toString()), Map.of(), null, LIMIT);
        }
    }

    @AfterEach
    void stopProcesses() throws Exception {
        for (Process p : started) {
            kill(p);
        }
        Files.deleteIfExists(base.resolve("ticks"));
    }

    /** process-start PROCESS on droplet {@code droplet}, its output in DROPLET.N.log. */
    private Process start(String droplet, String process) throws IOException {
        Path log = base.resolve(droplet + "." + started.size() + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", START.toString(), "growth", process).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("VERDANDI_ROOT", base.resolve(droplet).toString());
        Process p = pb.start();
        started.add(p);
        logs.put(p, log);
        return p;
    }

    private String log(Process p) throws IOException {
        return Files.readString(logs.get(p));
    }

    /** SIGKILL to process-start and everything it started: a droplet that dies. */
    private static void kill(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        p.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private static List<String> ticks() throws IOException {
        Path file = base.resolve("ticks");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Who ran, in order, consecutive lines of one droplet counted once. */
    private static List<String> turns() throws IOException {
        List<String> turns = new ArrayList<>();
        for (String line : ticks()) {
            String who = line.split(" ")[0];
            if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(who)) {
                turns.add(who);
            }
        }
        return turns;
    }

    private static long ticksOf(String droplet) throws IOException {
        return ticks().stream().filter(l -> l.startsWith(droplet + " tick")).count();
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what + "\nticks: " + turns());
            }
            Thread.sleep(100);
        }
    }

    private static BooleanSupplier ticking(String droplet, long after) {
        return () -> {
            try {
                return ticksOf(droplet) > after;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private BooleanSupplier logged(Process p, String text) {
        return () -> {
            try {
                return log(p).contains(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void twoDropletsRunTheSchedulerOneAtATimeAndTakeOverFromOneAnother() throws Exception {
        Process one = start("app-1", "beat");
        await("app-1's scheduler runs", LIMIT, ticking("app-1", 0));
        Process two = start("app-2", "beat.2");
        await("app-2 waits", LIMIT, logged(two, "waiting for the scheduler lock held by another droplet"
                + " (verdandi-scheduler growth/beat on app-1)"));
        long before = ticksOf("app-1");
        Thread.sleep(2000);
        assertEquals(0, ticksOf("app-2"), "app-2 runs nothing while app-1 holds the lock: " + turns());
        assertTrue(ticksOf("app-1") > before, "app-1's scheduler keeps running: " + turns());
        // the database URL and its password are on no command line: psql has them from its environment
        for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
            String line = p.info().commandLine().orElse("");
            assertFalse(line.contains(pg.password()) || line.contains("postgresql://"), line);
        }

        // app-1 dies: its session closes with it, and app-2 takes over
        long killed = System.nanoTime();
        kill(one);
        await("app-2 takes over from a dead app-1", TAKEOVER, ticking("app-2", 0));
        System.out.printf("takeover after a dead holder: %.1f s%n", (System.nanoTime() - killed) / 1e9);
        assertTrue(log(two).contains("took the scheduler lock after waiting"), log(two));

        // app-1 comes back and waits; app-2 loses its session (the server ends it): it stops its scheduler
        Process back = start("app-1", "beat");
        await("app-1 waits again", LIMIT, logged(back, "waiting for the scheduler lock held by another droplet"));
        pg.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'verdandi-scheduler growth/beat on app-2'");
        await("app-2 sees its session lost", LIMIT, logged(two, "lost the scheduler lock's database session"));
        await("app-2's scheduler is stopped", LIMIT, () -> {
            try {
                return ticks().stream().anyMatch(l -> l.startsWith("app-2 stop"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long stoppedAt = ticks().size();
        await("a scheduler runs again", TAKEOVER, () -> {
            try {
                return ticks().size() > stoppedAt + 3;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        // systemd stops the holder (TERM to process-start): the scheduler gets it, the other droplet takes over
        Process holder = turns().get(turns().size() - 1).equals("app-1") ? back : two;
        Process other = holder == back ? two : back;
        String waiting = holder == back ? "app-2" : "app-1";
        long waitingTicks = ticksOf(waiting);
        holder.destroy();
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "process-start ends once its scheduler has");
        assertEquals(0, holder.exitValue(), log(holder));
        await(waiting + " takes over from a stopped holder", TAKEOVER, ticking(waiting, waitingTicks));
        assertTrue(other.isAlive());
        kill(other);

        // who ran: never two at once (turns would interleave), each turn ending before the next
        List<String> turns = turns();
        assertEquals(List.of("app-1", "app-2"), turns.subList(0, 2), turns.toString());
        assertEquals(4, turns.size(), "four turns, none overlapping: " + turns + "\n" + String.join("\n", ticks()));
        assertEquals(turns.get(3), waiting, turns.toString());
        await("no advisory lock is left", LIMIT, () -> pg.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").equals("0"));
    }

    @Test
    void aProcessThatMayRunTwiceOrALocalDatabaseRunsTheCommandAsBefore() throws Exception {
        // a worker on the shared database, and beat on a droplet with its own database: exec'd, no lock
        Process worker = start("app-1", "worker");
        Process local = start("app-local", "beat");
        await("both run", LIMIT, () -> {
            try {
                return ticksOf("app-1") > 0 && ticksOf("app-local") > 0;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        for (Process p : List.of(worker, local)) {
            assertTrue(p.info().commandLine().orElse("").contains("tick.py"), "process-start exec'd the command: "
                    + p.info().commandLine());
            assertEquals(0, p.descendants().count(), "no psql beside it");
            assertFalse(log(p).contains("scheduler lock"), log(p));
        }
        assertEquals("0", pg.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'verdandi-scheduler%'"));
    }

    @Test
    void aDropletThatCannotReachTheDatabaseRunsNothingAndKeepsTrying() throws Exception {
        Process gone = start("app-gone", "beat");
        await("it says so", LIMIT, logged(gone, "cannot reach the shared database for the scheduler lock of beat"));
        Thread.sleep(6000);
        assertEquals(0, ticksOf("app-gone"), turns().toString());
        assertTrue(gone.isAlive(), "it keeps trying (the unit stays up): " + log(gone));
        gone.destroy();
        assertTrue(gone.waitFor(30, TimeUnit.SECONDS), "TERM ends it while it waits");
        assertEquals(0, gone.exitValue(), log(gone));
    }
}
