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
        // cloud-init's runcmd: the default server replaces Debian's (its log under the root)
        Files.writeString(root.resolve("etc/nginx/sites-enabled/000-verdandi-default"),
                Rehearsal.defaultServerUnder(root, "80", "443"));
        commands = new HostCommands(root + HostFiles.SCRIPT_DIR, false);
        // the units site-install starts go to the stand-in; the webhook receiver on a port of its own
        env = Map.of("VERDANDI_ROOT", root.toString(),
                "VERDANDI_SYSTEMCTL", Rehearsal.RESOURCES.resolve("systemctl-stand-in").toString());
        FrontTest.webhookOnPort(root, FrontTest.freePort());
    }

    @AfterEach
    void removeRoot() {
        Proc.run(List.of(Rehearsal.RESOURCES.resolve("systemctl-stand-in").toString(), "stop", "verdandi-webhook.service"),
                env, null, Duration.ofSeconds(60));
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

                    access_log %1$s/var/log/nginx/front/staging.access.log verdandi_front;
                    error_log %1$s/var/log/nginx/front/staging.error.log;

                    location /.well-known/acme-challenge/ {
                        root %1$s/var/www/letsencrypt;
                    }

                    # the push webhook of branch staging (verdandi-webhook.service can only say "look now")
                    location = /.verdandi/deploy {
                        limit_except POST { deny all; }
                        client_max_body_size 1m;
                        client_body_buffer_size 1m;
                        proxy_pass http://127.0.0.1:9380/staging;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 15s;
                    }

                    # when the app host does not answer: the maintenance page, 503 and Retry-After
                    location = /.verdandi/maintenance {
                        internal;
                        root %1$s/usr/local/lib/verdandi/maintenance;
                        try_files /staging.html /default.html =503;
                        add_header Retry-After 30 always;
                        add_header Cache-Control "no-store" always;
                    }

                    # nothing else under /.verdandi/ is passed on (the app answers look-now to the front only)
                    location ^~ /.verdandi/ {
                        return 404;
                    }

                    location / {
                        proxy_pass http://10.110.0.3:8001;
                        include %1$s/etc/nginx/snippets/verdandi-proxy.conf;
                        proxy_intercept_errors on;
                        error_page 502 504 =503 /.verdandi/maintenance;
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
        assertTrue(block.contains("        add_header Cache-Control \"no-store\" always;\n"
                + "        add_header Strict-Transport-Security \"max-age=31536000\" always;\n    }\n"), block);
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
                BRANCH=staging
                ALERT_RPM=300
                ALERT_ERROR_PERCENT=5
                LOG_DAYS=30
                WEBHOOK_PORT=9380
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
        Proc.Result installed = Proc.run(commands.installSiteTokens(HostCommandsTest.STAGING, "10.110.0.3", null, null),
                env, "SLACK_WEBHOOK_URL=https://hooks.slack.test/x\nDEPLOY_WEBHOOK_SECRET=0123456789abcdef0123\n",
                Duration.ofSeconds(60));
        assertEquals(0, installed.exit(), installed.output());
        Files.writeString(root.resolve("var/log/nginx/front/staging.access.log"), "a line\n");
        Files.writeString(root.resolve("var/log/nginx/front/staging.error.log.2.gz"), "an old line\n");
        for (int i = 0; i < 2; i++) {
            Proc.Result r = run(commands.removeSiteTokens("staging"));
            assertEquals(0, r.exit(), r.output());
        }
        assertFalse(Files.exists(root.resolve("etc/nginx/sites-enabled/mangaki-staging.conf")));
        for (String gone : List.of("etc/verdandi/front/staging", "etc/verdandi/webhook/staging",
                "etc/logrotate.d/verdandi-front-staging", "var/log/nginx/front/staging.access.log",
                "var/log/nginx/front/staging.error.log", "var/log/nginx/front/staging.error.log.2.gz",
                "var/lib/verdandi/analytics/staging")) {
            assertFalse(Files.exists(root.resolve(gone)), gone + " is removed with the site");
        }
        assertEquals(0, nginxTest().exit());
    }

    @Test
    void keepsTheFrontsSecretsForRootOnlyAndRefusesAShortWebhookSecret() throws Exception {
        Proc.Result r = Proc.run(commands.installSiteTokens(HostCommandsTest.STAGING, "10.110.0.3", null, null), env,
                "SECRET_KEY=never-on-the-front\nSLACK_WEBHOOK_URL=https://hooks.slack.test/x\n"
                        + "DEPLOY_WEBHOOK_SECRET=0123456789abcdef0123\n", Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.output());
        Path slack = root.resolve("etc/verdandi/front/staging/app.env");
        Path secret = root.resolve("etc/verdandi/webhook/staging");
        assertEquals("SLACK_WEBHOOK_URL=https://hooks.slack.test/x\n", Files.readString(slack));
        assertEquals("0123456789abcdef0123\n", Files.readString(secret));
        for (Path p : List.of(slack, secret)) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        }
        assertFalse(r.output().contains("0123456789abcdef0123"), r.output());
        String logrotate = Files.readString(root.resolve("etc/logrotate.d/verdandi-front-staging"));
        assertTrue(logrotate.contains(root + "/var/log/nginx/front/staging.access.log " + root
                + "/var/log/nginx/front/staging.error.log {\n"), "the error log is kept as long as the access log: " + logrotate);
        assertTrue(logrotate.contains("    rotate 30\n    maxage 30\n"), logrotate);
        // logrotate itself rotates both logs (NGINX is not running here: nothing to reopen)
        Path log = root.resolve("var/log/nginx/front/staging.access.log");
        Path errors = root.resolve("var/log/nginx/front/staging.error.log");
        Files.writeString(log, "a line\n");
        Files.writeString(errors, "an error line\n");
        Proc.Result rotated = Proc.run(List.of("logrotate", "--force", "--state", root.resolve("logrotate.state").toString(),
                root.resolve("etc/logrotate.d/verdandi-front-staging").toString()), Map.of(), null, Duration.ofSeconds(60));
        assertEquals(0, rotated.exit(), rotated.output());
        assertEquals("a line\n", Files.readString(root.resolve("var/log/nginx/front/staging.access.log.1")));
        assertEquals("an error line\n", Files.readString(root.resolve("var/log/nginx/front/staging.error.log.1")));
        assertEquals("", Files.readString(log), "a new, empty log");
        assertEquals("", Files.readString(errors), "a new, empty error log");
        assertTrue(Files.readString(root.resolve("etc/verdandi/sites/staging.conf")).contains("BRANCH=staging\n"));

        Proc.Result shortSecret = Proc.run(commands.installSiteTokens(HostCommandsTest.STAGING, "10.110.0.3", null, null),
                env, "DEPLOY_WEBHOOK_SECRET=short\n", Duration.ofSeconds(60));
        assertEquals(1, shortSecret.exit(), shortSecret.output());
        assertTrue(shortSecret.output().contains("DEPLOY_WEBHOOK_SECRET: at least 16 characters"), shortSecret.output());
        assertFalse(shortSecret.output().contains("short\n"), shortSecret.output());
        assertEquals("0123456789abcdef0123\n", Files.readString(secret), "the previous secret is kept");
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
        Proc.Result thresholds = run(List.of(root + HostFiles.SCRIPT_DIR + "/site-install", "staging",
                "--upstream", "10.0.0.3:8001", "--domain", "staging.mangaki.fr", "--alert-rpm", "0",
                "--alert-error-percent", "101", "--log-days", "400"));
        assertEquals(2, thresholds.exit(), thresholds.output());
        assertTrue(thresholds.output().contains("--alert-rpm: '0' is not between 1 and 9999999"
                + " (mangaki:environment.alerts.requestsPerMinute)"), thresholds.output());
        assertTrue(thresholds.output().contains("--alert-error-percent: '101' is not between 1 and 100"
                + " (mangaki:environment.alerts.errorRatePercent)"), thresholds.output());
        assertTrue(thresholds.output().contains("--log-days: '400' is not between 1 and 365"
                + " (mangaki:environment.accessLogDays)"), thresholds.output());
        assertFalse(Files.exists(root.resolve("etc/nginx/sites-available/mangaki-staging.conf")));
    }
}
