package fr.mangaki.verdandi.host.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion, with a time limit, capturing its output (stdout and stderr merged). */
public final class Proc {

    /** The outcome of one command. */
    public record Result(List<String> command, int exit, String output) {
        public Result requireSuccess() {
            if (exit != 0) {
                throw new IllegalStateException("command failed (exit " + exit + "): " + command + "\n" + output);
            }
            return this;
        }
    }

    private Proc() {
    }

    public static Result run(List<String> command, Map<String, String> env, String stdin, Duration timeout) {
        return run(command, env, stdin, timeout, null);
    }

    public static Result run(List<String> command, Map<String, String> env, String stdin, Duration timeout, Path dir) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try (InputStream s = p.getInputStream()) {
                    out[0] = s.readAllBytes();
                } catch (IOException e) {
                    out[0] = ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
                }
            });
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                reader.join(5000);
                throw new IllegalStateException("command timed out after " + timeout + ": " + command);
            }
            reader.join(timeout.toMillis());
            String output = out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8);
            return new Result(command, p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
