package fr.mangaki.verdandi.component.internal;

import fr.mangaki.verdandi.host.rehearsal.Proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command provider's way of reaching a host, reproduced with OpenSSH's client for the
 * tests: the provider (pulumi-command v1.2.1, provider/pkg/provider/remote/connection.go,
 * {@code Connection.Dial} and {@code dialWithRetry}) dials with Go's {@code ssh.Dial} (TCP
 * connection, SSH handshake and authentication, bounded by {@code perDialTimeout} seconds),
 * and after a failed dial waits and dials again: first 100 ms, then 1.5 times longer each
 * time, at most 5 s (pulumi/pulumi sdk/go/common/util/retry, {@code Until} with its
 * {@code DefaultDelay}, {@code DefaultBackoff} and {@code DefaultMaxDelay}); it gives up,
 * {@code after N failed attempts}, once more than {@code dialErrorLimit} dials failed (-1: no
 * limit). The command then runs in a session of that connection.
 *
 * <p>Here a dial is an OpenSSH control master ({@code ControlMaster=yes}, {@code -N -f}: it
 * returns once connected and authenticated, {@code ConnectTimeout} bounding it), and the
 * command runs through it ({@code ControlMaster=no}), in a session of the same connection.
 */
public final class ProviderDial implements AutoCloseable {
    private static final long FIRST_DELAY_MS = 100;
    private static final double BACKOFF = 1.5;
    private static final long MAX_DELAY_MS = 5000;

    private final List<String> client;
    private final Path controlPath;
    private final int failedDials;

    private ProviderDial(List<String> client, Path controlPath, int failedDials) {
        this.client = client;
        this.controlPath = controlPath;
        this.failedDials = failedDials;
    }

    /** What a dial that gave up saw. */
    public static final class GaveUp extends RuntimeException {
        private final int failedDials;

        GaveUp(int failedDials, String lastError) {
            super("after " + (failedDials - 1) + " failed attempts: " + lastError);
            this.failedDials = failedDials;
        }

        /** How many dials failed. */
        public int failedDials() {
            return failedDials;
        }
    }

    /**
     * Dials as the provider does, with {@code client} (an OpenSSH command line without its
     * remote command, from {@link LoopbackSshd#client}).
     *
     * @param dialErrorLimit the connection's {@code dialErrorLimit} (the provider's default: 10)
     * @param perDialTimeout the connection's {@code perDialTimeout} in seconds (default: 15)
     * @param work           a directory for the control socket and the dials' log
     * @throws GaveUp when more than {@code dialErrorLimit} dials failed
     */
    public static ProviderDial dial(List<String> client, int dialErrorLimit, int perDialTimeout, Path work) {
        Path control = work.resolve("cm-" + System.nanoTime());
        Path log = work.resolve(control.getFileName() + ".log");
        List<String> master = new ArrayList<>(List.of("ssh", "-o", "ConnectTimeout=" + perDialTimeout,
                "-o", "ControlMaster=yes", "-o", "ControlPath=" + control, "-o", "ControlPersist=yes", "-N", "-f"));
        master.addAll(client.subList(1, client.size()));
        long delay = FIRST_DELAY_MS;
        for (int dials = 1; ; dials++) {
            if (connect(master, log, perDialTimeout)) {
                List<String> session = new ArrayList<>(List.of("ssh", "-o", "ControlMaster=no",
                        "-o", "ControlPath=" + control));
                session.addAll(client.subList(1, client.size()));
                return new ProviderDial(session, control, dials - 1);
            }
            if (dialErrorLimit > -1 && dials > dialErrorLimit) {
                throw new GaveUp(dials, lastLine(log));
            }
            sleep(Math.min(delay, MAX_DELAY_MS));
            delay = Math.min((long) (delay * BACKOFF), MAX_DELAY_MS);
        }
    }

    /** How many dials failed before this one got through. */
    public int failedDials() {
        return failedDials;
    }

    /** Runs {@code command} in a session of the connection, {@code stdin} (may be null) on its standard input. */
    public Proc.Result run(String command, String stdin) {
        List<String> cmd = new ArrayList<>(client);
        cmd.add(command);
        return Proc.run(cmd, Map.of(), stdin, Duration.ofMinutes(3));
    }

    /** Ends the connection (the control master). */
    @Override
    public void close() {
        List<String> exit = new ArrayList<>(client);
        exit.addAll(exit.size() - 1, List.of("-O", "exit"));
        Proc.run(exit, Map.of(), null, Duration.ofSeconds(30));
    }

    /** One dial: true when the master connected and authenticated. */
    private static boolean connect(List<String> master, Path log, int perDialTimeout) {
        try {
            Process p = new ProcessBuilder(master).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(perDialTimeout + 10L, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
