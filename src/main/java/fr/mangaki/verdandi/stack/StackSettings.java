package fr.mangaki.verdandi.stack;

import fr.mangaki.verdandi.component.EnvironmentArgs;
import fr.mangaki.verdandi.component.PlatformArgs;
import fr.mangaki.verdandi.component.PlatformReference;
import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.AppLayout;
import fr.mangaki.verdandi.config.ApplicationSettings;
import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.Database;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.config.FrontSettings;
import fr.mangaki.verdandi.config.Problem;
import fr.mangaki.verdandi.stack.internal.ConfigValue;
import fr.mangaki.verdandi.stack.internal.StackReading;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A stack's settings, read from the {@code mangaki:} namespace of its configuration (its stack
 * file, or the engine's configuration under {@code pulumi up}; the keys are in
 * docs/configuration.md). The reader checks the file's
 * shape: the type of each value, unknown keys, which keys a platform or a guest must or must not
 * have, an environment's domains inside the zone. The rules of the values are the component
 * builders': what was read is fed to {@link PlatformArgs.Builder} and
 * {@link EnvironmentArgs.Builder}, and their problems are reported at the file's keys
 * ({@code mangaki:environment.port: 80 is not between 1024 and 65535}). Everything is checked
 * before any resource is declared, and all problems are reported at once in one
 * {@link ConfigException}, in the order of the file's keys.
 *
 * @param stack         the stack name ({@code production})
 * @param region        the DigitalOcean region slug
 * @param domain        the DNS zone every environment's domains live in
 * @param hosting       platform (owns the droplets) or guest
 * @param platformStack for a guest, the platform's stack ({@code org/project/stack})
 * @param front         for a platform, the front droplet's size
 * @param app           for a platform, the app droplet's size and backups
 * @param sshKeys       for a platform, the public keys allowed to log in as the admin user
 * @param adminCidrs    for a platform, the networks allowed to reach SSH
 * @param alerts        who is alerted, and past which thresholds; empty: no alerts
 * @param environment   the environment this stack installs
 * @param unprotect     for a platform, the protected resources whose protection is lifted ({@code app}, {@code zone})
 * @param importZone    for a platform, the existing zone to adopt (its name)
 * @param importSshKeys for a platform, the existing SSH keys to adopt: MD5 fingerprint to DigitalOcean id
 * @param image         for a platform, the droplets' image
 * @param database      for a platform, where the environments' databases are (docs/growth.md)
 * @param acme          for a platform, the ACME server its front gets the certificates from
 *                      (Let's Encrypt, no contact, unless {@code mangaki:acme} says otherwise)
 */
public record StackSettings(
        String stack,
        String region,
        String domain,
        Hosting hosting,
        Optional<String> platformStack,
        Optional<DropletSize> front,
        Optional<AppSettings> app,
        List<String> sshKeys,
        List<String> adminCidrs,
        Optional<Alerts> alerts,
        EnvironmentSettings environment,
        List<String> unprotect,
        Optional<String> importZone,
        Map<String, String> importSshKeys,
        String image,
        Database database,
        Optional<Acme> acme) {

    /** The Pulumi project (the name in Pulumi.yaml) whose stacks these settings are of. */
    public static final String PROJECT = "mangaki";
    /** The namespace of Verdandi's keys: Pulumi namespaces a project's own keys by the project's name. */
    public static final String NAMESPACE = PROJECT;

    /** The app droplets: their size, the first one's backups, and how many there are. */
    public record AppSettings(DropletSize size, Backups backups, AppLayout layout) {
    }

    static final List<String> KEYS = List.of(
            "region", "domain", "hosting", "platformStack", "front", "app", "sshKeys",
            "adminCidrs", "alerts", "environment", "unprotect", "import", "image", "database", "acme");

    private static final List<String> HOSTINGS = List.of("platform", "guest");
    private static final String PREFIX = NAMESPACE + ":";

    public StackSettings {
        sshKeys = List.copyOf(sshKeys);
        adminCidrs = List.copyOf(adminCidrs);
        unprotect = List.copyOf(unprotect);
        importSshKeys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(importSshKeys));
    }

    /**
     * Reads and checks a stack's configuration.
     *
     * @param stack  the stack name
     * @param config every configuration key of the stack, namespaced ({@code mangaki:region});
     *               values are strings, numbers, booleans, lists or maps; keys of other
     *               namespaces belong to providers and are left alone, except a DigitalOcean
     *               token in clear, which is refused
     * @throws ConfigException with every problem found
     */
    public static StackSettings parse(String stack, Map<String, ?> config) {
        StackReading reading = new StackReading();
        Set<String> known = new TreeSet<>();
        KEYS.forEach(k -> known.add(PREFIX + k));
        config.forEach((key, value) -> {
            if (key.startsWith(PREFIX) && !known.contains(key)) {
                reading.readingProblem(Problem.ofKey(key, "unknown key (known keys: " + String.join(", ", known) + ")"));
            }
            if (key.equals("digitalocean:token") && value instanceof String) {
                reading.readingProblem(Problem.ofKey(key, "[secret] is in clear; set it with `pulumi config set "
                        + "--secret digitalocean:token` or DIGITALOCEAN_TOKEN"));
            }
        });
        Function<String, ConfigValue> value = k -> reading.value(PREFIX + k, config.get(PREFIX + k));

        ConfigValue regionValue = value.apply("region").required();
        ConfigValue domainValue = value.apply("domain").required();
        ConfigValue hostingValue = value.apply("hosting");
        Hosting hosting = hostingValue.isPresent()
                ? hostingValue.oneOf(HOSTINGS).map(h -> Hosting.valueOf(h.toUpperCase(java.util.Locale.ROOT))).orElse(null)
                : Hosting.PLATFORM;
        boolean guest = hosting == Hosting.GUEST;
        Optional<String> region = guest ? regionValue.string(PlatformArgs.REGION) : regionValue.string();
        Optional<String> domain = guest ? domainValue.string(PlatformArgs.DOMAIN) : domainValue.string();

        ConfigValue platformStackValue = value.apply("platformStack");
        ConfigValue frontValue = value.apply("front");
        ConfigValue appValue = value.apply("app");
        ConfigValue sshKeysValue = value.apply("sshKeys");
        ConfigValue cidrsValue = value.apply("adminCidrs");
        ConfigValue unprotectValue = value.apply("unprotect");
        ConfigValue importValue = value.apply("import");
        ConfigValue imageValue = value.apply("image");
        ConfigValue databaseValue = value.apply("database");
        ConfigValue acmeValue = value.apply("acme");
        Optional<String> platformStack = Optional.empty();
        if (guest) {
            platformStack = platformStackValue.required().string(PlatformReference.STACK_NAME);
            // the ACME server is the front's, hence the platform's (PlatformArgs.acme())
            for (ConfigValue v : List.of(frontValue, appValue, sshKeysValue, cidrsValue, unprotectValue, importValue,
                    imageValue, databaseValue, acmeValue)) {
                if (v.isPresent()) {
                    v.problemAboutKey("is not allowed on a guest stack (the platform stack "
                            + "declares the droplets); remove it or set mangaki:hosting to platform");
                }
            }
        } else if (hosting == Hosting.PLATFORM) {
            if (platformStackValue.isPresent()) {
                platformStackValue.problemAboutKey("is only for guest stacks (mangaki:hosting: guest)");
            }
            frontValue.required();
            appValue.required();
            sshKeysValue.required();
            cidrsValue.required();
        }

        Optional<DropletSize> front = frontValue.object(List.of("size")).flatMap(o -> size(o.get("size").required()));
        Optional<ConfigValue.Fields> appFields = appValue.object(List.of("size", "backups", "count", "autoscale",
                "standby"));
        Optional<DropletSize> appSize = appFields.flatMap(o -> size(o.get("size").required()));
        Optional<Backups> backups = appFields.map(o -> o.get("backups"))
                .flatMap(b -> b.isPresent() ? backups(b) : Optional.of(Backups.defaults()));
        Optional<AppLayout> layout = appFields.isPresent() ? appFields.flatMap(StackSettings::appLayout)
                : Optional.of(AppLayout.single());
        Optional<AppSettings> app = appSize.flatMap(s -> backups.flatMap(b -> layout.map(l -> new AppSettings(s, b, l))));
        Optional<Database> database = guest || !databaseValue.isPresent() ? Optional.of(Database.local())
                : database(databaseValue);
        Optional<List<String>> sshKeys = sshKeysValue.strings();
        Optional<List<String>> cidrs = cidrsValue.strings();
        Optional<Alerts> alerts = alerts(value.apply("alerts"), guest);
        List<String> unprotect = guest ? List.of() : unprotectValue.strings().orElse(List.of());
        String image = guest ? PlatformArgs.DEFAULT_IMAGE : imageValue.string().orElse(PlatformArgs.DEFAULT_IMAGE);
        Optional<ConfigValue.Fields> imports = guest ? Optional.empty() : importValue.object(List.of("zone", "sshKeys"));
        Optional<String> importZone = imports.flatMap(o -> o.get("zone").string());
        Map<String, String> importSshKeys = new java.util.LinkedHashMap<>();
        imports.flatMap(o -> o.get("sshKeys").entries()).ifPresent(entries -> entries.forEach((fingerprint, id) ->
                id.string().ifPresent(i -> importSshKeys.put(fingerprint, i))));
        Optional<Acme> acme = guest ? Optional.empty() : acme(acmeValue);

        EnvironmentArgs.Builder environment = EnvironmentArgs.builder();
        Optional<String> zone = domain.filter(PlatformArgs.DOMAIN::test);
        Optional<EnvironmentSettings> settings = environment(value.apply("environment").required(), environment,
                zone, reading);
        alerts.ifPresent(a -> environment.alertEmails(a.emails()));
        reading.ruleProblems(environment.problems(), StackSettings::environmentKey);

        if (!guest) {
            PlatformArgs.Builder platform = PlatformArgs.builder();
            region.ifPresent(platform::region);
            domain.ifPresent(platform::domain);
            // the size has no rule: the backups are checked whatever the size read
            backups.ifPresent(b -> platform.app(appSize.orElse(DropletSize.S_1VCPU_1GB), b));
            sshKeys.ifPresent(platform::sshKeys);
            cidrs.ifPresent(platform::adminCidrs);
            alerts.ifPresent(platform::alerts);
            platform.unprotect(unprotect);
            platform.image(image);
            importZone.ifPresent(platform::importZone);
            importSshKeys.forEach(platform::importSshKey);
            database.ifPresent(platform::database);
            layout.ifPresent(platform::appLayout);
            settings.ifPresent(env -> database.ifPresent(d -> layout.ifPresent(l -> EnvironmentArgs
                    .sharedRedisProblem(env.application().redis(), PlatformArgs.Layout.of(d, l))
                    .ifPresent(p -> reading.ruleProblem(p.at(PREFIX + "environment.redis"))))));
            acme.ifPresent(platform::acme);
            reading.ruleProblems(platform.problems().stream()
                    // a stack of unknown hosting is checked for its values, not for what a platform must have
                    .filter(p -> hosting != null || p.value().isPresent()).toList(), k -> PREFIX + k);
        }

        reading.throwIfAny();
        return new StackSettings(stack, region.orElseThrow(), domain.orElseThrow(), hosting, platformStack, front, app,
                sshKeys.orElse(List.of()), cidrs.orElse(List.of()), alerts, settings.orElseThrow(), unprotect, importZone,
                importSshKeys, image, database.orElseThrow(), acme);
    }

    public boolean isPlatform() {
        return hosting == Hosting.PLATFORM;
    }

    /** The args of this stack's platform, but for the credentials: add them, and build. */
    public PlatformArgs.Builder platformArgs() {
        PlatformArgs.Builder b = PlatformArgs.builder()
                .region(region)
                .domain(domain)
                .sshKeys(sshKeys)
                .adminCidrs(adminCidrs);
        front.ifPresent(b::front);
        app.ifPresent(a -> b.app(a.size(), a.backups()));
        alerts.ifPresent(b::alerts);
        b.unprotect(unprotect);
        b.image(image);
        importZone.ifPresent(b::importZone);
        importSshKeys.forEach(b::importSshKey);
        b.database(database);
        app.ifPresent(a -> b.appLayout(a.layout()));
        acme.ifPresent(b::acme);
        return b;
    }

    /** The args of this stack's environment, but for its platform and the credentials: add them, and build. */
    public EnvironmentArgs.Builder environmentArgs() {
        return EnvironmentArgs.builder()
                .settings(environment)
                .alertEmails(alerts.map(Alerts::emails).orElse(List.of()));
    }

    /** Where a property of {@link EnvironmentArgs} is in the stack file. */
    private static String environmentKey(String property) {
        String alertEmails = "alertEmails";
        return property.startsWith(alertEmails)
                ? PREFIX + "alerts.email" + property.substring(alertEmails.length())
                : PREFIX + "environment." + property;
    }

    /**
     * {@code mangaki:app}'s {@code count} (default 1), {@code autoscale} ({@code min},
     * {@code max}, {@code cpuPercent}: each required) and {@code standby} (default false) as
     * written; the rules are {@link PlatformArgs}'. A part that cannot be read stands as a value
     * its rule refuses (its problem is the reading's), so that the other parts are still checked.
     */
    private static Optional<AppLayout> appLayout(ConfigValue.Fields o) {
        ConfigValue countValue = o.get("count");
        int count = countValue.isPresent() ? countValue.integer().orElse(Integer.MIN_VALUE) : 1;
        ConfigValue standbyValue = o.get("standby");
        boolean standby = standbyValue.isPresent() && standbyValue.bool().orElse(false);
        ConfigValue autoscaleValue = o.get("autoscale");
        Optional<AppLayout.Autoscale> autoscale = autoscaleValue.object(List.of("min", "max", "cpuPercent"))
                .map(a -> new AppLayout.Autoscale(
                        a.get("min").required().integer().orElse(Integer.MIN_VALUE),
                        a.get("max").required().integer().orElse(Integer.MIN_VALUE),
                        a.get("cpuPercent").required().integer().orElse(Integer.MIN_VALUE)));
        return Optional.of(new AppLayout(count, autoscale, standby));
    }

    /**
     * {@code mangaki:database}: {@code local} or {@code managed}, or an object of
     * {@code placement} (required), {@code size}, {@code nodes}, {@code version} and
     * {@code redis}; the defaults are {@link Database#managed()}'s, the rules
     * {@link PlatformArgs}'.
     */
    private static Optional<Database> database(ConfigValue v) {
        if (!v.isMap()) {
            return v.string().map(p -> p.equals(Database.LOCAL) ? Database.local()
                    : new Database(p, Database.DEFAULT_SIZE, 1, Database.DEFAULT_VERSION, false));
        }
        return v.object(List.of("placement", "size", "nodes", "version", "redis")).map(o -> {
            String placement = o.get("placement").required().string().orElse("");
            ConfigValue sizeValue = o.get("size");
            String size = sizeValue.isPresent() ? sizeValue.string().orElse("") : Database.DEFAULT_SIZE;
            ConfigValue nodesValue = o.get("nodes");
            int nodes = nodesValue.isPresent() ? nodesValue.integer().orElse(Integer.MIN_VALUE) : 1;
            ConfigValue versionValue = o.get("version");
            String version = versionValue.isPresent() ? versionValue.string().orElse("") : Database.DEFAULT_VERSION;
            ConfigValue redisValue = o.get("redis");
            boolean redis = redisValue.isPresent() && redisValue.bool().orElse(false);
            return new Database(placement, size, nodes, version, redis);
        });
    }

    private static Optional<DropletSize> size(ConfigValue v) {
        return v.oneOf(DropletSize.slugs()).flatMap(DropletSize::bySlug);
    }

    /**
     * The backups as written; a part that cannot be read stands as a value its rule refuses (its
     * problem is the reading's), so that the other parts are still checked.
     */
    private static Optional<Backups> backups(ConfigValue v) {
        return v.object(List.of("plan", "weekday", "hour")).map(o -> {
            ConfigValue planValue = o.get("plan");
            String plan = planValue.isPresent() ? planValue.string().orElse("") : "weekly";
            ConfigValue dayValue = o.get("weekday");
            Optional<String> weekday = dayValue.isPresent() ? Optional.of(dayValue.string().orElse(""))
                    : plan.equals("weekly") ? Optional.of("SUN") : Optional.empty();
            ConfigValue hourValue = o.get("hour");
            int hour = hourValue.isPresent() ? hourValue.integer().orElse(Integer.MIN_VALUE) : 4;
            return new Backups(plan, weekday, hour);
        });
    }

    /**
     * {@code mangaki:environment.backups} as written: {@code nightly} (default true once the key
     * is set), {@code hour} (default 3), {@code keepDays} (default 14) and an optional
     * {@code bucket} ({@code name}, {@code region}). Like the droplet's backups, a part that
     * cannot be read stands as a value its rule refuses (its problem is the reading's), so that
     * the other parts are still checked; the rules are {@link EnvironmentArgs}'.
     */
    private static Optional<DatabaseBackups> databaseBackups(ConfigValue v) {
        return v.object(List.of("nightly", "hour", "keepDays", "bucket")).map(o -> {
            ConfigValue nightlyValue = o.get("nightly");
            boolean nightly = !nightlyValue.isPresent() || nightlyValue.bool().orElse(true);
            ConfigValue hourValue = o.get("hour");
            int hour = hourValue.isPresent() ? hourValue.integer().orElse(Integer.MIN_VALUE) : DatabaseBackups.DEFAULT_HOUR;
            ConfigValue keepValue = o.get("keepDays");
            int keepDays = keepValue.isPresent() ? keepValue.integer().orElse(Integer.MIN_VALUE)
                    : DatabaseBackups.DEFAULT_KEEP_DAYS;
            ConfigValue bucketValue = o.get("bucket");
            Optional<DatabaseBackups.Bucket> bucket = bucketValue.object(List.of("name", "region"))
                    .map(b -> new DatabaseBackups.Bucket(b.get("name").required().string().orElse(""),
                            b.get("region").required().string().orElse("")));
            return new DatabaseBackups(nightly, hour, keepDays, bucket);
        });
    }

    private static Optional<Alerts> alerts(ConfigValue v, boolean guest) {
        List<String> keys = guest ? List.of("email") : List.of("email", "cpuPercent", "memoryPercent", "diskPercent");
        return v.object(keys).map(o -> {
            ConfigValue emailValue = o.get("email").required();
            List<String> emails = emailValue.strings().orElse(List.of());
            if (emailValue.isPresent() && emails.isEmpty()) {
                emailValue.problemAboutKey("must list at least one value");
            }
            int cpu = percent(o.get("cpuPercent"), Alerts.DEFAULT_CPU_PERCENT, guest);
            int memory = percent(o.get("memoryPercent"), Alerts.DEFAULT_MEMORY_PERCENT, guest);
            int disk = percent(o.get("diskPercent"), Alerts.DEFAULT_DISK_PERCENT, guest);
            return new Alerts(emails, cpu, memory, disk);
        });
    }

    /** A threshold; a guest's (an unknown key there) is checked here, a platform's by its builder. */
    private static int percent(ConfigValue v, int fallback, boolean guest) {
        if (!v.isPresent()) {
            return fallback;
        }
        Optional<Integer> percent = v.integer();
        if (guest && percent.filter(p -> !PlatformArgs.PERCENT.test(p)).isPresent()) {
            v.problem(PlatformArgs.PERCENT.reason());
        }
        return percent.orElse(Integer.MIN_VALUE);
    }

    /**
     * The ACME server as written (Let's Encrypt's directory when the directory is left out, and
     * Let's Encrypt with no contact when the key is); none when a part cannot be read (the
     * reading reports it).
     */
    private static Optional<Acme> acme(ConfigValue v) {
        if (!v.isPresent()) {
            return Optional.of(Acme.letsEncrypt());
        }
        return v.object(List.of("directory", "email")).flatMap(o -> {
            ConfigValue directoryValue = o.get("directory");
            Optional<String> directory = directoryValue.isPresent() ? directoryValue.string()
                    : Optional.of(Acme.LETS_ENCRYPT);
            ConfigValue emailValue = o.get("email");
            Optional<Optional<String>> email = emailValue.isPresent() ? emailValue.string().map(Optional::of)
                    : Optional.of(Optional.empty());
            return directory.flatMap(d -> email.map(e -> new Acme(d, e)));
        });
    }

    /**
     * Reads the environment into {@code args}, checking that its domains are inside {@code zone};
     * its settings, when every one of them could be read.
     */
    private static Optional<EnvironmentSettings> environment(ConfigValue v, EnvironmentArgs.Builder args,
            Optional<String> zone, StackReading reading) {
        return v.object(List.of("name", "branch", "domains", "port", "repository", "gates", "pollSeconds", "backups",
                        "processes", "processSettleSeconds", "python", "postgresExtensions", "redis", "settingsFiles",
                        "alerts", "accessLogDays"))
                .flatMap(o -> {
                    Optional<String> name = o.get("name").string();
                    Optional<String> branch = o.get("branch").required().string();
                    ConfigValue domainsValue = o.get("domains");
                    Optional<List<String>> domains = domainsValue.strings();
                    zone.ifPresent(z -> domains.ifPresent(l -> {
                        for (int i = 0; i < l.size(); i++) {
                            String d = l.get(i);
                            if (PlatformArgs.DOMAIN.test(d) && !d.equals(z) && !d.endsWith("." + z)) {
                                reading.ruleProblem(Problem.of(domainsValue.key() + "[" + i + "]", d,
                                        "is not inside the zone mangaki:domain (\"" + z + "\")"));
                            }
                        }
                    }));
                    Optional<Integer> port = o.get("port").integer();
                    Optional<String> repository = o.get("repository").string();
                    List<String> gates = o.get("gates").strings().orElse(List.of());
                    ConfigValue pollValue = o.get("pollSeconds");
                    Optional<Integer> poll = pollValue.isPresent() ? pollValue.integer()
                            : Optional.of(EnvironmentArgs.DEFAULT_POLL_SECONDS);
                    ConfigValue backupsValue = o.get("backups");
                    Optional<DatabaseBackups> backups = backupsValue.isPresent() ? databaseBackups(backupsValue)
                            : name.map(DatabaseBackups::defaultsFor);
                    name.ifPresent(args::name);
                    branch.ifPresent(args::branch);
                    domains.ifPresent(args::domains);
                    port.ifPresent(args::port);
                    repository.ifPresent(args::repository);
                    args.gates(gates);
                    poll.ifPresent(args::pollSeconds);
                    backups.ifPresent(args::backups);
                    Optional<ApplicationSettings> application = application(o);
                    application.ifPresent(args::application);
                    Optional<FrontSettings> front = front(o);
                    front.ifPresent(args::front);
                    if (name.isEmpty() || branch.isEmpty() || domains.isEmpty() || port.isEmpty()
                            || repository.isEmpty() || poll.isEmpty() || backups.isEmpty() || application.isEmpty()
                            || front.isEmpty()) {
                        return Optional.empty();
                    }
                    return Optional.of(new EnvironmentSettings(name.get(), branch.get(), domains.get(), port.get(),
                            repository.get(), gates, poll.get(), backups.get(), application.get(), front.get()));
                });
    }

    /**
     * {@code alerts} ({@code requestsPerMinute}, {@code errorRatePercent}) and {@code accessLogDays}
     * as written, each defaulting to {@link FrontSettings#defaults()}'s; the rules are
     * {@link EnvironmentArgs}'. Empty when one of them cannot be read.
     */
    private static Optional<FrontSettings> front(ConfigValue.Fields o) {
        ConfigValue alertsValue = o.get("alerts");
        Optional<Integer> rpm = Optional.of(FrontSettings.DEFAULT_REQUESTS_PER_MINUTE);
        Optional<Integer> percent = Optional.of(FrontSettings.DEFAULT_ERROR_RATE_PERCENT);
        if (alertsValue.isPresent()) {
            Optional<ConfigValue.Fields> alerts = alertsValue.object(List.of("requestsPerMinute", "errorRatePercent"));
            if (alerts.isEmpty()) {
                return Optional.empty();
            }
            ConfigValue rpmValue = alerts.get().get("requestsPerMinute");
            ConfigValue percentValue = alerts.get().get("errorRatePercent");
            rpm = rpmValue.isPresent() ? rpmValue.integer() : rpm;
            percent = percentValue.isPresent() ? percentValue.integer() : percent;
        }
        ConfigValue daysValue = o.get("accessLogDays");
        Optional<Integer> days = daysValue.isPresent() ? daysValue.integer()
                : Optional.of(FrontSettings.DEFAULT_ACCESS_LOG_DAYS);
        if (rpm.isEmpty() || percent.isEmpty() || days.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FrontSettings(rpm.get(), percent.get(), days.get()));
    }

    /**
     * processes ({@code NAME: COMMAND}, or {@code NAME: {command, graceSeconds, handover}}),
     * processSettleSeconds, python,
     * postgresExtensions, redis and settingsFiles ({@code VARIABLE: FILE}) as written; the
     * rules are {@link EnvironmentArgs}'. Empty when one of them cannot be read.
     */
    private static Optional<ApplicationSettings> application(ConfigValue.Fields o) {
        boolean ok = true;
        java.util.Map<String, ApplicationSettings.ProcessSettings> processes = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, ConfigValue> e : o.get("processes").entries().orElse(java.util.Map.of()).entrySet()) {
            ConfigValue p = e.getValue();
            Optional<ApplicationSettings.ProcessSettings> process = p.isMap()
                    ? p.object(List.of("command", "graceSeconds", "handover")).flatMap(f -> {
                        ConfigValue c = f.get("command");
                        Optional<String> command = c.isPresent() ? c.string() : Optional.of("");
                        ConfigValue g = f.get("graceSeconds");
                        Optional<Integer> grace = g.isPresent() ? g.integer() : Optional.of(0);
                        ConfigValue h = f.get("handover");
                        Optional<Optional<String>> handover = h.isPresent() ? h.string().map(Optional::of)
                                : Optional.of(Optional.empty());
                        return command.flatMap(cmd -> grace.flatMap(gs -> handover.map(ho ->
                                new ApplicationSettings.ProcessSettings(
                                        cmd.isEmpty() ? Optional.empty() : Optional.of(cmd),
                                        gs == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(gs), ho))));
                    })
                    : p.string().map(ApplicationSettings.ProcessSettings::command);
            if (process.isEmpty()) {
                ok = false;
            } else {
                processes.put(e.getKey(), process.get());
            }
        }
        ConfigValue pythonValue = o.get("python");
        Optional<String> python = pythonValue.isPresent() ? pythonValue.string()
                : Optional.of(ApplicationSettings.DEFAULT_PYTHON);
        ConfigValue extensionsValue = o.get("postgresExtensions");
        Optional<List<String>> extensions = extensionsValue.isPresent() ? extensionsValue.strings() : Optional.of(List.of());
        ConfigValue redisValue = o.get("redis");
        Optional<Boolean> redis = redisValue.isPresent() ? redisValue.bool() : Optional.of(false);
        java.util.Map<String, String> settingsFiles = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, ConfigValue> e : o.get("settingsFiles").entries().orElse(java.util.Map.of()).entrySet()) {
            Optional<String> file = e.getValue().string();
            if (file.isEmpty()) {
                ok = false;
            } else {
                settingsFiles.put(e.getKey(), file.get());
            }
        }
        if (!ok || python.isEmpty() || extensions.isEmpty() || redis.isEmpty()) {
            return Optional.empty();
        }
        ConfigValue settleValue = o.get("processSettleSeconds");
        Optional<Integer> settle = settleValue.isPresent() ? settleValue.integer()
                : Optional.of(ApplicationSettings.DEFAULT_SETTLE_SECONDS);
        if (settle.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApplicationSettings(processes, python.get(), extensions.get(), redis.get(), settingsFiles,
                settle.get()));
    }
}
