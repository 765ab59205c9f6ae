package fr.mangaki.verdandi.component;

import fr.mangaki.verdandi.component.internal.Cidr;
import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.AppLayout;
import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.Database;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.ManagedDatabaseSize;
import fr.mangaki.verdandi.config.Problem;
import fr.mangaki.verdandi.config.PublicKey;
import fr.mangaki.verdandi.config.Region;
import fr.mangaki.verdandi.config.Rule;
import fr.mangaki.verdandi.config.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@link Platform} is made of: an immutable value, built with {@link #builder()}, whose
 * {@link Builder#build()} checks every rule below and reports every problem at once.
 *
 * <p>Defaults: region {@code ams3}; both droplets {@code s-1vcpu-1gb} running
 * {@code debian-12-x64}; the app droplet backed up weekly on Sunday at 4 UTC; no alerts; the
 * app droplet and the zone protected; nothing imported; the databases on the app droplet
 * ({@link Database#local()}); one app droplet, no autoscale pool, no standby
 * ({@link AppLayout#single()}); certificates from Let's Encrypt, with no contact e-mail. A
 * managed database cluster, when there is one, is protected too. The zone ({@code domain}), at
 * least one SSH key, at least one admin network and the credentials ({@code access}) have no
 * good default and are required.
 */
public final class PlatformArgs {
    /** The droplets' image unless told otherwise. */
    public static final String DEFAULT_IMAGE = "debian-12-x64";

    // The rules of the values: each a condition, the reason given when a value fails it, and examples.

    /** {@code region}: a DigitalOcean region where droplets, VPCs and monitoring are offered. */
    public static final Rule<String> REGION = Rule.oneOf(Region.SLUGS, List.of("mars1", "AMS3"));
    /** {@code domain}, and an environment's domains: a lower-case DNS domain. */
    public static final Rule<String> DOMAIN = Rule.matching(
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}"),
            "a lower-case DNS domain", List.of("mangaki.fr", "www.mangaki.fr", "x-1.example.org"),
            List.of("Mangaki..fr", "localhost", "mangaki.fr.", "-a.fr", "WWW.mangaki.fr"));
    private static final Pattern SSH_KEY_LINE = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com"
                    + "|sk-ecdsa-sha2-nistp256@openssh\\.com) [A-Za-z0-9+/]+={0,3}( \\S.*)?");
    /**
     * Each of {@code sshKeys}: an OpenSSH public key of a type DigitalOcean accepts, whose key
     * decodes to a key of the type it names.
     */
    public static final Rule<String> SSH_KEY = new Rule<>(
            s -> SSH_KEY_LINE.matcher(s).matches() && PublicKey.parse(s).isPresent(),
            "is not an OpenSSH public key (\"ssh-ed25519 AAAA... comment\")",
            List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@mangaki.fr", "ssh-rsa AAAAB3NzaC1yc2E="),
            List.of("ssh-dss AAAA", "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIOps", "ssh-ed25519 AAAAB3NzaC1yc2E=",
                    "ssh-ed25519 AAAA!"));
    /** {@code image}: a DigitalOcean distribution image slug. */
    public static final Rule<String> IMAGE = Rule.matching(Pattern.compile("[a-z0-9]([a-z0-9.-]{0,62}[a-z0-9])?"),
            "a DigitalOcean image slug (e.g. debian-12-x64, as `doctl compute image list-distribution` shows)",
            List.of("debian-12-x64", "ubuntu-24-04-x64", "debian-13-x64"), List.of("Debian 12", "debian-12-x64 ", "-x"));
    /** Each of {@code unprotect}: a protected resource of the platform. */
    public static final Rule<String> UNPROTECT = Rule.oneOf(Protected.NAMES, List.of("front", "App", "vpc"));
    /** Each fingerprint of {@code import.sshKeys}: an MD5 fingerprint, as DigitalOcean shows it. */
    public static final Rule<String> FINGERPRINT = Rule.matching(
            Pattern.compile("([0-9a-f]{2}:){15}[0-9a-f]{2}"),
            "an MD5 fingerprint (16 hex pairs joined by ':', as `doctl compute ssh-key list` shows)",
            List.of("3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa"),
            List.of("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8", "3b:16:bf", "3B:16:BF:E4:8B:00:8B:B8:59:8C:A9:D3:F0:19:45:FA"));
    /** Each id of {@code import.sshKeys}: a DigitalOcean SSH key id. */
    public static final Rule<String> SSH_KEY_ID = Rule.matching(Pattern.compile("[1-9][0-9]{0,11}"),
            "a DigitalOcean SSH key id (a number, as `doctl compute ssh-key list` shows)",
            List.of("263654", "1"), List.of("0", "abc", "26 3654", "-1", "1234567890123"));
    /** Each of {@code adminCidrs}: an IPv4 or IPv6 network. */
    public static final Rule<String> ADMIN_CIDR = new Rule<>(Cidr::isValid,
            "is not an IPv4 or IPv6 network in CIDR notation (e.g. 203.0.113.0/24)",
            List.of("203.0.113.0/24", "0.0.0.0/0", "::/0", "2001:db8::/32"),
            List.of("300.1.2.3/8", "10.0.0.0/33", "example.org/24"));
    /** {@code app.backups.plan}: how often DigitalOcean backs the app droplet up. */
    public static final Rule<String> BACKUP_PLAN = Rule.oneOf(Backups.PLANS, List.of("monthly", "Weekly"));
    /** {@code app.backups.weekday}: the day of weekly backups. */
    public static final Rule<String> BACKUP_WEEKDAY = Rule.oneOf(Backups.WEEKDAYS, List.of("SUNDAY", "sun"));
    /** {@code app.backups.hour}: the UTC hour the four-hour backup window starts. */
    public static final Rule<Integer> BACKUP_HOUR = Rule.oneOf(Backups.HOURS, List.of(5, 24, -4));
    /** Each of {@code alerts.email}, and an environment's alert addresses: an e-mail address. */
    public static final Rule<String> EMAIL = Rule.matching(
            Pattern.compile("[^@\\s]+@[a-z0-9.-]+\\.[a-z]{2,63}", Pattern.CASE_INSENSITIVE), "an e-mail address",
            List.of("ops@mangaki.fr", "first.last+tag@example.org"), List.of("ops", "ops@mangaki", "a b@c.fr"));
    /** {@code alerts.cpuPercent}, {@code memoryPercent}, {@code diskPercent}: a threshold in percent. */
    public static final Rule<Integer> PERCENT = Rule.between(1, 100);
    /** {@code database.placement}: on the app droplet, or a DigitalOcean managed cluster. */
    public static final Rule<String> DATABASE_PLACEMENT = Rule.oneOf(Database.PLACEMENTS, List.of("shared", "Managed"));
    /** {@code database.size}: a managed database node size Verdandi knows the price of. */
    public static final Rule<String> DATABASE_SIZE = Rule.oneOf(ManagedDatabaseSize.slugs(),
            List.of("s-1vcpu-1gb", "db-s-1vcpu-512mb"));
    /** {@code database.nodes}: a primary and up to two standby nodes. */
    public static final Rule<Integer> DATABASE_NODES = Rule.between(1, 3);
    /** {@code database.version}: a PostgreSQL major version DigitalOcean offers. */
    public static final Rule<String> DATABASE_VERSION = Rule.oneOf(Database.VERSIONS, List.of("13", "15.4", "v15"));
    /** {@code app.count}: app droplets made by {@code pulumi up} (ten at most: past that, an autoscale pool). */
    public static final Rule<Integer> APP_COUNT = Rule.between(1, 10);
    /** {@code app.autoscale.min}, {@code max}: droplets of the pool (Verdandi's bound, to keep the bill in sight). */
    public static final Rule<Integer> AUTOSCALE_INSTANCES = Rule.between(1, 20);
    /** {@code app.autoscale.cpuPercent}: the average CPU use the pool keeps. */
    public static final Rule<Integer> AUTOSCALE_CPU = Rule.between(10, 95);

    // The rules of combinations: each row a layout rule, the key it reports at, and examples.

    /** Several app droplets serve one set of databases: only a managed cluster is shared by them. */
    public static final Rule<Layout> SHARED_DATABASE = new Rule<>(
            l -> l.database().isManaged() || l.app().count() == 1,
            "needs a database every app droplet shares, and database is local (PostgreSQL on one droplet):"
                    + " set database to managed first, and move the data (docs/growth.md)",
            List.of(Layout.of(Database.local(), AppLayout.single()),
                    Layout.of(Database.managed(), new AppLayout(3, Optional.empty(), false))),
            List.of(Layout.of(Database.local(), new AppLayout(2, Optional.empty(), false))));
    /** The pool's members share the databases: only a managed cluster is shared by them. */
    public static final Rule<Layout> POOL_DATABASE = new Rule<>(
            l -> l.database().isManaged() || l.app().autoscale().isEmpty(),
            "needs a database every member of the pool shares, and database is local (PostgreSQL on one droplet):"
                    + " set database to managed first, and move the data (docs/growth.md)",
            List.of(Layout.of(Database.managed(), new AppLayout(1, Optional.of(new AppLayout.Autoscale(1, 3, 70)), false))),
            List.of(Layout.of(Database.local(), new AppLayout(1, Optional.of(new AppLayout.Autoscale(1, 3, 70)), false))));
    /** An autoscale pool and a fixed count of extra droplets are two answers to one question. */
    public static final Rule<Layout> POOL_OR_COUNT = new Rule<>(
            l -> l.app().autoscale().isEmpty() || l.app().count() == 1,
            "is not allowed with app.autoscale: the pool adds the droplets (keep count 1)",
            List.of(Layout.of(Database.managed(), new AppLayout(1, Optional.of(new AppLayout.Autoscale(1, 3, 70)), false))),
            List.of(Layout.of(Database.managed(), new AppLayout(2, Optional.of(new AppLayout.Autoscale(1, 3, 70)), false))));
    /** A pool's minimum is at most its maximum. */
    public static final Rule<Layout> POOL_RANGE = new Rule<>(
            l -> l.app().autoscale().map(a -> a.min() <= a.max()).orElse(true),
            "is above app.autoscale.max",
            List.of(Layout.of(Database.managed(), new AppLayout(1, Optional.of(new AppLayout.Autoscale(2, 2, 70)), false))),
            List.of(Layout.of(Database.managed(), new AppLayout(1, Optional.of(new AppLayout.Autoscale(3, 2, 70)), false))));
    /** The standby is the front's backup server; a pool already replaces a lost member. */
    public static final Rule<Layout> STANDBY_WITHOUT_POOL = new Rule<>(
            l -> !l.app().standby() || l.app().autoscale().isEmpty(),
            "cannot be used with app.autoscale: the pool replaces a lost member by itself",
            List.of(Layout.of(Database.local(), new AppLayout(1, Optional.empty(), true))),
            List.of(Layout.of(Database.managed(), new AppLayout(1, Optional.of(new AppLayout.Autoscale(1, 3, 70)), true))));
    /** The cluster's settings are a managed cluster's only. */
    public static final Rule<Layout> CLUSTER_SETTINGS_MANAGED_ONLY = new Rule<>(
            l -> l.database().isManaged() || (!l.database().redis() && l.database().nodes() == 1
                    && l.database().size().equals(Database.DEFAULT_SIZE) && l.database().version().equals(Database.DEFAULT_VERSION)),
            "is local: size, nodes, version and redis are settings of a managed cluster (set placement: managed)",
            List.of(Layout.of(Database.local(), AppLayout.single()),
                    Layout.of(Database.managed().withRedis().sized("db-s-1vcpu-2gb", 2), AppLayout.single())),
            List.of(Layout.of(Database.local().withRedis(), AppLayout.single()),
                    Layout.of(Database.local().sized("db-s-1vcpu-2gb", 1), AppLayout.single())));
    /** DigitalOcean's smallest size takes no standby node (https://docs.digitalocean.com/products/databases/). */
    public static final Rule<Layout> STANDBY_NODES_SIZE = new Rule<>(
            l -> l.database().nodes() == 1 || ManagedDatabaseSize.bySlug(l.database().size())
                    .map(ManagedDatabaseSize::takesStandbyNodes).orElse(true),
            "needs a size above db-s-1vcpu-1gb (DigitalOcean's smallest size takes no standby node)",
            List.of(Layout.of(Database.managed().sized("db-s-1vcpu-2gb", 2), AppLayout.single())),
            List.of(Layout.of(Database.managed().sized("db-s-1vcpu-1gb", 2), AppLayout.single())));

    /**
     * A row of the table of combinations: the key a problem is reported at, the value shown there,
     * and the rule.
     */
    private record LayoutRow(String key, java.util.function.Function<Layout, Object> value, Rule<Layout> rule) {
    }

    private static final List<LayoutRow> LAYOUT_ROWS = List.of(
            new LayoutRow("app.count", l -> l.app().count(), SHARED_DATABASE),
            new LayoutRow("app.autoscale", PlatformArgs::shownAutoscale, POOL_DATABASE),
            new LayoutRow("app.count", l -> l.app().count(), POOL_OR_COUNT),
            new LayoutRow("app.autoscale.min", l -> l.app().autoscale().map(AppLayout.Autoscale::min).orElse(0), POOL_RANGE),
            new LayoutRow("app.standby", l -> l.app().standby(), STANDBY_WITHOUT_POOL),
            new LayoutRow("database.placement", l -> l.database().placement(), CLUSTER_SETTINGS_MANAGED_ONLY),
            new LayoutRow("database.nodes", l -> l.database().nodes(), STANDBY_NODES_SIZE));

    private static Object shownAutoscale(Layout l) {
        Map<String, Integer> shown = new LinkedHashMap<>();
        l.app().autoscale().ifPresent(a -> {
            shown.put("min", a.min());
            shown.put("max", a.max());
            shown.put("cpuPercent", a.cpuPercent());
        });
        return shown;
    }

    /**
     * The platform's layout: where the databases are and how many app droplets serve them.
     *
     * @param database where the databases are
     * @param app      the app droplets
     */
    public record Layout(Database database, AppLayout app) {
        public static Layout of(Database database, AppLayout app) {
            return new Layout(database, app);
        }

        /** The number of app droplets {@code pulumi up} makes: the count, and the standby. */
        public int fixedAppDroplets() {
            return app.count() + (app.standby() ? 1 : 0);
        }
    }
    /**
     * {@code acme.directory}: the directory URL of an ACME server (RFC 8555 section 7.1.1), over
     * HTTPS as the RFC requires; a host and port, no user, query or fragment.
     */
    public static final Rule<String> ACME_DIRECTORY = Rule.matching(
            Pattern.compile("https://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?"),
            "an https:// URL of an ACME directory",
            List.of(Acme.LETS_ENCRYPT, "https://acme-staging-v02.api.letsencrypt.org/directory",
                    "https://10.110.0.1:14000/dir"),
            List.of("http://acme.example.org/directory", "acme-v02.api.letsencrypt.org/directory",
                    "https://user@acme.example.org/dir", "https://acme.example.org/dir?x=1", "https://"));

    private final String region;
    private final String domain;
    private final DropletSize frontSize;
    private final DropletSize appSize;
    private final Backups appBackups;
    private final String image;
    private final List<String> sshKeys;
    private final List<String> adminCidrs;
    private final Optional<Alerts> alerts;
    private final Acme acme;
    private final List<String> unprotected;
    private final Optional<String> importZone;
    private final Map<String, String> importSshKeys;
    private final HostAccess access;
    private final Database database;
    private final AppLayout appLayout;

    /** The resources of the platform that hold data, protected unless {@code unprotect} names them. */
    public enum Protected {
        /** The app droplet: every environment's PostgreSQL database and files. */
        APP,
        /** The DNS zone: every record of every environment. */
        ZONE,
        /** The managed database cluster, when there is one: every environment's database. */
        DATABASE;

        /** The names {@code unprotect} takes. */
        public static final List<String> NAMES = List.of("app", "zone", "database");

        /** Its name in {@code unprotect} ({@code app}, {@code zone}). */
        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PlatformArgs(Builder b) {
        this.region = b.region;
        this.domain = b.domain;
        this.frontSize = b.frontSize;
        this.appSize = b.appSize;
        this.appBackups = b.appBackups;
        this.image = b.image;
        this.sshKeys = List.copyOf(b.sshKeys);
        this.adminCidrs = List.copyOf(b.adminCidrs);
        this.alerts = Optional.ofNullable(b.alerts);
        this.acme = b.acme;
        this.unprotected = List.copyOf(b.unprotect);
        this.importZone = Optional.ofNullable(b.importZone);
        this.importSshKeys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.importSshKeys));
        this.access = b.access;
        this.database = b.database;
        this.appLayout = b.appLayout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The DigitalOcean region of the VPC and both droplets. Default: {@code ams3}. */
    public String region() {
        return region;
    }

    /** The DNS zone the platform manages (e.g. {@code mangaki.fr}). Required. */
    public String domain() {
        return domain;
    }

    /** The front droplet's size. Default: {@code s-1vcpu-1gb}. */
    public DropletSize frontSize() {
        return frontSize;
    }

    /** The app droplet's size. Default: {@code s-1vcpu-1gb}. */
    public DropletSize appSize() {
        return appSize;
    }

    /**
     * Where the environments' databases are. Default: on the app droplet
     * ({@link Database#local()}); a managed cluster is one {@code db-s-1vcpu-1gb} node of
     * PostgreSQL 15 unless told otherwise.
     */
    public Database database() {
        return database;
    }

    /** How many app droplets serve the environments. Default: one, no pool, no standby. */
    public AppLayout appLayout() {
        return appLayout;
    }

    /** The database and the app droplets together. */
    public Layout layout() {
        return Layout.of(database, appLayout);
    }

    /** The app droplet's backups. Default: weekly, Sunday at 4 UTC. */
    public Backups appBackups() {
        return appBackups;
    }

    /**
     * The droplets' image. Default: {@code debian-12-x64}. A droplet takes it at creation: a new
     * image replaces the droplets ({@code willReplaceOnChanges}), which the app droplet's
     * protection refuses.
     */
    public String image() {
        return image;
    }

    /** OpenSSH public keys of the people and the CI allowed in as the admin user. Required. */
    public List<String> sshKeys() {
        return sshKeys;
    }

    /** Networks allowed to reach SSH on both droplets. Required. */
    public List<String> adminCidrs() {
        return adminCidrs;
    }

    /** Who is alerted on high CPU, memory or disk use. Default: no alert. */
    public Optional<Alerts> alerts() {
        return alerts;
    }

    /**
     * The ACME server the front gets every environment's certificates from, and the account's
     * contact. Default: Let's Encrypt's production directory, no contact.
     *
     * <p>It is the platform's, not each environment's: the front droplet is the platform's, and
     * on it one certbot holds the ACME account (per server, in {@code /etc/letsencrypt/accounts}),
     * answers HTTP-01 challenges from one webroot through its one NGINX, and renews every
     * certificate with one timer. A guest stack's environment gets its certificates from the
     * same server, read through its {@link PlatformReference}, and cannot choose another.
     */
    public Acme acme() {
        return acme;
    }

    /**
     * Whether {@code resource} is protected: {@code pulumi up} refuses to replace or destroy it.
     * Default: the app droplet and the zone are, unless {@code unprotect} names them.
     */
    public boolean isProtected(Protected resource) {
        return !unprotected.contains(resource.slug());
    }

    /**
     * The zone to adopt: the name of an existing DigitalOcean domain, imported into the stack
     * instead of created. Default: none, the zone is created.
     */
    public Optional<String> importZone() {
        return importZone;
    }

    /**
     * The SSH keys to adopt, MD5 fingerprint to DigitalOcean id: each imported into the stack
     * instead of created. Default: none, every key is created.
     */
    public Map<String, String> importSshKeys() {
        return importSshKeys;
    }

    /**
     * The SSH key that keeps the droplets' host files current after their first boot (the env
     * files are not used here). Required: the program passes the credentials it was given.
     */
    public HostAccess access() {
        return access;
    }

    /** Fluent builder of {@link PlatformArgs}. */
    public static final class Builder {
        private String region = "ams3";
        private String domain;
        private DropletSize frontSize = DropletSize.S_1VCPU_1GB;
        private DropletSize appSize = DropletSize.S_1VCPU_1GB;
        private Backups appBackups = Backups.defaults();
        private String image = DEFAULT_IMAGE;
        private List<String> sshKeys;
        private List<String> adminCidrs;
        private Alerts alerts;
        private Acme acme = Acme.letsEncrypt();
        private final List<String> unprotect = new ArrayList<>();
        private String importZone;
        private final Map<String, String> importSshKeys = new LinkedHashMap<>();
        private HostAccess access;
        private Database database = Database.local();
        private AppLayout appLayout = AppLayout.single();

        private Builder() {
        }

        /** @see PlatformArgs#database() */
        public Builder database(Database database) {
            this.database = Objects.requireNonNull(database, "database");
            return this;
        }

        /** @see PlatformArgs#appLayout() */
        public Builder appLayout(AppLayout layout) {
            this.appLayout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        /** {@code count} app droplets, each running every environment (see {@link PlatformArgs#appLayout()}). */
        public Builder appCount(int count) {
            return appLayout(new AppLayout(count, appLayout.autoscale(), appLayout.standby()));
        }

        /** A DigitalOcean Droplet Autoscale pool of app droplets (see {@link PlatformArgs#appLayout()}). */
        public Builder autoscale(int min, int max, int cpuPercent) {
            return appLayout(new AppLayout(appLayout.count(),
                    Optional.of(new AppLayout.Autoscale(min, max, cpuPercent)), appLayout.standby()));
        }

        /** A standby app droplet (see {@link PlatformArgs#appLayout()}). */
        public Builder standby(boolean standby) {
            return appLayout(new AppLayout(appLayout.count(), appLayout.autoscale(), standby));
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        public Builder front(DropletSize size) {
            this.frontSize = Objects.requireNonNull(size, "size");
            return this;
        }

        public Builder app(DropletSize size) {
            this.appSize = Objects.requireNonNull(size, "size");
            return this;
        }

        public Builder app(DropletSize size, Backups backups) {
            this.appBackups = Objects.requireNonNull(backups, "backups");
            return app(size);
        }

        /** The droplets' image: changing it replaces both droplets (see {@link PlatformArgs#image()}). */
        public Builder image(String image) {
            this.image = Objects.requireNonNull(image, "image");
            return this;
        }

        /** Adds one key to {@link #sshKeys()}. */
        public Builder sshKey(String publicKey) {
            return sshKeys(List.of(publicKey));
        }

        /** Adds keys to {@link #sshKeys()}. */
        public Builder sshKeys(List<String> publicKeys) {
            sshKeys = added(sshKeys, publicKeys, "publicKey");
            return this;
        }

        /** Adds one network to {@link #adminCidrs()}. */
        public Builder adminCidr(String cidr) {
            return adminCidrs(List.of(cidr));
        }

        /** Adds networks to {@link #adminCidrs()}. */
        public Builder adminCidrs(List<String> cidrs) {
            adminCidrs = added(adminCidrs, cidrs, "cidr");
            return this;
        }

        public Builder alerts(Alerts alerts) {
            this.alerts = Objects.requireNonNull(alerts, "alerts");
            return this;
        }

        /** @see PlatformArgs#acme() */
        public Builder acme(Acme acme) {
            this.acme = Objects.requireNonNull(acme, "acme");
            return this;
        }

        /**
         * Lifts the protection of {@code resources} ({@code app}, {@code zone}) so that
         * {@code pulumi up} may replace or destroy them. Move their data first
         * (docs/day-two.md). Default: both protected.
         */
        public Builder unprotect(List<String> resources) {
            resources.forEach(r -> unprotect.add(Objects.requireNonNull(r, "resource")));
            return this;
        }

        /** @see #unprotect(List) */
        public Builder unprotect(String... resources) {
            return unprotect(List.of(resources));
        }

        /** @see PlatformArgs#importZone() */
        public Builder importZone(String zoneName) {
            this.importZone = Objects.requireNonNull(zoneName, "zoneName");
            return this;
        }

        /** Adds one key to {@link PlatformArgs#importSshKeys()}: its MD5 fingerprint and its DigitalOcean id. */
        public Builder importSshKey(String fingerprint, String id) {
            importSshKeys.put(Objects.requireNonNull(fingerprint, "fingerprint"), Objects.requireNonNull(id, "id"));
            return this;
        }

        /** @see PlatformArgs#access() */
        public Builder access(HostAccess access) {
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * Every problem of the values given so far, in the order of the properties: what
         * {@link #build()} reports, the missing {@code access} aside (a stack file does not
         * give it: the program does).
         */
        public List<Problem> problems() {
            Validation v = new Validation()
                    .check("region", region, REGION)
                    .require("domain", domain)
                    .check("domain", domain, DOMAIN)
                    .check("image", image, IMAGE);
            checkBackups(v, appBackups);
            v.require("sshKeys", sshKeys).nonEmpty("sshKeys", sshKeys);
            if (sshKeys != null) {
                v.checkEach("sshKeys", sshKeys, SSH_KEY);
                List<PublicKey> seen = new ArrayList<>();
                for (int i = 0; i < sshKeys.size(); i++) {
                    Optional<PublicKey> key = PublicKey.parse(sshKeys.get(i));
                    if (key.isPresent() && seen.stream().anyMatch(key.get()::sameKey)) {
                        v.add(Problem.of("sshKeys[" + i + "]", sshKeys.get(i),
                                "is listed twice (one DigitalOcean key per public key)"));
                    }
                    key.ifPresent(seen::add);
                }
            }
            v.require("adminCidrs", adminCidrs).nonEmpty("adminCidrs", adminCidrs);
            if (adminCidrs != null) {
                v.checkEach("adminCidrs", adminCidrs, ADMIN_CIDR);
            }
            if (alerts != null) {
                v.checkEach("alerts.email", alerts.emails(), EMAIL)
                        .nonEmpty("alerts.email", alerts.emails())
                        .check("alerts.cpuPercent", alerts.cpuPercent(), PERCENT)
                        .check("alerts.memoryPercent", alerts.memoryPercent(), PERCENT)
                        .check("alerts.diskPercent", alerts.diskPercent(), PERCENT);
            }
            v.check("acme.directory", acme.directory(), ACME_DIRECTORY);
            acme.email().ifPresent(email -> v.check("acme.email", email, EMAIL));
            v.checkEach("unprotect", unprotect, UNPROTECT);
            checkImports(v);
            checkLayout(v);
            return v.problems();
        }

        private void checkImports(Validation v) {
            if (importZone != null && domain != null && !importZone.equals(domain)) {
                v.add(Problem.of("import.zone", importZone, "is not the zone of domain (\"" + domain
                        + "\"): a DigitalOcean domain is imported by its name"));
            }
            List<String> fingerprints = sshKeys == null ? List.of() : sshKeys.stream().map(PublicKey::parse)
                    .flatMap(Optional::stream).map(PublicKey::fingerprint).toList();
            importSshKeys.forEach((fingerprint, id) -> {
                String key = "import.sshKeys." + fingerprint;
                if (!FINGERPRINT.test(fingerprint)) {
                    v.add(Problem.ofKey(key, FINGERPRINT.reason()));
                } else if (!fingerprints.contains(fingerprint)) {
                    v.add(Problem.ofKey(key, "is not the fingerprint of a key of sshKeys (their fingerprints: "
                            + (fingerprints.isEmpty() ? "none" : String.join(", ", fingerprints)) + ")"));
                }
                v.check(key, id, SSH_KEY_ID);
            });
        }

        private void checkLayout(Validation v) {
            v.check("database.placement", database.placement(), DATABASE_PLACEMENT)
                    .check("database.size", database.size(), DATABASE_SIZE)
                    .check("database.nodes", database.nodes(), DATABASE_NODES)
                    .check("database.version", database.version(), DATABASE_VERSION)
                    .check("app.count", appLayout.count(), APP_COUNT);
            appLayout.autoscale().ifPresent(a -> v.check("app.autoscale.min", a.min(), AUTOSCALE_INSTANCES)
                    .check("app.autoscale.max", a.max(), AUTOSCALE_INSTANCES)
                    .check("app.autoscale.cpuPercent", a.cpuPercent(), AUTOSCALE_CPU));
            if (!DATABASE_PLACEMENT.test(database.placement())) {
                return;
            }
            Layout layout = Layout.of(database, appLayout);
            for (LayoutRow row : LAYOUT_ROWS) {
                if (!row.rule().test(layout)) {
                    v.add(Problem.of(row.key(), row.value().apply(layout), row.rule().reason()));
                }
            }
        }

        private static void checkBackups(Validation v, Backups backups) {
            v.check("app.backups.plan", backups.plan(), BACKUP_PLAN);
            backups.weekday().ifPresent(day -> v.check("app.backups.weekday", day, BACKUP_WEEKDAY));
            if (backups.plan().equals("daily") && backups.weekday().isPresent()) {
                v.add(Problem.of("app.backups.weekday", backups.weekday().get(),
                        "is not allowed with plan daily (daily backups have no weekday)"));
            }
            if (backups.plan().equals("weekly") && backups.weekday().isEmpty()) {
                v.add(Problem.ofKey("app.backups.weekday", "is required with plan weekly"));
            }
            v.check("app.backups.hour", backups.hour(), BACKUP_HOUR);
        }

        /**
         * @throws ConfigException naming every missing or invalid value, and refusing a list of
         *                         keys that leaves out the one the remote commands log in with
         *                         (when {@code access} can tell it)
         */
        public PlatformArgs build() {
            Validation v = new Validation().addAll(problems()).require("access", access);
            if (access != null && sshKeys != null) {
                access.sshPublicKey().filter(deploying -> sshKeys.stream().map(PublicKey::parse)
                        .flatMap(Optional::stream).noneMatch(deploying::sameKey)).ifPresent(deploying ->
                        v.add(Problem.ofKey("sshKeys", "does not list the key pulumi up logs in with ("
                                + deploying.shortForm() + "): the remote commands would lock themselves out of the "
                                + "droplets at the next up; keep that key listed, or deploy with a key that is")));
            }
            v.throwIfAny();
            return new PlatformArgs(this);
        }

        private static List<String> added(List<String> to, List<String> values, String what) {
            List<String> out = to == null ? new ArrayList<>() : to;
            values.forEach(v -> out.add(Objects.requireNonNull(v, what)));
            return out;
        }
    }
}
