package fr.mangaki.verdandi.host.real;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.pulumi.core.Output;
import com.pulumi.test.TestResult;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.component.internal.LoopbackSshd;
import fr.mangaki.verdandi.component.internal.LoopbackSshd.KeyPair;
import fr.mangaki.verdandi.Program;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.resource.internal.RecordingMocks;
import fr.mangaki.verdandi.secrets.GnuPG;
import fr.mangaki.verdandi.resource.internal.RecordingMocks.Addresses;
import fr.mangaki.verdandi.resource.internal.RecordingMocks.RemoteCommandInputs;
import fr.mangaki.verdandi.stack.StackFile;
import fr.mangaki.verdandi.stack.StackSettings;
import fr.mangaki.verdandi.host.real.ContainerLimits.Kind;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.PushWebhookStandIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two droplets as real Debian 12 machines on this host: the cached image, a private
 * bridge standing for the VPC, the front and the app booted by systemd-nspawn from the
 * exact user data {@code bin/verdandi render cloud-init} prints, then the remote half of
 * {@code pulumi up} (the very command lines the program registers, over OpenSSH as the
 * admin user), a git origin both environments follow (git daemon on the gateway), Pebble
 * as the ACME server, and every check of docs/real-hosts.md. Addresses used: the VPC's
 * own ({@value #SUBNET}), nothing else. Every wait is bounded; {@link #close()} stops
 * everything that was started, whatever happened.
 */
public final class RealHosts implements AutoCloseable {

    public static final Path PROJECT = Path.of("").toAbsolutePath();
    public static final Path RESOURCES = PROJECT.resolve("src/test/resources/host/real");
    static final String SUBNET = "10.110.0.0/24";
    static final String GATEWAY = "10.110.0.1";
    static final String FRONT = "10.110.0.2";
    static final String APP = "10.110.0.3";
    /** A third, short-lived machine booted from user data cloud-init rejects. */
    static final String PROBE = "10.110.0.4";
    static final String ORIGIN = "git://" + GATEWAY + "/app.git";
    static final String ACME_DIRECTORY = "https://" + GATEWAY + ":14000/dir";
    static final String ACME_EMAIL = "ops@mangaki.fr";
    static final String PLATFORM_STACK = "mangaki/mangaki/production";
    static final String ADMIN_USER = fr.mangaki.verdandi.cloudinit.HostSpec.DEFAULT_ADMIN_USER;
    private static final Path LOCK = Path.of("/run/lock/verdandi-real-hosts.lock");
    /** This host's own certificate authorities (Debian's update-ca-certificates reads them). */
    static final Path HOST_CAS = Path.of("/usr/local/share/ca-certificates");
    private static final Duration BOOT = Duration.ofMinutes(12);
    private static final Duration LIVE = Duration.ofMinutes(4);
    private static final List<String> STACKS = List.of("production", "staging");
    /**
     * Production's {@code pollSeconds} in this run: its commits are told by the push webhook,
     * and a deploy the webhook woke must not be mistaken for one a poll started.
     */
    static final int PUSH_POLL_SECONDS = 600;
    /** How soon after the push's delivery the deploy loop must say it was told: far below any poll. */
    private static final Duration WOKEN_WITHIN = Duration.ofSeconds(10);

    private final Path base;
    private final Log log;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Map<String, StackSettings> stacks = new LinkedHashMap<>();
    private final Map<String, RecordingMocks> programs = new LinkedHashMap<>();
    private final Map<String, String> stdouts = new LinkedHashMap<>();
    private KeyPair admin;
    private String recipients;
    private Path image;
    private boolean vpcUp;
    private Process gitDaemon;
    private Process pebble;
    private Path pebbleRoot;
    private Path work;
    private volatile boolean closed;
    private Machine probe;
    /** Each environment's DEPLOY_WEBHOOK_SECRET, made for the run. */
    private final Map<String, String> webhookSecrets = new LinkedHashMap<>();

    /** Where progress goes (standard error for the bench, the test's output for JUnit). */
    public interface Log {
        void info(String message);
    }

    /** One machine: its directory (disk layers, console log, cgroup) and address. */
    record Machine(String name, String address, Path dir) {
    }

    public RealHosts(Log log) {
        this.log = log;
        try {
            lockChannel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            log.info("waiting for any other real-hosts run to end (" + LOCK + ")");
            lock = lockChannel.lock();
            base = Files.createTempDirectory("verdandi-real-hosts-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures of one run, in the order of the bench's last line. */
    public record Figures(int machines, double bootToReadySeconds, int cloudInitErrors, int failedUnits,
                          int environmentsServed, int tlsServed, double commitToLiveMedianSeconds,
                          int rebootRecovered, long appRssMib, int leftovers, double pushToLiveMedianSeconds,
                          int webhookRefused) {
        public String line() {
            return String.format(java.util.Locale.ROOT, "machines=%d boot_to_ready_s=%.1f cloud_init_errors=%d"
                            + " failed_units=%d environments_served=%d tls_served=%d commit_to_live_median_s=%.1f"
                            + " reboot_recovered=%d app_rss_mib=%d leftovers=%d push_to_live_s=%.1f webhook_refused=%d",
                    machines, bootToReadySeconds, cloudInitErrors, failedUnits, environmentsServed, tlsServed,
                    commitToLiveMedianSeconds, rebootRecovered, appRssMib, leftovers, pushToLiveMedianSeconds,
                    webhookRefused);
        }

        /**
         * Both machines, no error, no failed unit, both environments served over TLS, recovered,
         * nothing left, and both bad push deliveries (wrong signature, other branch) refused.
         */
        public boolean sound() {
            return machines == 2 && cloudInitErrors == 0 && failedUnits == 0 && environmentsServed == 2
                    && tlsServed == 2 && rebootRecovered == 1 && leftovers == 0 && appRssMib > 0 && webhookRefused == 2;
        }
    }

    /** The whole run; throws naming the machine, module or unit on the first real fault. */
    public Figures run() {
        prepare();
        double boot = boot();
        int cloudInitErrors = 0;
        int failedUnits = 0;
        for (Machine m : machines.values()) {
            cloudInitErrors += checkCloudInit(m);
            failedUnits += checkUnits(m);
        }
        operatorSetUp();
        for (String stack : STACKS) {
            up(stack);
        }
        for (Machine m : machines.values()) {
            cloudInitErrors += checkCloudInit(m);
            failedUnits += checkUnits(m);
        }
        int served = 0;
        int tls = 0;
        for (String stack : STACKS) {
            EnvironmentSettings env = stacks.get(stack).environment();
            String head = git("rev-parse", "origin/" + env.branch()).trim();
            awaitServed(env, head, "the first deploy");
            checkDumpBeforeMigrating(env);
            served++;
            tls += checkTls(env) ? 1 : 0;
        }
        checkRenewal();
        checkFailingHostScriptIsSeen();
        List<Double> commitToLive = pushes(3);
        Pushed pushed = pushesOnWebhook(3);
        checkNoWholeAddressLogged();
        checkGunicornRestart(stacks.get("production").environment());
        int rebootRecovered = reboot(machines.get("app")) ? 1 : 0;
        for (Machine m : machines.values()) {
            cloudInitErrors += checkCloudInit(m);
            failedUnits += checkUnits(m);
        }
        checkFaultIsSeen(machines.get("front"));
        long rss = appRssMib();
        int leftovers = tearDown();
        return new Figures(machines.size(), boot, cloudInitErrors, failedUnits, served, tls,
                median(commitToLive), rebootRecovered, rss, leftovers, median(pushed.toLive()), pushed.refused());
    }

    // ---- set-up ---------------------------------------------------------------------

    private void prepare() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (String stack : STACKS) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            webhookSecrets.put(stack, java.util.HexFormat.of().formatHex(bytes));
        }
        admin = LoopbackSshd.keygen(base.resolve("admin_key"), "real-hosts@verdandi.test");
        // the team's key the dumps are encrypted to (secrets/recipients/ on a real checkout)
        try (GnuPG team = new GnuPG(base.resolve("team-gnupg"))) {
            GnuPG.Key key = team.generate("Verdandi real hosts <real-hosts@verdandi.test>", "cv25519", "real-hosts");
            recipients = new String(team.exportPublic(key), java.nio.charset.StandardCharsets.US_ASCII);
        }
        for (String stack : STACKS) {
            Path file = writeStackFile(stack);
            stacks.put(stack, StackFile.load(file));
        }
        Map<String, Addresses> droplets = Map.of("mangaki-app", new Addresses(APP, APP),
                "mangaki-front", new Addresses(FRONT, FRONT));
        RecordingMocks production = new RecordingMocks(droplets);
        TestResult platform = production.run(StackSettings.PROJECT, "production",
                ctx -> Program.declare(ctx, stacks.get("production"), access()));
        programs.put("production", production);
        // staging reads the platform's outputs (addresses, admin user, ACME server) through its stack reference
        RecordingMocks staging = new RecordingMocks(Map.of(), Map.of(PLATFORM_STACK, RecordingMocks.stackOutputs(platform)));
        staging.run(StackSettings.PROJECT, "staging", ctx -> Program.declare(ctx, stacks.get("staging"), access()));
        programs.put("staging", staging);

        log.info("building or reusing the Debian 12 image");
        long imageStart = System.nanoTime();
        image = Path.of(sh(Duration.ofMinutes(30), RESOURCES.resolve("image").toString()).trim());
        log.info("image " + image.getFileName() + " ready after " + seconds(imageStart) + " s");

        List<String> vpc = new ArrayList<>(List.of(RESOURCES.resolve("vpc").toString(), "up",
                base.resolve("vpc").toString(), "--gateway", GATEWAY + "/24"));
        for (StackSettings s : stacks.values()) {
            for (String d : s.environment().domains()) {
                vpc.addAll(List.of("--domain", d + "=" + FRONT));
            }
        }
        starting("the VPC, the origin and Pebble", () -> {
            vpcUp = true;
            sh(Duration.ofMinutes(1), vpc.toArray(String[]::new));
            createOrigin();
            startPebble();
        });
    }

    /**
     * The repository's stack file with the run's admin key and origin, and on the platform's
     * stack the run's ACME server (a guest reads its platform's).
     */
    private Path writeStackFile(String stack) {
        Map<String, Object> config = new LinkedHashMap<>(StackFile.readConfig(StackFile.of(PROJECT, stack)));
        if (config.containsKey("mangaki:sshKeys")) {
            config.put("mangaki:sshKeys", List.of(admin.publicKey()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> env = new LinkedHashMap<>((Map<String, Object>) config.get("mangaki:environment"));
        env.put("repository", ORIGIN);
        // the stacks name Mangaki's own commands (celery -A mangaki): the rehearsal's application
        // has its processes in its Procfile; the stack's grace periods stay
        @SuppressWarnings("unchecked")
        Map<String, Object> processes = (Map<String, Object>) env.getOrDefault("processes", Map.of());
        Map<String, Object> graces = new LinkedHashMap<>();
        processes.forEach((name, p) -> {
            Object grace = p instanceof Map<?, ?> m ? m.get("graceSeconds") : null;
            if (grace != null) {
                graces.put(name, Map.of("graceSeconds", grace));
            }
        });
        if (graces.isEmpty()) {
            env.remove("processes");
        } else {
            env.put("processes", graces);
        }
        if (stack.equals("production")) {
            env.put("pollSeconds", PUSH_POLL_SECONDS);
        }
        config.put("mangaki:environment", env);
        if (!"guest".equals(config.get("mangaki:hosting"))) {
            config.put("mangaki:acme", Map.of("directory", ACME_DIRECTORY, "email", ACME_EMAIL));
        }
        Path file = base.resolve("stacks/Pulumi." + stack + ".yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, new YAMLMapper().writeValueAsString(Map.of("config", config)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private HostAccess access() {
        String key = read(admin.privateKey());
        return new HostAccess() {
            @Override
            public Output<String> sshPrivateKey() {
                return Output.ofSecret(key);
            }

            @Override
            public Output<String> environmentFile(String environment) {
                return Output.ofSecret(envFile(environment, webhookSecrets.get(environment)));
            }

            @Override
            public String environmentFileVersion(String environment) {
                return "real-hosts-1";
            }

            @Override
            public String backupRecipients() {
                return recipients;
            }

            @Override
            public Output<String> settingsFile(String environment, String file) {
                if (!file.equals("settings.ini")) {
                    throw new IllegalStateException("the rehearsal has no settings file " + file + " of " + environment);
                }
                return Output.ofSecret(settingsIni(stacks.get(environment).environment()));
            }

            @Override
            public String settingsFileVersion(String environment, String file) {
                return "real-hosts-1";
            }
        };
    }

    /**
     * The environment file: the secrets, which the settings file names as its [secrets]
     * SECRET_FILE, and the push webhook's secret (made for the run), which reaches the front.
     */
    static String envFile(String environment, String webhookSecret) {
        return "# the environment file of the real-hosts rehearsal\n"
                + "SECRET_KEY=real-hosts-" + environment + "-8f2c1d\n"
                + "DEPLOY_WEBHOOK_SECRET=" + webhookSecret + "\n";
    }

    /** The settings file of docs/deploy.md (Mangaki step by step), for the environment of {@code env}. */
    static String settingsIni(EnvironmentSettings env) {
        return """
                [secrets]
                SECRET_FILE = ${VERDANDI_ENV_FILE}

                [debug]
                DEBUG = False

                [hosts]
                ALLOWED_HOSTS = %s

                [pgsql]
                DB_NAME = mangaki-%s
                DB_USER = mangaki-%s

                [deployment]
                STATIC_ROOT = ${VERDANDI_STATIC_ROOT}
                DATA_ROOT = ${VERDANDI_SHARED_DIR}/data

                [sendfile]
                url = /sendfile

                [celery]
                broker_url = ${VERDANDI_REDIS_URL}
                result_backend = ${VERDANDI_REDIS_URL}
                """.formatted(String.join(", ", env.domains()), env.name(), env.name());
    }

    /** A bare origin with the rehearsal's small Django application on both branches, served by git daemon. */
    private void createOrigin() {
        Path git = base.resolve("git");
        work = base.resolve("app");
        sh(Duration.ofMinutes(1), "git", "init", "--quiet", "--bare", "--initial-branch=production",
                git.resolve("app.git").toString());
        sh(Duration.ofMinutes(1), "cp", "-r", PROJECT.resolve("src/test/resources/host/app").toString(), work.toString());
        sh(Duration.ofMinutes(1), "find", work.toString(), "-name", "__pycache__", "-prune", "-exec", "rm", "-rf", "{}", "+");
        git("init", "--quiet", "--initial-branch=production");
        git("add", "-A");
        git("commit", "--quiet", "-m", "The small application");
        git("remote", "add", "origin", git.resolve("app.git").toString());
        git("push", "--quiet", "origin", "production", "production:staging");
        try {
            gitDaemon = new ProcessBuilder("git", "daemon", "--listen=" + GATEWAY, "--reuseaddr", "--export-all",
                    "--base-path=" + git, git.toString())
                    .redirectErrorStream(true).redirectOutput(base.resolve("git-daemon.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await(Duration.ofSeconds(20), () -> Proc.run(List.of("git", "ls-remote", ORIGIN), Map.of(), null,
                Duration.ofSeconds(10)).exit() == 0, "git daemon does not answer on " + ORIGIN);
    }

    /**
     * Pebble on the gateway: its API certificate from a CA of the run (the front trusts that
     * CA, as a host using a private ACME server would), its HTTP-01 checks on port 80 of the
     * addresses the VPC's resolver gives for the domains: the front's.
     */
    private void startPebble() {
        Path dir = base.resolve("pebble");
        try {
            Files.createDirectories(dir);
            sh(Duration.ofMinutes(1), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=Verdandi real-hosts ACME CA", "-keyout", dir.resolve("ca.key").toString(),
                    "-out", dir.resolve("ca.pem").toString());
            sh(Duration.ofMinutes(1), "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + GATEWAY,
                    "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.csr").toString());
            Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:" + GATEWAY + "\n");
            sh(Duration.ofMinutes(1), "openssl", "x509", "-req", "-in", dir.resolve("cert.csr").toString(), "-days", "2",
                    "-CA", dir.resolve("ca.pem").toString(), "-CAkey", dir.resolve("ca.key").toString(),
                    "-CAcreateserial", "-extfile", dir.resolve("san.ext").toString(),
                    "-out", dir.resolve("cert.pem").toString());
            Map<String, Object> conf = new LinkedHashMap<>();
            conf.put("listenAddress", GATEWAY + ":14000");
            conf.put("managementListenAddress", GATEWAY + ":15000");
            conf.put("certificate", dir.resolve("cert.pem").toString());
            conf.put("privateKey", dir.resolve("key.pem").toString());
            conf.put("httpPort", 80);
            conf.put("tlsPort", 443);
            conf.put("ocspResponderURL", "");
            conf.put("externalAccountBindingRequired", false);
            Files.writeString(dir.resolve("pebble.json"), new ObjectMapper().writeValueAsString(Map.of("pebble", conf)));
            ProcessBuilder pb = new ProcessBuilder("pebble", "-config", dir.resolve("pebble.json").toString(),
                    "-dnsserver", GATEWAY + ":53")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pebble.log").toFile());
            pb.environment().put("PEBBLE_VA_NOSLEEP", "1");
            pb.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
            pebble = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pebbleRoot = dir.resolve("root.pem");
        await(Duration.ofSeconds(30), () -> Proc.run(List.of("curl", "-sSf", "--cacert", dir.resolve("ca.pem").toString(),
                "-o", pebbleRoot.toString(), "https://" + GATEWAY + ":15000/roots/0"), Map.of(), null,
                Duration.ofSeconds(10)).exit() == 0, "Pebble does not answer:\n" + read(dir.resolve("pebble.log")));
    }

    // ---- boot -------------------------------------------------------------------------

    /** Boots both machines; returns the seconds until cloud-init is done on both. */
    private double boot() {
        long start = System.nanoTime();
        for (String role : List.of("front", "app")) {
            String address = role.equals("front") ? FRONT : APP;
            Machine m = new Machine(role, address, base.resolve("machines/" + role));
            Path userData = base.resolve("user-data-" + role);
            write(userData, renderUserData(role));
            starting("machine " + role, () -> {
                machines.put(role, m);
                sh(Duration.ofMinutes(1), RESOURCES.resolve("machine").toString(), "start", m.dir().toString(),
                        "--image", image.toString(), "--name", "mangaki-" + role, "--address", address + "/24",
                        "--gateway", GATEWAY, "--user-data", userData.toString());
            });
        }
        probe = new Machine("probe", PROBE, base.resolve("machines/probe"));
        write(base.resolve("user-data-probe"), rejectedUserData());
        starting("machine probe", () -> sh(Duration.ofMinutes(1), RESOURCES.resolve("machine").toString(), "start",
                probe.dir().toString(), "--image", image.toString(), "--name", "probe", "--address", PROBE + "/24",
                "--gateway", GATEWAY, "--user-data", base.resolve("user-data-probe").toString()));
        log.info("machines launched; cloud-init installs their packages (a few minutes)");
        double ready = 0;
        for (Machine m : machines.values()) {
            awaitCloudInit(m);
            ready = seconds(start);
            log.info(m.name() + " is ready after " + ready + " s");
        }
        checkRejectedUserDataIsSeen();
        return ready;
    }

    /**
     * User data that cloud-init's schema rejects: the admin user with the run's key (so the
     * check can log in), and two keys of the wrong type or value. Cloud-init 22.4 boots with
     * it, says {@code status: done} and only warns.
     */
    private String rejectedUserData() {
        return """
                #cloud-config
                users:
                  - name: %s
                    sudo: "ALL=(ALL) NOPASSWD:ALL"
                    shell: /bin/bash
                    ssh_authorized_keys: ["%s"]
                write_files:
                  - path: /etc/verdandi-probe
                    content: probe
                    encoding: no-such-encoding
                ntp:
                  enabled: "perhaps"
                """.formatted(ADMIN_USER, admin.publicKey().strip());
    }

    /** The probe's rejected user data fails the check, naming the machine and the modules; then it is stopped. */
    private void checkRejectedUserDataIsSeen() {
        awaitCloudInit(probe);
        try {
            checkCloudInit(probe);
            throw new AssertionError("user data cloud-init rejects went unseen by the check");
        } catch (IllegalStateException e) {
            if (!e.getMessage().startsWith("machine probe: cloud-init rejects the user data (modules ntp, write_files)")
                    || !e.getMessage().contains("'perhaps' is not of type 'boolean'")
                    || !e.getMessage().contains("end of /var/log/cloud-init-output.log on probe")) {
                throw new AssertionError("the check did not name the machine, the modules and the schema's errors: "
                        + e.getMessage(), e);
            }
            log.info("probe: user data cloud-init rejects is reported with its modules and errors, as it should");
        } finally {
            stopMachine(probe);
        }
    }

    /**
     * The user data {@code bin/verdandi render cloud-init} prints for the run's production
     * stack, checked to be the droplet's {@code userData} in what the program registers.
     */
    private String renderUserData(String role) {
        Proc.Result r = Proc.run(List.of(PROJECT.resolve("bin/verdandi").toString(), "render", "cloud-init",
                "--stack-file", base.resolve("stacks/Pulumi.production.yaml").toString(), "--host", role),
                Map.of(), null, Duration.ofMinutes(10));
        if (r.exit() != 0) {
            throw new IllegalStateException("bin/verdandi render cloud-init --host " + role + " failed:\n" + r.output());
        }
        String printed = r.output().substring(r.output().indexOf("#cloud-config"));
        String registered = programs.get("production").userData("mangaki-" + role);
        if (!printed.equals(registered)) {
            throw new IllegalStateException("the user data printed for " + role
                    + " is not the droplet's userData the program registers");
        }
        return printed;
    }

    private void awaitCloudInit(Machine m) {
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (ssh(m, "true", null, Duration.ofSeconds(20)).exit() != 0) {
            if (System.nanoTime() > deadline || !running(m)) {
                throw new IllegalStateException("machine " + m.name() + ": no SSH login as the admin user within "
                        + BOOT + "\n" + inside(m, "cloud-init status --long; journalctl -b -n 40 --no-pager"));
            }
            sleep(2000);
        }
        Proc.Result r = ssh(m, "cloud-init status --wait >/dev/null; cloud-init status --long", null,
                Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofMinutes(1).toNanos())));
        log.info(m.name() + ": " + r.output().strip().replace("\n", "; "));
        // where the boot's time went: cloud-init's slowest modules, and apt's downloads
        Proc.Result where = ssh(m, "sudo -n cloud-init analyze blame | sed -n '2,3p';"
                + " sudo -n grep -E '^(Fetched|[0-9]+ upgraded)' /var/log/cloud-init-output.log", null, Duration.ofMinutes(1));
        log.info(m.name() + ": " + where.output().strip().replaceAll("\\s*\n\\s*", "; "));
    }

    private boolean running(Machine m) {
        return Files.exists(m.dir().resolve("loop.pid"));
    }

    // ---- checks -------------------------------------------------------------------------

    /**
     * Cloud-init's status, errors, warnings and the problem lines of its output on the
     * machine; a tolerated container limit is logged, anything else fails the run.
     */
    int checkCloudInit(Machine m) {
        Proc.Result status = ssh(m, "cloud-init status --long", null, Duration.ofMinutes(1));
        if (!status.output().contains("status: done")) {
            throw new IllegalStateException("machine " + m.name() + ": cloud-init is not done:\n" + status.output()
                    + journal(m, "cloud-final.service") + outputTail(m));
        }
        Proc.Result result = ssh(m, "cat /run/cloud-init/result.json", null, Duration.ofMinutes(1));
        List<String> problems = new ArrayList<>();
        try {
            new ObjectMapper().readTree(result.output()).path("v1").path("errors")
                    .forEach(e -> problems.add(e.asText()));
        } catch (IOException e) {
            throw new IllegalStateException("machine " + m.name() + ": unreadable result.json: " + result.output(), e);
        }
        problems.addAll(ssh(m, "sudo -n grep -F '[WARNING]' /var/log/cloud-init.log || true", null,
                Duration.ofMinutes(1)).output().lines().toList());
        ssh(m, "sudo -n cat /var/log/cloud-init-output.log", null, Duration.ofMinutes(1)).output().lines()
                .filter(ContainerLimits::isProblem).forEach(problems::add);
        int faults = 0;
        for (String problem : problems.stream().distinct().toList()) {
            var limit = ContainerLimits.explain(Kind.CLOUD_INIT, problem);
            if (limit.isPresent()) {
                log.info(m.name() + ": tolerated: " + problem.strip() + " (" + limit.get().why() + ")");
                continue;
            }
            faults++;
            if (problem.contains("Invalid cloud-config provided")) {
                String errors = ssh(m, "sudo -n cloud-init schema --system 2>&1 || true", null,
                        Duration.ofMinutes(1)).output().strip();
                throw new IllegalStateException("machine " + m.name() + ": cloud-init rejects the user data (modules "
                        + String.join(", ", schemaModules(errors)) + "):\n" + errors + "\n" + outputTail(m));
            }
            throw new IllegalStateException("machine " + m.name() + ": cloud-init module " + moduleOf(problem)
                    + " reports: " + problem + "\n" + status.output() + outputTail(m));
        }
        return faults;
    }

    private String outputTail(Machine m) {
        return "end of /var/log/cloud-init-output.log on " + m.name() + ":\n"
                + ssh(m, "sudo -n tail -n 30 /var/log/cloud-init-output.log", null, Duration.ofMinutes(1)).output();
    }

    /** Failed units on the machine; a tolerated container limit is logged, anything else fails. */
    int checkUnits(Machine m) {
        Proc.Result failed = ssh(m, "systemctl --failed --plain --no-legend --no-pager", null, Duration.ofMinutes(1));
        int faults = 0;
        for (String line : failed.output().lines().filter(l -> !l.isBlank()).toList()) {
            String unit = line.strip().split("\\s+")[0];
            var limit = ContainerLimits.explain(Kind.FAILED_UNIT, unit);
            if (limit.isPresent()) {
                log.info(m.name() + ": tolerated failed unit " + unit + " (" + limit.get().why() + ")");
                continue;
            }
            faults++;
            throw new IllegalStateException("machine " + m.name() + ": unit " + unit + " failed\n" + journal(m, unit));
        }
        return faults;
    }

    /** A unit that fails on purpose must fail the check, naming it and its journal. */
    private void checkFaultIsSeen(Machine m) {
        ssh(m, "sudo -n systemd-run --quiet --unit=verdandi-fault-probe sh -c 'echo probe-fault-output; exit 3'", null,
                Duration.ofMinutes(1));
        await(Duration.ofSeconds(30), () -> ssh(m, "systemctl is-failed --quiet verdandi-fault-probe.service", null,
                Duration.ofSeconds(20)).exit() == 0, "the probe unit did not fail");
        try {
            checkUnits(m);
            throw new AssertionError("a failed unit went unseen by the check");
        } catch (IllegalStateException e) {
            if (!e.getMessage().contains("unit verdandi-fault-probe.service failed")
                    || !e.getMessage().contains("probe-fault-output")) {
                throw new AssertionError("the check did not name the unit and its journal: " + e.getMessage(), e);
            }
            log.info(m.name() + ": a failing unit is reported with its journal, as it should");
        } finally {
            ssh(m, "sudo -n systemctl reset-failed verdandi-fault-probe.service", null, Duration.ofMinutes(1));
        }
    }

    private String journal(Machine m, String unit) {
        return "end of the journal of " + unit + " on " + m.name() + ":\n"
                + ssh(m, "sudo -n journalctl -b -u " + unit + " -n 25 --no-pager", null, Duration.ofMinutes(1)).output();
    }

    /** The module a problem line names: {@code ('mounts', ...)} or {@code cc_mounts.py[WARNING]}, else runcmd's output. */
    static String moduleOf(String problem) {
        Matcher error = Pattern.compile("^\\('([a-z_-]+)'").matcher(problem);
        if (error.find()) {
            return error.group(1);
        }
        Matcher warning = Pattern.compile("(cc_[a-z_]+)\\.py\\[WARNING\\]").matcher(problem);
        return warning.find() ? warning.group(1) : "(runcmd or a module's output)";
    }

    /**
     * The top-level keys (the modules' configuration) that {@code cloud-init schema} names in
     * its errors: {@code Cloud config schema errors: ntp.enabled: 'x' is not of type
     * 'boolean', write_files.0.encoding: ...}, sorted.
     */
    static List<String> schemaModules(String schemaOutput) {
        int at = schemaOutput.indexOf("schema errors:");
        if (at < 0) {
            return List.of("(cloud-init schema names none)");
        }
        Matcher key = Pattern.compile("(?:errors: |, )([a-z][a-z0-9_]*)(?:\\.[\\w.-]+)?: ")
                .matcher(schemaOutput.substring(at));
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys.isEmpty() ? List.of("(cloud-init schema names none)") : List.copyOf(keys);
    }

    // ---- pulumi up's remote half ----------------------------------------------------------

    /**
     * What an operator does once on a platform using a private ACME server: the front trusts
     * its CA. The application brings its own dependencies (its lock, from PyPI and npm's
     * registry; Redis from Debian, by env-install), as on a droplet; where this host reaches
     * the registries through a TLS-inspecting proxy, the app trusts the proxy's certificate
     * authorities as this host does (those of {@link #HOST_CAS}; none on most hosts).
     */
    private void operatorSetUp() {
        Machine front = machines.get("front");
        trust(front, "verdandi-acme-ca.crt", read(base.resolve("pebble/ca.pem")));
        try (var cas = Files.list(HOST_CAS)) {
            for (Path ca : cas.filter(p -> p.getFileName().toString().endsWith(".crt")).sorted().toList()) {
                trust(machines.get("app"), "verdandi-host-" + ca.getFileName(), read(ca));
                log.info("app: trusts this host's " + ca.getFileName() + " (its registries are reached through it)");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no local certificate authority on this host
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine's system trust store takes {@code pem} (update-ca-certificates). */
    private void trust(Machine m, String name, String pem) {
        requireSuccess(m, "trusting " + name, ssh(m, "sudo -n tee /usr/local/share/ca-certificates/" + name
                + " >/dev/null && sudo -n update-ca-certificates", pem, Duration.ofMinutes(2)));
    }

    /**
     * The remote commands of a stack, in an order their dependencies allow (those the
     * components declare: the host files first; the environment's install before its
     * backups, its backups' key before the front's dumps, its install before its site).
     * Fails when the program registers a remote command this list does not name: the
     * rehearsal runs every one of them, or says which it does not.
     */
    private List<String> remoteCommands(String stack) {
        String env = stacks.get(stack).environment().name();
        List<String> names = new ArrayList<>();
        if (stacks.get(stack).isPlatform()) {
            names.addAll(List.of("mangaki-front-files", "mangaki-app-files"));
        }
        names.addAll(List.of(env + "-app-install", env + "-app-backups", env + "-front-dumps", env + "-front-site"));
        List<String> registered = programs.get(stack).ofType("command:remote:Command").stream().map(r -> r.name)
                .sorted().toList();
        if (!registered.equals(names.stream().sorted().toList())) {
            throw new IllegalStateException("stack " + stack + ": the program registers the remote commands " + registered
                    + ", the rehearsal runs " + names + " (RealHosts.remoteCommands orders them)");
        }
        return names;
    }

    /**
     * The standard input the program wires from another command's output: the front's dumps
     * get the app's backup key, which {@code <env>-app-backups} prints (Environment).
     */
    private static String stdinSource(String name) {
        return name.endsWith("-front-dumps") ? name.replace("-front-dumps", "-app-backups") : null;
    }

    /** The remote commands of {@code pulumi up -s STACK}, in the order its dependencies give. */
    private void up(String stack) {
        log.info("pulumi up -s " + stack + ": the remote commands, over SSH as the admin user");
        RecordingMocks program = programs.get(stack);
        for (String name : remoteCommands(stack)) {
            RemoteCommandInputs c = program.remoteCommand(name);
            Machine m = machineAt(c.host());
            String source = stdinSource(name);
            String stdin = source == null ? c.stdin() : stdouts.get(source);
            long start = System.nanoTime();
            Ran r = sshAs(c, c.create(), stdin);
            requireSuccess(m, name + " (create)", r);
            stdouts.put(name, r.stdout());
            log.info("  " + name + " on " + m.name() + ": done in " + seconds(start) + " s" + lastLine(r.stderr()));
        }
    }

    /** {@code pulumi destroy}'s remote half: the delete commands, in the reverse order. */
    private void down(String stack) {
        RecordingMocks program = programs.get(stack);
        List<String> names = new ArrayList<>(remoteCommands(stack));
        names.removeIf(n -> n.startsWith("mangaki-"));
        java.util.Collections.reverse(names);
        for (String name : names) {
            RemoteCommandInputs c = program.remoteCommand(name);
            Ran r = sshAs(c, c.delete(), null);
            requireSuccess(machineAt(c.host()), name + " (delete)", r);
            log.info("  " + name + " deleted" + lastLine(r.stderr()));
        }
    }

    /**
     * The very command line of {@code production-app-install}, its standard input cut short
     * (as a dropped connection leaves it): env-install fails before changing anything, the
     * run's check names the machine, the command and the script's error, and the
     * environment still serves its release.
     */
    private void checkFailingHostScriptIsSeen() {
        EnvironmentSettings env = stacks.get("production").environment();
        String name = env.name() + "-app-install";
        RemoteCommandInputs c = programs.get("production").remoteCommand(name);
        String stdin = c.stdin();
        String cut = stdin.substring(0, stdin.lastIndexOf("\n--"));
        try {
            requireSuccess(machineAt(c.host()), name + " (create)", sshAs(c, c.create(), cut));
            throw new AssertionError("a failing host script went unseen: " + name + " with its input cut short");
        } catch (IllegalStateException e) {
            if (!e.getMessage().startsWith("machine app: " + name + " (create) failed (exit 1)")
                    || !e.getMessage().contains("env-install: error: standard input: the bundle does not end with")) {
                throw new AssertionError("the check did not name the machine, the command and the script's error: "
                        + e.getMessage(), e);
            }
            log.info("app: a failing host script is reported with the machine, the command and its error, as it should");
        }
        awaitServed(env, git("rev-parse", "origin/" + env.branch()).trim(), "the live release after a failed install");
    }

    private Machine machineAt(String address) {
        return machines.values().stream().filter(m -> m.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no machine at " + address));
    }

    // ---- serving --------------------------------------------------------------------------

    /** The revision the front serves for the environment's main domain: HTTPS when it has a certificate. */
    private String servedRevision(EnvironmentSettings env, boolean https) {
        String domain = env.mainDomain();
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "--max-time", "10"));
        if (https) {
            cmd.addAll(List.of("--resolve", domain + ":443:" + FRONT, "--cacert", pebbleRoot.toString(),
                    "https://" + domain + "/"));
        } else {
            cmd.addAll(List.of("--resolve", domain + ":80:" + FRONT, "http://" + domain + "/"));
        }
        Proc.Result r = Proc.run(cmd, Map.of(), null, Duration.ofSeconds(20));
        Matcher matcher = Pattern.compile("revision=([0-9a-f]{40})").matcher(r.output());
        return matcher.find() ? matcher.group(1) : "";
    }

    private void awaitServed(EnvironmentSettings env, String sha, String what) {
        await(LIVE, () -> sha.equals(servedRevision(env, true)), "environment " + env.name() + ": " + what
                + " (" + sha.substring(0, 8) + ") is not served through the front by " + env.mainDomain()
                + " over HTTPS\n" + journal(machines.get("app"), "verdandi-deploy@" + env.name() + ".service"));
    }

    /** HTTPS with a certificate Pebble issued for every domain, and HTTP redirected to it. */
    private boolean checkTls(EnvironmentSettings env) {
        for (String domain : env.domains()) {
            Proc.Result https = Proc.run(List.of("curl", "-sS", "--max-time", "10", "-o", "/dev/null",
                    "-w", "%{http_code} %{ssl_verify_result}", "--resolve", domain + ":443:" + FRONT,
                    "--cacert", pebbleRoot.toString(), "https://" + domain + "/"), Map.of(), null, Duration.ofSeconds(20));
            if (!https.output().strip().equals("200 0")) {
                throw new IllegalStateException("environment " + env.name() + ": https://" + domain
                        + " is not served with a certificate of the ACME server: " + https.output());
            }
            Proc.Result http = Proc.run(List.of("curl", "-sS", "--max-time", "10", "-o", "/dev/null",
                    "-w", "%{http_code} %{redirect_url}", "--resolve", domain + ":80:" + FRONT, "http://" + domain + "/x?y=1"),
                    Map.of(), null, Duration.ofSeconds(20));
            if (!http.output().strip().equals("301 https://" + domain + "/x?y=1")) {
                throw new IllegalStateException("environment " + env.name() + ": http://" + domain
                        + " is not redirected to HTTPS: " + http.output());
            }
        }
        log.info(env.name() + ": HTTPS for " + String.join(", ", env.domains()) + " with Pebble's certificate,"
                + " HTTP redirected");
        return true;
    }

    /**
     * The first deploy had migrations to apply: it dumped the database first, through the
     * sudo rule backup-install wrote for the environment's user (docs/backups.md), encrypted
     * to the run's recipient.
     */
    private void checkDumpBeforeMigrating(EnvironmentSettings env) {
        Machine app = machines.get("app");
        Proc.Result dumps = ssh(app, "sudo -n find /var/backups/verdandi/" + env.name() + "/before-migrate -name '*.pgdump.gpg'"
                + " -size +0 -printf '%f\\n'", null, Duration.ofMinutes(1));
        if (dumps.exit() != 0 || dumps.output().isBlank()) {
            throw new IllegalStateException("environment " + env.name() + ": no dump before the first deploy's migrations: "
                    + dumps.output() + journal(app, "verdandi-deploy@" + env.name() + ".service"));
        }
        log.info(env.name() + ": the database was dumped before the first migrations (" + dumps.output().strip() + ")");
    }

    /** certbot's timer is active; a renewal (forced, as the timer would run it when due) is served. */
    private void checkRenewal() {
        Machine front = machines.get("front");
        Proc.Result timer = ssh(front, "systemctl is-active certbot.timer", null, Duration.ofMinutes(1));
        if (!timer.output().strip().equals("active")) {
            throw new IllegalStateException("machine front: certbot.timer is not active: " + timer.output()
                    + journal(front, "certbot.timer"));
        }
        EnvironmentSettings env = stacks.get("production").environment();
        String before = servedSerial(env.mainDomain());
        Proc.Result renew = ssh(front, "sudo -n certbot renew --force-renewal --cert-name " + env.mainDomain()
                + " --no-random-sleep-on-renew", null, Duration.ofMinutes(3));
        requireSuccess(front, "certbot renew", renew);
        await(Duration.ofSeconds(30), () -> !servedSerial(env.mainDomain()).equals(before),
                "the renewed certificate of " + env.mainDomain() + " is not served (deploy hook)");
        log.info("certbot.timer active; a renewal is served after its deploy hook reloads NGINX");
    }

    private String servedSerial(String domain) {
        return Proc.run(List.of("bash", "-c", "curl -sS --max-time 10 -o /dev/null -w '%{certs}' --resolve "
                + domain + ":443:" + FRONT + " --cacert " + pebbleRoot + " https://" + domain + "/"
                + " | openssl x509 -noout -serial"), Map.of(), null, Duration.ofSeconds(20)).output().strip();
    }

    /**
     * Pushes {@code rounds} commits to the branch of each environment that polls (staging: no
     * push is delivered to the front for it); the seconds from each push until it is served.
     */
    private List<Double> pushes(int rounds) {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            for (String stack : List.of("staging")) {
                EnvironmentSettings env = stacks.get(stack).environment();
                git("checkout", "--quiet", env.branch());
                write(work.resolve("demo/demo/version.py"), "VERSION = \"" + env.name() + "-" + i + "\"\n");
                git("commit", "--quiet", "-am", "Version " + i + " of " + env.name());
                String sha = git("rev-parse", "HEAD").trim();
                long start = System.nanoTime();
                git("push", "--quiet", "origin", env.branch());
                awaitServed(env, sha, "commit " + i);
                out.add(seconds(start));
                log.info(env.name() + ": commit " + i + " live in " + seconds(start) + " s");
            }
        }
        return out;
    }

    /** The push deliveries' figures: the seconds from each push until it is served, and the bad deliveries refused. */
    record Pushed(List<Double> toLive, int refused) {
    }

    /**
     * Production's commits told by GitHub's push webhook (docs/deploy.md, "Deploys on push"),
     * through the real front: NGINX over HTTPS with production's Host, the receiver under
     * systemd ({@code DynamicUser=}, its secret a {@code LoadCredential=} that site-install
     * wrote from its standard input), the app's look-now listener, the deploy loop. Production
     * polls every {@value #PUSH_POLL_SECONDS} s in this run, and each deploy is checked to
     * follow the loop's own {@code told to look now} line, logged within
     * {@link #WOKEN_WITHIN} of the delivery. First a push of the live head (the loop is told,
     * finds nothing new, and its next poll is {@value #PUSH_POLL_SECONDS} s away); then, with
     * the first new commit pushed and not yet told, a delivery signed with another secret (401)
     * and a signed push of another branch (400): neither wakes the loop nor starts a deploy.
     */
    private Pushed pushesOnWebhook(int rounds) {
        EnvironmentSettings env = stacks.get("production").environment();
        PushWebhookStandIn github = new PushWebhookStandIn(webhookSecrets.get(env.name()));
        git("checkout", "--quiet", env.branch());
        String live = git("rev-parse", "HEAD").trim();
        long toldAt = System.currentTimeMillis();
        int status = deliver(env, github.push(env.branch(), live, live));
        if (status != 202) {
            throw new IllegalStateException("environment " + env.name() + ": a signed push of the live head answered "
                    + status + ", not 202\n" + journal(machines.get("front"), "verdandi-webhook.service")
                    + "the receiver's credentials: " + ssh(machines.get("front"), "sudo -n ls -la /etc/verdandi/webhook"
                    + " /run/credentials/verdandi-webhook.service 2>&1", null, Duration.ofMinutes(1)).output());
        }
        Woken first = awaitWoken(env, toldAt, null);
        log.info(env.name() + ": a push of the live head: the deploy loop was told " + first.toldAfter(toldAt)
                + " s after the delivery, and found nothing new");
        List<Double> out = new ArrayList<>();
        int refused = 0;
        String before = live;
        for (int i = 1; i <= rounds; i++) {
            write(work.resolve("demo/demo/version.py"), "VERSION = \"" + env.name() + "-pushed-" + i + "\"\n");
            git("commit", "--quiet", "-am", "Version " + i + " of " + env.name() + ", told by its push");
            String sha = git("rev-parse", "HEAD").trim();
            long pushStart = System.nanoTime();
            git("push", "--quiet", "origin", env.branch());
            double pushSeconds = seconds(pushStart);
            if (i == 1) {
                refused = checkBadDeliveriesRefused(env, before, sha);
            }
            long deliveredAt = System.currentTimeMillis();
            long deliverStart = System.nanoTime();
            status = deliver(env, github.push(env.branch(), before, sha));
            if (status != 202) {
                throw new IllegalStateException("environment " + env.name() + ": the push of commit " + i
                        + " answered " + status + ", not 202\n" + journal(machines.get("front"), "verdandi-webhook.service"));
            }
            awaitServed(env, sha, "commit " + i + " told by its push");
            double toLive = Math.round((pushSeconds + seconds(deliverStart)) * 10) / 10.0;
            Woken woken = awaitWoken(env, deliveredAt, sha);
            // the deploy goes on after the page is served (the processes' stay-up check beside the
            // health check): the next delivery is for a loop waiting again, as a push would mostly find it
            String liveLine = sha.substring(0, 7) + " is live on " + env.name();
            await(Duration.ofMinutes(2), () -> deployLoopJournal(env, deliveredAt).contains(liveLine),
                    "environment " + env.name() + ": the deploy loop did not say \"" + liveLine + "\"");
            out.add(toLive);
            log.info(env.name() + ": commit " + i + " pushed and delivered: the loop told " + woken.toldAfter(deliveredAt)
                    + " s after the delivery, its deploy started " + woken.deployAfter(deliveredAt) + " s after it,"
                    + " live " + toLive + " s after the push");
            before = sha;
        }
        String receiver = ssh(machines.get("front"), "sudo -n journalctl -u verdandi-webhook.service --no-pager -o cat",
                null, Duration.ofMinutes(1)).output();
        if (receiver.contains(webhookSecrets.get(env.name())) || receiver.contains("sha256=")) {
            throw new IllegalStateException("machine front: the webhook receiver's journal holds a secret or a signature");
        }
        return new Pushed(out, refused);
    }

    /**
     * With {@code sha} pushed and not yet told: a delivery signed with another secret is
     * refused with 401, a signed push of another branch with 400, and neither tells the deploy
     * loop to look nor starts a deploy of {@code sha} (the loop's next poll is minutes away);
     * returns how many were refused so.
     */
    private int checkBadDeliveriesRefused(EnvironmentSettings env, String before, String sha) {
        long start = System.currentTimeMillis();
        String other = stacks.get("staging").environment().branch();
        int badSignature = deliver(env, new PushWebhookStandIn("not-the-webhook-secret-" + Long.toHexString(start))
                .push(env.branch(), before, sha));
        int otherBranch = deliver(env, new PushWebhookStandIn(webhookSecrets.get(env.name())).push(other, before, sha));
        sleep(3000);
        String loop = deployLoopJournal(env, start);
        int refused = 0;
        if (badSignature != 401) {
            throw new IllegalStateException("environment " + env.name() + ": a push signed with another secret answered "
                    + badSignature + ", not 401");
        }
        refused++;
        if (otherBranch != 400) {
            throw new IllegalStateException("environment " + env.name() + ": a signed push of branch " + other
                    + " answered " + otherBranch + ", not 400");
        }
        refused++;
        if (woken(loop, start / 1000.0, null).isPresent() || loop.contains(sha.substring(0, 7))
                || sha.equals(servedRevision(env, true))) {
            throw new IllegalStateException("environment " + env.name() + ": a refused delivery told the deploy loop"
                    + " or started a deploy:\n" + loop);
        }
        log.info(env.name() + ": a push signed with another secret refused (401), a push of branch " + other
                + " refused (400); the deploy loop was not told, " + sha.substring(0, 8) + " not deployed");
        return refused;
    }

    /** POST {@code d} to the environment's {@code /.verdandi/deploy} through the front, over HTTPS; the status. */
    private int deliver(EnvironmentSettings env, PushWebhookStandIn.Delivery d) {
        String domain = env.mainDomain();
        Path body = base.resolve("webhook-body.json");
        try {
            Files.write(body, d.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "-o", "/dev/null",
                "-w", "%{http_code}", "--resolve", domain + ":443:" + FRONT, "--cacert", pebbleRoot.toString(),
                "-X", "POST", "--data-binary", "@" + body));
        d.headers().forEach((k, v) -> cmd.addAll(List.of("-H", k + ": " + v)));
        cmd.add("https://" + domain + "/.verdandi/deploy");
        Proc.Result r = Proc.run(cmd, Map.of(), null, Duration.ofSeconds(30));
        String code = r.output().strip();
        return code.matches("[0-9]{3}") ? Integer.parseInt(code) : 0;
    }

    /** The deploy loop's journal since {@code sinceMillis}, each line with its time ({@code short-unix}). */
    private String deployLoopJournal(EnvironmentSettings env, long sinceMillis) {
        return ssh(machines.get("app"), "sudo -n journalctl -u verdandi-deploy@" + env.name() + ".service --no-pager"
                + " -o short-unix --since @" + (sinceMillis / 1000), null, Duration.ofMinutes(1)).output();
    }

    /** Waits for the loop's {@code told to look now} after {@code sinceMillis} (and, with {@code sha}, its deploy). */
    private Woken awaitWoken(EnvironmentSettings env, long sinceMillis, String sha) {
        java.util.concurrent.atomic.AtomicReference<Woken> found = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            await(Duration.ofSeconds(30), () -> {
                woken(deployLoopJournal(env, sinceMillis), sinceMillis / 1000.0, sha).ifPresent(found::set);
                return found.get() != null;
            }, "environment " + env.name() + ": the deploy loop did not say it was told to look now after the delivery"
                    + (sha == null ? "" : ", before a deploy of " + sha.substring(0, 8)));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + journal(machines.get("app"), "verdandi-deploy@"
                    + env.name() + ".service") + journal(machines.get("front"), "verdandi-webhook.service"), e);
        }
        Woken w = found.get();
        if (w.told() - sinceMillis / 1000.0 > WOKEN_WITHIN.toSeconds()) {
            throw new IllegalStateException("environment " + env.name() + ": the deploy loop was told "
                    + w.toldAfter(sinceMillis) + " s after the delivery, not within " + WOKEN_WITHIN.toSeconds() + " s");
        }
        return w;
    }

    /** When the loop said it was told to look now, and when the deploy it then started first named the commit. */
    record Woken(double told, double deploy) {
        double toldAfter(long millis) {
            return Math.round((told - millis / 1000.0) * 100) / 100.0;
        }

        double deployAfter(long millis) {
            return Math.round((deploy - millis / 1000.0) * 100) / 100.0;
        }
    }

    private static final Pattern JOURNAL_LINE = Pattern.compile("^([0-9]+\\.[0-9]+) (.*)$");

    /**
     * In a deploy loop's journal ({@code journalctl -o short-unix}): the first
     * {@code told to look now} at or after {@code since} (seconds since the epoch) and, when
     * {@code sha} is given, the first line after it that names the commit's short hash (its
     * deploy's start); empty when either is missing.
     */
    static java.util.Optional<Woken> woken(String journal, double since, String sha) {
        Double told = null;
        for (String line : journal.lines().toList()) {
            Matcher m = JOURNAL_LINE.matcher(line);
            if (!m.matches() || Double.parseDouble(m.group(1)) < since) {
                continue;
            }
            double at = Double.parseDouble(m.group(1));
            if (told == null) {
                if (m.group(2).contains("told to look now")) {
                    told = at;
                    if (sha == null) {
                        return java.util.Optional.of(new Woken(at, at));
                    }
                }
            } else if (m.group(2).contains(sha.substring(0, 7))) {
                return java.util.Optional.of(new Woken(told, at));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * No whole client address in an access log of the front (docs/deploy.md, "Traffic
     * analytics"): after a request for a domain no environment serves (closed by the default
     * server), its line is anonymised, and neither Debian's access.log nor an environment's
     * holds an address of the VPC other than a /24's.
     */
    private void checkNoWholeAddressLogged() {
        Machine front = machines.get("front");
        Proc.run(List.of("curl", "-s", "--max-time", "10", "-H", "Host: not-ours.example", "http://" + FRONT + "/wp-login.php"),
                Map.of(), null, Duration.ofSeconds(20));
        String logs = "/var/log/nginx/access.log /var/log/nginx/default.access.log /var/log/nginx/front/*.access.log";
        try {
            await(Duration.ofSeconds(10), () -> ssh(front, "sudo -n grep -F 'GET /wp-login.php' /var/log/nginx/default.access.log",
                    null, Duration.ofSeconds(20)).output().contains("10.110.0.0 - - "),
                    "machine front: the default server did not log the request, anonymised");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + ":\n" + ssh(front, "sudo -n tail -n 5"
                    + " /var/log/nginx/default.access.log", null, Duration.ofMinutes(1)).output(), e);
        }
        Proc.Result whole = ssh(front, "sudo -n sh -c \"grep -HE '(^|[^0-9.])10[.]110[.]0[.][1-9][0-9]*([^0-9]|$)' "
                + logs + " 2>/dev/null | head -n 5\"", null, Duration.ofMinutes(1));
        if (!whole.output().isBlank()) {
            throw new IllegalStateException("machine front: whole client addresses in an access log:\n" + whole.output());
        }
        log.info("front: no whole client address in its access logs; the default server logs anonymised");
    }

    /** systemd restarts a gunicorn master killed with SIGKILL, and the site serves again. */
    private void checkGunicornRestart(EnvironmentSettings env) {
        Machine app = machines.get("app");
        String unit = "mangaki@" + env.name() + ".service";
        String pid = ssh(app, "systemctl show -p MainPID --value " + unit, null, Duration.ofMinutes(1)).output().strip();
        if (!pid.matches("[1-9][0-9]*")) {
            throw new IllegalStateException("machine app: " + unit + " has no main process (" + pid + ")\n"
                    + journal(app, unit));
        }
        requireSuccess(app, "kill -9 " + pid, ssh(app, "sudo -n kill -KILL " + pid, null, Duration.ofMinutes(1)));
        String head = git("rev-parse", "origin/" + env.branch()).trim();
        await(Duration.ofSeconds(90), () -> {
            String now = ssh(app, "systemctl show -p MainPID --value " + unit, null, Duration.ofSeconds(20)).output().strip();
            return now.matches("[1-9][0-9]*") && !now.equals(pid) && head.equals(servedRevision(env, true));
        }, "machine app: " + unit + " did not come back after its master was killed\n" + journal(app, unit));
        log.info(env.name() + ": gunicorn master " + pid + " killed; systemd started a new one, the site serves");
    }

    /**
     * Reboots the machine as an operator does over SSH; true once SSH, both environments and
     * the front serve again. The reboot is asked for two seconds ahead
     * ({@code systemd-run --on-active}), so that the SSH session asking for it has ended when
     * the shutdown begins, and nobody logs in again until the machine is down (the boot loop's
     * console log says when): no session of the admin user is open or opening during the
     * shutdown. With the reboot asked for from inside a session, and logins polling for the new
     * boot while the old one went down, the shutdown was seen, on a loaded host, to wait on the
     * stop of the admin user's session manager ({@code user@1000.service}) until its 2-minute
     * {@code TimeoutStopSec}. The units whose stop the shutdown waited on (systemd's status
     * line on the console, {@link #stopJobsShown}) and any stop that timed out (the previous
     * boot's journal) are named in the log; docs/real-hosts.md says what was measured.
     */
    private boolean reboot(Machine m) {
        String before = ssh(m, "cat /proc/sys/kernel/random/boot_id", null, Duration.ofMinutes(1)).output().strip();
        Path console = m.dir().resolve("console.log");
        long downs = powerCycles(console);
        int consoleBefore = read(console).length();
        log.info("rebooting " + m.name() + " (sessions of the admin user open before: "
                + ssh(m, "loginctl list-sessions --no-legend | wc -l", null, Duration.ofMinutes(1)).output().strip()
                + ", this one included)");
        long start = System.nanoTime();
        requireSuccess(m, "asking for a reboot", ssh(m, "sudo -n systemd-run --quiet --unit=verdandi-rehearsal-reboot"
                // a timer's default accuracy is a minute: this one fires on time
                + " --on-active=2 --timer-property=AccuracySec=100ms systemctl reboot", null, Duration.ofMinutes(1)));
        try {
            await(Duration.ofMinutes(4), () -> powerCycles(console) > downs,
                    "machine " + m.name() + " did not go down for its reboot");
            log.info(m.name() + " went down " + seconds(start) + " s after the reboot was asked for");
            await(Duration.ofMinutes(5), () -> {
                Proc.Result r = ssh(m, "cat /proc/sys/kernel/random/boot_id", null, Duration.ofSeconds(20));
                return r.exit() == 0 && !r.output().strip().equals(before);
            }, "machine " + m.name() + " did not come back from its reboot");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + tail(console), e);
        }
        // what the shutdown waited on: systemd shows it on the console while it waits, and
        // journals a stop that timed out
        String shutdown = read(console);
        List<String> waits = stopJobsShown(shutdown.substring(Math.min(consoleBefore, shutdown.length())));
        String timedOut = ssh(m, "sudo -n journalctl -b -1 --no-pager -o short-monotonic | grep -F 'timed out' || true",
                null, Duration.ofMinutes(1)).output().strip();
        log.info(m.name() + ": SSH answers from the new boot " + seconds(start) + " s after the reboot was asked for"
                + (waits.isEmpty() && timedOut.isEmpty() ? "; the shutdown waited on no stop job"
                : "; the shutdown waited on the stop of " + (waits.isEmpty() ? "(none shown)" : String.join(", ", waits))
                + (timedOut.isEmpty() ? "" : "\n" + timedOut)));
        for (String stack : STACKS) {
            EnvironmentSettings env = stacks.get(stack).environment();
            awaitServed(env, git("rev-parse", "origin/" + env.branch()).trim(), "the live release after the reboot");
        }
        log.info(m.name() + " rebooted; both environments serve again after " + seconds(start) + " s");
        return true;
    }

    /**
     * The units whose stop systemd showed it waiting on, in the console text of a shutdown:
     * {@code A stop job is running for DESCRIPTION (2s / 2min)} or, with unit names as the
     * status format, {@code Job UNIT/stop running (2s / 2min)} (systemd's status line,
     * rewritten in place with carriage returns and colours).
     */
    static List<String> stopJobsShown(String console) {
        return console.lines().map(l -> ANSI.matcher(l).replaceAll(""))
                .map(STOP_JOB::matcher).filter(Matcher::find)
                .map(w -> w.group(1) != null ? w.group(1) : w.group(2)).distinct().toList();
    }

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern STOP_JOB = Pattern.compile(
            "A stop job is running for (.+?) \\(|Job (\\S+)/stop running \\(");

    /** How many times the machine's boot loop has seen systemd-nspawn end: each reboot or power-off adds one. */
    private static long powerCycles(Path console) {
        return read(console).lines().filter(l -> l.contains(" systemd-nspawn exited with status ")).count();
    }

    /** Resident memory of the app machine (anonymous and mapped file pages of its memory cgroup). */
    private long appRssMib() {
        Path cgroup = Path.of(read(machines.get("app").dir().resolve("cgroup")).strip());
        long bytes = 0;
        for (String line : read(cgroup.resolve("memory.stat")).lines().toList()) {
            String[] kv = line.split(" ");
            if (kv[0].equals("total_rss") || kv[0].equals("total_mapped_file")) {
                bytes += Long.parseLong(kv[1]);
            }
        }
        return bytes / (1024 * 1024);
    }

    // ---- teardown -------------------------------------------------------------------------

    /** Removes both environments, checks nothing of them is left, stops everything; returns what is left. */
    private int tearDown() {
        log.info("pulumi destroy: staging, then production");
        down("staging");
        down("production");
        List<String> left = new ArrayList<>();
        Machine app = machines.get("app");
        Machine front = machines.get("front");
        for (String stack : STACKS) {
            EnvironmentSettings env = stacks.get(stack).environment();
            String n = env.name();
            leftover(left, app, "units of " + n, "systemctl list-units --all --plain --no-legend 'mangaki@" + n
                    + ".service' 'verdandi-deploy@" + n + ".service' 'verdandi-backup@" + n + ".*' 'verdandi-backup-watch@" + n
                    + ".*' 'mangaki-" + n + "@*'; ls /etc/systemd/system/*.wants | grep -F '@" + n
                    + ".service' || true");
            leftover(left, app, "user mangaki-" + n, "getent passwd mangaki-" + n + " || true");
            leftover(left, app, "port " + env.port(), "ss -Hltn 'sport = :" + env.port() + "'");
            leftover(left, app, "files of " + n, "sudo -n ls -d /etc/verdandi/" + n + " /srv/mangaki/" + n
                    + " /var/lib/verdandi/" + n + " /run/mangaki/" + n + " /etc/sudoers.d/verdandi-" + n
                    + " /etc/sudoers.d/verdandi-" + n + "-backup /etc/nginx/sites-available/verdandi-env-" + n + ".conf"
                    + " /etc/nginx/sites-enabled/verdandi-env-" + n + ".conf 2>/dev/null || true");
            leftover(left, app, "Redis user mangaki-" + n, "sudo -n grep -F 'user mangaki-" + n
                    + " ' /etc/redis/verdandi-users.acl 2>/dev/null || true");
            leftover(left, front, "NGINX block of " + n, "ls /etc/nginx/sites-enabled /etc/nginx/sites-available"
                    + " | grep -F 'mangaki-" + n + "' || true; sudo -n nginx -T 2>/dev/null | grep -F 'server_name "
                    + env.mainDomain() + "' || true");
            leftover(left, front, "backup key of " + n + " let in", "sudo -n grep -F ' verdandi-backup-" + n
                    + "' /etc/verdandi/dumps/authorized_keys 2>/dev/null || true");
            leftover(left, front, "certificate of " + n, "sudo -n ls -d /etc/letsencrypt/live/" + env.mainDomain()
                    + " /etc/letsencrypt/renewal/" + env.mainDomain() + ".conf /etc/verdandi/sites/" + n
                    + ".conf 2>/dev/null || true; systemctl list-units --all --plain --no-legend 'verdandi-certificate@"
                    + n + ".*'");
        }
        stopAll();
        leftoversOnHost(left);
        left.forEach(l -> log.info("left behind: " + l));
        return left.size();
    }

    private void leftover(List<String> left, Machine m, String what, String command) {
        Proc.Result r = ssh(m, command, null, Duration.ofMinutes(1));
        if (r.exit() != 0 && !r.output().isBlank()) {
            left.add(m.name() + ": cannot check " + what + ": " + r.output().strip());
        } else if (!r.output().isBlank()) {
            left.add(m.name() + ": " + what + ": " + r.output().strip().replace("\n", ", "));
        }
    }

    private void leftoversOnHost(List<String> left) {
        if (Proc.run(List.of("ip", "link", "show", "vdvpc0"), Map.of(), null, Duration.ofSeconds(10)).exit() == 0) {
            left.add("host: bridge vdvpc0");
        }
        if (Proc.run(List.of("iptables", "-S", "VERDANDI-VPC"), Map.of(), null, Duration.ofSeconds(10)).exit() == 0) {
            left.add("host: iptables chain VERDANDI-VPC");
        }
        String mounts = read(Path.of("/proc/self/mounts"));
        if (mounts.contains(base.toString())) {
            left.add("host: mounts under " + base);
        }
        String marker = base.toString();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                .forEach(p -> left.add("host: process " + p.pid() + " " + p.info().commandLine().orElse("")));
        List<Machine> all = new ArrayList<>(machines.values());
        if (probe != null) {
            all.add(probe);
        }
        for (Machine m : all) {
            if (running(m)) {
                left.add("host: machine " + m.name() + " still running");
            }
        }
    }

    private void stopMachine(Machine m) {
        if (!Files.exists(m.dir())) {
            return;
        }
        Proc.Result r = Proc.run(List.of(RESOURCES.resolve("machine").toString(), "stop", m.dir().toString()),
                Map.of(), null, Duration.ofMinutes(3));
        if (r.exit() != 0) {
            log.info("stopping " + m.name() + ": " + r.output());
        }
    }

    /** Stops the machines, the VPC, Pebble and git daemon; safe to call twice. */
    private void stopAll() {
        for (Machine m : machines.values()) {
            stopMachine(m);
        }
        if (probe != null) {
            stopMachine(probe);
        }
        for (Process p : new Process[] {pebble, gitDaemon}) {
            if (p != null && p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (vpcUp) {
            Proc.run(List.of(RESOURCES.resolve("vpc").toString(), "down", base.resolve("vpc").toString()),
                    Map.of(), null, Duration.ofMinutes(1));
            vpcUp = false;
        }
    }

    /** Stops everything the run started and removes its directory; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopAll();
            String marker = base.toString();
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(marker))
                    .forEach(ProcessHandle::destroyForcibly);
            if (!read(Path.of("/proc/self/mounts")).contains(marker)) {
                Proc.run(List.of("rm", "-rf", marker), Map.of(), null, Duration.ofMinutes(2));
            } else {
                log.info("kept " + marker + ": something is still mounted under it");
            }
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                log.info("cannot release " + LOCK + ": " + e.getMessage());
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /**
     * Starts something {@link #close()} must stop, unless close already ran: a signal can end
     * the run while it boots, and close then waits for the start to be done.
     */
    private synchronized void starting(String what, Runnable start) {
        if (closed) {
            throw new IllegalStateException("the run was stopped: " + what + " not started");
        }
        start.run();
    }

    private List<String> client(String user, String host) {
        return List.of("ssh", "-i", admin.privateKey().toString(), "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + base.resolve("known_hosts"),
                "-o", "ConnectTimeout=5", "-o", "ServerAliveInterval=5", "-o", "LogLevel=ERROR", user + "@" + host);
    }

    /** A command on the machine as the admin user. */
    Proc.Result ssh(Machine m, String command, String stdin, Duration timeout) {
        List<String> cmd = new ArrayList<>(client(ADMIN_USER, m.address()));
        cmd.add(command);
        try {
            return Proc.run(cmd, Map.of(), stdin, timeout);
        } catch (IllegalStateException timedOut) {
            return new Proc.Result(cmd, 124, timedOut.getMessage());
        }
    }

    /** A remote command as the command provider runs it: its connection's user and host, its command string. */
    private Ran sshAs(RemoteCommandInputs c, String command, String stdin) {
        List<String> cmd = new ArrayList<>(client(c.user(), c.host()));
        cmd.add(command);
        Path err = base.resolve("remote-command.err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            java.util.concurrent.CompletableFuture<byte[]> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (var s = p.getInputStream()) {
                    return s.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after 10 minutes: " + command);
            }
            return new Ran(p.exitValue(), new String(out.join(), java.nio.charset.StandardCharsets.UTF_8), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a remote command printed, each stream apart: the command provider's {@code stdout} and {@code stderr}. */
    record Ran(int exit, String stdout, String stderr) {
    }

    private void requireSuccess(Machine m, String what, Ran r) {
        if (r.exit() != 0) {
            throw new IllegalStateException("machine " + m.name() + ": " + what + " failed (exit " + r.exit() + "):\n"
                    + r.stdout() + r.stderr());
        }
    }

    /** A command run inside the machine from the host (nsenter), when SSH is not there. */
    private String inside(Machine m, String command) {
        Path loop = m.dir().resolve("loop.pid");
        if (!Files.exists(loop)) {
            return "(machine " + m.name() + " is not running)\n" + tail(m.dir().resolve("console.log"));
        }
        Proc.Result leader = Proc.run(List.of("bash", "-c", "nspawn=$(pgrep -P \"$(cat " + loop
                + ")\" -x systemd-nspawn) && pgrep -P \"$nspawn\" | head -n 1"), Map.of(), null, Duration.ofSeconds(10));
        String pid = leader.output().strip();
        if (!pid.matches("[0-9]+")) {
            return "(no init process found)\n" + tail(m.dir().resolve("console.log"));
        }
        return Proc.run(List.of("nsenter", "--target", pid, "--mount", "--uts", "--ipc", "--net", "--pid", "--",
                "bash", "-c", command), Map.of(), null, Duration.ofMinutes(1)).output();
    }

    private void requireSuccess(Machine m, String what, Proc.Result r) {
        if (r.exit() != 0) {
            throw new IllegalStateException("machine " + m.name() + ": " + what + " failed (exit " + r.exit() + "):\n"
                    + r.output());
        }
    }

    String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", work.toString()));
        cmd.addAll(List.of(args));
        Map<String, String> env = Map.of("GIT_AUTHOR_NAME", "Ada Lovelace", "GIT_AUTHOR_EMAIL", "ada@example.org",
                "GIT_COMMITTER_NAME", "Ada Lovelace", "GIT_COMMITTER_EMAIL", "ada@example.org");
        return Proc.run(cmd, env, null, Duration.ofMinutes(1)).requireSuccess().output();
    }

    private static String sh(Duration timeout, String... command) {
        Proc.Result r = Proc.run(List.of(command), Map.of(), null, timeout);
        if (r.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + r.exit() + "):\n" + r.output());
        }
        return r.output().lines().filter(l -> !l.startsWith("image: ") && !l.startsWith("vpc: ")
                && !l.startsWith("machine: ")).reduce("", (a, b) -> a + b + "\n");
    }

    private static void await(Duration limit, BooleanSupplier condition, String failure) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(failure);
            }
            sleep(500);
        }
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : " (" + lines.get(lines.size() - 1).strip() + ")";
    }

    private static String tail(Proc.Result r) {
        return "\n" + r.output();
    }

    private static String tail(Path file) {
        List<String> lines = read(file).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
