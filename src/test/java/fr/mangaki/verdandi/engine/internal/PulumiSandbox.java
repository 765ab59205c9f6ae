package fr.mangaki.verdandi.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The real Pulumi CLI and Java language host (built by {@code tools/pulumi/build}) running
 * this repository's program in a temporary directory, offline: a local file backend, a
 * throwaway passphrase, a temporary {@code PULUMI_HOME} whose only plugins are installed from
 * files, throwaway SSH and OpenPGP keys, and env files encrypted to the throwaway key.
 *
 * <p>The provider plugins are {@code pulumi-resource-standin} installed as {@code digitalocean}
 * 4.76.0 and {@code command} 1.2.1: the real plugins cannot be built from what the Go module
 * proxy serves (docs/real-engine.md). The stand-in checks inputs and decides replacements
 * from the providers' published schemas and keeps its resources in {@link #cloud()}.
 *
 * <p>The project directory holds copies of the stack files and, as {@link Runner#JAR}, a
 * {@code Pulumi.yaml} whose runtime option {@code binary} is a jar naming
 * {@code fr.mangaki.verdandi.Main} and this JVM's classes and libraries, so the language host
 * runs {@code java -jar} (seconds); as {@link Runner#MAVEN}, the repository's own
 * {@code Pulumi.yaml}, {@code pom.xml} and {@code src/}, so the language host runs Maven
 * ({@code mvn compile exec:java}) as it does for users (about a minute).
 */
public final class PulumiSandbox implements AutoCloseable {
    /** Plugin names and versions, as in src/main/resources/com/pulumi/NAME/plugin.json. */
    public static final Map<String, String> PLUGINS = Map.of("digitalocean", "4.76.0", "command", "1.2.1");
    /** A stack reference on a file backend names the organization {@code organization}. */
    public static final String PLATFORM_STACK = "organization/mangaki/production";

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** How the language host starts the program. */
    public enum Runner {
        /** {@code java -jar} of a jar naming the program's classes ({@code runtime.options.binary}). */
        JAR,
        /** Maven, from the repository's Pulumi.yaml and pom.xml, as users run it. */
        MAVEN
    }

    /** The binaries the sandbox runs. */
    public record Binaries(Path pulumi, Path languageJava, Path standIn, String versions) {
        /**
         * Builds them with {@code tools/pulumi/build} (a cached run takes a second; a cold one
         * minutes), or fails naming what is missing.
         */
        public static Binaries build(Path repo) {
            Run run = exec(List.of(repo.resolve("tools/pulumi/build").toString(),
                    "pulumi", "pulumi-language-java", "pulumi-resource-standin"), Map.of(), repo, Duration.ofMinutes(60));
            if (run.exit() != 0) {
                throw new IllegalStateException("tools/pulumi/build failed (exit " + run.exit() + "):\n" + run.err());
            }
            Map<String, Path> paths = new LinkedHashMap<>();
            StringBuilder versions = new StringBuilder();
            for (String line : run.out().strip().split("\n")) {
                String[] f = line.split(" ", 3);
                if (f.length == 3) {
                    paths.put(f[0], Path.of(f[2]));
                    versions.append(versions.isEmpty() ? "" : ", ").append(f[0]).append(' ').append(f[1]);
                }
            }
            for (String name : List.of("pulumi", "pulumi-language-java", "pulumi-resource-standin")) {
                if (!paths.containsKey(name) || !Files.isExecutable(paths.get(name))) {
                    throw new IllegalStateException("tools/pulumi/build printed no " + name + ":\n" + run.out() + run.err());
                }
            }
            return new Binaries(paths.get("pulumi"), paths.get("pulumi-language-java"),
                    paths.get("pulumi-resource-standin"), versions.toString());
        }
    }

    /** One command's run. */
    public record Run(List<String> command, int exit, String out, String err, Duration took) {
        public Run requireSuccess() {
            if (exit != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + exit + "\n--- stdout\n" + tail(out)
                        + "\n--- stderr\n" + tail(err));
            }
            return this;
        }

        private static String tail(String s) {
            return s.length() > 6000 ? "..." + s.substring(s.length() - 6000) : s;
        }
    }

    private final Path dir;
    private final Path project;
    private final Map<String, String> env = new LinkedHashMap<>();

    private PulumiSandbox(Path dir) {
        this.dir = dir;
        this.project = dir.resolve("project");
    }

    /**
     * A sandbox with both stacks initialized ({@code production}, and {@code staging} whose
     * platform stack is {@link #PLATFORM_STACK}) and the plugins installed.
     *
     * @param repo      the repository (stack files, compiled classes)
     * @param classpath the program's classes and libraries
     */
    public static PulumiSandbox create(Path repo, Binaries binaries, List<Path> classpath) {
        return create(repo, binaries, classpath, Runner.JAR);
    }

    /** A sandbox whose language host starts the program as {@code runner} says. */
    public static PulumiSandbox create(Path repo, Binaries binaries, List<Path> classpath, Runner runner) {
        Path dir;
        try {
            dir = Files.createTempDirectory("verdandi-real-engine");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PulumiSandbox sandbox = new PulumiSandbox(dir);
        try {
            sandbox.setUp(repo, binaries, classpath, runner);
        } catch (RuntimeException | Error e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    private void setUp(Path repo, Binaries binaries, List<Path> classpath, Runner runner) {
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Files.createSymbolicLink(bin.resolve("pulumi"), binaries.pulumi());
            Files.createSymbolicLink(bin.resolve("pulumi-language-java"), binaries.languageJava());
            Path keys = Files.createDirectories(dir.resolve("keys"));
            Files.createDirectories(project.resolve("secrets"));
            for (String stack : List.of("production", "staging")) {
                Files.copy(repo.resolve("Pulumi." + stack + ".yaml"), project.resolve("Pulumi." + stack + ".yaml"));
            }
            if (runner == Runner.JAR) {
                Files.writeString(project.resolve("Pulumi.yaml"), """
                        name: mangaki
                        runtime:
                          name: java
                          options:
                            binary: program.jar
                        description: Mangaki's infrastructure on DigitalOcean (Verdandi), a real-engine test copy
                        """);
                writeProgramJar(project.resolve("program.jar"), classpath);
            } else {
                Files.copy(repo.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
                Files.createSymbolicLink(project.resolve("pom.xml"), repo.resolve("pom.xml").toAbsolutePath());
                Files.createSymbolicLink(project.resolve("src"), repo.resolve("src").toAbsolutePath());
            }

            exec(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "real-engine-test",
                    "-f", keys.resolve("ssh").toString()), Map.of(), dir, TIMEOUT).requireSuccess();
            Path gnupg = Files.createDirectories(dir.resolve("gnupg"));
            Files.setPosixFilePermissions(gnupg, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Map<String, String> gpgEnv = Map.of("GNUPGHOME", gnupg.toString());
            String uid = "Verdandi real-engine test <real-engine@verdandi.invalid>";
            exec(List.of("gpg", "--batch", "--quiet", "--passphrase", "", "--quick-gen-key", uid, "default", "default", "never"),
                    gpgEnv, dir, TIMEOUT).requireSuccess();
            Files.writeString(keys.resolve("pgp.asc"), exec(List.of("gpg", "--batch", "--armor", "--export-secret-keys",
                    "real-engine@verdandi.invalid"), gpgEnv, dir, TIMEOUT).requireSuccess().out());
            for (String stack : List.of("production", "staging")) {
                Path plain = dir.resolve(stack + ".env");
                Files.writeString(plain, "SECRET_KEY=throwaway-" + stack + "\n");
                exec(List.of("gpg", "--batch", "--yes", "--armor", "--trust-model", "always", "-r", "real-engine@verdandi.invalid",
                        "-o", project.resolve("secrets/" + stack + ".env.asc").toString(), "--encrypt", plain.toString()),
                        gpgEnv, dir, TIMEOUT).requireSuccess();
                Files.delete(plain);
                // the stacks' settings file (mangaki:environment.settingsFiles: settings.ini)
                Path ini = dir.resolve(stack + ".settings.ini");
                Files.writeString(ini, "[secrets]\nSECRET_FILE = ${VERDANDI_ENV_FILE}\n");
                Files.createDirectories(project.resolve("secrets/" + stack));
                exec(List.of("gpg", "--batch", "--yes", "--armor", "--trust-model", "always", "-r", "real-engine@verdandi.invalid",
                        "-o", project.resolve("secrets/" + stack + "/settings.ini.asc").toString(), "--encrypt", ini.toString()),
                        gpgEnv, dir, TIMEOUT).requireSuccess();
                Files.delete(ini);
            }

            env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
            // Maven reads its repository and settings from the user's home
            env.put("HOME", runner == Runner.MAVEN ? System.getProperty("user.home")
                    : Files.createDirectories(dir.resolve("user")).toString());
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("PULUMI_HOME", Files.createDirectories(dir.resolve("pulumi-home")).toString());
            env.put("PULUMI_BACKEND_URL", "file://" + Files.createDirectories(dir.resolve("state")));
            env.put("PULUMI_CONFIG_PASSPHRASE", "throwaway passphrase of a test");
            env.put("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
            env.put("PULUMI_SKIP_UPDATE_CHECK", "true");
            env.put("PULUMI_SKIP_CONFIRMATIONS", "true");
            env.put("PULUMI_DEBUG_COMMANDS", "true"); // shows --event-log (pkg/cmd/pulumi/operations/up.go)
            env.put("DIGITALOCEAN_TOKEN", "dummy-token-of-a-test");
            env.put("VERDANDI_SSH_KEY", keys.resolve("ssh").toString());
            env.put("VERDANDI_PGP_KEY", keys.resolve("pgp.asc").toString());
            env.put("VERDANDI_STANDIN_SCHEMAS", schemas(repo).toString());
            env.put("VERDANDI_STANDIN_STATE", dir.resolve("cloud").toString());

            for (Map.Entry<String, String> p : PLUGINS.entrySet()) {
                pulumi("plugin", "install", "resource", p.getKey(), p.getValue(), "--file", binaries.standIn().toString())
                        .requireSuccess();
            }
            pulumi("stack", "init", "production", "--secrets-provider", "passphrase").requireSuccess();
            pulumi("stack", "init", "staging", "--secrets-provider", "passphrase").requireSuccess();
            pulumi("config", "set", "-s", "staging", "mangaki:platformStack", PLATFORM_STACK).requireSuccess();
            // the deploying key is one of the team's keys, as the program requires
            pulumi("config", "set", "-s", "production", "--path", "mangaki:sshKeys[0]",
                    Files.readString(keys.resolve("ssh.pub")).strip()).requireSuccess();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The providers' schemas: ../shared/schemas beside the repository. */
    public static Path schemas(Path repo) {
        Path schemas = repo.toAbsolutePath().getParent().resolve("shared/schemas");
        if (!Files.isRegularFile(schemas.resolve("digitalocean-4.76.0.json"))) {
            throw new IllegalStateException(schemas + ": no digitalocean-4.76.0.json (../shared must be beside the checkout)");
        }
        return schemas;
    }

    /** The program's classpath in this JVM: its classes and libraries, not the tests'. */
    public static List<Path> programClasspath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Path> paths = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            if (entry.isBlank() || entry.endsWith("test-classes") || entry.endsWith("test-classes/")) {
                continue;
            }
            paths.add(Path.of(entry).toAbsolutePath());
        }
        return paths;
    }

    private static void writeProgramJar(Path jar, List<Path> classpath) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "fr.mangaki.verdandi.Main");
        StringBuilder cp = new StringBuilder();
        for (Path p : classpath) {
            String uri = p.toUri().toString(); // directories end with '/', as Class-Path requires
            cp.append(cp.isEmpty() ? "" : " ").append(uri);
        }
        main.put(Attributes.Name.CLASS_PATH, cp.toString());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
    }

    /** The project directory (stack files, Pulumi.yaml, secrets/). */
    public Path project() {
        return project;
    }

    /** The stand-in providers' records: one file per resource, under PACKAGE/. */
    public Path cloud() {
        return dir.resolve("cloud");
    }

    /** The number of resources the stand-in providers hold. */
    public long cloudResources() {
        if (!Files.isDirectory(cloud())) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(cloud())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new throwaway OpenSSH key pair in keys/NAME; returns its public key line. */
    public String keygen(String name) {
        Path key = dir.resolve("keys").resolve(name);
        exec(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name + "@real-engine.invalid", "-f", key.toString()),
                Map.of(), dir, TIMEOUT).requireSuccess();
        try {
            return Files.readString(dir.resolve("keys").resolve(name + ".pub")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file in the sandbox's directory (for event logs). */
    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Runs the real CLI in the project directory. */
    public Run pulumi(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(dir.resolve("bin/pulumi").toString());
        cmd.addAll(List.of(args));
        cmd.add("--non-interactive");
        return exec(cmd, env, project, TIMEOUT);
    }

    static Run exec(List<String> command, Map<String, String> env, Path dir, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        if (!env.isEmpty()) {
            if (env.containsKey("PATH")) {
                pb.environment().clear();
                pb.environment().put("LANG", "C.UTF-8");
            }
            pb.environment().putAll(env);
        }
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = read(p.getInputStream());
            CompletableFuture<String> err = read(p.getErrorStream());
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": no end after " + timeout);
            }
            return new Run(command, p.exitValue(), out.join(), err.join(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void close() {
        if (Files.isDirectory(dir.resolve("gnupg"))) {
            // the agent gpg started for the throwaway key
            exec(List.of("gpgconf", "--homedir", dir.resolve("gnupg").toString(), "--kill", "gpg-agent"), Map.of(), dir,
                    Duration.ofSeconds(30));
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a test for
        }
    }
}
