package fr.mangaki.verdandi.component;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import fr.mangaki.verdandi.component.PlatformHandle.EnvironmentSlot;
import fr.mangaki.verdandi.component.internal.Ssh;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.host.HostCommands;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.resource.command.RemoteCommand;
import fr.mangaki.verdandi.resource.command.RemoteCommandArgs;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseCluster;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseDb;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseDbArgs;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseUser;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseUserArgs;
import fr.mangaki.verdandi.resource.digitalocean.DnsRecord;
import fr.mangaki.verdandi.resource.digitalocean.DnsRecordArgs;
import fr.mangaki.verdandi.resource.digitalocean.Firewall;
import fr.mangaki.verdandi.resource.digitalocean.FirewallArgs;
import fr.mangaki.verdandi.resource.digitalocean.FirewallInboundRuleArgs;
import fr.mangaki.verdandi.resource.digitalocean.UptimeAlert;
import fr.mangaki.verdandi.resource.digitalocean.UptimeAlertArgs;
import fr.mangaki.verdandi.resource.digitalocean.UptimeAlertNotificationArgs;
import fr.mangaki.verdandi.resource.digitalocean.UptimeCheck;
import fr.mangaki.verdandi.resource.digitalocean.UptimeCheckArgs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One environment of the application on a platform ({@code verdandi:environment:Environment}):
 * an A record per domain pointing at the front (the zone's apex as {@code @}), a firewall
 * opening the environment's port on the app droplet to the front only, an HTTPS uptime
 * check of its main domain (with an alert when {@link EnvironmentArgs#alertEmails()} is
 * set), and the remote commands that install it and its database's backups on the app droplet
 * and the front over SSH.
 *
 * <p>Refused, with a {@link ConfigException}, when another environment of the platform
 * already uses its port or one of its domains. Children are named {@code <name>-<role>}:
 * {@code production-dns-mangaki-fr}, {@code production-dns-www-mangaki-fr}, {@code production-firewall},
 * {@code production-uptime}, {@code production-uptime-alert}, {@code production-app-install},
 * {@code production-front-site}, {@code production-app-backups} and {@code production-front-dumps}.
 *
 * <p>On a grown platform (docs/growth.md) it is installed on every app droplet
 * ({@code production-app-2-install}, {@code production-app-standby-install}...), and the front's
 * server block lists them all (the standby as a backup server, the autoscale pool's members as
 * the front discovers them). With a managed database it has a database and a user of its own on
 * the platform's cluster ({@code production-db}, kept when the environment is destroyed, and
 * {@code production-db-user}); their connection string reaches the app droplets as a secret,
 * never in clear in the plan.
 */
public final class Environment extends ComponentResource {
    public static final String TYPE = "verdandi:environment:Environment";
    /** The TTL of the environment's DNS records, in seconds. */
    public static final int DNS_TTL = 300;

    private final EnvironmentSettings settings;
    private final Output<String> url;
    private Optional<Output<String>> databaseEnvironment = Optional.empty();

    /** Declares the environment that {@code args} describe, named after it ({@link EnvironmentArgs#name()}). */
    public Environment(EnvironmentArgs args) {
        this(args, null);
    }

    public Environment(EnvironmentArgs args, ComponentResourceOptions options) {
        super(TYPE, args.name(), options);
        this.settings = args.settings();
        String name = args.name();
        PlatformHandle platform = args.platform();
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        EnvironmentSlot slot = new EnvironmentSlot(settings.port(), settings.domains());
        if (platform instanceof Platform local) {
            local.claim(name, slot);
        }
        // the port goes through the platform's claims so that a clash fails the registration
        Output<String> port = platform.environments().applyValue(taken -> {
            SlotConflicts.check(name, slot, taken);
            return String.valueOf(settings.port());
        });
        if (platform instanceof PlatformReference reference) {
            // a guest installs on the one app droplet it knows of (docs/growth.md)
            port = Output.tuple(port, reference.appHostCount()).applyValue(t -> {
                if (t.t2 > 1) {
                    throw new ConfigException("mangaki:hosting: the platform of stack " + reference.stackName()
                            + " has " + t.t2 + " app droplets (mangaki:app.count, standby or autoscale there): a guest "
                            + "environment installs on one only; give the environment droplets of its own or make it "
                            + "the platform's (docs/growth.md)");
                }
                return t.t1;
            });
        }

        List<PlatformHandle.AppHost> hosts = platform.appHosts();
        FirewallArgs.Builder firewall = FirewallArgs.builder()
                .name(name + "-" + settings.port())
                .dropletIds(fr.mangaki.verdandi.resource.internal.Inputs.all(
                        hosts.stream().map(PlatformHandle.AppHost::dropletId).toList()))
                .inboundRules(List.of(FirewallInboundRuleArgs.builder()
                        .protocol("tcp")
                        .portRange(port)
                        .sourceDropletIds(platform.frontDropletId().applyValue(List::of))
                        .build()));
        platform.appPoolTag().ifPresent(tag -> firewall.tags(List.of(tag)));
        new Firewall(name + "-firewall", firewall.build(), child);

        for (String domain : settings.domains()) {
            Output<String> record = platform.zone().applyValue(zone -> relativeName(domain, zone));
            new DnsRecord(name + "-dns-" + role(domain), DnsRecordArgs.builder()
                    .domain(platform.zone())
                    .type("A")
                    .name(record)
                    .value(platform.frontIpv4())
                    .ttl(DNS_TTL)
                    .build(), child);
        }

        this.url = Output.of("https://" + settings.mainDomain());
        UptimeCheck check = new UptimeCheck(name + "-uptime", UptimeCheckArgs.builder()
                .name(name + " " + settings.mainDomain())
                .target(url)
                .type("https")
                .regions(args.uptimeRegions())
                .enabled(true)
                .build(), child);
        if (!args.alertEmails().isEmpty()) {
            new UptimeAlert(name + "-uptime-alert", UptimeAlertArgs.builder()
                    .check(check)
                    .name(name + " is down")
                    .type("down")
                    .period("2m")
                    .notifications(List.of(UptimeAlertNotificationArgs.builder()
                            .emails(args.alertEmails()).build()))
                    .build(), child);
        }

        install(name, platform, args.access());

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("url", url);
        outputs.put("port", Output.of(settings.port()));
        outputs.put("domains", Output.of(settings.domains()));
        registerOutputs(outputs);
    }

    /**
     * Installs the environment over SSH as the platform's admin user, with the host scripts
     * cloud-init put on the droplets: on the app droplet {@code env-install} (its env file
     * on standard input, written mode 0600 for the environment's user), on the front
     * {@code site-install} (its server block, proxying to the app droplet's private address, and
     * its certificates from the platform's ACME server).
     * Both run again when the settings, the env file or the host scripts change (their command
     * lines carry the host files' version, and the app's the env and settings files'); deleting the
     * environment runs {@code env-remove} and {@code site-remove}.
     *
     * <p>No {@code triggers}: the command provider replaces a command whose triggers change
     * ({@code replaceOnChanges} in ../shared/schemas/command-1.2.1.json; pulumi-go-provider
     * v1.3.0, infer/resource.go, {@code Diff} forces a replacement for such a property even
     * when {@code update} is set), and a replacement runs the old resource's {@code delete}
     * (env-remove) after the new one's {@code create}. A change of the command line is an
     * update in place: {@code update} runs.
     */
    private void install(String name, PlatformHandle platform, HostAccess access) {
        HostCommands commands = HostCommands.standard();
        Output<String> key = access.sshPrivateKey();
        String refresh = hostFilesAdvice(platform);
        List<Resource> frontAfter = platform instanceof Platform local
                ? List.of(local.hostFiles(HostRole.FRONT)) : List.of();
        // the env file and the settings files travel as one secret on standard input
        List<String> files = settings.application().settingsFiles().values().stream().distinct().sorted().toList();
        List<Output<String>> inputs = new ArrayList<>();
        inputs.add(access.environmentFile(name));
        // their versions ride on the command line, so that a new file is an update in place
        List<String> versions = new ArrayList<>(List.of(access.environmentFileVersion(name)));
        for (String file : files) {
            inputs.add(access.settingsFile(name, file));
            versions.add(file + "=" + access.settingsFileVersion(name, file));
        }
        Optional<Output<String>> databaseEnv = platform.managedDatabases().map(m -> managedDatabase(name, m));
        this.databaseEnvironment = databaseEnv;
        databaseEnv.ifPresent(inputs::add);
        boolean managed = databaseEnv.isPresent();
        String installEnvironment = commands.installEnvironment(settings, refresh, String.join(" ", versions), managed);
        Output<String> stdin = Output.all(inputs).applyValue(texts -> {
            Map<String, String> settingsFiles = new LinkedHashMap<>();
            for (int i = 0; i < files.size(); i++) {
                settingsFiles.put(files.get(i), texts.get(i + 1));
            }
            if (managed) {
                settingsFiles.put(HostCommands.DATABASE_ENV, texts.get(files.size() + 1));
            }
            return HostCommands.installInput(texts.get(0), settingsFiles);
        });
        if (managed) {
            stdin = stdin.asSecret();
        }
        List<Resource> installs = new ArrayList<>();
        RemoteCommand app = null;
        for (PlatformHandle.AppHost host : platform.appHosts()) {
            // on the platform's own stack, install with the host files of this version
            List<Resource> after = platform instanceof Platform local
                    ? List.of(local.appHostFiles(host.role())) : List.of();
            RemoteCommand install = new RemoteCommand(name + "-" + host.role() + "-install", RemoteCommandArgs.builder()
                    .connection(Ssh.connection(host.ipv4(), platform.adminUser(), key))
                    .create(installEnvironment)
                    .update(installEnvironment)
                    .delete(commands.removeEnvironment(name))
                    .stdin(stdin)
                    .build(), childAfter(after));
            installs.add(install);
            if (app == null) {
                app = install;
            }
        }
        List<Output<String>> serving = platform.appHosts().stream().filter(h -> !h.standby())
                .map(PlatformHandle.AppHost::privateIpv4).toList();
        List<Output<String>> standby = platform.appHosts().stream().filter(PlatformHandle.AppHost::standby)
                .map(PlatformHandle.AppHost::privateIpv4).toList();
        Optional<String> poolTag = platform.appPoolTag();
        String envFileVersion = access.environmentFileVersion(name);
        Output<String> installSite = Output.tuple(fr.mangaki.verdandi.resource.internal.Inputs.all(serving),
                        fr.mangaki.verdandi.resource.internal.Inputs.all(standby), platform.acme())
                .applyValue(t -> commands.installSite(settings, t.t1, t.t2, poolTag, t.t3, refresh,
                        envFileVersion));
        installBackups(name, platform, access, commands, key, app, frontAfter, refresh);
        if (managed) {
            installBeforeMigrateBackups(name, platform, access, commands, key, installs, refresh);
        }
        new RemoteCommand(name + "-front-site", RemoteCommandArgs.builder()
                .connection(Ssh.connection(platform.frontIpv4(), platform.adminUser(), key))
                .create(installSite)
                .update(installSite)
                .delete(commands.removeSite(name))
                // the alerts' Slack webhook and the push webhook's secret, as a Pulumi secret
                .stdin(access.environmentFile(name).applyValue(HostCommands::frontSecrets).asSecret())
                .build(), childAfter(Stream.concat(frontAfter.stream(), installs.stream()).toList()));
    }

    /**
     * The environment's database and user on the platform's managed PostgreSQL cluster, both
     * named {@code mangaki-NAME} like a local one (the database is kept when the environment
     * is destroyed, as a local one is), and, with Redis, one of the Valkey cluster's 16
     * databases (the port modulo 16); returns {@code database.env}, the URLs that
     * {@code env-install --managed-database} reads, as a secret: the user's password is one in
     * the provider's schema, and the whole text is marked secret again here.
     */
    private Output<String> managedDatabase(String name, PlatformHandle.ManagedDatabases clusters) {
        String role = "mangaki-" + name;
        DatabaseCluster postgres = clusters.postgres();
        DatabaseDb db = new DatabaseDb(name + "-db", DatabaseDbArgs.builder()
                .cluster(postgres)
                .name(role)
                .build(), CustomResourceOptions.builder().parent(this).retainOnDelete(true).build());
        DatabaseUser user = new DatabaseUser(name + "-db-user", DatabaseUserArgs.builder()
                .cluster(postgres)
                .name(role)
                .build(), CustomResourceOptions.builder().parent(this).build());
        Output<String> databaseUrl = Output.tuple(user.password(), postgres.privateHost(), postgres.port(), db.name())
                .applyValue(t -> "DATABASE_URL=" + postgresUrl(role, t.t1, t.t2, t.t3, t.t4) + "\n");
        Output<String> redisUrl = Output.of("");
        if (settings.application().redis() && clusters.redis().isPresent()) {
            DatabaseCluster valkey = clusters.redis().get();
            int index = settings.port() % 16;
            redisUrl = Output.tuple(valkey.user(), valkey.password(), valkey.privateHost(), valkey.port())
                    .applyValue(t -> "REDIS_URL=rediss://" + encode(t.t1) + ":" + encode(t.t2) + "@" + t.t3 + ":"
                            + t.t4 + "/" + index + "\n");
        }
        return Output.tuple(databaseUrl, redisUrl).applyValue(t -> t.t1 + t.t2).asSecret();
    }

    /** A libpq URL over TLS inside the VPC (DigitalOcean's clusters require TLS). */
    static String postgresUrl(String user, String password, String host, Integer port, String database) {
        return "postgresql://" + encode(user) + ":" + encode(password) + "@" + host + ":" + port + "/"
                + encode(database) + "?sslmode=require";
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(String.valueOf(s), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * What the install commands tell to run when the platform's host files are not the version
     * they need: the platform's {@code pulumi up} (a guest's), or this stack's again.
     */
    public static String hostFilesAdvice(PlatformHandle platform) {
        return platform instanceof PlatformReference reference
                ? "run pulumi up -s " + reference.stack() + " first"
                : "run pulumi up of this stack again (its host-files command did not complete)";
    }

    /**
     * Installs the environment's backups (docs/backups.md): on the app droplet
     * {@code backup-install}, with the public keys of {@code secrets/recipients/} on standard
     * input, which prints the environment's backup SSH key; on the front {@code dumps-install},
     * which lets that key (and nothing else) store the environment's dumps over the VPC.
     * Deleting the environment turns its backups off and revokes the key; dumps are kept.
     */
    private void installBackups(String name, PlatformHandle platform, HostAccess access, HostCommands commands,
                                Output<String> key, RemoteCommand app, List<Resource> frontAfter, String refresh) {
        String recipients = access.backupRecipients();
        Output<String> install = platform.frontPrivateIpv4()
                .applyValue(ip -> commands.installBackups(name, settings.backups(), ip, refresh));
        RemoteCommand backups = new RemoteCommand(name + "-app-backups", RemoteCommandArgs.builder()
                .connection(Ssh.connection(platform.appIpv4(), platform.adminUser(), key))
                .create(install)
                .update(install)
                .delete(commands.removeBackups(name, settings.backups()))
                .stdin(Output.of(recipients))
                .build(), childAfter(List.of(app)));
        String dumps = commands.installDumps(name, settings.backups().keepDays(), refresh);
        new RemoteCommand(name + "-front-dumps", RemoteCommandArgs.builder()
                .connection(Ssh.connection(platform.frontIpv4(), platform.adminUser(), key))
                .create(dumps)
                .update(dumps)
                .delete(commands.removeDumps(name))
                .stdin(backups.stdout())
                .build(), childAfter(Stream.concat(frontAfter.stream(), Stream.of(backups)).toList()));
    }

    /**
     * With a managed database, the backups of the app droplets other than the first
     * (docs/backups.md): no nightly dump (the first droplet's dumps the shared database), but
     * the dump before migrations, which the deploy of whichever droplet migrates takes first.
     */
    private void installBeforeMigrateBackups(String name, PlatformHandle platform, HostAccess access,
                                             HostCommands commands, Output<String> key, List<Resource> installs,
                                             String refresh) {
        List<PlatformHandle.AppHost> hosts = platform.appHosts();
        String install = commands.installBeforeMigrateBackups(name, refresh);
        for (int i = 1; i < hosts.size() && i < installs.size(); i++) {
            PlatformHandle.AppHost host = hosts.get(i);
            new RemoteCommand(name + "-" + host.role() + "-backups", RemoteCommandArgs.builder()
                    .connection(Ssh.connection(host.ipv4(), platform.adminUser(), key))
                    .create(install)
                    .update(install)
                    .delete(commands.removeBackups(name))
                    .stdin(Output.of(access.backupRecipients()))
                    .build(), childAfter(List.of(installs.get(i))));
        }
    }

    /** Options of a child registered after {@code dependencies}. */
    private CustomResourceOptions childAfter(List<Resource> dependencies) {
        return CustomResourceOptions.builder().parent(this).dependsOn(dependencies).build();
    }

    public EnvironmentSettings settings() {
        return settings;
    }

    /**
     * With a managed database, the {@code database.env} the app droplets receive (the connection
     * strings, a secret); empty when the databases are local.
     */
    public Optional<Output<String>> databaseEnvironment() {
        return databaseEnvironment;
    }

    /** The environment's main URL. */
    public Output<String> url() {
        return url;
    }

    /** The record name of {@code domain} inside {@code zone}: {@code @} for the apex. */
    static String relativeName(String domain, String zone) {
        if (domain.equals(zone)) {
            return "@";
        }
        if (!domain.endsWith("." + zone)) {
            throw new ConfigException("mangaki:environment.domains: \"" + domain
                    + "\" is not inside the platform's zone \"" + zone + "\"");
        }
        return domain.substring(0, domain.length() - zone.length() - 1);
    }

    /** The role of a domain's record in child names: its labels joined by '-'. */
    private static String role(String domain) {
        return domain.replace('.', '-');
    }
}
