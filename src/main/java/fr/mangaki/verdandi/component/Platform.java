package fr.mangaki.verdandi.component;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.cloudinit.CloudInit;
import fr.mangaki.verdandi.host.HostCommands;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.component.internal.Ssh;
import fr.mangaki.verdandi.resource.command.RemoteCommand;
import fr.mangaki.verdandi.resource.command.RemoteCommandArgs;
import fr.mangaki.verdandi.cloudinit.HostSpec;
import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.AppLayout;
import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.Database;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.PublicKey;
import fr.mangaki.verdandi.component.PlatformArgs.Protected;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseCluster;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseClusterArgs;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseFirewall;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseFirewallArgs;
import fr.mangaki.verdandi.resource.digitalocean.DatabaseFirewallRuleArgs;
import fr.mangaki.verdandi.resource.digitalocean.Domain;
import fr.mangaki.verdandi.resource.digitalocean.DomainArgs;
import fr.mangaki.verdandi.resource.digitalocean.Droplet;
import fr.mangaki.verdandi.resource.digitalocean.DropletArgs;
import fr.mangaki.verdandi.resource.digitalocean.DropletAutoscale;
import fr.mangaki.verdandi.resource.digitalocean.DropletAutoscaleArgs;
import fr.mangaki.verdandi.resource.digitalocean.DropletAutoscaleConfigArgs;
import fr.mangaki.verdandi.resource.digitalocean.DropletAutoscaleDropletTemplateArgs;
import fr.mangaki.verdandi.resource.digitalocean.DropletBackupPolicyArgs;
import fr.mangaki.verdandi.resource.digitalocean.Firewall;
import fr.mangaki.verdandi.resource.digitalocean.FirewallArgs;
import fr.mangaki.verdandi.resource.digitalocean.FirewallInboundRuleArgs;
import fr.mangaki.verdandi.resource.digitalocean.FirewallOutboundRuleArgs;
import fr.mangaki.verdandi.resource.digitalocean.MonitorAlert;
import fr.mangaki.verdandi.resource.digitalocean.MonitorAlertAlertsArgs;
import fr.mangaki.verdandi.resource.digitalocean.MonitorAlertArgs;
import fr.mangaki.verdandi.resource.digitalocean.SshKey;
import fr.mangaki.verdandi.resource.digitalocean.SshKeyArgs;
import fr.mangaki.verdandi.resource.digitalocean.Vpc;
import fr.mangaki.verdandi.resource.digitalocean.VpcArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mangaki's platform on DigitalOcean ({@code verdandi:platform:Platform}): a VPC; the front
 * droplet (NGINX, TLS) and the app droplet (gunicorn, PostgreSQL), both monitored and
 * bootstrapped by cloud-init; the app droplet's backups; the team's SSH keys; firewalls
 * (front: HTTP and HTTPS from anywhere, SSH from the admin networks and from the app droplet,
 * whose backups copy dumps there; app: SSH from the admin
 * networks, and each {@link Environment} opens its own port to the front only); the DNS
 * zone; CPU, memory and disk alerts when {@link PlatformArgs#alerts()} is set; and, on
 * each droplet, a remote command that keeps the host files cloud-init wrote current.
 *
 * <p>Children are named {@code <name>-<role>}: {@code mangaki-vpc}, {@code mangaki-front},
 * {@code mangaki-app}, {@code mangaki-front-firewall}, {@code mangaki-app-firewall},
 * {@code mangaki-zone}, {@code mangaki-key-<fingerprint>} (the key's MD5 fingerprint in hex:
 * a key keeps its resource wherever it is listed), {@code mangaki-cpu-alert},
 * {@code mangaki-app-files}...
 *
 * <p>Growing (docs/growth.md): {@code app.count} adds {@code mangaki-app-2}...; {@code app.standby}
 * adds {@code mangaki-app-standby}, the front's backup server; {@code app.autoscale} adds a
 * DigitalOcean Droplet Autoscale pool, {@code mangaki-app-pool}, whose members carry the tag
 * {@code mangaki-app-pool}; a managed database adds the clusters {@code mangaki-db} (PostgreSQL,
 * protected like the app droplet) and {@code mangaki-redis} (Valkey, when asked), each with a
 * firewall admitting the app droplets only ({@code mangaki-db-firewall}, {@code mangaki-redis-firewall}).
 * Only the primary app droplet is backed up and protected: with several app droplets the data is
 * the cluster's.
 *
 * <p>Day two: changing the team's keys never replaces a droplet. The droplets take their keys
 * (and user data) at creation only: both inputs are {@code willReplaceOnChanges} in the
 * DigitalOcean schema (../shared/schemas/digitalocean-4.76.0.json, droplet), so the droplets
 * ignore later changes of them, and the host-files command keeps the admin user's authorized
 * keys equal to {@link PlatformArgs#sshKeys()}. The app droplet (the databases) and the zone
 * are {@code protect}ed unless {@link PlatformArgs#isProtected} says otherwise: the engine
 * refuses to replace or delete a resource protected in both its state and the program.
 */
public final class Platform extends ComponentResource implements PlatformHandle {
    public static final String TYPE = "verdandi:platform:Platform";
    /** The user Verdandi creates on both droplets and logs in as. */
    public static final String ADMIN_USER = "verdandi";
    /** The droplet inputs {@code pulumi up} ignores after creation (both would replace the droplet). */
    public static final List<String> IGNORED_DROPLET_CHANGES = List.of("userData", "sshKeys");

    private final PlatformArgs args;
    private final String platformName;
    private final Vpc vpc;
    private final Droplet front;
    private final Droplet app;
    private final Domain zone;
    private final RemoteCommand frontFiles;
    private final RemoteCommand appFiles;
    private final Map<String, EnvironmentSlot> environments = new LinkedHashMap<>();
    private final List<Droplet> extraApps = new ArrayList<>();
    private final Map<String, RemoteCommand> appFilesByRole = new LinkedHashMap<>();
    private final List<AppHost> appHosts = new ArrayList<>();
    private final Optional<ManagedDatabases> databases;
    private final Optional<DropletAutoscale> pool;

    /** Declares the platform {@code name} (the prefix of its children's names) that {@code args} describe. */
    public Platform(String name, PlatformArgs args) {
        this(name, args, null);
    }

    public Platform(String name, PlatformArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.args = args;
        this.platformName = name;
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();

        this.vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .name(name + "-" + args.region())
                .region(args.region())
                .description("Private network of " + name + "'s droplets")
                .build(), child);

        List<SshKey> keys = new ArrayList<>();
        for (int i = 0; i < args.sshKeys().size(); i++) {
            String line = args.sshKeys().get(i);
            PublicKey key = PublicKey.parse(line).orElseThrow(() -> new ConfigException("sshKeys: not a key: " + line));
            CustomResourceOptions.Builder keyOptions = CustomResourceOptions.builder().parent(this)
                    // the name these keys had when they were named by their position: the first up
                    // after the rename moves them instead of creating each key a second time (which
                    // DigitalOcean refuses for a public key the account holds)
                    .aliases(Alias.builder().name(name + "-key-" + i).build());
            String importId = args.importSshKeys().get(key.fingerprint());
            if (importId != null) {
                keyOptions.importId(importId);
            }
            keys.add(new SshKey(keyResourceName(name, key), SshKeyArgs.builder()
                    .name(keyName(name, i, line))
                    .publicKey(line)
                    .build(), keyOptions.build()));
        }

        this.front = droplet(name, HostRole.FRONT, args.frontSize(), null, keys, false, child);
        this.app = droplet(name, HostRole.APP, args.appSize(), args.appBackups(), keys,
                args.isProtected(Protected.APP), child);
        Output<String> key = args.access().sshPrivateKey();
        this.frontFiles = hostFiles(name, HostRole.FRONT, front, key, args.sshKeys(), child);
        this.appFiles = hostFiles(name, HostRole.APP, app, key, args.sshKeys(), child);
        appFilesByRole.put("app", appFiles);
        appHosts.add(new AppHost("app", app.ipv4Address(), app.ipv4AddressPrivate(), app.dropletId(), false));
        AppLayout layout = args.appLayout();
        List<String> extraRoles = new ArrayList<>();
        for (int i = 2; i <= layout.count(); i++) {
            extraRoles.add("app-" + i);
        }
        if (layout.standby()) {
            extraRoles.add("app-standby");
        }
        for (String role : extraRoles) {
            Droplet extra = appDroplet(name, role, keys, child);
            extraApps.add(extra);
            appFilesByRole.put(role, new RemoteCommand(name + "-" + role + "-files", RemoteCommandArgs.builder()
                    .connection(Ssh.connection(extra.ipv4Address(), Output.of(ADMIN_USER), key))
                    .create(HostCommands.INSTALL_HOST_FILES)
                    .update(HostCommands.INSTALL_HOST_FILES)
                    .stdin(HostFiles.installScript(HostRole.APP, ADMIN_USER, args.sshKeys()))
                    .build(), child));
            appHosts.add(new AppHost(role, extra.ipv4Address(), extra.ipv4AddressPrivate(), extra.dropletId(),
                    role.equals("app-standby")));
        }
        List<Droplet> allApps = new ArrayList<>(List.of(app));
        allApps.addAll(extraApps);
        this.pool = layout.autoscale().map(a -> pool(name, a, keys, child));
        pool.ifPresent(p -> new RemoteCommand(name + "-front-pool", RemoteCommandArgs.builder()
                .connection(Ssh.connection(front.ipv4Address(), Output.of(ADMIN_USER), key))
                .create(HostCommands.standard().installPoolDiscovery())
                .update(HostCommands.standard().installPoolDiscovery())
                .delete(HostCommands.standard().removePoolDiscovery())
                .stdin(args.access().poolDiscoveryToken().applyValue(t -> t + "\n").asSecret())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(frontFiles).build()));
        // mangaki-app hands the environments to the pool's members, which fetch them at boot
        pool.ifPresent(p -> new RemoteCommand(name + "-app-join", RemoteCommandArgs.builder()
                .connection(Ssh.connection(app.ipv4Address(), Output.of(ADMIN_USER), key))
                .create(HostCommands.standard().installPoolJoin(poolTag(name)))
                .update(HostCommands.standard().installPoolJoin(poolTag(name)))
                .delete(HostCommands.standard().removePoolJoin())
                .stdin(args.access().poolDiscoveryToken().applyValue(t -> t + "\n").asSecret())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(appFiles).build()));
        this.databases = args.database().isManaged()
                ? Optional.of(databases(name, args.database(), allApps, child)) : Optional.empty();

        new Firewall(name + "-front-firewall", FirewallArgs.builder()
                .name(name + "-front")
                .droplets(List.of(front))
                .inboundRules(List.of(
                        inbound("80", List.of("0.0.0.0/0", "::/0")),
                        inbound("443", List.of("0.0.0.0/0", "::/0")),
                        inbound("22", args.adminCidrs()),
                        // the app's nightly dumps reach the front's dump receiver (docs/backups.md)
                        FirewallInboundRuleArgs.builder().protocol("tcp").portRange("22")
                                .sourceDroplets(allApps).build()))
                .outboundRules(outboundAll())
                .build(), child);
        List<FirewallInboundRuleArgs> appInbound = new ArrayList<>(List.of(inbound("22", args.adminCidrs())));
        // the pool's members fetch the environments from mangaki-app over SSH (pool-join)
        pool.ifPresent(p -> appInbound.add(FirewallInboundRuleArgs.builder().protocol("tcp").portRange("22")
                .sourceTags(List.of(poolTag(name))).build()));
        if (!extraApps.isEmpty() && layout.standby() && !args.database().isManaged()) {
            // the standby's PostgreSQL replicates the primary's (replication-allow, standby-follow)
            appInbound.add(FirewallInboundRuleArgs.builder().protocol("tcp").portRange("5432")
                    .sourceDroplets(extraApps.get(extraApps.size() - 1)).build());
        }
        FirewallArgs.Builder appFirewall = FirewallArgs.builder()
                .name(name + "-app")
                .droplets(allApps);
        pool.ifPresent(p -> appFirewall.tags(List.of(poolTag(name))));
        new Firewall(name + "-app-firewall", appFirewall
                .inboundRules(appInbound)
                .outboundRules(outboundAll())
                .build(), child);

        CustomResourceOptions.Builder zoneOptions = CustomResourceOptions.builder().parent(this)
                .protect(args.isProtected(Protected.ZONE));
        // a DigitalOcean domain is imported by its name (the schema's Import section of digitalocean:index/domain:Domain)
        args.importZone().ifPresent(zoneOptions::importId);
        this.zone = new Domain(name + "-zone", DomainArgs.builder().name(args.domain()).build(), zoneOptions.build());

        args.alerts().ifPresent(alerts -> {
            alert(name, "cpu", "v1/insights/droplet/cpu", alerts.cpuPercent(), alerts, allApps, child);
            alert(name, "memory", "v1/insights/droplet/memory_utilization_percent", alerts.memoryPercent(), alerts,
                    allApps, child);
            alert(name, "disk", "v1/insights/droplet/disk_utilization_percent", alerts.diskPercent(), alerts,
                    allApps, child);
        });

        registerOutputs(outputs());
    }

    /** The outputs a guest stack reads through a {@link PlatformReference}. */
    public Map<String, Output<?>> outputs() {
        Map<String, Output<?>> out = new LinkedHashMap<>();
        out.put(PlatformReference.ZONE, zone());
        out.put(PlatformReference.FRONT_IPV4, frontIpv4());
        out.put(PlatformReference.FRONT_DROPLET_ID, frontDropletId());
        out.put(PlatformReference.FRONT_PRIVATE_IPV4, frontPrivateIpv4());
        out.put(PlatformReference.APP_IPV4, appIpv4());
        out.put(PlatformReference.APP_PRIVATE_IPV4, appPrivateIpv4());
        out.put(PlatformReference.APP_DROPLET_ID, appDropletId());
        out.put(PlatformReference.VPC_ID, vpc.id());
        out.put(PlatformReference.ADMIN_USER, adminUser());
        out.put(PlatformReference.APP_HOST_COUNT, Output.of(appHosts.size()
                + args.appLayout().autoscale().map(AppLayout.Autoscale::max).orElse(0)));
        out.put(PlatformReference.ACME, Output.of(PlatformReference.acmeOutput(args.acme())));
        return out;
    }

    public PlatformArgs args() {
        return args;
    }

    public Vpc vpc() {
        return vpc;
    }

    public Droplet front() {
        return front;
    }

    public Droplet app() {
        return app;
    }

    @Override
    public Output<String> zone() {
        return zone.name();
    }

    @Override
    public Output<String> frontIpv4() {
        return front.ipv4Address();
    }

    @Override
    public Output<Integer> frontDropletId() {
        return front.dropletId();
    }

    @Override
    public Output<String> frontPrivateIpv4() {
        return front.ipv4AddressPrivate();
    }

    @Override
    public Output<String> appIpv4() {
        return app.ipv4Address();
    }

    @Override
    public Output<String> appPrivateIpv4() {
        return app.ipv4AddressPrivate();
    }

    @Override
    public Output<Integer> appDropletId() {
        return app.dropletId();
    }

    @Override
    public Output<String> adminUser() {
        return Output.of(ADMIN_USER);
    }

    @Override
    public Output<Acme> acme() {
        return Output.of(args.acme());
    }

    @Override
    public Output<Map<String, EnvironmentSlot>> environments() {
        return Output.of(Map.copyOf(environments));
    }

    /**
     * Claims a port and domains for an environment of this stack.
     *
     * @throws ConfigException when another environment of the platform holds them
     */
    void claim(String environment, EnvironmentSlot slot) {
        SlotConflicts.check(environment, slot, environments);
        environments.put(environment, slot);
    }

    /** Every environment's claim, for the stack outputs. */
    public Map<String, EnvironmentSlot> claims() {
        return Map.copyOf(environments);
    }

    /**
     * A droplet. It ignores later changes of its user data and keys: both replace a droplet
     * ({@code willReplaceOnChanges} in the DigitalOcean schema); cloud-init uses them at first
     * boot, and the host-files command keeps the files and the keys current afterwards.
     */
    private Droplet droplet(String name, HostRole role, DropletSize size, Backups backups, List<SshKey> keys,
            boolean protect, CustomResourceOptions child) {
        String roleName = role.name().toLowerCase(java.util.Locale.ROOT);
        DropletArgs.Builder b = DropletArgs.builder()
                .name(name + "-" + roleName)
                .image(args.image())
                .region(args.region())
                .size(size.slug())
                .vpc(vpc)
                .sshKeys(keys)
                .monitoring(true)
                .ipv6(true)
                .gracefulShutdown(true)
                .tags(List.of(name, name + "-" + roleName))
                .userData(userData(args, role));
        if (backups != null) {
            DropletBackupPolicyArgs.Builder policy = DropletBackupPolicyArgs.builder()
                    .plan(backups.plan())
                    .hour(backups.hour());
            backups.weekday().ifPresent(policy::weekday);
            b.backups(true).backupPolicy(policy.build());
        }
        return new Droplet(name + "-" + roleName, b.build(), CustomResourceOptions.merge(child,
                CustomResourceOptions.builder().ignoreChanges(IGNORED_DROPLET_CHANGES).protect(protect).build()));
    }

    /** The command that keeps the host files of the droplet of {@code role} current. */
    public RemoteCommand hostFiles(HostRole role) {
        return role == HostRole.FRONT ? frontFiles : appFiles;
    }

    /** The command that keeps the host files of the app droplet of {@code role} ({@code app}, {@code app-2}...) current. */
    public RemoteCommand appHostFiles(String role) {
        return appFilesByRole.get(role);
    }

    @Override
    public List<AppHost> appHosts() {
        return List.copyOf(appHosts);
    }

    @Override
    public Optional<String> appPoolTag() {
        return pool.map(p -> poolTag(platformName));
    }

    @Override
    public Optional<ManagedDatabases> managedDatabases() {
        return databases;
    }

    /** The app droplets besides the primary: {@code app-2}..., then the standby. */
    public List<Droplet> extraApps() {
        return List.copyOf(extraApps);
    }

    /** The autoscale pool, when {@code app.autoscale} is set. */
    public Optional<DropletAutoscale> pool() {
        return pool;
    }

    /** The tag of the autoscale pool's members: the front discovers them by it. */
    public static String poolTag(String platform) {
        return platform + "-app-pool";
    }

    /**
     * An app droplet besides the primary: same image, size, keys and user data, in the VPC, with
     * the app droplets' tag; not backed up (it holds no data of its own: the databases are a
     * managed cluster's, or, on the standby, a replica of the primary's). The standby of a local
     * database is protected like the primary: once promoted, it holds the live data.
     */
    private Droplet appDroplet(String name, String role, List<SshKey> keys, CustomResourceOptions child) {
        DropletArgs b = DropletArgs.builder()
                .name(name + "-" + role)
                .image(args.image())
                .region(args.region())
                .size(args.appSize().slug())
                .vpc(vpc)
                .sshKeys(keys)
                .monitoring(true)
                .ipv6(true)
                .gracefulShutdown(true)
                .tags(List.of(name, name + "-app"))
                .userData(userData(args, HostRole.APP))
                .build();
        // with a local database the standby holds a replica, and after a promotion the only live
        // copy (docs/growth.md): protected like the app droplet
        boolean protect = role.equals("app-standby") && !args.database().isManaged() && args.isProtected(Protected.APP);
        return new Droplet(name + "-" + role, b, CustomResourceOptions.merge(child,
                CustomResourceOptions.builder().ignoreChanges(IGNORED_DROPLET_CHANGES).protect(protect).build()));
    }

    /**
     * The Droplet Autoscale pool: DigitalOcean keeps between {@code min} and {@code max} app
     * droplets of the app's size and user data, tagged {@link #poolTag}, adding one when their
     * average CPU stays above {@code cpuPercent} (the schema's {@code targetCpuUtilization}, from 0 to 1).
     */
    private DropletAutoscale pool(String name, AppLayout.Autoscale a, List<SshKey> keys,
                                  CustomResourceOptions child) {
        Output<List<String>> fingerprints = fr.mangaki.verdandi.resource.internal.Inputs.all(
                keys.stream().map(SshKey::fingerprint).toList());
        return new DropletAutoscale(name + "-app-pool", DropletAutoscaleArgs.builder()
                .name(name + "-app-pool")
                .config(DropletAutoscaleConfigArgs.builder()
                        .minInstances(a.min())
                        .maxInstances(a.max())
                        .targetCpuUtilization(a.cpuPercent() / 100.0)
                        .cooldownMinutes(5)
                        .build())
                .dropletTemplate(DropletAutoscaleDropletTemplateArgs.builder()
                        .image(args.image())
                        .region(args.region())
                        .size(args.appSize().slug())
                        .sshKeys(fingerprints)
                        .vpcUuid(vpc.id())
                        .ipv6(true)
                        .withDropletAgent(true)
                        .tags(List.of(name, name + "-app", poolTag(name)))
                        .userData(app.ipv4AddressPrivate().applyValue(ip -> poolUserData(args, ip, poolTag(name))))
                        .build())
                .build(), child);
    }

    /**
     * The managed clusters: PostgreSQL ({@code mangaki-db}, protected unless {@code unprotect}
     * names {@code database}) and, when asked, Valkey ({@code mangaki-redis}), in the VPC, each
     * behind a firewall that admits the app droplets by id and the pool's members by tag.
     */
    private ManagedDatabases databases(String name, Database database, List<Droplet> apps,
                                       CustomResourceOptions child) {
        CustomResourceOptions protectedChild = CustomResourceOptions.merge(child, CustomResourceOptions.builder()
                .protect(args.isProtected(Protected.DATABASE)).build());
        DatabaseCluster postgres = new DatabaseCluster(name + "-db", DatabaseClusterArgs.builder()
                .name(name + "-db")
                .engine("pg")
                .version(database.version())
                .size(database.size())
                .nodeCount(database.nodes())
                .region(args.region())
                .privateNetworkUuid(vpc.id())
                .tags(List.of(name))
                .build(), protectedChild);
        databaseFirewall(name + "-db-firewall", postgres, apps, child);
        Optional<DatabaseCluster> redis = Optional.empty();
        if (database.redis()) {
            DatabaseCluster valkey = new DatabaseCluster(name + "-redis", DatabaseClusterArgs.builder()
                    .name(name + "-redis")
                    .engine("valkey")
                    .version("8")
                    .size(database.size())
                    .nodeCount(1)
                    .region(args.region())
                    .privateNetworkUuid(vpc.id())
                    .tags(List.of(name))
                    .build(), child);
            databaseFirewall(name + "-redis-firewall", valkey, apps, child);
            redis = Optional.of(valkey);
        }
        return new ManagedDatabases(postgres, redis);
    }

    private void databaseFirewall(String resourceName, DatabaseCluster cluster, List<Droplet> apps,
                                  CustomResourceOptions child) {
        List<Output<DatabaseFirewallRuleArgs>> rules = new ArrayList<>();
        for (Droplet d : apps) {
            rules.add(d.dropletId().applyValue(id -> DatabaseFirewallRuleArgs.builder()
                    .type("droplet").value(String.valueOf(id)).build()));
        }
        pool.ifPresent(p -> rules.add(Output.of(DatabaseFirewallRuleArgs.builder()
                .type("tag").value(poolTag(platformName)).build())));
        new DatabaseFirewall(resourceName, DatabaseFirewallArgs.builder()
                .cluster(cluster)
                .rules(fr.mangaki.verdandi.resource.internal.Inputs.all(rules))
                .build(), child);
    }

    /**
     * Cloud-init writes the host scripts and the admin user's keys at first boot only, and
     * DigitalOcean replaces a droplet whose user data or keys change (the app droplet holds the
     * databases): so the droplets ignore later changes of both, and this command writes the
     * files of the Verdandi version at hand and sets the admin user's authorized keys to
     * {@code sshKeys}, as root over SSH, whenever either changes (its script is its input).
     */
    private static RemoteCommand hostFiles(String name, HostRole role, Droplet droplet, Output<String> key,
            List<String> sshKeys, CustomResourceOptions child) {
        return new RemoteCommand(name + "-" + role.slug() + "-files",
                RemoteCommandArgs.builder()
                        .connection(Ssh.connection(droplet.ipv4Address(), Output.of(ADMIN_USER), key))
                        .create(HostCommands.INSTALL_HOST_FILES)
                        .update(HostCommands.INSTALL_HOST_FILES)
                        .stdin(HostFiles.installScript(role, ADMIN_USER, sshKeys))
                        .build(), child);
    }

    /** The cloud-init user data of the platform's droplet of {@code role}: what it boots with. */
    public static String userData(PlatformArgs args, HostRole role) {
        return userData(role, role == HostRole.FRONT ? args.frontSize() : args.appSize(), args.sshKeys());
    }

    /** The cloud-init user data of a platform's droplet of {@code role} and {@code size}, letting {@code sshKeys} in. */
    public static String userData(HostRole role, DropletSize size, List<String> sshKeys) {
        return CloudInit.render(new HostSpec(role, size, sshKeys, ADMIN_USER));
    }

    /**
     * The user data of the autoscale pool's members: the app's, plus {@code pool-join}, which
     * fetches the environments from mangaki-app ({@code appPrivateIpv4}) at boot (docs/growth.md).
     */
    public static String poolUserData(PlatformArgs args, String appPrivateIpv4, String poolTag) {
        return CloudInit.renderPoolMember(new HostSpec(HostRole.APP, args.appSize(), args.sshKeys(), ADMIN_USER),
                appPrivateIpv4, poolTag);
    }

    private static FirewallInboundRuleArgs inbound(String port, List<String> sources) {
        return FirewallInboundRuleArgs.builder().protocol("tcp").portRange(port).sourceAddresses(sources).build();
    }

    private static List<FirewallOutboundRuleArgs> outboundAll() {
        List<String> anywhere = List.of("0.0.0.0/0", "::/0");
        return List.of(
                FirewallOutboundRuleArgs.builder().protocol("tcp").portRange("1-65535")
                        .destinationAddresses(anywhere).build(),
                FirewallOutboundRuleArgs.builder().protocol("udp").portRange("1-65535")
                        .destinationAddresses(anywhere).build(),
                FirewallOutboundRuleArgs.builder().protocol("icmp").destinationAddresses(anywhere).build());
    }

    private void alert(String name, String what, String type, int percent, Alerts alerts, List<Droplet> apps,
            CustomResourceOptions child) {
        List<Droplet> watched = new ArrayList<>(List.of(front));
        watched.addAll(apps);
        new MonitorAlert(name + "-" + what + "-alert", MonitorAlertArgs.builder()
                .type(type)
                .compare("GreaterThan")
                .value((double) percent)
                .window("5m")
                .description(name + ": " + what + " above " + percent + " % for 5 minutes")
                .enabled(true)
                .droplets(watched)
                .alerts(MonitorAlertAlertsArgs.builder().emails(alerts.emails()).build())
                .build(), child);
    }

    /** The logical name of a key's resource: the platform's name, then the key's MD5 fingerprint in hex. */
    public static String keyResourceName(String platform, PublicKey key) {
        return platform + "-key-" + key.fingerprint().replace(":", "");
    }

    private static String keyName(String platform, int index, String publicKey) {
        String[] parts = publicKey.trim().split("\\s+", 3);
        return parts.length == 3 ? parts[2] : platform + "-key-" + index;
    }
}
