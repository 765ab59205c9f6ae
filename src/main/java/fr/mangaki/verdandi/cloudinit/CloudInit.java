package fr.mangaki.verdandi.cloudinit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.mangaki.verdandi.host.HostFile;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the user data ({@code #cloud-config}) of a droplet: packages, the admin user
 * (keys only, sudo without password), no root login and no password login, daily
 * unattended security upgrades, a 1 GiB swap file on droplets of 1 GiB or less, the host
 * scripts and systemd unit templates of {@link HostFiles} (one archive, {@link BootArchive},
 * unpacked by the first command),
 * and per role:
 * <ul>
 *   <li>{@link HostRole#APP}: PostgreSQL (tuned for a small droplet), Python virtualenv
 *   and build tools, gunicorn, git, npm, NGINX (each environment's port: static files,
 *   X-Accel-Redirect, proxy to gunicorn); environments are installed later by
 *   {@code env-install} over SSH (which installs Redis when one asks for it);</li>
 *   <li>{@link HostRole#FRONT}: NGINX with a default server that closes requests for
 *   unknown domains, certbot; server blocks are installed later by {@code site-install}.</li>
 * </ul>
 * It carries no environment and no secret. The output is deterministic.
 */
public final class CloudInit {

    /** DigitalOcean's limit on user data. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final long SWAP_BYTES = 1024L * 1024 * 1024;

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private CloudInit() {
    }

    /** The exact user data of the host, starting with {@code #cloud-config}. */
    public static String render(HostSpec spec) {
        return render(spec, HostFiles.bootFiles(spec.role()), List.of(), "");
    }

    /**
     * The user data of a member of the autoscale pool (docs/growth.md): the app's packages,
     * admin user and commands ({@code spec}'s role must be app), its files replaced by
     * {@link HostFiles#poolMemberFiles} (system settings, {@code pool-join}, its unit and
     * settings), the unit enabled and started once cloud-init is done (started without
     * waiting: it runs after cloud-init). No secret: the member fetches the scripts and the
     * environments from mangaki-app itself.
     */
    public static String renderPoolMember(HostSpec spec, String appPrivateIpv4, String poolTag) {
        if (spec.role() != HostRole.APP) {
            throw new IllegalArgumentException("a pool member is an app host, not " + spec.role().slug());
        }
        return render(spec, HostFiles.poolMemberFiles(appPrivateIpv4, poolTag),
                List.of("systemctl enable verdandi-pool-join.service",
                        "systemctl start --no-block verdandi-pool-join.service"),
                " A member of the autoscale pool " + poolTag + ": it fetches its scripts and them from mangaki-app at boot.");
    }

    private static String render(HostSpec spec, List<HostFile> hostFiles, List<String> extraCommands, String note) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("package_update", true);
        config.put("package_upgrade", true);
        config.put("packages", packages(spec.role()));
        config.put("users", List.of(adminUser(spec)));
        config.put("disable_root", true);
        config.put("ssh_pwauth", false);
        if (spec.needsSwap()) {
            config.put("swap", map("filename", "/swapfile", "size", SWAP_BYTES, "maxsize", SWAP_BYTES));
        }
        // one archive, unpacked by the first command (BootArchive: it fits where files one by one would not)
        config.put("write_files", List.of(map("path", BootArchive.PATH, "permissions", "0644", "encoding", "b64",
                "content", BootArchive.encode(hostFiles))));
        List<String> commands = new ArrayList<>(List.of(BootArchive.EXTRACT));
        commands.addAll(runcmd(spec.role()));
        commands.addAll(extraCommands);
        config.put("runcmd", commands);
        String body;
        try {
            body = YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render cloud-init", e);
        }
        String text = "#cloud-config\n"
                + "# Verdandi " + spec.role().slug() + " host (" + spec.size().slug() + "). No secret here:"
                + " environments are installed over SSH by `pulumi up`." + note + "\n"
                + body;
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalStateException("the " + spec.role().slug() + " user data is " + bytes
                    + " bytes, over DigitalOcean's limit of " + MAX_BYTES);
        }
        return text;
    }

    /**
     * The files the user data writes, in order: those of its boot archive (what the droplet
     * has once the first command of runcmd ran). The reverse of {@link #render}, for what
     * checks or rehearses a droplet from its exact user data.
     */
    public static List<HostFile> files(String userData) {
        JsonNode config;
        try {
            config = new YAMLMapper().readTree(userData);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("user data that is not YAML: " + e.getOriginalMessage(), e);
        }
        List<HostFile> files = new ArrayList<>();
        for (JsonNode entry : config.path("write_files")) {
            if (!entry.path("path").asText().equals(BootArchive.PATH) || !entry.path("encoding").asText().equals("b64")) {
                throw new IllegalArgumentException("user data with a write_files entry other than the boot archive: "
                        + entry.path("path").asText());
            }
            files.addAll(BootArchive.decode(entry.path("content").asText()));
        }
        return List.copyOf(files);
    }

    private static List<String> packages(HostRole role) {
        List<String> packages = new ArrayList<>(List.of("ca-certificates", "curl", "unattended-upgrades"));
        if (role == HostRole.APP) {
            packages.addAll(List.of("git", "postgresql", "python3-venv", "python3-dev", "build-essential",
                    "libpq-dev", "gunicorn", "npm", "sudo", "gnupg", "s3cmd", "nginx-light"));
        } else {
            packages.addAll(List.of("nginx", "certbot", "goaccess", "logrotate", "python3"));
        }
        return packages;
    }

    private static Map<String, Object> adminUser(HostSpec spec) {
        return map(
                "name", spec.adminUser(),
                "gecos", "Verdandi administrator",
                "groups", List.of("sudo"),
                "sudo", "ALL=(ALL) NOPASSWD:ALL",
                "shell", "/bin/bash",
                "lock_passwd", true,
                "ssh_authorized_keys", spec.sshKeys());
    }

    private static List<String> runcmd(HostRole role) {
        List<String> commands = new ArrayList<>();
        commands.add("sysctl --system");
        commands.add("systemctl restart systemd-journald");
        commands.add("systemctl reload ssh");
        commands.add("systemctl enable --now unattended-upgrades");
        if (role == HostRole.APP) {
            commands.add("install -d -m 0755 /etc/verdandi /srv/mangaki /var/lib/verdandi");
            commands.add("runuser -u postgres -- psql -X -q -c \"ALTER SYSTEM SET shared_buffers = '64MB'\""
                    + " -c \"ALTER SYSTEM SET max_connections = '40'\" -c \"ALTER SYSTEM SET work_mem = '4MB'\"");
            commands.add("systemctl restart postgresql");
            // NGINX serves each environment's port (env-install); Debian's default site goes
            commands.add("rm -f /etc/nginx/sites-enabled/default");
            commands.add("nginx -t && systemctl reload-or-restart nginx");
            commands.add("systemctl daemon-reload");
        } else {
            commands.add("install -d -m 0755 /etc/verdandi/sites /var/www/letsencrypt");
            commands.add("rm -f /etc/nginx/sites-enabled/default");
            commands.add("ln -sfn ../sites-available/verdandi-default /etc/nginx/sites-enabled/000-verdandi-default");
            commands.add("nginx -t && systemctl reload-or-restart nginx");
        }
        return commands;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
