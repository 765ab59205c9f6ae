package fr.mangaki.verdandi.secrets.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code git} in a directory and returns what it prints. The environment is inherited,
 * so {@code GIT_DIR} and {@code GIT_INDEX_FILE} set by a hook are honoured. Failures are
 * {@link GitException}s.
 */
public final class Git {

    private final Path directory;

    public Git(Path directory) {
        this.directory = directory;
    }

    /** The top-level directory of the working tree that contains {@code directory}. */
    public static Path topLevel(Path directory) {
        Result r = new Git(directory).run(null, "rev-parse", "--show-toplevel");
        if (r.status != 0) {
            throw new GitException(directory.toAbsolutePath().normalize()
                    + " is not inside a git repository (git rev-parse: " + r.errorText().strip() + ")", true);
        }
        return Path.of(r.text().strip());
    }

    public Path directory() {
        return directory;
    }

    /** Runs git with {@code args}; fails with git's message unless it exits 0. */
    public byte[] output(String... args) {
        return check(run(null, args), args).stdout;
    }

    /** Runs git with {@code args}, whatever its exit status. */
    public Result run(byte[] stdin, String... args) {
        byte[][] out = new byte[1][];
        Exit exit = run(stdin, in -> out[0] = in.readAllBytes(), args);
        return new Result(exit.status, out[0], exit.stderr);
    }

    /** Reads a process's standard output as it comes. */
    @FunctionalInterface
    public interface OutputReader {
        void read(InputStream stdout) throws IOException;
    }

    /**
     * Runs git with {@code args}, feeding it {@code stdin} (from another thread, so that a
     * large input and output cannot block each other) while {@code reader} consumes its
     * output as it comes; fails with git's message unless it exits 0.
     */
    public void stream(byte[] stdin, OutputReader reader, String... args) {
        Exit exit = run(stdin, reader, args);
        if (exit.status != 0) {
            throw new GitException("git " + String.join(" ", args) + " failed in " + directory
                    + " (exit " + exit.status + "): " + new String(exit.stderr, StandardCharsets.UTF_8).strip(), false);
        }
    }

    private record Exit(int status, byte[] stderr) {
    }

    private Exit run(byte[] stdin, OutputReader reader, String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile());
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new GitException("cannot run git (is it installed and on the PATH?): " + e.getMessage(), e);
        }
        try {
            Thread writer = null;
            if (stdin != null) {
                writer = new Thread(() -> {
                    try (var in = p.getOutputStream()) {
                        in.write(stdin);
                    } catch (IOException ignored) {
                        // git exited early: its status and stderr tell why
                    }
                }, "git-stdin");
                writer.start();
            }
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(p.getErrorStream(), err), "git-stderr");
            errReader.start();
            try (InputStream out = p.getInputStream()) {
                reader.read(out);
                out.transferTo(OutputStream.nullOutputStream()); // whatever the reader left
            }
            int status = p.waitFor();
            errReader.join();
            if (writer != null) {
                writer.join();
            }
            return new Exit(status, err.toByteArray());
        } catch (IOException e) {
            p.destroy();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            p.destroy(); // the reader failed: git must not wait for it
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new GitException("interrupted while running git", false);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // stderr is best effort
        }
    }

    private Result check(Result r, String... args) {
        if (r.status != 0) {
            throw new GitException("git " + String.join(" ", args) + " failed in " + directory
                    + " (exit " + r.status + "): " + r.errorText().strip(), false);
        }
        return r;
    }

    /** What a git run printed and its exit status. */
    public static final class Result {
        public final int status;
        public final byte[] stdout;
        public final byte[] stderr;

        Result(int status, byte[] stdout, byte[] stderr) {
            this.status = status;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        public String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        public String errorText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }
}
