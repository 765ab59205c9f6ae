package fr.mangaki.verdandi.secrets;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real git repository in a temporary directory, isolated from the user's git configuration. */
public final class GitRepo {

    /** The Verdandi checkout these tests run from (holds hooks/ and bin/). */
    public static final Path CHECKOUT = Path.of("").toAbsolutePath();

    /** What a command printed. */
    public record Result(int status, String stdout, String stderr) {
        public String output() {
            return stdout + stderr;
        }
    }

    private final Path root;
    private final Map<String, String> env = new HashMap<>();

    private GitRepo(Path root) {
        this.root = root;
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.org");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.org");
        env.put("VERDANDI_CLASSPATH", hookClasspath());
    }

    /** {@code git init} in {@code directory}, with this checkout's hooks/ as {@code core.hooksPath}. */
    public static GitRepo init(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitRepo repo = new GitRepo(directory);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "core.hooksPath", CHECKOUT.resolve("hooks").toString());
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    public Path root() {
        return root;
    }

    /** The environment given to git (and so to the hook). */
    public Map<String, String> env() {
        return env;
    }

    public Path write(String path, String content) {
        return write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path write(String path, byte[] content) {
        Path file = root.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs git; fails unless it exits 0. */
    public String git(String... args) {
        Result r = run(args);
        if (r.status() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed (" + r.status() + "):\n"
                    + r.output());
        }
        return r.stdout();
    }

    /** Runs git, whatever its status. */
    public Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        return exec(command);
    }

    /** {@code git add} then {@code git commit -m message}, running the pre-commit hook. */
    public Result addAndCommit(String message, String... paths) {
        List<String> add = new ArrayList<>(List.of("add", "--"));
        add.addAll(List.of(paths.length == 0 ? new String[] {"."} : paths));
        git(add.toArray(String[]::new));
        return run("commit", "-q", "-m", message);
    }

    /** The number of commits on HEAD (0 before the first). */
    public int commitCount() {
        Result r = run("rev-list", "--count", "HEAD");
        return r.status() == 0 ? Integer.parseInt(r.stdout().strip()) : 0;
    }

    /** Runs any command in the repository with this repository's environment. */
    public Result exec(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process p = pb.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> drain(p.getErrorStream(), err));
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            t.join();
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * The hook's class path in this build: the compiled classes and the three Bouncy Castle
     * jars, as the installed hook uses (no other dependency).
     */
    public static String hookClasspath() {
        return String.join(File.pathSeparator, location(Pgp.class), location(org.bouncycastle.openpgp.api.OpenPGPApi.class),
                location(org.bouncycastle.crypto.CryptoServicesRegistrar.class),
                location(org.bouncycastle.asn1.cmc.BodyPartID.class));
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
