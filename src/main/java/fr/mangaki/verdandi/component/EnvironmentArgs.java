package fr.mangaki.verdandi.component;

import fr.mangaki.verdandi.component.internal.GitRefs;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.ApplicationSettings;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.config.FrontSettings;
import fr.mangaki.verdandi.config.Problem;
import fr.mangaki.verdandi.config.Rule;
import fr.mangaki.verdandi.config.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an {@link Environment} is made of: an immutable value, built with {@link #builder()},
 * whose {@link Builder#build()} checks every rule below and reports every problem at once.
 *
 * <p>Defaults: the branch is the environment's name; no gates; the deploy loop polls every 5
 * seconds; no alert (the uptime check still runs) from {@code eu_west} and {@code us_east}; the
 * database dumped nightly at 3 UTC and its dumps kept 14 days for {@code production}, dumped only
 * before a deploy's migrations for any other environment ({@link DatabaseBackups#defaultsFor}).
 * The name, the platform, the domains, the port, the repository and the credentials
 * ({@code access}) have no good default and are required.
 */
public final class EnvironmentArgs {
    public static final List<String> DEFAULT_UPTIME_REGIONS = List.of("eu_west", "us_east");
    /** How often the deploy loop asks the origin for a new commit unless told otherwise, in seconds. */
    public static final int DEFAULT_POLL_SECONDS = 5;

    /** The characters the host scripts accept in a branch name. */
    private static final Pattern BRANCH_CHARACTERS = Pattern.compile("[A-Za-z0-9._/-]+");

    // The rules of the values: each a condition, the reason given when a value fails it, and examples.

    /** {@code name}: it names the environment's system user and directories, hence its length. */
    public static final Rule<String> NAME = Rule.matching(Pattern.compile("[a-z][a-z0-9-]{0,21}[a-z0-9]|[a-z]"),
            "an environment name (lower-case letters, digits and '-', at most 23, starting with a letter)",
            List.of("production", "staging", "demo-2", "x"),
            List.of("Prod_1", "2nd", "demo-", "a".repeat(24)));
    /**
     * {@code branch}: a branch name git accepts ({@code git check-ref-format --branch}), of the
     * characters the host scripts accept.
     */
    public static final Rule<String> BRANCH = new Rule<>(
            b -> GitRefs.isValidBranch(b) && BRANCH_CHARACTERS.matcher(b).matches(),
            "is not a valid git branch name of letters, digits, '.', '_', '/' and '-'",
            List.of("production", "feature/x-1", "release_2.0"),
            List.of("feature..x", "feat+x", "-x", "a.lock", "a b"));
    /** Each of {@code domains}: a lower-case DNS domain. */
    public static final Rule<String> DOMAIN = PlatformArgs.DOMAIN;
    /** {@code port}: the environment's gunicorn port on the app droplet, not a privileged one. */
    public static final Rule<Integer> PORT = Rule.between(1024, 65535);
    /** {@code repository}: a git URL the deploy loop can fetch, with no character a shell would read. */
    public static final Rule<String> REPOSITORY = Rule.matching(Pattern.compile(
            "(https?|ssh|git|file)://[A-Za-z0-9@:/._~+%-]+|[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[A-Za-z0-9/._~+%-]+"),
            "a git URL (https://, ssh://, git://, file:// or user@host:path)",
            List.of("https://github.com/mangaki/mangaki.git", "git@github.com:mangaki/mangaki.git",
                    "file:///srv/origin.git"),
            List.of("github.com/mangaki/mangaki", "https://example.org/a'b.git", "ftp://example.org/x"));
    /** Each of {@code gates}: a shell command. */
    public static final Rule<String> GATE = new Rule<>(g -> !g.isBlank(), "is empty (a gate is a shell command)",
            List.of("python manage.py test"), List.of("", " "));
    /** {@code pollSeconds}: how often the deploy loop looks for a new commit. */
    public static final Rule<Integer> POLL_SECONDS = Rule.between(1, 3600);
    /** Each of {@code alertEmails}: an e-mail address. */
    public static final Rule<String> EMAIL = PlatformArgs.EMAIL;
    /** A process of the stack: a name systemd takes as a unit instance; {@code web} is Verdandi's gunicorn. */
    public static final Rule<String> PROCESS_NAME = new Rule<>(
            n -> n.matches("[a-z][a-z0-9_-]{0,29}") && !n.equals("web"),
            "is not a process name (lower-case letters, digits, '_' and '-', at most 30, starting with a letter;"
                    + " not web, which is Verdandi's gunicorn)",
            List.of("worker", "beat", "celery_worker"), List.of("web", "Worker", "celery worker", ""));
    /** A process's command: one line. */
    public static final Rule<String> COMMAND = new Rule<>(c -> !c.isBlank() && !c.contains("\n") && !c.contains("\t"),
            "is not a command (one non-empty line)",
            List.of("celery -A mangaki worker --autoscale 3,1"), List.of(" ", "a\nb"));
    /** How long a process may take to stop after TERM. */
    public static final Rule<Integer> GRACE_SECONDS = Rule.between(1, 86400);
    /** How a deploy replaces a process: its new copy beside the old one, or after the old one stopped. */
    public static final Rule<String> HANDOVER = Rule.oneOf(List.of("overlap", "stop"), List.of("restart", "Stop", ""));
    /** How long a process's new copy must stay up after its readiness signal, or before the go when it has none. */
    public static final Rule<Integer> SETTLE_SECONDS = Rule.between(1, 60);
    /** The interpreter of the release virtualenvs. */
    public static final Rule<String> PYTHON = Rule.matching(Pattern.compile("/[A-Za-z0-9/._+-]+"),
            "an absolute path of a Python interpreter (e.g. /usr/bin/python3.10)",
            List.of("/usr/bin/python3", "/opt/python3.10/bin/python3.10"), List.of("python3", "/usr/bin/python 3"));
    /** A PostgreSQL extension. */
    public static final Rule<String> EXTENSION = Rule.matching(Pattern.compile("[a-z_][a-z0-9_-]{0,62}"),
            "a PostgreSQL extension name (e.g. pg_trgm)", List.of("pg_trgm", "unaccent"), List.of("pg_trgm'", "Pg"));
    /** The variable that names a settings file. */
    public static final Rule<String> SETTINGS_VARIABLE = Rule.matching(Pattern.compile("[A-Za-z_][A-Za-z0-9_]*"),
            "an environment variable name", List.of("MANGAKI_SETTINGS_PATH"), List.of("MANGAKI-SETTINGS", "1X"));
    /** A settings file of {@code secrets/<environment>/}, by its decrypted name. */
    public static final Rule<String> SETTINGS_FILE = new Rule<>(
            f -> f.matches("[A-Za-z0-9][A-Za-z0-9._-]*") && !f.equals("app.env") && !f.equals("database.env")
                    && !f.endsWith(".asc"),
            "is not a file name of secrets/<environment>/ without .asc (e.g. settings.ini), other than app.env and"
                    + " database.env (Verdandi's)",
            List.of("settings.ini"), List.of("settings.ini.asc", "app.env", "database.env", "../x"));
    /** {@code backups.hour}: the UTC hour of the nightly dump. */
    public static final Rule<Integer> BACKUP_HOUR = Rule.between(0, 23);
    /** {@code backups.keepDays}: how many days dumps are kept, on the app droplet, the front and in the bucket. */
    public static final Rule<Integer> BACKUP_KEEP_DAYS = Rule.between(1, 3650);
    /** {@code backups.bucket.name}: a Spaces bucket name (the S3 rules for bucket names, without dots). */
    public static final Rule<String> BACKUP_BUCKET = Rule.matching(Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]"),
            "a bucket name (3 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit)",
            List.of("mangaki-backups", "abc", "b".repeat(63)),
            List.of("Mangaki_Backups", "ab", "-backups", "backups-", "b".repeat(64), "mangaki.backups"));
    /** {@code backups.bucket.region}: a region where DigitalOcean offers Spaces. */
    public static final Rule<String> BACKUP_BUCKET_REGION = Rule.oneOf(DatabaseBackups.SPACES_REGIONS,
            List.of("mars", "nyc1", "AMS3"));

    /**
     * With several app droplets, an environment's Redis (Celery's queues) must be one they share:
     * a Redis on each droplet would split the queues and run beat's schedule on each.
     */
    public static final Rule<PlatformArgs.Layout> SHARED_REDIS = new Rule<>(
            // on a local database, PlatformArgs.SHARED_DATABASE already asks for a managed one
            l -> !l.database().isManaged() || l.database().redis()
                    || (l.app().count() <= 1 && l.app().autoscale().isEmpty()),
            "needs a Redis every app droplet shares, and the platform has several app droplets: set database.redis"
                    + " to true on the platform (a managed Valkey cluster; docs/growth.md)",
            List.of(PlatformArgs.Layout.of(fr.mangaki.verdandi.config.Database.local(),
                    fr.mangaki.verdandi.config.AppLayout.single()),
                    PlatformArgs.Layout.of(fr.mangaki.verdandi.config.Database.managed().withRedis(),
                            new fr.mangaki.verdandi.config.AppLayout(2, java.util.Optional.empty(), false))),
            List.of(PlatformArgs.Layout.of(fr.mangaki.verdandi.config.Database.managed(),
                    new fr.mangaki.verdandi.config.AppLayout(2, java.util.Optional.empty(), false))));

    /** The problem, at {@code redis}, of an environment with Redis on a platform of {@code layout}. */
    public static java.util.Optional<Problem> sharedRedisProblem(boolean redis, PlatformArgs.Layout layout) {
        return redis && !SHARED_REDIS.test(layout)
                ? java.util.Optional.of(Problem.of("redis", true, SHARED_REDIS.reason())) : java.util.Optional.empty();
    }
    /** {@code alerts.requestsPerMinute}: requests per minute on the front from which Slack hears of a peak. */
    public static final Rule<Integer> REQUESTS_PER_MINUTE = Rule.between(1, 1_000_000);
    /** {@code alerts.errorRatePercent}: share of 5xx answers on the front from which Slack hears of errors. */
    public static final Rule<Integer> ERROR_RATE_PERCENT = Rule.between(1, 100);
    /** {@code accessLogDays}: days the front keeps the access log (GDPR: bounded, addresses anonymised). */
    public static final Rule<Integer> ACCESS_LOG_DAYS = Rule.between(1, 365);

    private final EnvironmentSettings settings;
    private final PlatformHandle platform;
    private final List<String> alertEmails;
    private final List<String> uptimeRegions;
    private final HostAccess access;

    private EnvironmentArgs(Builder b) {
        this.settings = b.settings();
        this.platform = b.platform;
        this.alertEmails = List.copyOf(b.alertEmails);
        this.uptimeRegions = List.copyOf(b.uptimeRegions);
        this.access = b.access;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The environment's name, branch, domains, port, repository, gates, poll interval and backups. */
    public EnvironmentSettings settings() {
        return settings;
    }

    /** The environment's name: also the name of its component and the prefix of its children's. Required. */
    public String name() {
        return settings.name();
    }

    /** Where it is installed: a {@link Platform} or a {@link PlatformReference}. Required. */
    public PlatformHandle platform() {
        return platform;
    }

    /**
     * Its database's backups (docs/backups.md). Default: {@link DatabaseBackups#defaultsFor} its
     * name: nightly at 3 UTC, kept 14 days, for {@code production}; only before a deploy's
     * migrations, kept 14 days, for any other environment.
     */
    public DatabaseBackups backups() {
        return settings.backups();
    }

    /** Who is told when its main domain is down. Default: nobody (the uptime check still runs). */
    public List<String> alertEmails() {
        return alertEmails;
    }

    /** Where DigitalOcean checks it from. Default: {@code eu_west}, {@code us_east}. */
    public List<String> uptimeRegions() {
        return uptimeRegions;
    }

    /** The SSH key and the env file it installs itself with. Required: the program passes its credentials. */
    public HostAccess access() {
        return access;
    }

    /** Fluent builder of {@link EnvironmentArgs}. */
    public static final class Builder {
        private String name;
        private PlatformHandle platform;
        private String branch;
        private List<String> domains;
        private Integer port;
        private String repository;
        private final List<String> gates = new ArrayList<>();
        private int pollSeconds = DEFAULT_POLL_SECONDS;
        private DatabaseBackups backups;
        private final java.util.Map<String, ApplicationSettings.ProcessSettings> processes = new java.util.LinkedHashMap<>();
        private String python = ApplicationSettings.DEFAULT_PYTHON;
        private final List<String> postgresExtensions = new ArrayList<>();
        private boolean redis;
        private int settleSeconds = ApplicationSettings.DEFAULT_SETTLE_SECONDS;
        private final java.util.Map<String, String> settingsFiles = new java.util.LinkedHashMap<>();
        private int requestsPerMinute = FrontSettings.DEFAULT_REQUESTS_PER_MINUTE;
        private int errorRatePercent = FrontSettings.DEFAULT_ERROR_RATE_PERCENT;
        private int accessLogDays = FrontSettings.DEFAULT_ACCESS_LOG_DAYS;
        private final List<String> alertEmails = new ArrayList<>();
        private List<String> uptimeRegions = DEFAULT_UPTIME_REGIONS;
        private HostAccess access;

        private Builder() {
        }

        /** The environment's name (lower-case letters, digits and '-'). Required. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The platform to install on. Required. */
        public Builder platform(PlatformHandle platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        /** The branch to follow. Default: the environment's name. */
        public Builder branch(String branch) {
            this.branch = Objects.requireNonNull(branch, "branch");
            return this;
        }

        /** The domains served, main one first. Required. */
        public Builder domains(String... domains) {
            return domains(List.of(domains));
        }

        /** The domains served, main one first. Required. */
        public Builder domains(List<String> domains) {
            if (this.domains == null) {
                this.domains = new ArrayList<>();
            }
            this.domains.addAll(domains);
            return this;
        }

        /** The gunicorn port on the app droplet. Required (unique per platform). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The application's git URL. Required. */
        public Builder repository(String repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
            return this;
        }

        /** Commands that must pass before a release goes live. Default: none. */
        public Builder gates(String... gates) {
            return gates(List.of(gates));
        }

        /** Commands that must pass before a release goes live. Default: none. */
        public Builder gates(List<String> gates) {
            this.gates.addAll(gates);
            return this;
        }

        /** How often the deploy loop looks for a new commit, in seconds. Default: 5. */
        public Builder pollSeconds(int seconds) {
            this.pollSeconds = seconds;
            return this;
        }

        /** @see EnvironmentArgs#backups() */
        public Builder backups(DatabaseBackups backups) {
            this.backups = Objects.requireNonNull(backups, "backups");
            return this;
        }

        /** All of the environment's settings at once, as a stack file gives them. */
        public Builder settings(EnvironmentSettings settings) {
            return name(settings.name()).branch(settings.branch()).domains(settings.domains()).port(settings.port())
                    .repository(settings.repository()).gates(settings.gates()).pollSeconds(settings.pollSeconds())
                    .backups(settings.backups()).application(settings.application()).front(settings.front());
        }

        /** The front's alerts and access logs at once, as a stack file gives them. */
        public Builder front(FrontSettings front) {
            return trafficAlerts(front.requestsPerMinute(), front.errorRatePercent()).accessLogDays(front.accessLogDays());
        }

        /**
         * Slack hears when the front serves at least {@code requestsPerMinute} requests per minute,
         * or when at least {@code errorRatePercent} % of its answers are 5xx (over 5 minutes), and
         * again when it is over. Default: 300 requests per minute, 5 %.
         */
        public Builder trafficAlerts(int requestsPerMinute, int errorRatePercent) {
            this.requestsPerMinute = requestsPerMinute;
            this.errorRatePercent = errorRatePercent;
            return this;
        }

        /** Days the front keeps the access log (client addresses anonymised). Default: 30. */
        public Builder accessLogDays(int days) {
            this.accessLogDays = days;
            return this;
        }

        /** Everything the application needs besides its web process at once (docs/deploy.md). */
        public Builder application(ApplicationSettings application) {
            processes.clear();
            processes.putAll(application.processes());
            postgresExtensions.clear();
            settingsFiles.clear();
            return python(application.python()).postgresExtensions(application.postgresExtensions())
                    .redis(application.redis()).settingsFiles(application.settingsFiles())
                    .settleSeconds(application.settleSeconds());
        }

        /**
         * A process besides web, run from the live release in the directory of manage.py
         * ({@code worker}: {@code celery -A mangaki worker}); it wins over the Procfile's
         * process of the same name. Default: the Procfile's processes only.
         */
        public Builder process(String name, String command) {
            processes.put(name, ApplicationSettings.ProcessSettings.command(command));
            return this;
        }

        /** A process with a grace period of its own after TERM (command null: the Procfile's). Default grace: 30 s. */
        public Builder process(String name, String command, int graceSeconds) {
            processes.put(name, new ApplicationSettings.ProcessSettings(java.util.Optional.ofNullable(command),
                    java.util.OptionalInt.of(graceSeconds)));
            return this;
        }

        /**
         * A process with its grace period and its handover ({@code overlap}: the new copy starts
         * beside the old one; {@code stop}: the old one stops first). Default: see
         * {@link ApplicationSettings.ProcessSettings}.
         */
        public Builder process(String name, String command, int graceSeconds, String handover) {
            processes.put(name, new ApplicationSettings.ProcessSettings(java.util.Optional.ofNullable(command),
                    java.util.OptionalInt.of(graceSeconds), java.util.Optional.of(handover)));
            return this;
        }

        /**
         * How long each process's new copy must stay up after a deploy started it: after its
         * readiness signal (a Celery worker or beat says READY=1; checked after the go, beside
         * the health check, a failure rolls the deploy back) or, for a command with no
         * readiness signal, before the release goes live (docs/deploy.md, "Readiness").
         * Default: {@value ApplicationSettings#DEFAULT_SETTLE_SECONDS}.
         */
        public Builder settleSeconds(int seconds) {
            this.settleSeconds = seconds;
            return this;
        }

        /** The interpreter of the release virtualenvs. Default: {@value ApplicationSettings#DEFAULT_PYTHON}. */
        public Builder python(String interpreter) {
            this.python = Objects.requireNonNull(interpreter, "interpreter");
            return this;
        }

        /** PostgreSQL extensions created as a superuser in its database. Default: none. */
        public Builder postgresExtensions(String... extensions) {
            return postgresExtensions(List.of(extensions));
        }

        public Builder postgresExtensions(List<String> extensions) {
            postgresExtensions.addAll(extensions);
            return this;
        }

        /** A Redis database and user on the app host, its URL in REDIS_URL. Default: false. */
        public Builder redis(boolean redis) {
            this.redis = redis;
            return this;
        }

        /**
         * A settings file, {@code secrets/<name>/<file>.asc}, installed mode 0600 in the shared
         * directory with {@code variable} pointing at it. Default: none.
         */
        public Builder settingsFile(String variable, String file) {
            settingsFiles.put(variable, file);
            return this;
        }

        public Builder settingsFiles(java.util.Map<String, String> files) {
            settingsFiles.putAll(files);
            return this;
        }

        /** Who is told when the main domain is down. Default: nobody (the check still runs). */
        public Builder alertEmails(String... emails) {
            return alertEmails(List.of(emails));
        }

        /** Who is told when the main domain is down. Default: nobody (the check still runs). */
        public Builder alertEmails(List<String> emails) {
            this.alertEmails.addAll(emails);
            return this;
        }

        /** Where DigitalOcean checks the main domain from. Default: {@code eu_west}, {@code us_east}. */
        public Builder uptimeRegions(List<String> regions) {
            this.uptimeRegions = List.copyOf(regions);
            return this;
        }

        /** @see EnvironmentArgs#access() */
        public Builder access(HostAccess access) {
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * Every problem of the values given so far, in the order of the properties: what
         * {@link #build()} reports, the missing {@code platform} and {@code access} aside (a
         * stack file gives neither: the program does).
         */
        public List<Problem> problems() {
            Validation v = new Validation()
                    .require("name", name)
                    .check("name", name, NAME)
                    .check("branch", branch, BRANCH)
                    .require("domains", domains)
                    .nonEmpty("domains", domains);
            if (domains != null) {
                v.checkEach("domains", domains, DOMAIN);
                domains.stream().filter(d -> domains.indexOf(d) != domains.lastIndexOf(d)).distinct()
                        .forEach(d -> v.add(Problem.ofKey("domains", "lists \"" + d + "\" more than once")));
            }
            v.require("port", port)
                    .check("port", port, PORT)
                    .require("repository", repository)
                    .check("repository", repository, REPOSITORY)
                    .checkEach("gates", gates, GATE)
                    .check("pollSeconds", pollSeconds, POLL_SECONDS);
            if (backups != null) {
                v.check("backups.hour", backups.hour(), BACKUP_HOUR)
                        .check("backups.keepDays", backups.keepDays(), BACKUP_KEEP_DAYS);
                backups.bucket().ifPresent(b -> v.check("backups.bucket.name", b.name(), BACKUP_BUCKET)
                        .check("backups.bucket.region", b.region(), BACKUP_BUCKET_REGION));
            }
            processes.forEach((process, p) -> {
                v.check("processes." + process, process, PROCESS_NAME);
                p.command().ifPresent(c -> v.check("processes." + process + ".command", c, COMMAND));
                if (p.graceSeconds().isPresent()) {
                    v.check("processes." + process + ".graceSeconds", p.graceSeconds().getAsInt(), GRACE_SECONDS);
                }
                p.handover().ifPresent(h -> v.check("processes." + process + ".handover", h, HANDOVER));
            });
            v.check("processSettleSeconds", settleSeconds, SETTLE_SECONDS);
            v.check("python", python, PYTHON).checkEach("postgresExtensions", postgresExtensions, EXTENSION);
            settingsFiles.forEach((variable, file) -> v.check("settingsFiles." + variable, variable, SETTINGS_VARIABLE)
                    .check("settingsFiles." + variable, file, SETTINGS_FILE));
            v.check("alerts.requestsPerMinute", requestsPerMinute, REQUESTS_PER_MINUTE)
                    .check("alerts.errorRatePercent", errorRatePercent, ERROR_RATE_PERCENT)
                    .check("accessLogDays", accessLogDays, ACCESS_LOG_DAYS);
            return v.checkEach("alertEmails", alertEmails, EMAIL)
                    .problems();
        }

        /** @throws ConfigException naming every missing or invalid value */
        public EnvironmentArgs build() {
            Validation v = new Validation().addAll(problems())
                    .require("platform", platform)
                    .require("access", access);
            if (platform instanceof Platform local) {
                sharedRedisProblem(redis, local.args().layout()).ifPresent(v::add);
            }
            v.throwIfAny();
            return new EnvironmentArgs(this);
        }

        private EnvironmentSettings settings() {
            return new EnvironmentSettings(name, branch == null ? name : branch, domains, port, repository, gates,
                    pollSeconds, backups == null ? DatabaseBackups.defaultsFor(name) : backups,
                    new ApplicationSettings(processes, python, postgresExtensions, redis, settingsFiles,
                            settleSeconds),
                    new FrontSettings(requestsPerMinute, errorRatePercent, accessLogDays));
        }
    }
}
