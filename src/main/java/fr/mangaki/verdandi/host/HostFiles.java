package fr.mangaki.verdandi.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The host scripts, systemd units and configuration files of each kind of host, read from
 * this package's resources: the droplets get exactly the files that the rehearsal runs.
 * Cloud-init writes the {@link #bootFiles boot files} at first boot (its user data is
 * limited to 64 KiB); the host files command of {@code pulumi up} ({@link #installScript})
 * then writes {@link #forRole every file}, the backup scripts and units included
 * (docs/backups.md), before any environment is installed.
 */
public final class HostFiles {

    /** Where the host scripts live on both hosts. */
    public static final String SCRIPT_DIR = "/usr/local/lib/verdandi";

    private static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("[a-z_][a-z0-9_-]{0,30}");

    private HostFiles() {
    }

    /**
     * The version of the role's host files on a host, written last by the host-files command:
     * the {@link #digest} of its other files. The install commands check it before they run a
     * script. Named after the role (one host has one role), so that a rehearsal of both hosts
     * under one root keeps both. Cloud-init does not write it: a new droplet has its files of
     * this version once its host-files command has run.
     */
    public static String versionFile(HostRole role) {
        return SCRIPT_DIR + "/host-files-" + role.slug() + ".version";
    }

    /**
     * Every file of the role, in a fixed order: the boot files, then the backup files, then
     * the {@link #versionFile}.
     */
    public static List<HostFile> forRole(HostRole role) {
        List<HostFile> files = new ArrayList<>(versioned(role));
        files.add(new HostFile(versionFile(role), "0644", digest(role) + "\n"));
        return List.copyOf(files);
    }

    /** The files of the role that the version covers: the boot files, then the backup files. */
    private static List<HostFile> versioned(HostRole role) {
        List<HostFile> files = new ArrayList<>(bootFiles(role));
        files.addAll(backupFiles(role));
        files.addAll(growthFiles(role));
        files.addAll(processFiles(role));
        return List.copyOf(files);
    }

    /**
     * On the app, what runs the environments' other processes (worker, beat...): process-start,
     * its readiness hook (docs/deploy.md, "Readiness"), process-sync and the unit template
     * env-install renders. Written by the host-files command only, not at first boot: no
     * process runs before an environment is installed, which that command precedes, and the
     * user data is near DigitalOcean's limit.
     */
    public static List<HostFile> processFiles(HostRole role) {
        if (role != HostRole.APP) {
            return List.of();
        }
        return List.of(script("process-start", "0755"), script("ready/sitecustomize.py", "0644"),
                script("process-sync", "0755"),
                resource("units/mangaki-process@.service", SCRIPT_DIR + "/mangaki-process@.service", "0644"));
    }

    /**
     * The scripts and units of a grown platform (docs/growth.md): on the front, the autoscale
     * pool's discovery (its install, {@code pool-sync}, its timer); on the app, the standby's
     * replication and promotion, the serving of the environments to the pool's members
     * ({@code join-install}), and the lock that runs a scheduler on one app droplet at a time.
     */
    public static List<HostFile> growthFiles(HostRole role) {
        List<HostFile> files = new ArrayList<>();
        if (role == HostRole.FRONT) {
            files.add(script("pool-install", "0755"));
            files.add(script("pool-sync", "0755"));
            files.add(script("pool-members.py", "0644"));
            for (String unit : List.of("verdandi-pool-sync.service", "verdandi-pool-sync.timer")) {
                files.add(resource("units/" + unit, "/etc/systemd/system/" + unit, "0644"));
            }
        } else {
            files.add(script("replication-allow", "0755"));
            files.add(script("standby-follow", "0755"));
            files.add(script("standby-promote", "0755"));
            // mangaki-app hands the environments to the pool's members (join-install)
            files.add(script("join-install", "0755"));
            files.add(script("join-keys", "0755"));
            files.add(script("bundle-serve", "0755"));
            files.add(script("pool-members.py", "0644"));
            // a scheduler on a shared database runs on one app droplet at a time (process-start)
            files.add(script("scheduler-lock.sh", "0644"));
        }
        return files;
    }

    /** Where a pool member's user data puts the settings of {@code pool-join}. */
    public static final String POOL_JOIN_SETTINGS = "/etc/verdandi/pool-join.conf";

    /**
     * What a member of the autoscale pool boots with (docs/growth.md): the app's system
     * settings (sshd, apt, journald, sysctl), {@code lib.sh}, {@code pool-join}, its unit, and
     * its settings, mangaki-app's private address {@code appPrivateIpv4} and the pool's tag
     * {@code poolTag} (no secret). The other scripts and units come from mangaki-app with the
     * environments (bundle-serve): the app's user data is close to DigitalOcean's 64 KiB.
     */
    public static List<HostFile> poolMemberFiles(String appPrivateIpv4, String poolTag) {
        List<HostFile> files = new ArrayList<>(bootFiles(HostRole.APP).stream()
                .filter(f -> !f.path().startsWith(SCRIPT_DIR + "/") && !f.path().startsWith("/etc/systemd/system/"))
                .toList());
        files.add(script("lib.sh", "0644"));
        files.add(script("pool-join", "0755"));
        files.add(resource("units/verdandi-pool-join.service", "/etc/systemd/system/verdandi-pool-join.service", "0644"));
        files.add(new HostFile(POOL_JOIN_SETTINGS, "0644", poolJoinSettings(appPrivateIpv4, poolTag)));
        return List.copyOf(files);
    }

    /** The text of {@link #POOL_JOIN_SETTINGS}. */
    public static String poolJoinSettings(String appPrivateIpv4, String poolTag) {
        return "# Written by cloud-init on a member of the autoscale pool (no secret here): pool-join\n"
                + "# fetches the environments from mangaki-app at this address (docs/growth.md).\n"
                + "APP=" + appPrivateIpv4 + "\nPOOL_TAG=" + poolTag + "\n";
    }

    /**
     * The backup scripts and units of the role (docs/backups.md): on the app, the nightly
     * dump, the restore, their install and the 26-hour watch; on the front, the dump
     * receiver, its install and removal, and the sshd rules of its user.
     */
    public static List<HostFile> backupFiles(HostRole role) {
        List<HostFile> files = new ArrayList<>();
        if (role == HostRole.APP) {
            files.add(script("backup.sh", "0644"));
            files.add(script("backup-install", "0755"));
            files.add(script("env-backup", "0755"));
            files.add(script("env-restore", "0755"));
            files.add(script("backup-watch", "0755"));
            files.add(script("backup-remove", "0755"));
            for (String unit : List.of("verdandi-backup@.service", "verdandi-backup@.timer",
                    "verdandi-backup-watch@.service", "verdandi-backup-watch@.timer")) {
                files.add(resource("units/" + unit, "/etc/systemd/system/" + unit, "0644"));
            }
        } else {
            files.add(script("dump-receive", "0755"));
            files.add(script("dumps-install", "0755"));
            files.add(script("dumps-remove", "0755"));
            files.add(resource("files/sshd-verdandi-dumps.conf", "/etc/ssh/sshd_config.d/60-verdandi-dumps.conf", "0644"));
        }
        return List.copyOf(files);
    }

    /** The files cloud-init writes at first boot, in a fixed order. */
    public static List<HostFile> bootFiles(HostRole role) {
        List<HostFile> files = new ArrayList<>();
        files.add(resource("files/sshd-verdandi.conf", "/etc/ssh/sshd_config.d/50-verdandi.conf", "0644"));
        files.add(resource("files/52verdandi-periodic", "/etc/apt/apt.conf.d/52verdandi-periodic", "0644"));
        files.add(resource("files/journald-verdandi.conf", "/etc/systemd/journald.conf.d/50-verdandi.conf", "0644"));
        files.add(resource("files/sysctl-verdandi.conf", "/etc/sysctl.d/90-verdandi.conf", "0644"));
        files.add(script("lib.sh", "0644"));
        if (role == HostRole.APP) {
            files.add(script("env-install", "0755"));
            files.add(script("env-remove", "0755"));
            files.add(script("deploy", "0755"));
            files.add(script("deploy-loop", "0755"));
            files.add(script("gunicorn-start", "0755"));
            files.add(script("gunicorn.conf.py", "0644"));
            files.add(script("python-check.py", "0644"));
            files.add(script("poetry-export.py", "0644"));
            files.add(script("collectstatic.py", "0644"));
            // templates env-install renders per environment
            files.add(resource("nginx/verdandi-environment.conf", SCRIPT_DIR + "/nginx-environment.conf", "0644"));
            files.add(resource("units/mangaki@.service", "/etc/systemd/system/mangaki@.service", "0644"));
            files.add(resource("units/verdandi-deploy@.service", "/etc/systemd/system/verdandi-deploy@.service", "0644"));
            // deploys on push: the listener that tells the deploy loop to look now (docs/deploy.md)
            files.add(script("look-now-listen", "0755"));
            files.add(resource("units/verdandi-look-now@.service", "/etc/systemd/system/verdandi-look-now@.service", "0644"));
        } else {
            files.add(script("site-install", "0755"));
            files.add(script("site-remove", "0755"));
            files.add(resource("units/verdandi-certificate@.service",
                    "/etc/systemd/system/verdandi-certificate@.service", "0644"));
            files.add(resource("units/verdandi-certificate@.timer",
                    "/etc/systemd/system/verdandi-certificate@.timer", "0644"));
            files.add(resource("nginx/verdandi.conf", "/etc/nginx/conf.d/verdandi.conf", "0644"));
            files.add(resource("nginx/verdandi-front-log.conf", "/etc/nginx/conf.d/verdandi-front-log.conf", "0644"));
            files.add(resource("nginx/verdandi-proxy.conf", "/etc/nginx/snippets/verdandi-proxy.conf", "0644"));
            files.add(resource("nginx/verdandi-default", "/etc/nginx/sites-available/verdandi-default", "0644"));
            // the front's own jobs (docs/deploy.md, "The front"): analytics, alerts, maintenance, push
            files.add(script("webhook-receive", "0755"));
            files.add(script("analytics-report", "0755"));
            files.add(script("front-alerts", "0755"));
            files.add(script("goaccess.conf", "0644"));
            for (String page : maintenancePages()) {
                files.add(script("maintenance/" + page, "0644"));
            }
            for (String unit : List.of("verdandi-webhook.service", "verdandi-analytics@.service",
                    "verdandi-analytics@.timer", "verdandi-front-alerts@.service", "verdandi-front-alerts@.timer")) {
                files.add(resource("units/" + unit, "/etc/systemd/system/" + unit, "0644"));
            }
        }
        return List.copyOf(files);
    }

    /**
     * A digest of every file of the role (paths, modes and contents), the version file aside:
     * it changes exactly when what cloud-init writes on such a host changes.
     */
    public static String digest(HostRole role) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (HostFile f : versioned(role)) {
                for (String part : List.of(f.path(), f.permissions(), f.content())) {
                    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                    sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                    sha.update(bytes);
                }
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * A bash script that writes every file of the role where cloud-init wrote it (under
     * {@code VERDANDI_ROOT} when set), each atomically with its mode, the version file last,
     * then reloads what reads them, and sets the authorized keys of {@code adminUser} to
     * exactly {@code sshKeys}. {@code pulumi up} runs it as root whenever the files or the
     * keys change, so that a host keeps the scripts of the Verdandi version that manages it,
     * and the team's keys, without being rebuilt.
     *
     * <p>Its first argument is the file sshd names in {@code SSH_USER_AUTH} (the droplets'
     * sshd exposes it, {@code ExposeAuthInfo}): the key the session logged in with. A list of
     * keys without that key is refused before anything is written (the remote commands would
     * lock themselves out). When the session's key is not known (a host whose sshd did not
     * expose it yet: it does from this run's reload on), keys are added but none is removed:
     * the script fails after writing the files, and the next {@code pulumi up} runs it again.
     *
     * @throws IllegalStateException when a file does not end with a newline or contains the
     *                               here-document delimiter
     * @throws IllegalArgumentException when the user is not a Linux user name or a key is not one line
     */
    public static String installScript(HostRole role, String adminUser, List<String> sshKeys) {
        if (adminUser == null || !USER.matcher(adminUser).matches()) {
            throw new IllegalArgumentException("adminUser: '" + adminUser + "' is not a Linux user name");
        }
        if (sshKeys.isEmpty() || sshKeys.stream().anyMatch(k -> k.isBlank() || k.contains("\n") || k.contains("\r")
                || k.equals(HEREDOC_END))) {
            throw new IllegalArgumentException("sshKeys: one OpenSSH public key per line, at least one");
        }
        StringBuilder s = new StringBuilder();
        s.append("#!/usr/bin/env bash\n")
                .append("# Writes Verdandi's host files of the ").append(role.slug())
                .append(" host, as cloud-init did at first boot, then reloads what\n")
                .append("# reads them, and sets the authorized keys of ").append(adminUser)
                .append(" to mangaki:sshKeys. Run as root; VERDANDI_ROOT\n")
                .append("# (default /) prefixes every path. $1: the file sshd names in SSH_USER_AUTH, whose key\n")
                .append("# (the one this session logged in with) is never removed.\n")
                .append("set -euo pipefail\n\n")
                .append("root=${VERDANDI_ROOT:-}\n")
                .append("admin=").append(adminUser).append("\n\n")
                .append("info() { printf 'verdandi: %s\\n' \"$*\" >&2; }\n")
                .append("fail() { printf 'verdandi: %s\\n' \"$*\" >&2; exit 1; }\n\n")
                .append("# put PATH MODE < content: replaces PATH atomically\n")
                .append("put() {\n")
                .append("  local target=$root$1 tmp\n")
                .append("  install -d -m 0755 \"$(dirname \"$target\")\"\n")
                .append("  tmp=$(mktemp \"$target.XXXXXX\")\n")
                .append("  cat >\"$tmp\" || { rm -f \"$tmp\"; fail \"cannot write $target\"; }\n")
                .append("  chmod \"$2\" \"$tmp\"\n")
                .append("  mv -f \"$tmp\" \"$target\"\n")
                .append("}\n\n")
                .append("reload() {\n")
                .append("  if [[ -n \"$root\" ]]; then\n")
                .append("    info \"files written under $root; nothing reloaded\"\n")
                .append("    return\n")
                .append("  fi\n")
                // systemd-sysctl.service's own condition (ConditionPathIsReadWrite=/proc/sys/):
                // a container leaves the kernel's settings to its host
                .append("  if [[ -w /proc/sys ]]; then\n")
                .append("    sysctl --system >/dev/null\n")
                .append("  else\n")
                .append("    info \"/proc/sys is read-only (a container): kernel settings are the host's\"\n")
                .append("  fi\n")
                .append("  systemctl restart systemd-journald\n")
                .append("  systemctl reload ssh\n");
        if (role == HostRole.APP) {
            s.append("  systemctl daemon-reload\n")
                    .append("  # what the backups run on hosts that booted before they existed (docs/backups.md)\n")
                    .append("  dpkg-query -W gnupg s3cmd >/dev/null 2>&1 ||\n")
                    .append("    DEBIAN_FRONTEND=noninteractive apt-get install -y -q gnupg s3cmd >/dev/null\n");
        } else {
            s.append("  systemctl daemon-reload\n")
                    .append("  # what the front's own jobs run on hosts that booted before they existed (docs/deploy.md)\n")
                    .append("  dpkg-query -W goaccess logrotate >/dev/null 2>&1 ||\n")
                    .append("    DEBIAN_FRONTEND=noninteractive apt-get install -y -q goaccess logrotate >/dev/null\n")
                    .append("  nginx -t && systemctl reload nginx\n");
        }
        s.append("}\n\n")
                .append("# The keys of mangaki:sshKeys, one per line.\n")
                .append("keys() {\n")
                .append("  cat <<'").append(HEREDOC_END).append("'\n");
        sshKeys.forEach(k -> s.append(k.strip()).append('\n'));
        s.append(HEREDOC_END).append("\n")
                .append("}\n\n")
                .append("# \"TYPE BLOB\" of each key line on stdin (options and comments aside).\n")
                .append("key_ids() {\n")
                .append("  awk '{ for (i = 1; i < NF; i++) if ($i ~ /^(ssh-|ecdsa-|sk-)/) { print $i \" \" $(i + 1); break } }'\n")
                .append("}\n\n")
                .append("# \"TYPE BLOB\" of the key this session logged in with (from sshd's SSH_USER_AUTH file $1);\n")
                .append("# nothing when it is not known.\n")
                .append("session_keys() {\n")
                .append("  [[ -n \"${1:-}\" && -r \"${1:-}\" ]] || return 0\n")
                .append("  awk '$1 == \"publickey\" { print $2 \" \" $3 }' \"$1\"\n")
                .append("}\n\n")
                .append("# Refuses, before anything is written, a list of keys without this session's.\n")
                .append("check_session_key() {\n")
                .append("  local wanted key\n")
                .append("  wanted=$(keys | key_ids)\n")
                .append("  while IFS= read -r key; do\n")
                .append("    [[ -z \"$key\" ]] && continue\n")
                .append("    grep -qxF -- \"$key\" <<<\"$wanted\" ||\n")
                .append("      fail \"refusing to remove the key this session logged in with (${key%% *} ...${key: -12})"
                        + " from the authorized keys of $admin: pulumi up would lock itself out of this host;"
                        + " keep that key in mangaki:sshKeys\"\n")
                .append("  done < <(session_keys \"${1:-}\")\n")
                .append("}\n\n")
                .append("# Sets the admin user's authorized keys to exactly mangaki:sshKeys.\n")
                .append("write_keys() {\n")
                .append("  local home file removed tmp\n")
                .append("  home=$(getent passwd \"$admin\" | cut -d: -f6) || fail \"no user $admin on this host\"\n")
                .append("  file=$root$home/.ssh/authorized_keys\n")
                .append("  if [[ -f \"$file\" && -z \"$(session_keys \"${1:-}\")\" ]]; then\n")
                .append("    removed=$(key_ids <\"$file\" | grep -cvxF -f <(keys | key_ids) || true)\n")
                .append("    if [[ \"$removed\" != 0 ]]; then\n")
                .append("      fail \"$removed key(s) to remove from the authorized keys of $admin, but the key this session"
                        + " logged in with is not known (sshd exposes it from this run on): run pulumi up again\"\n")
                .append("    fi\n")
                .append("  fi\n")
                .append("  install -d -m 0700 -o \"$admin\" -g \"$(id -gn \"$admin\")\" \"$(dirname \"$file\")\"\n")
                .append("  tmp=$(mktemp \"$file.XXXXXX\")\n")
                .append("  keys >\"$tmp\" || { rm -f \"$tmp\"; fail \"cannot write $file\"; }\n")
                .append("  chown \"$admin:$(id -gn \"$admin\")\" \"$tmp\"\n")
                .append("  chmod 0600 \"$tmp\"\n")
                .append("  mv -f \"$tmp\" \"$file\"\n")
                .append("  info \"authorized keys of $admin: the $(keys | key_ids | wc -l) of mangaki:sshKeys\"\n")
                .append("}\n\n")
                .append("main() {\n")
                .append("  check_session_key \"${1:-}\"\n");
        for (HostFile f : forRole(role)) {
            if (!f.content().endsWith("\n")) {
                throw new IllegalStateException(f.path() + ": a host file ends with a newline");
            }
            if (f.content().lines().anyMatch(HEREDOC_END::equals)) {
                throw new IllegalStateException(f.path() + ": contains the line " + HEREDOC_END);
            }
            s.append("  put ").append(f.path()).append(' ').append(f.permissions()).append(" <<'")
                    .append(HEREDOC_END).append("'\n").append(f.content()).append(HEREDOC_END).append('\n');
        }
        s.append("  reload\n")
                .append("  info \"").append(forRole(role).size()).append(" host files up to date\"\n")
                .append("  write_keys \"${1:-}\"\n")
                .append("}\n\n")
                .append("main \"$@\"\n");
        return s.toString();
    }

    private static final String HEREDOC_END = "VERDANDI_HOST_FILE_END";

    /**
     * The maintenance pages the front serves when an environment's app host does not answer,
     * by name: {@code default.html}, and {@code NAME.html} for an environment that has a page
     * of its own (files of {@code src/main/resources/fr/mangaki/verdandi/host/maintenance/}).
     */
    public static List<String> maintenancePages() {
        java.net.URL dir = HostFiles.class.getResource("maintenance/default.html");
        if (dir == null) {
            throw new IllegalStateException("missing host resource maintenance/default.html");
        }
        try {
            java.net.URI uri = dir.toURI();
            if (uri.getScheme().equals("jar")) {
                try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
                    return pageNames(jar.provider().getPath(uri).getParent());
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return pageNames(java.nio.file.FileSystems.getFileSystem(uri).provider().getPath(uri).getParent());
                }
            }
            return pageNames(java.nio.file.Path.of(uri).getParent());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> pageNames(java.nio.file.Path dir) throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.equals("default.html") || n.matches("[a-z][a-z0-9-]{0,22}\\.html"))
                    .sorted().toList();
        }
    }

    /** The text of one resource of this package, e.g. {@code deploy} or {@code units/mangaki@.service}. */
    public static String read(String name) {
        try (InputStream in = HostFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing host resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HostFile script(String name, String permissions) {
        return resource(name, SCRIPT_DIR + "/" + name, permissions);
    }

    private static HostFile resource(String name, String path, String permissions) {
        return new HostFile(path, permissions, read(name));
    }
}
