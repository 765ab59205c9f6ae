package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The front's NGINX configuration: the files of the front's user data under a temporary
 * root with Debian's main configuration, and server blocks written by site-install
 * (through the command lines of HostCommands) must pass {@code nginx -t}. Serving is
 * rehearsed by DeployRehearsalTest.
 */
class NginxSiteTest {

    private Path root;
    private HostCommands commands;
    private Map<String, String> env;

    @BeforeEach
    void frontUnderATemporaryRoot() throws Exception {
        root = Files.createTempDirectory("verdandi-front-");
        for (String d : List.of("etc/nginx/sites-enabled", "run", "var/log/nginx", "var/lib/nginx")) {
            Files.createDirectories(root.resolve(d));
        }
        Rehearsal.materializeInto(root, fr.mangaki.verdandi.cloudinit.CloudInit.render(
                fr.mangaki.verdandi.cloudinit.HostSpec.of(HostRole.FRONT, fr.mangaki.verdandi.config.DropletSize.S_1VCPU_1GB,
                        List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI a@b"))));
        Files.writeString(root.resolve("etc/nginx/nginx.conf"),
                Files.readString(Rehearsal.RESOURCES.resolve("nginx.conf")).replace("@ROOT@", root.toString()));
        // cloud-init's runcmd: the default server replaces Debian's
        Files.createSymbolicLink(root.resolve("etc/nginx/sites-enabled/000-verdandi-default"),
                Path.of("../sites-available/verdandi-default"));
        commands = new HostCommands(root + HostFiles.SCRIPT_DIR, false);
        env = Map.of("VERDANDI_ROOT", root.toString());
    }

    @AfterEach
    void removeRoot() {
        Proc.run(List.of("rm", "-rf", root.toString()), Map.of(), null, Duration.ofSeconds(60));
    }

    private Proc.Result run(List<String> tokens) {
        return Proc.run(tokens, env, null, Duration.ofSeconds(60));
    }

    private Proc.Result nginxTest() {
        return Proc.run(List.of("nginx", "-t", "-c", root.resolve("etc/nginx/nginx.conf").toString()),
                Map.of(), null, Duration.ofSeconds(60));
    }

    @Test
    void writesAServerBlockByHostThatPassesNginxTest() throws Exception {
        Proc.Result r = run(commands.installSiteTokens(HostCommandsTest.STAGING, "10.110.0.3", null, null));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("nginx is not running: the configuration is in place for its next start"), r.output());
        assertEquals("""
                # Environment staging, written by site-install: changes here are overwritten.
                server {
                    listen 80;
                    listen [::]:80;
                    server_name staging.mangaki.fr dev.mangaki.fr;

                    location /.well-known/acme-challenge/ {
                        root %1$s/var/www/letsencrypt;
                    }

                    location / {
                        proxy_pass http://10.110.0.3:8001;
                        include %1$s/etc/nginx/snippets/verdandi-proxy.conf;
                    }
                }
                """.formatted(root), Files.readString(root.resolve("etc/nginx/sites-available/mangaki-staging.conf")));
        assertEquals(Path.of("../sites-available/mangaki-staging.conf"),
                Files.readSymbolicLink(root.resolve("etc/nginx/sites-enabled/mangaki-staging.conf")));
        Proc.Result t = nginxTest();
        assertEquals(0, t.exit(), t.output());
        // idempotent
        assertEquals(0, run(commands.installSiteTokens(HostCommandsTest.STAGING, "10.110.0.3", null, null)).exit());
        assertEquals(0, nginxTest().exit());
    }

    @Test
    void servesHttpsOnceACertificateExists() throws Exception {
        Path live = root.resolve("etc/letsencrypt/live/mangaki.fr");
        Files.createDirectories(live);
        Proc.Result cert = Proc.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=mangaki.fr", "-keyout", live.resolve("privkey.pem").toString(),
                "-out", live.resolve("fullchain.pem").toString()), Map.of(), null, Duration.ofSeconds(60));
        assertEquals(0, cert.exit(), cert.output());
        assertEquals(0, run(commands.installSiteTokens(HostCommandsTest.PRODUCTION, "10.110.0.3", null, null)).exit());
        String block = Files.readString(root.resolve("etc/nginx/sites-available/mangaki-production.conf"));
        assertTrue(block.contains("return 301 https://$host$request_uri;"), block);
        assertTrue(block.contains("    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n"), block);
        assertTrue(block.contains("ssl_certificate " + live + "/fullchain.pem;"), block);
        Proc.Result t = nginxTest();
        assertEquals(0, t.exit(), t.output());
        // rendered again from the saved settings (after certbot): same block
        Proc.Result again = run(List.of(root + HostFiles.SCRIPT_DIR + "/site-install", "production"));
        assertEquals(0, again.exit(), again.output());
        assertEquals(block, Files.readString(root.resolve("etc/nginx/sites-available/mangaki-production.conf")));
    }

    @Test
    void keepsTheAcmeSettingsAndAsksForCertificatesOnTheHostItselfOnly() throws Exception {
        Acme acme = new Acme("https://10.110.0.1:14000/dir", java.util.Optional.of("ops@mangaki.fr"));
        Proc.Result r = run(commands.installSiteTokens(HostCommandsTest.STAGING, "10.110.0.3", null, null, acme));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("certificates are obtained on the host itself only (VERDANDI_ROOT is " + root + ")"),
                r.output());
        assertTrue(r.output().contains("(TLS: false)"), r.output());
        assertEquals("""
                UPSTREAM=10.110.0.3:8001
                DOMAINS="staging.mangaki.fr dev.mangaki.fr"
                LISTEN_HTTP=
                LISTEN_HTTPS=
                ACME_DIRECTORY=https://10.110.0.1:14000/dir
                ACME_EMAIL=ops@mangaki.fr
                """, Files.readString(root.resolve("etc/verdandi/sites/staging.conf")));
    }

    @Test
    void rejectsAnAcmeDirectoryThatIsNotHttpsAndAContactThatIsNotAnEmail() {
        List<String> tokens = new java.util.ArrayList<>(commands.installSiteTokens(HostCommandsTest.STAGING,
                "10.110.0.3", null, null));
        tokens.addAll(List.of("--acme-directory", "http://acme.test/dir", "--acme-email", "ops at mangaki"));
        Proc.Result r = run(tokens);
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("site-install: error: --acme-directory: 'http://acme.test/dir' is not an https:// URL"),
                r.output());
        assertTrue(r.output().contains("site-install: error: --acme-email: 'ops at mangaki' is not an e-mail address"),
                r.output());
    }

    @Test
    void removesTheSiteIdempotently() throws Exception {
        assertEquals(0, run(commands.installSiteTokens(HostCommandsTest.STAGING, "10.110.0.3", null, null)).exit());
        for (int i = 0; i < 2; i++) {
            Proc.Result r = run(commands.removeSiteTokens("staging"));
            assertEquals(0, r.exit(), r.output());
        }
        assertFalse(Files.exists(root.resolve("etc/nginx/sites-enabled/mangaki-staging.conf")));
        assertEquals(0, nginxTest().exit());
    }

    @Test
    void rejectsABadUpstreamAndDomainNamingEach() {
        Proc.Result r = run(List.of(root + HostFiles.SCRIPT_DIR + "/site-install", "staging",
                "--upstream", "app.internal:8001", "--domain", "Staging.Mangaki.fr"));
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("site-install: error: --upstream: 'app.internal:8001' is not IPV4:PORT or [IPV6]:PORT"),
                r.output());
        assertTrue(r.output().contains("site-install: error: --domain: 'Staging.Mangaki.fr' is not a lower-case domain name"),
                r.output());
        assertFalse(Files.exists(root.resolve("etc/nginx/sites-available/mangaki-staging.conf")));
    }
}
