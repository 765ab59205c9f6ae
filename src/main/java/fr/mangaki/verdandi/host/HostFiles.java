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

    private HostFiles() {
    }

    /** Every file of the role, in a fixed order: the boot files, then the backup files. */
    public static List<HostFile> forRole(HostRole role) {
        List<HostFile> files = new ArrayList<>(bootFiles(role));
        files.addAll(backupFiles(role));
        return List.copyOf(files);
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
            files.add(resource("units/mangaki@.service", "/etc/systemd/system/mangaki@.service", "0644"));
            files.add(resource("units/verdandi-deploy@.service", "/etc/systemd/system/verdandi-deploy@.service", "0644"));
        } else {
            files.add(script("site-install", "0755"));
            files.add(script("site-remove", "0755"));
            files.add(resource("units/verdandi-certificate@.service",
                    "/etc/systemd/system/verdandi-certificate@.service", "0644"));
            files.add(resource("units/verdandi-certificate@.timer",
                    "/etc/systemd/system/verdandi-certificate@.timer", "0644"));
            files.add(resource("nginx/verdandi.conf", "/etc/nginx/conf.d/verdandi.conf", "0644"));
            files.add(resource("nginx/verdandi-proxy.conf", "/etc/nginx/snippets/verdandi-proxy.conf", "0644"));
            files.add(resource("nginx/verdandi-default", "/etc/nginx/sites-available/verdandi-default", "0644"));
        }
        return List.copyOf(files);
    }

    /**
     * A digest of every file of the role (paths, modes and contents): it changes exactly when
     * what cloud-init writes on such a host changes.
     */
    public static String digest(HostRole role) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (HostFile f : forRole(role)) {
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
     * {@code VERDANDI_ROOT} when set), each atomically with its mode, then reloads what
     * reads them. {@code pulumi up} runs it as root when the files change, so that a host
     * keeps the scripts of the Verdandi version that manages it without being rebuilt.
     *
     * @throws IllegalStateException when a file does not end with a newline or contains the
     *                               here-document delimiter
     */
    public static String installScript(HostRole role) {
        StringBuilder s = new StringBuilder();
        s.append("#!/usr/bin/env bash\n")
                .append("# Writes Verdandi's host files of the ").append(role.name().toLowerCase(java.util.Locale.ROOT))
                .append(" host, as cloud-init did at first boot, then reloads what\n")
                .append("# reads them. Run as root; VERDANDI_ROOT (default /) prefixes every path.\n")
                .append("set -euo pipefail\n\n")
                .append("root=${VERDANDI_ROOT:-}\n\n")
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
            s.append("  systemctl daemon-reload\n");
            s.append("  nginx -t && systemctl reload nginx\n");
        }
        s.append("}\n\n").append("main() {\n");
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
                .append("}\n\n")
                .append("main \"$@\"\n");
        return s.toString();
    }

    private static final String HEREDOC_END = "VERDANDI_HOST_FILE_END";

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
