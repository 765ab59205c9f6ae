package fr.mangaki.verdandi.host.rehearsal;

import fr.mangaki.verdandi.cloudinit.CloudInit;
import fr.mangaki.verdandi.cloudinit.HostSpec;
import fr.mangaki.verdandi.config.ApplicationSettings;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.host.HostCommands;
import fr.mangaki.verdandi.host.HostFile;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A rehearsal of both hosts under a temporary root on this machine: the files of the
 * rendered user data written where cloud-init writes them, a PostgreSQL cluster, Redis and
 * NGINX on loopback ports, a bare git origin holding the small Mangaki-shaped application
 * (or any application's repository, {@link #Rehearsal(int, Path, String)}), a loopback
 * Slack receiver, and the environment and site installed with the command lines of
 * {@link HostCommands}. Only loopback addresses are used. Every wait is bounded.
 */
public final class Rehearsal implements AutoCloseable {

    public static final Path RESOURCES = Path.of("src/test/resources/host").toAbsolutePath();
    public static final String ENV = "staging";
    public static final String DOMAIN = "staging.test";
    public static final String SECRET_KEY = "django-insecure-rehearsal-5f1e9c";
    /** The push webhook's secret (DEPLOY_WEBHOOK_SECRET of the environment file). */
    public static final String WEBHOOK_SECRET = "rehearsal-push-webhook-secret-93ab1f";
    private static final String PG_BIN = "/usr/lib/postgresql/15/bin";
    private static final String SSH_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI admin@mangaki.fr";

    public final Path base;
    public final Path root;
    public final Path origin;
    public final Path work;
    public final int appPort;
    public final int httpPort;
    public final int httpsPort;
    public final int redisPort;
    /** The loopback port of the front's webhook receiver (verdandi-webhook.service). */
    public final int webhookPort;
    public final EnvironmentSettings env;
    /** The application's repository to rehearse instead of the built-in one, and its branch. */
    private final Path appRepository;
    private final String appBranch;
    public final SlackReceiver slack = new SlackReceiver();
    private final HostCommands commands;
    private final Map<String, String> scriptEnv = new HashMap<>();
    private boolean pgStarted;
    private boolean nginxStarted;
    private boolean envInstalled;

    public Rehearsal(int pollSeconds) {
        this(pollSeconds, null, null);
    }

    /**
     * A rehearsal of the application whose git repository is at {@code appRepository}
     * (branch {@code appBranch}, or its current branch when null) instead of the built-in
     * one; null: the built-in application of {@link #RESOURCES}.
     */
    public Rehearsal(int pollSeconds, Path appRepository, String appBranch) {
        this(pollSeconds, appRepository, appBranch, 0);
    }

    /**
     * A rehearsal of the built-in application whose environment listens on {@code appPort}
     * (several droplets behind one front share the port, docs/growth.md).
     */
    public Rehearsal(int pollSeconds, int appPort) {
        this(pollSeconds, null, null, appPort);
    }

    private Rehearsal(int pollSeconds, Path appRepository, String appBranch, int port) {
        this.appRepository = appRepository;
        this.appBranch = appBranch;
        try {
            base = Files.createTempDirectory("verdandi-rehearsal-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            root = base.resolve("root");
            origin = base.resolve("origin.git");
            work = base.resolve("work");
            appPort = port > 0 ? port : freePort();
            httpPort = freePort();
            httpsPort = freePort();
            redisPort = freePort();
            webhookPort = freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Mangaki's settings (docs/deploy.md): its Procfile-less processes come from the stack
        // there; here the Procfile has them and the stack only sets the worker's grace period
        ApplicationSettings app = new ApplicationSettings(
                Map.of("worker", new ApplicationSettings.ProcessSettings(java.util.Optional.empty(),
                        java.util.OptionalInt.of(20))),
                ApplicationSettings.DEFAULT_PYTHON, List.of("pg_trgm", "unaccent"), true,
                Map.of("MANGAKI_SETTINGS_PATH", "settings.ini"));
        // the front's alerts low enough for the rehearsal's client to make a peak
        env = new EnvironmentSettings(ENV, "staging", List.of(DOMAIN, "dev." + DOMAIN), appPort,
                origin.toString(), List.of("pytest"), pollSeconds, fr.mangaki.verdandi.config.DatabaseBackups.defaultsFor(ENV),
                app, new fr.mangaki.verdandi.config.FrontSettings(60, 5, 7));
        commands = new HostCommands(root + HostFiles.SCRIPT_DIR, false);
        scriptEnv.put("VERDANDI_ROOT", root.toString());
        scriptEnv.put("VERDANDI_SYSTEMCTL", RESOURCES.resolve("systemctl-stand-in").toString());
        scriptEnv.put("PGHOST", base.resolve("pg/sock").toString());
    }

    // ---- set-up ----------------------------------------------------------------------

    /**
     * Both hosts' user data written under the root with the backup files the host files
     * command adds, PostgreSQL and NGINX running, the origin ready. On a failure, what was
     * started is stopped (the rehearsal is closed).
     */
    public Rehearsal prepareHosts() {
        try {
            return prepare();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Rehearsal prepare() {
        for (String dir : List.of("etc/sudoers.d", "run", "var/log/nginx", "var/lib/nginx", "etc/nginx/sites-enabled")) {
            mkdirs(root.resolve(dir));
        }
        for (String f : List.of("passwd", "group", "shadow", "gshadow")) {
            write(root.resolve("etc/" + f), "");
        }
        for (HostRole role : HostRole.values()) {
            materialize(CloudInit.render(HostSpec.of(role, DropletSize.S_1VCPU_1GB, List.of(SSH_KEY))));
            // what the host files command of pulumi up adds after the first boot (of the growth
            // files, the app's: the scheduler lock of process-start on a shared database)
            List<HostFile> added = new ArrayList<>(HostFiles.backupFiles(role));
            added.addAll(HostFiles.processFiles(role));
            if (role == HostRole.APP) {
                added.addAll(HostFiles.growthFiles(role));
            }
            for (HostFile f : added) {
                Path target = root.resolve(f.path().substring(1));
                mkdirs(target.getParent());
                write(target, f.content());
                try {
                    Files.setPosixFilePermissions(target, permissions(f.permissions()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        startPostgres();
        prepareRedis();
        startNginx();
        createOrigin();
        return this;
    }

    /**
     * Debian's redis-server as a unit of the stand-in systemctl, with a configuration of its
     * own on a loopback port (env-install adds Verdandi's include to it and restarts it).
     */
    private void prepareRedis() {
        Path dir = base.resolve("redis");
        mkdirs(dir);
        mkdirs(root.resolve("etc/redis"));
        write(root.resolve("etc/redis/redis.conf"), "# The rehearsal's Redis (Debian's redis-server, on a loopback port)\n"
                + "port " + redisPort + "\nbind 127.0.0.1\ndaemonize no\nsave \"\"\nappendonly no\n"
                + "dir " + dir + "\nlogfile \"\"\n");
        Path start = root.resolve("usr/bin/redis-server-rehearsal");
        mkdirs(start.getParent());
        write(start, "#!/bin/sh\nexec /usr/bin/redis-server " + root.resolve("etc/redis/redis.conf") + "\n");
        try {
            Files.setPosixFilePermissions(start, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(root.resolve("etc/systemd/system/redis-server.service"),
                "[Service]\nExecStart=/usr/bin/redis-server-rehearsal\nTimeoutStopSec=10\n");
    }

    /** Stops or starts the rehearsal's Redis (an outage). */
    public void redis(boolean running) {
        runScript(List.of(RESOURCES.resolve("systemctl-stand-in").toString(), running ? "start" : "stop",
                "redis-server.service"), null).requireSuccess();
    }

    /** Writes every file of the user data under the root, with its permissions (see {@link #materializeInto}). */
    public void materialize(String userData) {
        materializeInto(root, userData);
    }

    /**
     * Writes every file of the user data under {@code root}, with its permissions: what
     * cloud-init's write_files and the first command of runcmd (unpacking the boot archive)
     * leave on the droplet.
     */
    public static void materializeInto(Path root, String userData) {
        try {
            for (HostFile file : CloudInit.files(userData)) {
                Path target = root.resolve(file.path().substring(1));
                mkdirs(target.getParent());
                write(target, file.content());
                Files.setPosixFilePermissions(target, permissions(file.permissions()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startPostgres() {
        Path pg = base.resolve("pg");
        mkdirs(pg.resolve("sock"));
        sh("chown -R postgres:postgres " + pg);
        asPostgres(List.of(PG_BIN + "/initdb", "-D", pg.resolve("data").toString(), "-A", "trust", "-E", "UTF8"),
                Duration.ofSeconds(60));
        asPostgres(List.of(PG_BIN + "/pg_ctl", "-D", pg.resolve("data").toString(), "-l", pg.resolve("log").toString(),
                "-o", "-c listen_addresses='' -k " + pg.resolve("sock"), "-w", "start"), Duration.ofSeconds(60));
        pgStarted = true;
    }

    private void startNginx() {
        String main = read(RESOURCES.resolve("nginx.conf")).replace("@ROOT@", root.toString());
        write(root.resolve("etc/nginx/nginx.conf"), main);
        // cloud-init's runcmd enables the default server; here on loopback ports instead of 80 and 443
        write(root.resolve("etc/nginx/sites-enabled/000-verdandi-default"),
                defaultServerUnder(root, "127.0.0.1:" + httpPort, "127.0.0.1:" + httpsPort));
        run(List.of("nginx", "-c", nginxConf()), Duration.ofSeconds(30)).requireSuccess();
        nginxStarted = true;
    }

    /**
     * The front's default server (cloud-init enables it) as written under {@code root}: its
     * log under the root, listening on {@code http} and {@code https} (IPv4 only) instead of
     * ports 80 and 443.
     */
    public static String defaultServerUnder(Path root, String http, String https) {
        return read(root.resolve("etc/nginx/sites-available/verdandi-default"))
                .replace("listen 80 default_server;", "listen " + http + " default_server;")
                .replace("listen 443 ssl default_server;", "listen " + https + " ssl default_server;")
                .replace("    listen [::]:80 default_server;\n", "")
                .replace("    listen [::]:443 ssl default_server;\n", "")
                .replace(" /var/log/nginx/", " " + root + "/var/log/nginx/");
    }

    public String nginxConf() {
        return root.resolve("etc/nginx/nginx.conf").toString();
    }

    private void createOrigin() {
        run(List.of("git", "init", "--quiet", "--bare", "--initial-branch=staging", origin.toString()), Duration.ofSeconds(30))
                .requireSuccess();
        if (appRepository != null) {
            List<String> clone = new ArrayList<>(List.of("git", "clone", "--quiet"));
            if (appBranch != null) {
                clone.addAll(List.of("--branch", appBranch));
            }
            clone.addAll(List.of(appRepository.toAbsolutePath().toString(), work.toString()));
            run(clone, Duration.ofMinutes(5)).requireSuccess();
            git("checkout", "--quiet", "-B", "staging");
            git("remote", "add", "rehearsal", origin.toString());
            return;
        }
        run(List.of("git", "init", "--quiet", "--initial-branch=staging", work.toString()), Duration.ofSeconds(30))
                .requireSuccess();
        copyTree(RESOURCES.resolve("app"), work);
        git("remote", "add", "rehearsal", origin.toString());
    }

    // ---- the application's repository -----------------------------------------------

    public Result git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", work.toString()));
        cmd.addAll(List.of(args));
        Map<String, String> e = Map.of(
                "GIT_AUTHOR_NAME", "Ada Lovelace", "GIT_AUTHOR_EMAIL", "ada@example.org",
                "GIT_COMMITTER_NAME", "Ada Lovelace", "GIT_COMMITTER_EMAIL", "ada@example.org");
        return new Result(Proc.run(cmd, e, null, Duration.ofSeconds(60)).requireSuccess());
    }

    /** A file of the application's work tree. */
    public Path app(String relative) {
        return work.resolve(relative);
    }

    public void writeApp(String relative, String content) {
        mkdirs(app(relative).getParent());
        write(app(relative), content);
    }

    public String readApp(String relative) {
        return read(app(relative));
    }

    /** Commits every change with the subject and returns the commit id (not pushed). */
    public String commit(String subject) {
        git("add", "-A");
        git("commit", "--quiet", "--allow-empty", "-m", subject);
        return git("rev-parse", "HEAD").out().trim();
    }

    public void push() {
        git("push", "--quiet", "--force", "rehearsal", "HEAD:staging");
    }

    /** Puts the work tree back to a commit's content (the next commit then undoes a fault). */
    public void restoreTree(String sha) {
        git("read-tree", "--reset", "-u", sha);
    }

    // ---- installs with the command lines of HostCommands -------------------------------

    /** The environment file: the secrets (Mangaki's settings file names it as [secrets] SECRET_FILE). */
    public String envFile() {
        return "# the environment file of the rehearsal\n"
                + "SECRET_KEY=" + SECRET_KEY + "\n"
                + "SLACK_WEBHOOK_URL=" + slack.url() + "\n"
                + "DEPLOY_WEBHOOK_SECRET=" + WEBHOOK_SECRET + "\n";
    }

    /** The settings file, Mangaki's way (settings.ini): no secret in it, placeholders filled by env-install. */
    public String settingsIni() {
        return settingsIni(base.resolve("pg/sock").toString());
    }

    /** The settings file with the database at {@code databaseHost} (a host or a socket directory). */
    public String settingsIni(String databaseHost) {
        return """
                [secrets]
                SECRET_FILE = ${VERDANDI_ENV_FILE}

                [debug]
                DEBUG = false

                [hosts]
                ALLOWED_HOSTS = %s

                [pgsql]
                DB_NAME = mangaki-%s
                DB_USER = mangaki-%s
                DB_HOST = %s

                [deployment]
                STATIC_ROOT = ${VERDANDI_STATIC_ROOT}
                DATA_ROOT = ${VERDANDI_SHARED_DIR}/data

                [sendfile]
                url = /sendfile

                [celery]
                broker_url = ${VERDANDI_REDIS_URL}
                result_backend = ${VERDANDI_REDIS_URL}
                """.formatted(String.join(", ", env.domains()), ENV, ENV, databaseHost);
    }

    public Proc.Result installEnvironment() {
        Proc.Result r = runScript(commands.installEnvironmentTokens(env, "127.0.0.1"),
                HostCommands.installInput(envFile(), Map.of("settings.ini", settingsIni())));
        envInstalled = envInstalled || r.exit() == 0;
        return r;
    }

    /**
     * Installs the environment as on one of several app droplets (docs/growth.md): listening on
     * {@code listenAddress}, with a managed database (env-install --managed-database): the
     * bundle's database.env carries {@code databaseEnv} (DATABASE_URL, REDIS_URL), the settings
     * file names the database at {@code databaseHost}.
     */
    public Proc.Result installEnvironment(String listenAddress, String databaseEnv, String databaseHost) {
        Proc.Result r = runScript(commands.installEnvironmentTokens(env, listenAddress, true),
                HostCommands.installInput(envFile(), Map.of("settings.ini", settingsIni(databaseHost),
                        HostCommands.DATABASE_ENV, databaseEnv)));
        envInstalled = envInstalled || r.exit() == 0;
        return r;
    }

    public Proc.Result removeEnvironment() {
        return runScript(commands.removeEnvironmentTokens(ENV), null);
    }

    /** site-install, its secrets on standard input; the webhook receiver on a loopback port of its own (a drop-in). */
    public Proc.Result installSite() {
        Path dropIn = root.resolve("etc/systemd/system/verdandi-webhook.service.d/50-rehearsal-port.conf");
        mkdirs(dropIn.getParent());
        write(dropIn, "[Service]\nExecStart=\nExecStart=" + HostFiles.SCRIPT_DIR + "/webhook-receive --listen 127.0.0.1:"
                + webhookPort + "\n");
        return runScript(commands.installSiteTokens(env, "127.0.0.1", "127.0.0.1:" + httpPort,
                "127.0.0.1:" + httpsPort, webhookPort), HostCommands.frontSecrets(envFile()));
    }

    public Proc.Result removeSite() {
        return runScript(commands.removeSiteTokens(ENV), null);
    }

    public HostCommands commands() {
        return commands;
    }

    /** Runs a host script (or any command) with the rehearsal's root and seams in its environment. */
    public Proc.Result runScript(List<String> tokens, String stdin) {
        return Proc.run(tokens, scriptEnv, stdin, Duration.ofMinutes(3));
    }

    /** A GET through NGINX with the environment's main domain. */
    public HttpProbe.Response front(String path) {
        return HttpProbe.get(httpPort, DOMAIN, path);
    }

    /**
     * The pid of the live copy of a process of the environment (its slot in the state's
     * {@code processes}: mangaki-staging@NAME.service or mangaki-staging@NAME.2.service), 0
     * when not running.
     */
    public long processPid(String process) {
        String instance = state("processes").lines().filter(i -> i.equals(process) || i.equals(process + ".2"))
                .findFirst().orElse(process);
        return instancePid(instance);
    }

    /** The pid of process unit mangaki-staging@INSTANCE.service, 0 when not running. */
    public long instancePid(String instance) {
        Path p = root.resolve("var/log/systemctl-stand-in/mangaki-" + ENV + "@" + instance + ".service.pid");
        if (!Files.exists(p)) {
            return 0;
        }
        long pid = Long.parseLong(read(p).trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : 0;
    }

    /** Output of a unit as the stand-in logged it. */
    public String unitLog(String unit) {
        Path p = root.resolve("var/log/systemctl-stand-in/" + unit + ".log");
        return Files.exists(p) ? read(p) : "";
    }

    /**
     * Queues the application's task through the web (GET /task/TOKEN) and waits for a worker to
     * run it; returns the revision whose code ran it, or null when none did within the limit.
     */
    public String taskRevision(String token, Duration limit) {
        HttpProbe.Response queued = front("/task/" + token);
        if (queued.status() != 200) {
            return null;
        }
        String[] found = new String[1];
        await(limit, () -> {
            HttpProbe.Response r = front("/task-result/" + token);
            found[0] = r.status() == 200 ? HttpProbe.revision(r) : null;
            return found[0] != null;
        });
        return found[0];
    }

    public Proc.Result deployNow() {
        return runScript(List.of(root + HostFiles.SCRIPT_DIR + "/deploy", ENV), null);
    }

    // ---- observations -----------------------------------------------------------------

    /** A GET through NGINX with the environment's main domain. */
    public HttpProbe.Response front() {
        return HttpProbe.get(httpPort, DOMAIN, "/");
    }

    public String servedRevision() {
        return HttpProbe.revision(front());
    }

    public Path srv() {
        return root.resolve("srv/mangaki/" + ENV);
    }

    public Path stateDir() {
        return root.resolve("var/lib/verdandi/" + ENV);
    }

    public String state(String name) {
        Path p = stateDir().resolve(name);
        return Files.exists(p) ? read(p).trim() : "";
    }

    public String currentTarget() {
        try {
            return Files.readSymbolicLink(srv().resolve("current")).toString();
        } catch (IOException e) {
            return "";
        }
    }

    public List<String> releases() {
        try (Stream<Path> s = Files.list(srv().resolve("releases"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String masterPid() {
        Path p = root.resolve("run/mangaki/" + ENV + "/gunicorn.pid");
        return Files.exists(p) ? read(p).trim() : "";
    }

    /** Every gunicorn master of the environment running now. */
    public List<Long> masters() {
        String marker = "--chdir " + root + "/srv/mangaki/" + ENV + "/current";
        List<ProcessHandle> all = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker)).toList();
        Set<Long> pids = new java.util.HashSet<>(all.stream().map(ProcessHandle::pid).toList());
        Set<Long> parents = new java.util.HashSet<>();
        all.forEach(p -> p.parent().ifPresent(pp -> parents.add(pp.pid())));
        // a master has workers, or no gunicorn parent (a new master's parent is the old one)
        return all.stream().filter(p -> parents.contains(p.pid())
                        || p.parent().map(pp -> !pids.contains(pp.pid())).orElse(true))
                .map(ProcessHandle::pid).sorted().toList();
    }

    /** Text of every deploy log, stand-in log and state file, to look for leaks. */
    public String allLogs() {
        StringBuilder sb = new StringBuilder();
        for (Path dir : List.of(stateDir(), root.resolve("var/log"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).forEach(p -> sb.append(new String(readBytes(p), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    public String loopLog() {
        Path p = root.resolve("var/log/systemctl-stand-in/verdandi-deploy@" + ENV + ".service.log");
        return Files.exists(p) ? read(p) : "";
    }

    /** Slack messages that contain every fragment. */
    public List<String> slackWith(String... fragments) {
        return slack.texts().stream().filter(t -> Stream.of(fragments).allMatch(t::contains)).toList();
    }

    /** Waits (polling every 50 ms) until the condition holds; false when the time is out. */
    public static boolean await(Duration limit, BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(50);
        }
        return condition.getAsBoolean();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- tear-down --------------------------------------------------------------------

    @Override
    public void close() {
        if (envInstalled) {
            removeEnvironment();
        }
        runScript(List.of(RESOURCES.resolve("systemctl-stand-in").toString(), "stop", "redis-server.service",
                "verdandi-webhook.service"), null);
        if (nginxStarted) {
            run(List.of("nginx", "-c", nginxConf(), "-s", "stop"), Duration.ofSeconds(30));
        }
        if (pgStarted) {
            asPostgres(List.of(PG_BIN + "/pg_ctl", "-D", base.resolve("pg/data").toString(), "-m", "fast", "-w", "stop"),
                    Duration.ofSeconds(60));
        }
        slack.close();
        // any process left behind by a failed test: stopped one by one, by id
        String marker = base.toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(marker) || cwdUnder(p, base))
                .forEach(ProcessHandle::destroyForcibly);
        deleteTree(base);
    }

    // ---- helpers ------------------------------------------------------------------------

    /** Whether the process works in the directory (Redis renames itself: its command line says nothing). */
    private static boolean cwdUnder(ProcessHandle p, Path dir) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/cwd")).startsWith(dir);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A command's output. */
    public record Result(String out) {
        Result(Proc.Result r) {
            this(r.output());
        }
    }

    private static Proc.Result run(List<String> cmd, Duration timeout) {
        return Proc.run(cmd, Map.of(), null, timeout);
    }

    private static void sh(String command) {
        run(List.of("bash", "-c", command), Duration.ofSeconds(60)).requireSuccess();
    }

    private void asPostgres(List<String> cmd, Duration timeout) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(cmd);
        Proc.run(full, Map.of(), null, timeout, base).requireSuccess();
    }

    /** Runs psql as postgres against the rehearsal's cluster. */
    public String psql(String sql) {
        return psql("postgres", sql);
    }

    /** Runs psql as postgres in a database of the rehearsal's cluster. */
    public String psql(String database, String sql) {
        return Proc.run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                        "-d", database, "-c", sql),
                scriptEnv, null, Duration.ofSeconds(30), base).requireSuccess().output().trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Set<PosixFilePermission> permissions(String octal) {
        int mode = Integer.parseInt(octal, 8);
        StringBuilder sb = new StringBuilder();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(sb.toString());
    }

    static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path p) {
        return new String(readBytes(p), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().contains("__pycache__")) {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test for
        }
    }
}
