package fr.mangaki.verdandi.cloudinit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.host.HostFile;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudInitTest {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI admin@mangaki.fr";
    private final YAMLMapper yaml = new YAMLMapper();

    private static String render(HostRole role, DropletSize size) {
        return CloudInit.render(HostSpec.of(role, size, List.of(KEY)));
    }

    private JsonNode parse(String text) throws Exception {
        return yaml.readTree(text);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void rendersTheAppHost() throws Exception {
        String text = render(HostRole.APP, DropletSize.S_1VCPU_1GB);
        assertTrue(text.startsWith("#cloud-config\n# Verdandi app host (s-1vcpu-1gb). No secret here:"
                + " environments are installed over SSH by `pulumi up`.\npackage_update: true\n"), text);
        JsonNode c = parse(text);
        assertEquals(List.of("ca-certificates", "curl", "unattended-upgrades", "git", "postgresql", "python3-venv",
                "python3-dev", "build-essential", "libpq-dev", "gunicorn", "npm", "sudo", "gnupg", "s3cmd", "nginx-light"),
                texts(c.path("packages")));
        assertEquals(yaml.valueToTree(List.of(Map.of("name", "verdandi", "gecos", "Verdandi administrator",
                "groups", List.of("sudo"), "sudo", "ALL=(ALL) NOPASSWD:ALL", "shell", "/bin/bash",
                "lock_passwd", true, "ssh_authorized_keys", List.of(KEY)))), c.path("users"));
        assertTrue(c.path("disable_root").asBoolean());
        assertFalse(c.path("ssh_pwauth").asBoolean(true));
        assertEquals(yaml.valueToTree(Map.of("filename", "/swapfile", "size", 1073741824, "maxsize", 1073741824)),
                c.path("swap"));
        assertFiles(HostRole.APP, c);
        assertEquals(List.of(
                BootArchive.EXTRACT,
                "sysctl --system",
                "systemctl restart systemd-journald",
                "systemctl reload ssh",
                "systemctl enable --now unattended-upgrades",
                "install -d -m 0755 /etc/verdandi /srv/mangaki /var/lib/verdandi",
                "runuser -u postgres -- psql -X -q -c \"ALTER SYSTEM SET shared_buffers = '64MB'\""
                        + " -c \"ALTER SYSTEM SET max_connections = '40'\" -c \"ALTER SYSTEM SET work_mem = '4MB'\"",
                "systemctl restart postgresql",
                "rm -f /etc/nginx/sites-enabled/default",
                "nginx -t && systemctl reload-or-restart nginx",
                "systemctl daemon-reload"), texts(c.path("runcmd")));
    }

    @Test
    void rendersTheFrontHost() throws Exception {
        JsonNode c = parse(render(HostRole.FRONT, DropletSize.S_1VCPU_1GB));
        assertEquals(List.of("ca-certificates", "curl", "unattended-upgrades", "nginx", "certbot", "goaccess", "logrotate",
                        "python3"),
                texts(c.path("packages")));
        assertFiles(HostRole.FRONT, c);
        assertEquals(List.of(
                BootArchive.EXTRACT,
                "sysctl --system",
                "systemctl restart systemd-journald",
                "systemctl reload ssh",
                "systemctl enable --now unattended-upgrades",
                "install -d -m 0755 /etc/verdandi/sites /var/www/letsencrypt",
                "rm -f /etc/nginx/sites-enabled/default",
                "ln -sfn ../sites-available/verdandi-default /etc/nginx/sites-enabled/000-verdandi-default",
                "nginx -t && systemctl reload-or-restart nginx"), texts(c.path("runcmd")));
    }

    private void assertFiles(HostRole role, JsonNode c) {
        List<String> expected = new ArrayList<>();
        for (HostFile f : HostFiles.bootFiles(role)) {
            expected.add(f.path() + " " + f.permissions() + " " + f.content().hashCode());
        }
        List<String> actual = new ArrayList<>();
        assertEquals(1, c.path("write_files").size(), "one archive");
        assertEquals(BootArchive.PATH, c.path("write_files").get(0).path("path").asText());
        assertEquals("b64", c.path("write_files").get(0).path("encoding").asText());
        for (HostFile f : BootArchive.decode(c.path("write_files").get(0).path("content").asText())) {
            actual.add(f.path() + " " + f.permissions() + " " + f.content().hashCode());
        }
        assertEquals(expected, actual);
        assertEquals(BootArchive.EXTRACT, c.path("runcmd").get(0).asText(), "unpacked before anything uses it");
        List<String> paths = HostFiles.bootFiles(role).stream().map(HostFile::path).toList();
        if (role == HostRole.APP) {
            assertTrue(paths.containsAll(List.of("/usr/local/lib/verdandi/env-install", "/usr/local/lib/verdandi/deploy",
                    "/usr/local/lib/verdandi/deploy-loop", "/usr/local/lib/verdandi/gunicorn-start",
                    "/etc/systemd/system/mangaki@.service", "/etc/systemd/system/verdandi-deploy@.service")), paths.toString());
        } else {
            assertTrue(paths.containsAll(List.of("/usr/local/lib/verdandi/site-install",
                    "/etc/nginx/sites-available/verdandi-default", "/etc/nginx/snippets/verdandi-proxy.conf")), paths.toString());
        }
    }

    @Test
    void rendersAPoolMemberThatFetchesItsScriptsAndEnvironmentsAndCarriesNoSecret(@TempDir Path dir) throws Exception {
        String text = CloudInit.renderPoolMember(HostSpec.of(HostRole.APP, DropletSize.S_1VCPU_1GB, List.of(KEY)),
                "10.110.0.3", "mangaki-app-pool");
        assertTrue(text.startsWith("#cloud-config\n# Verdandi app host (s-1vcpu-1gb). No secret here: environments are"
                + " installed over SSH by `pulumi up`. A member of the autoscale pool mangaki-app-pool: it fetches its"
                + " scripts and them from mangaki-app at boot.\n"), text);
        JsonNode c = parse(text);
        JsonNode app = parse(render(HostRole.APP, DropletSize.S_1VCPU_1GB));
        assertEquals(app.path("packages"), c.path("packages"));
        assertEquals(app.path("users"), c.path("users"));
        List<String> runcmd = new ArrayList<>(texts(app.path("runcmd")));
        runcmd.addAll(List.of("systemctl enable verdandi-pool-join.service",
                "systemctl start --no-block verdandi-pool-join.service"));
        assertEquals(runcmd, texts(c.path("runcmd")), "started without waiting: the unit runs after cloud-init");
        Map<String, String> files = new java.util.LinkedHashMap<>();
        CloudInit.files(text).forEach(f -> files.put(f.path(), f.content()));
        assertEquals(HostFiles.poolMemberFiles("10.110.0.3", "mangaki-app-pool").stream().map(HostFile::path).toList(),
                List.copyOf(files.keySet()));
        assertEquals("""
                # Written by cloud-init on a member of the autoscale pool (no secret here): pool-join
                # fetches the environments from mangaki-app at this address (docs/growth.md).
                APP=10.110.0.3
                POOL_TAG=mangaki-app-pool
                """, files.get("/etc/verdandi/pool-join.conf"));
        // what it carries, decoded: no environment file, token nor key, only settings and scripts
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertFalse(f.getKey().matches("/etc/verdandi/[a-z-]+/.*|.*token.*|.*\\.env"), f.getKey());
            for (String leak : List.of("PRIVATE KEY", "dop_v1_", "SECRET_KEY=", "DATABASE_URL=postgres", "hooks.slack.com")) {
                assertFalse(f.getValue().contains(leak), f.getKey() + " carries " + leak);
            }
        }
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length < CloudInit.MAX_BYTES / 2,
                "far from the limit: " + text.length());
        Path file = dir.resolve("member.yaml");
        Files.writeString(file, text);
        Proc.Result r = Proc.run(List.of("cloud-init", "schema", "--config-file", file.toString()),
                Map.of(), null, Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void rejectsAPoolMemberOfTheFrontRole() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudInit.renderPoolMember(
                HostSpec.of(HostRole.FRONT, DropletSize.S_1VCPU_1GB, List.of(KEY)), "10.110.0.3", "mangaki-app-pool"));
        assertEquals("a pool member is an app host, not front", e.getMessage());
    }

    @Test
    void addsNoSwapAboveOneGib() throws Exception {
        assertTrue(parse(render(HostRole.APP, DropletSize.S_1VCPU_512MB_10GB)).has("swap"));
        assertFalse(parse(render(HostRole.APP, DropletSize.S_1VCPU_2GB)).has("swap"));
    }

    @Test
    void isDeterministic() {
        assertEquals(render(HostRole.APP, DropletSize.S_1VCPU_1GB), render(HostRole.APP, DropletSize.S_1VCPU_1GB));
        assertEquals(render(HostRole.FRONT, DropletSize.S_1VCPU_1GB), render(HostRole.FRONT, DropletSize.S_1VCPU_1GB));
    }

    @Test
    void passesCloudInitSchema(@TempDir Path dir) throws Exception {
        for (HostRole role : HostRole.values()) {
            Path file = dir.resolve(role.slug() + ".yaml");
            Files.writeString(file, render(role, DropletSize.S_1VCPU_1GB));
            Proc.Result r = Proc.run(List.of("cloud-init", "schema", "--config-file", file.toString()),
                    Map.of(), null, Duration.ofSeconds(60));
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("Valid cloud-config"), r.output());
        }
    }

    @Test
    void staysUnderTheUserDataLimit() {
        for (HostRole role : HostRole.values()) {
            int bytes = render(role, DropletSize.S_1VCPU_1GB).getBytes(StandardCharsets.UTF_8).length;
            System.out.println(role.slug() + " user data: " + bytes + " bytes");
            assertTrue(bytes < CloudInit.MAX_BYTES, role + ": " + bytes);
        }
    }

    @Test
    void carriesNoSecret() throws Exception {
        for (HostRole role : HostRole.values()) {
            String text = render(role, DropletSize.S_1VCPU_1GB);
            for (String leak : List.of("PRIVATE KEY", "hooks.slack.com", "SLACK_WEBHOOK_URL=h", "DJANGO_SECRET_KEY=")) {
                assertFalse(text.contains(leak), role + " user data contains " + leak);
            }
            assertFalse(text.matches("(?s).*\\n\\s*-?\\s*(passwd|hashed_passwd|plain_text_passwd|password|chpasswd):.*"),
                    role + " user data sets a password");
            assertTrue(parse(text).path("users").get(0).path("lock_passwd").asBoolean());
        }
    }

    @Test
    void rejectsMissingOrBadKeysAndTheRootUser() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new HostSpec(HostRole.APP, DropletSize.S_1VCPU_1GB, List.of(), "root"));
        assertEquals(List.of(
                "sshKeys: empty; at least one OpenSSH public key is needed to log in as the admin user",
                "adminUser: 'root' is not allowed; a Linux user name other than root: lower-case letters, digits, '_' and '-'"),
                e.problems());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> HostSpec.of(HostRole.FRONT, DropletSize.S_1VCPU_1GB, List.of("ssh-dss AAAA me")));
        assertEquals(List.of("sshKeys[0]: 'ssh-dss AAAA me' is not an OpenSSH public key line (e.g. 'ssh-ed25519 AAAA... name')"),
                bad.problems());
    }
}
