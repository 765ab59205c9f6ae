package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.ApplicationSettings;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import fr.mangaki.verdandi.host.internal.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The command lines that install and remove an environment on the hosts, run over SSH as
 * the admin user by the remote commands of {@code pulumi up}. They call the host scripts
 * that cloud-init wrote (see {@link HostFiles}), through {@code sudo -n}. Each is built
 * from a token list ({@code ...Tokens}, what tests run) and shell-quoted.
 *
 * <p>The install commands first wait for cloud-init to finish (a new droplet may still be
 * installing packages when SSH answers), then check that the host's files are the version
 * they were written for ({@link HostFiles#versionFile}): a guest stack of a newer or older
 * Verdandi than its platform's is refused, with what to run, before any script runs. The
 * command fails, so {@code pulumi up} runs it again next time: the command provider's
 * {@code Update} returns no new state with an error (pulumi-command v1.2.1,
 * provider/pkg/provider/remote/commandController.go; pulumi-go-provider v1.3.0,
 * infer/resource.go: a partial state only for a ResourceInitFailedError), so the engine keeps
 * the old inputs and sees the change again.
 */
public final class HostCommands {

    /**
     * Waits for the first boot's cloud-init where it runs (it makes {@code /run/cloud-init}
     * early in boot); its status (even an error) does not stop the install. A host that
     * cloud-init never booted has nothing to wait for ({@code status --wait} would wait forever).
     */
    public static final String WAIT_FOR_CLOUD_INIT =
            "if [ -d /run/cloud-init ]; then cloud-init status --wait >/dev/null 2>&1 || true; fi";

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*");

    /**
     * Runs the host-files script (on standard input) as root, giving it the file where sshd
     * names the key the session logged in with ({@code SSH_USER_AUTH}, with
     * {@code ExposeAuthInfo}; empty where sshd does not expose it).
     */
    public static final String INSTALL_HOST_FILES = WAIT_FOR_CLOUD_INIT + "; sudo -n bash -s -- \"${SSH_USER_AUTH:-}\"";

    private final String scriptDir;
    private final List<String> prefix;

    /**
     * @param scriptDir where the host scripts are ({@link HostFiles#SCRIPT_DIR} on the droplets)
     * @param sudo      whether to run them through {@code sudo -n} (the admin user is not root)
     */
    public HostCommands(String scriptDir, boolean sudo) {
        this.scriptDir = Objects.requireNonNull(scriptDir, "scriptDir");
        this.prefix = sudo ? List.of("sudo", "-n") : List.of();
    }

    /** The commands as run on the droplets: scripts in {@link HostFiles#SCRIPT_DIR}, through sudo. */
    public static HostCommands standard() {
        return new HostCommands(HostFiles.SCRIPT_DIR, true);
    }

    /**
     * Installs or updates the environment on the app host; the environment file (the
     * application's secrets, KEY=VALUE lines) and its settings files go to the command's
     * standard input ({@link #installInput}). The environment's NGINX listens on all
     * addresses: the cloud firewall lets only the front reach the port.
     *
     * @param refresh        what to run when the host's files are not this version's (the
     *                       end of the refusal: {@code run pulumi up -s production first})
     * @param envFileVersion the versions of the env file and the settings files, carried at the
     *                       end of the command (a comment) so that a new file shows in a plan
     *                       and re-runs it
     */
    public String installEnvironment(EnvironmentSettings env, String refresh, String envFileVersion) {
        return installEnvironment(env, refresh, envFileVersion, false);
    }

    /**
     * {@link #installEnvironment(EnvironmentSettings, String, String)}, with
     * {@code --managed-database} when {@code managedDatabase}: the databases are a managed
     * cluster's, whose URLs come in the bundle's {@link #DATABASE_ENV} (docs/growth.md).
     */
    public String installEnvironment(EnvironmentSettings env, String refresh, String envFileVersion,
                                     boolean managedDatabase) {
        return WAIT_FOR_CLOUD_INIT + "; " + requireHostFiles(HostRole.APP, refresh) + "; "
                + ShellQuote.join(installEnvironmentTokens(env, null, managedDatabase)) + " # env file "
                + plain(envFileVersion);
    }

    /** The bundle's file holding a managed database's URLs ({@code DATABASE_URL}, {@code REDIS_URL}). */
    public static final String DATABASE_ENV = "database.env";

    /**
     * A check that the host's files are the version of this Verdandi's {@code role} files: when
     * they are not (or predate the version file), it prints
     * {@code verdandi: the platform's host files are version X, this stack needs Y: <refresh>}
     * and exits 1.
     */
    public String requireHostFiles(HostRole role, String refresh) {
        String wanted = HostFiles.digest(role);
        String file = scriptDir + HostFiles.versionFile(role).substring(HostFiles.SCRIPT_DIR.length());
        return "v=$(cat " + ShellQuote.quote(file) + " 2>/dev/null || echo unknown); if [ \"$v\" != " + wanted
                + " ]; then echo \"verdandi: the platform's host files are version $v, this stack needs " + wanted
                + ": \"" + ShellQuote.quote(plain(refresh)) + " >&2; exit 1; fi";
    }

    /**
     * The tokens of {@link #installEnvironment}; {@code listenAddress} (an IP address)
     * replaces gunicorn's default of all addresses when not null.
     */
    public List<String> installEnvironmentTokens(EnvironmentSettings env, String listenAddress) {
        return installEnvironmentTokens(env, listenAddress, false);
    }

    /** The tokens of {@link #installEnvironment(EnvironmentSettings, String, String, boolean)}. */
    public List<String> installEnvironmentTokens(EnvironmentSettings env, String listenAddress,
                                                 boolean managedDatabase) {
        List<String> t = script("env-install", env.name());
        t.addAll(List.of("--branch", env.branch(), "--repository", env.repository(),
                "--port", Integer.toString(env.port()), "--poll-seconds", Integer.toString(env.pollSeconds())));
        for (String domain : env.domains()) {
            t.addAll(List.of("--domain", domain));
        }
        for (String gate : env.gates()) {
            t.addAll(List.of("--gate", gate));
        }
        ApplicationSettings app = env.application();
        if (!app.python().equals(ApplicationSettings.DEFAULT_PYTHON)) {
            t.addAll(List.of("--python", app.python()));
        }
        app.processes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            t.addAll(List.of("--process", e.getKey() + "=" + e.getValue().command().orElse("")));
            e.getValue().graceSeconds().ifPresent(g -> t.addAll(List.of("--process-grace", e.getKey() + "=" + g)));
            e.getValue().handover().ifPresent(h -> t.addAll(List.of("--process-handover", e.getKey() + "=" + h)));
        });
        if (app.settleSeconds() != ApplicationSettings.DEFAULT_SETTLE_SECONDS) {
            t.addAll(List.of("--process-settle", Integer.toString(app.settleSeconds())));
        }
        for (String extension : app.postgresExtensions()) {
            t.addAll(List.of("--postgres-extension", extension));
        }
        if (app.redis()) {
            t.add("--redis");
        }
        app.settingsFiles().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> t.addAll(List.of("--settings-file", e.getKey() + "=" + e.getValue())));
        if (listenAddress != null) {
            t.addAll(List.of("--listen", requireAddress(listenAddress, "listenAddress")));
        }
        if (managedDatabase) {
            t.add("--managed-database");
        }
        return t;
    }

    /**
     * What {@code env-install} reads on standard input: the env file alone when there is no
     * settings file; otherwise a bundle, {@code #verdandi-files boundary=B}, then each file
     * after a line {@code --B NAME} ({@code app.env} first, then the settings files by name),
     * closed by {@code --B--}. B is derived from the contents (the same files give the same
     * text, so that Pulumi sees no change) and occurs in none of them. Each file ends with a
     * newline in the bundle.
     *
     * @param envFile       the environment file's text
     * @param settingsFiles file name → text
     */
    public static String installInput(String envFile, java.util.Map<String, String> settingsFiles) {
        Objects.requireNonNull(envFile, "envFile");
        if (settingsFiles.isEmpty()) {
            return envFile;
        }
        java.util.TreeMap<String, String> files = new java.util.TreeMap<>(settingsFiles);
        String boundary;
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(envFile.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            files.forEach((k, v) -> sha.update((k + "\0" + v).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            boundary = "vf" + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 30);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        StringBuilder s = new StringBuilder("#verdandi-files boundary=").append(boundary).append('\n');
        s.append("--").append(boundary).append(" app.env\n").append(withNewline(envFile));
        files.forEach((name, text) -> s.append("--").append(boundary).append(' ').append(name).append('\n')
                .append(withNewline(text)));
        return s.append("--").append(boundary).append("--\n").toString();
    }

    private static String withNewline(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    /** Removes the environment from the app host; its PostgreSQL database is kept. */
    public String removeEnvironment(String envName) {
        return ShellQuote.join(removeEnvironmentTokens(envName));
    }

    public List<String> removeEnvironmentTokens(String envName) {
        return script("env-remove", envName);
    }

    /**
     * Installs or updates the environment's NGINX server block on the front: its domains
     * proxied to its port at the app droplet's private address, its access log, alerts and
     * report, its maintenance page and its push webhook (docs/deploy.md, "The front"). Listens
     * on 80 and 443. The front's secrets go to the command's standard input
     * ({@link #frontSecrets}).
     *
     * @param refresh        what to run when the front's files are not this version's
     * @param envFileVersion the env file's version, carried at the end of the command (a
     *                       comment) so that a new secret re-runs it
     */
    public String installSite(EnvironmentSettings env, String appPrivateAddress, String refresh, String envFileVersion) {
        return WAIT_FOR_CLOUD_INIT + "; " + requireHostFiles(HostRole.FRONT, refresh) + "; "
                + ShellQuote.join(installSiteTokens(env, appPrivateAddress, null, null)) + " # env file "
                + plain(envFileVersion);
    }

    /**
     * {@link #installSite(EnvironmentSettings, String, String, String)}, and the certificate of
     * every domain from the ACME server {@code acme} (HTTP-01 through the front), renewed by
     * certbot's timer.
     */
    public String installSite(EnvironmentSettings env, String appPrivateAddress, Acme acme, String refresh,
                              String envFileVersion) {
        return WAIT_FOR_CLOUD_INIT + "; " + requireHostFiles(HostRole.FRONT, refresh) + "; "
                + ShellQuote.join(installSiteTokens(env, appPrivateAddress, null, null, acme)) + " # env file "
                + plain(envFileVersion);
    }

    /** The tokens of {@link #installSite(EnvironmentSettings, String, Acme, String, String)}; {@code acme} may be null (no ACME). */
    public List<String> installSiteTokens(EnvironmentSettings env, String appPrivateAddress,
                                          String listenHttp, String listenHttps, Acme acme) {
        List<String> t = installSiteTokens(env, appPrivateAddress, listenHttp, listenHttps);
        if (acme != null) {
            t.addAll(List.of("--acme-directory", acme.directory()));
            acme.email().ifPresent(e -> t.addAll(List.of("--acme-email", e)));
        }
        return t;
    }

    /**
     * Installs or updates the environment's server block on the front for several app droplets
     * (docs/growth.md): its domains proxied to an upstream of every serving address (passive
     * health checks: a droplet that fails is taken out for a while), the standby addresses as
     * backup servers, and the members of the autoscale pool of tag {@code poolTag}, which the
     * front's {@code pool-sync} timer discovers; certificates from {@code acme}. With one address
     * and nothing else, the same command as {@link #installSite(EnvironmentSettings, String, Acme, String, String)}:
     * what the program runs.
     */
    public String installSite(EnvironmentSettings env, List<String> appPrivateAddresses, List<String> backupAddresses,
                              Optional<String> poolTag, Acme acme, String refresh, String envFileVersion) {
        return WAIT_FOR_CLOUD_INIT + "; " + requireHostFiles(HostRole.FRONT, refresh) + "; "
                + ShellQuote.join(installSiteTokens(env, appPrivateAddresses, backupAddresses, poolTag, null, null, acme))
                + " # env file " + plain(envFileVersion);
    }

    /** The tokens of {@link #installSite(EnvironmentSettings, List, List, Optional, Acme, String, String)} with no ACME. */
    public List<String> installSiteTokens(EnvironmentSettings env, List<String> appPrivateAddresses,
                                          List<String> backupAddresses, Optional<String> poolTag,
                                          String listenHttp, String listenHttps) {
        return installSiteTokens(env, appPrivateAddresses, backupAddresses, poolTag, listenHttp, listenHttps, (Acme) null);
    }

    /** The tokens of {@link #installSite(EnvironmentSettings, List, List, Optional, Acme, String, String)}; {@code acme} may be null. */
    public List<String> installSiteTokens(EnvironmentSettings env, List<String> appPrivateAddresses,
                                          List<String> backupAddresses, Optional<String> poolTag,
                                          String listenHttp, String listenHttps, Acme acme) {
        if (appPrivateAddresses.isEmpty()) {
            throw new IllegalArgumentException("appPrivateAddresses: at least one app droplet serves");
        }
        List<String> t = installSiteTokens(env, appPrivateAddresses.get(0), listenHttp, listenHttps, acme);
        List<String> more = new ArrayList<>();
        for (String address : appPrivateAddresses.subList(1, appPrivateAddresses.size())) {
            more.addAll(List.of("--upstream", hostPort(address, env.port())));
        }
        for (String address : backupAddresses) {
            more.addAll(List.of("--backup", hostPort(address, env.port())));
        }
        poolTag.ifPresent(tag -> more.addAll(List.of("--pool", tag)));
        // after the first --upstream and its value
        int at = t.indexOf("--upstream") + 2;
        t.addAll(at, more);
        return t;
    }

    private static String hostPort(String address, int port) {
        String a = requireAddress(address, "appPrivateAddress");
        return (a.contains(":") ? "[" + a + "]" : a) + ":" + port;
    }

    /**
     * The tokens of {@link #installSite}; {@code listenHttp} and {@code listenHttps}
     * ({@code [ADDRESS:]PORT}) replace ports 80 and 443 when not null.
     */
    public List<String> installSiteTokens(EnvironmentSettings env, String appPrivateAddress,
                                          String listenHttp, String listenHttps) {
        return installSiteTokens(env, appPrivateAddress, listenHttp, listenHttps, (Integer) null);
    }

    /**
     * {@link #installSiteTokens(EnvironmentSettings, String, String, String)} with the webhook
     * receiver's loopback port instead of 9380 when {@code webhookPort} is not null.
     */
    public List<String> installSiteTokens(EnvironmentSettings env, String appPrivateAddress,
                                          String listenHttp, String listenHttps, Integer webhookPort) {
        String address = requireAddress(appPrivateAddress, "appPrivateAddress");
        String host = address.contains(":") ? "[" + address + "]" : address;
        List<String> t = script("site-install", env.name());
        t.addAll(List.of("--upstream", host + ":" + env.port()));
        for (String domain : env.domains()) {
            t.addAll(List.of("--domain", domain));
        }
        t.addAll(List.of("--branch", env.branch(),
                "--alert-rpm", Integer.toString(env.front().requestsPerMinute()),
                "--alert-error-percent", Integer.toString(env.front().errorRatePercent()),
                "--log-days", Integer.toString(env.front().accessLogDays())));
        if (listenHttp != null) {
            t.addAll(List.of("--listen-http", listenHttp));
        }
        if (listenHttps != null) {
            t.addAll(List.of("--listen-https", listenHttps));
        }
        if (webhookPort != null) {
            t.addAll(List.of("--webhook-port", Integer.toString(webhookPort)));
        }
        t.add("--secrets-stdin");
        return t;
    }

    /**
     * Installs the front's discovery of the autoscale pool (docs/growth.md): the DigitalOcean
     * token on standard input, the timer that runs {@code pool-sync}.
     */
    public String installPoolDiscovery() {
        return WAIT_FOR_CLOUD_INIT + "; " + ShellQuote.join(script("pool-install"));
    }

    /**
     * Lets the autoscale pool's members of tag {@code poolTag} fetch the environments from
     * mangaki-app (docs/growth.md): the DigitalOcean token on standard input, the account
     * {@code verdandi-join} and its sshd rules ({@code join-install}).
     */
    public String installPoolJoin(String poolTag) {
        return WAIT_FOR_CLOUD_INIT + "; " + ShellQuote.join(installPoolJoinTokens(poolTag));
    }

    /** The tokens of {@link #installPoolJoin}. */
    public List<String> installPoolJoinTokens(String poolTag) {
        List<String> t = script("join-install");
        t.addAll(List.of("--pool", poolTag));
        return t;
    }

    /** Turns the pool's join off on mangaki-app and removes its token. */
    public String removePoolJoin() {
        List<String> t = script("join-install");
        t.add("--remove");
        return ShellQuote.join(t);
    }

    /** Turns the front's pool discovery off and removes its token. */
    public String removePoolDiscovery() {
        List<String> t = script("pool-install");
        t.add("--remove");
        return ShellQuote.join(t);
    }

    /** The keys of the environment file that the front needs: its alerts' Slack webhook, the push webhook's secret. */
    public static final List<String> FRONT_SECRET_KEYS = List.of("SLACK_WEBHOOK_URL", "DEPLOY_WEBHOOK_SECRET");

    /**
     * What {@code site-install} reads on standard input: the lines of the environment file
     * that set one of {@link #FRONT_SECRET_KEYS} (the last one of each wins, as in the file),
     * and nothing else of the application's secrets.
     */
    public static String frontSecrets(String envFile) {
        Objects.requireNonNull(envFile, "envFile");
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
        for (String line : envFile.split("\r?\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=.*").matcher(line);
            if (m.matches() && FRONT_SECRET_KEYS.contains(m.group(1))) {
                kept.put(m.group(1), line.strip().replaceFirst("^export\\s+", ""));
            }
        }
        StringBuilder s = new StringBuilder();
        kept.values().forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }

    /** Removes the environment's server block from the front. */
    public String removeSite(String envName) {
        return ShellQuote.join(removeSiteTokens(envName));
    }

    public List<String> removeSiteTokens(String envName) {
        return script("site-remove", envName);
    }

    /**
     * Installs or updates the environment's backups on the app host (docs/backups.md); the
     * recipients' public keys (ASCII armour, the files of {@code secrets/recipients/}) go to
     * the command's standard input, and the command prints the environment's backup SSH
     * public key, which {@link #installDumps} authorizes on the front.
     *
     * @param frontPrivateAddress the front droplet's private address, where the nightly
     *                            dumps are copied; null for no copy
     * @param refresh             what to run when the app's host files are not this version's
     */
    public String installBackups(String envName, DatabaseBackups backups, String frontPrivateAddress, String refresh) {
        return WAIT_FOR_CLOUD_INIT + "; " + requireHostFiles(HostRole.APP, refresh) + "; "
                + ShellQuote.join(installBackupsTokens(envName, backups, frontPrivateAddress, null));
    }

    /** The tokens of {@link #installBackups}; {@code offsitePort} replaces SSH's port 22 when not null. */
    public List<String> installBackupsTokens(String envName, DatabaseBackups backups, String offsiteHost,
                                             Integer offsitePort) {
        List<String> t = script("backup-install", envName);
        t.addAll(List.of("--nightly", backups.nightly() ? "on" : "off", "--hour", Integer.toString(backups.hour()),
                "--keep-days", Integer.toString(backups.keepDays())));
        if (offsiteHost != null) {
            t.addAll(List.of("--offsite-host", requireAddress(offsiteHost, "offsiteHost")));
        }
        if (offsitePort != null) {
            t.addAll(List.of("--offsite-port", Integer.toString(offsitePort)));
        }
        backups.bucket().ifPresent(b -> t.addAll(List.of("--s3-bucket", b.name(), "--s3-endpoint", b.endpoint(),
                "--s3-region", b.region())));
        return t;
    }

    /**
     * On an app droplet other than the first, with a managed database (docs/backups.md): the
     * environment's backups without the nightly dump, for the dumps a deploy of that droplet
     * takes before migrating the shared database (the recipients' keys, the sudo rule); the
     * recipients' public keys go to standard input, as for {@link #installBackups}.
     */
    public String installBeforeMigrateBackups(String envName, String refresh) {
        return WAIT_FOR_CLOUD_INIT + "; " + requireHostFiles(HostRole.APP, refresh) + "; "
                + ShellQuote.join(installBeforeMigrateBackupsTokens(envName)) + " >/dev/null";
    }

    public List<String> installBeforeMigrateBackupsTokens(String envName) {
        List<String> t = script("backup-install", envName);
        t.addAll(List.of("--nightly", "off"));
        return t;
    }

    /** Turns the environment's backups off on the app host; its dumps are kept. */
    public String removeBackups(String envName) {
        return ShellQuote.join(removeBackupsTokens(envName));
    }

    /**
     * {@link #removeBackups(String)}, carrying what the backups are (a comment,
     * {@link DatabaseBackups#describe}): the one command line of the backups that a plan knows
     * before apply (the install's holds the front's address), so that a plan shows them, prices
     * their bucket, and a change of them updates the command in place.
     */
    public String removeBackups(String envName, DatabaseBackups backups) {
        return removeBackups(envName) + " # backups: " + plain(backups.describe());
    }

    public List<String> removeBackupsTokens(String envName) {
        return script("backup-remove", envName);
    }

    /**
     * Lets the environment's backups store dumps on the front (kept {@code keepDays} days);
     * the app's backup SSH public key goes to the command's standard input.
     *
     * @param refresh what to run when the front's host files are not this version's
     */
    public String installDumps(String envName, int keepDays, String refresh) {
        return WAIT_FOR_CLOUD_INIT + "; " + requireHostFiles(HostRole.FRONT, refresh) + "; "
                + ShellQuote.join(installDumpsTokens(envName, keepDays));
    }

    public List<String> installDumpsTokens(String envName, int keepDays) {
        List<String> t = script("dumps-install", envName);
        t.addAll(List.of("--keep-days", Integer.toString(keepDays)));
        return t;
    }

    /** Revokes the environment's backup key on the front; the dumps received are kept. */
    public String removeDumps(String envName) {
        return ShellQuote.join(removeDumpsTokens(envName));
    }

    public List<String> removeDumpsTokens(String envName) {
        return script("dumps-remove", envName);
    }

    /**
     * Restores the environment's database from a dump on the app host (docs/backups.md);
     * the secret key of a recipient (ASCII armour) goes to the command's standard input.
     */
    public List<String> restoreTokens(String envName, String dump) {
        List<String> t = script("env-restore", envName);
        t.addAll(List.of("--from", dump));
        return t;
    }

    /** The tokens running script {@code name} with no argument. */
    private List<String> script(String name) {
        List<String> t = new ArrayList<>(prefix);
        t.add(scriptDir + "/" + name);
        return t;
    }

    private List<String> script(String name, String envName) {
        Objects.requireNonNull(envName, "envName");
        List<String> t = new ArrayList<>(prefix);
        t.add(scriptDir + "/" + name);
        t.add(envName);
        return t;
    }

    /** A text the commands carry: one line of printable characters. */
    private static String plain(String text) {
        if (text == null || text.isEmpty() || !text.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            throw new IllegalArgumentException("not one line of printable text: '" + text + "'");
        }
        return text;
    }

    private static String requireAddress(String address, String what) {
        if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            throw new IllegalArgumentException(what + ": '" + address + "' is not an IPv4 or IPv6 address");
        }
        return address;
    }
}
