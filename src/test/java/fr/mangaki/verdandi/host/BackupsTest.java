package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.component.internal.LoopbackSshd;
import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.component.internal.LoopbackSshd.AdminUser;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import fr.mangaki.verdandi.secrets.GnuPG;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup host verbs run for real (docs/backups.md): backup-install, env-backup,
 * env-restore, backup-watch on the app side with the rehearsal's PostgreSQL and GnuPG;
 * dumps-install and dump-receive on the front side behind OpenSSH's sshd on loopback,
 * with the front's own sshd rules for the dump user. The command lines are those of
 * {@link HostCommands}; Slack is the rehearsal's loopback stand-in.
 */
@Tag("rehearsal")
class BackupsTest {

    static final String PASSPHRASE = "correct horse battery staple";
    static final String DB = "mangaki-staging";
    static final String DUMP_NAME = "staging\\.\\d{8}T\\d{6}Z\\.nightly\\.pgdump\\.gpg";

    @Test
    void dumpsEncryptsCopiesToTheFrontAndRestoresTheRowsOfADroppedTable() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts();
             GnuPG team = new GnuPG(r.base.resolve("team"));
             GnuPG stranger = new GnuPG(r.base.resolve("stranger"))) {
            GnuPG.Key key = team.generate("Team <team@mangaki.test>", "cv25519", PASSPHRASE);
            GnuPG.Key other = stranger.generate("Stranger <s@example.org>", "cv25519", PASSPHRASE);
            String recipients = new String(team.exportPublic(key), StandardCharsets.US_ASCII);
            assertEquals(0, r.installEnvironment().exit());
            seed(r, 3000);

            Proc.Result none = r.runScript(installBackups(r, null), "");
            assertEquals(1, none.exit(), none.output());
            assertTrue(none.output().contains("backup-install: error: no recipients: no public key that can encrypt came"
                    + " on standard input; add the team's keys to secrets/recipients/"), none.output());
            Proc.Result secret = r.runScript(installBackups(r, null),
                    new String(team.exportSecret(key), StandardCharsets.US_ASCII));
            assertEquals(1, secret.exit(), secret.output());
            assertTrue(secret.output().contains("only the public keys of secrets/recipients/ belong on a droplet"));

            try (LoopbackSshd front = startFront(r)) {
                Proc.Result installed = r.runScript(installBackups(r, front.port()), recipients);
                assertEquals(0, installed.exit(), installed.output());
                String appKey = Files.readString(r.root.resolve("etc/verdandi/staging/backup-ssh/id_ed25519.pub")).trim();
                assertTrue(installed.output().contains(appKey), installed.output());
                assertEquals("""
                        # Backups of environment staging, written by backup-install (no secret here).
                        NIGHTLY=on
                        HOUR=3
                        KEEP_DAYS=14
                        OFFSITE_HOST=127.0.0.1
                        OFFSITE_PORT=%d
                        S3_BUCKET=
                        S3_ENDPOINT=
                        S3_REGION=
                        """.formatted(front.port()), Files.readString(r.root.resolve("etc/verdandi/staging/backup.conf")));
                assertEquals("# Written by backup-install: the hour of the nightly dump of staging.\n[Timer]\n"
                                + "OnCalendar=\nOnCalendar=*-*-* 03:00:00 UTC\n",
                        Files.readString(r.root.resolve("etc/systemd/system/verdandi-backup@staging.timer.d/hour.conf")));
                assertEquals("# Written by backup-install: the deploy of staging may dump its database before migrating.\n"
                                + "mangaki-staging ALL=(root) NOPASSWD: /usr/local/lib/verdandi/env-backup staging --before-migrate *\n",
                        Files.readString(r.root.resolve("etc/sudoers.d/verdandi-staging-backup")));
                assertTrue(calls(r).contains("enable --now verdandi-backup@staging.timer verdandi-backup-watch@staging.timer"));

                Proc.Result allowed = r.runScript(r.commands().installDumpsTokens("staging", 14), appKey + "\n");
                assertEquals(0, allowed.exit(), allowed.output());
                assertTrue(Files.readString(r.root.resolve("etc/passwd")).contains(
                        ":Verdandi dump receiver (no shell):/var/backups/verdandi-dumps:/usr/local/lib/verdandi/dump-receive\n"));
                String[] keyParts = appKey.split(" ");
                assertEquals("restrict,command=\"receive staging 14\" " + keyParts[0] + " " + keyParts[1]
                                + " verdandi-backup-staging\n",
                        Files.readString(r.root.resolve("etc/verdandi/dumps/authorized_keys")));
                Path received = r.root.resolve("var/backups/verdandi-dumps/staging");
                // the namespace's dump user (its uid there) owns the directory, as useradd's does on the front
                chown(received, uidIn(r.base.resolve("front-sshd/etc/passwd"), "verdandi-dumps"));

                Proc.Result backup = r.runScript(List.of(script(r, "env-backup"), "staging"), null);
                assertEquals(0, backup.exit(), backup.output());
                Path dump = onlyDump(r.root.resolve("var/backups/verdandi/staging"));
                assertTrue(backup.output().contains("off-site copy on 127.0.0.1: stored " + dump.getFileName()), backup.output());
                assertArrayEquals(Files.readAllBytes(dump), Files.readAllBytes(received.resolve(dump.getFileName())),
                        "the front holds the same bytes");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dump)));
                byte[] cipher = Files.readAllBytes(dump);
                assertFalse(new String(cipher, 0, 5, StandardCharsets.ISO_8859_1).equals("PGDMP"), "not in clear");
                byte[] plain = team.decrypt(cipher, key);
                assertEquals("PGDMP", new String(plain, 0, 5, StandardCharsets.ISO_8859_1), "a pg_dump custom archive inside");
                assertTrue(new String(team.run(cipher, "--passphrase", PASSPHRASE, "--status-fd", "1", "--decrypt",
                        "--output", "/dev/null").stdout(), StandardCharsets.UTF_8)
                        .contains(" " + dump.getFileName().toString().replace(".gpg", "") + "\n"),
                        "the environment is named inside the integrity-protected message");

                refusesAnythingButADumpOfItsEnvironment(front, r, dump);

                // the drill: rows dropped, restored from the encrypted dump, rows back
                String secretKey = new String(team.exportSecret(key), StandardCharsets.US_ASCII);
                assertEquals("3000", sql(r, DB, "SELECT count(*) FROM ratings"));
                sql(r, DB, "DROP TABLE ratings");
                List<String> traced = new ArrayList<>(List.of("env", "VERDANDI_TRACE=1"));
                traced.addAll(restore(r, dump.getFileName().toString(), true));
                Proc.Result restored = r.runScript(traced, PASSPHRASE + "\n" + secretKey);
                assertEquals(0, restored.exit(), restored.output());
                assertTrue(restored.output().contains("+ read_passphrase "), "traced:\n" + restored.output());
                assertFalse(restored.output().contains(PASSPHRASE), "the trace never shows the passphrase");
                assertEquals("3000", sql(r, DB, "SELECT count(*) FROM ratings"));
                assertEquals("mangaki-staging\nmangaki-staging-previous", databases(r));
                assertTrue(calls(r).contains("stop verdandi-deploy@staging.service mangaki@staging.service"), calls(r).toString());
                assertTrue(calls(r).indexOf("start verdandi-deploy@staging.service")
                        > calls(r).indexOf("stop verdandi-deploy@staging.service mangaki@staging.service"));
                stopLoop(r);
                assertTrue(r.slackWith(":recycle:", "staging", "restored from " + dump.getFileName()).size() == 1, r.slack.texts().toString());
                Proc.Result again = r.runScript(restore(r, dump.getFileName().toString(), true), PASSPHRASE + "\n" + secretKey);
                assertEquals(1, again.exit());
                assertTrue(again.output().contains("env-restore: error: mangaki-staging-previous, kept by the last restore,"
                        + " is still there: env-restore staging --drop-previous first (nothing changed)"), again.output());
                Proc.Result dropped = r.runScript(List.of(script(r, "env-restore"), "staging", "--drop-previous"), null);
                assertEquals(0, dropped.exit(), dropped.output());
                assertEquals("mangaki-staging", databases(r));

                rejectsBadDumpsChangingNothing(r, team, key, stranger, other, dump, secretKey);
                assertTrue(Stream.of(new java.io.File("/dev/shm").list()).noneMatch(n -> n.startsWith("verdandi-restore.")),
                        "no key left on the tmpfs");
                assertFalse(r.allLogs().contains("PRIVATE KEY"));
            }

            watchTellsSlackAfter26HoursOnce(r);
            Proc.Result off = r.runScript(r.commands().removeBackupsTokens("staging"), null);
            assertEquals(0, off.exit(), off.output());
            assertFalse(Files.exists(r.root.resolve("etc/verdandi/staging/backup.conf")));
            assertFalse(Files.exists(r.root.resolve("etc/sudoers.d/verdandi-staging-backup")));
            assertTrue(Files.exists(onlyDump(r.root.resolve("var/backups/verdandi/staging"))), "dumps are kept");
        }
    }

    @Test
    void failsOnAFullDiskRemovingThePartialDumpKeepingThePreviousAndTellingSlack() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts();
             GnuPG team = new GnuPG(r.base.resolve("team"))) {
            GnuPG.Key key = team.generate("Team <team@mangaki.test>", "cv25519", PASSPHRASE);
            assertEquals(0, r.installEnvironment().exit());
            seed(r, 10);
            Proc.Result installed = r.runScript(installBackups(r, null), new String(team.exportPublic(key), StandardCharsets.US_ASCII));
            assertEquals(0, installed.exit(), installed.output());
            Proc.Result first = r.runScript(List.of(script(r, "env-backup"), "staging"), null);
            assertEquals(0, first.exit(), first.output());
            Path dir = r.root.resolve("var/backups/verdandi/staging");
            Path previous = onlyDump(dir);
            seed(r, 20000);
            // a tmpfs a little larger than the previous dump over the dump directory, in a
            // mount namespace of the dump's own: the new dump cannot fit
            long size = Files.size(previous) + 64 * 1024;
            String inner = String.join(" && ", List.of(
                    "mkdir -p /tmp/keep && cp -a " + dir + "/. /tmp/keep/",
                    "mount -n -t tmpfs -o size=" + size + ",mode=0711 verdandi-full " + dir,
                    "cp -a /tmp/keep/. " + dir + "/",
                    "{ " + script(r, "env-backup") + " staging; echo \"status=$?\"; }",
                    "ls -A " + dir));
            Proc.Result full = r.runScript(List.of("unshare", "--mount", "--propagation", "private", "--", "bash", "-c",
                    inner.replace("/tmp/keep", r.base + "/keep")), null);
            assertTrue(full.output().contains("status=1"), full.output());
            assertTrue(full.output().contains("env-backup: backup failed: encrypting or writing the dump failed"), full.output());
            List<String> left = full.output().lines().filter(l -> l.startsWith("staging.") || l.contains("partial")).toList();
            assertEquals(List.of(previous.getFileName().toString()), left, "the partial file is gone, the previous dump kept");
            assertEquals(1, r.slackWith(":rotating_light:", "*staging*: the nightly backup failed",
                    "Previous dumps are kept (latest: " + previous.getFileName() + ")").size(), r.slack.texts().toString());
        }
    }

    @Test
    void dumpsBeforeMigrationsAndAFailedDeployNamesTheDumpAndHowToRestoreIt() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts();
             GnuPG team = new GnuPG(r.base.resolve("team"))) {
            GnuPG.Key key = team.generate("Team <team@mangaki.test>", "cv25519", PASSPHRASE);
            assertEquals(0, r.installEnvironment().exit());
            Proc.Result installed = r.runScript(r.commands().installBackupsTokens("staging",
                    DatabaseBackups.defaultsFor("staging"), null, null), new String(team.exportPublic(key), StandardCharsets.US_ASCII));
            assertEquals(0, installed.exit(), installed.output());
            assertTrue(calls(r).contains("disable --now verdandi-backup@staging.timer verdandi-backup-watch@staging.timer"),
                    "staging has no nightly dump by default");
            r.commit("first");
            r.push();
            Proc.Result first = r.deployNow();
            assertEquals(0, first.exit(), first.output());
            Path before = r.root.resolve("var/backups/verdandi/staging/before-migrate");
            String release = r.currentTarget().replace("releases/", "");
            assertTrue(Files.exists(before.resolve("staging." + release + ".before-migrate.pgdump.gpg")), first.output());

            r.writeApp(fr.mangaki.verdandi.host.rehearsal.Faults.MIGRATIONS + "/0900_broken.py", """
                    from django.db import migrations


                    def fail(apps, schema_editor):
                        # passes on the gates' test database, fails on the live one
                        if not str(schema_editor.connection.settings_dict["NAME"]).startswith("test_"):
                            raise RuntimeError("this migration fails on the live database")


                    class Migration(migrations.Migration):
                        dependencies = [("notes", "0001_initial")]
                        operations = [migrations.RunPython(fail)]
                    """);
            r.commit("a migration that fails");
            r.push();
            Proc.Result failed = r.deployNow();
            assertEquals(1, failed.exit(), failed.output());
            List<String> dumps;
            try (Stream<Path> s = Files.list(before)) {
                dumps = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertEquals(2, dumps.size(), dumps.toString());
            String dump = "/var/backups/verdandi/staging/before-migrate/" + dumps.get(1);
            assertEquals(1, r.slackWith("failed at step *migrations*", "The database was dumped before the migrations: `" + dump + "`",
                    "`sudo /usr/local/lib/verdandi/env-restore staging --from " + dump + " &lt; your-secret-key.asc`").size(),
                    r.slack.texts().toString());
        }
    }

    /**
     * The copy to a Spaces bucket, against moto's S3 server on loopback (a stand-in for
     * Spaces that keeps buckets and objects as S3 does; it does not check signatures).
     */
    @Test
    void copiesToTheBucketAndPrunesTheEnvironmentsOldDumpsThere() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts();
             GnuPG team = new GnuPG(r.base.resolve("team"));
             S3StandIn s3 = new S3StandIn(r.base.resolve("s3"))) {
            GnuPG.Key key = team.generate("Team <team@mangaki.test>", "cv25519", PASSPHRASE);
            assertEquals(0, r.installEnvironment().exit());
            Path env = r.root.resolve("etc/verdandi/staging/app.env");
            Files.writeString(env, Files.readString(env) + "BACKUP_S3_ACCESS_KEY_ID=" + S3StandIn.ACCESS_KEY
                    + "\nBACKUP_S3_SECRET_ACCESS_KEY=" + S3StandIn.SECRET_KEY + "\n");
            seed(r, 100);
            s3.s3cmd("--bucket-location=ams3", "mb", "s3://mangaki-backups");
            Path old = r.base.resolve("old.gpg");
            Files.writeString(old, "an old dump\n");
            s3.s3cmd("put", old.toString(), "s3://mangaki-backups/staging/staging.20200101T030000Z.nightly.pgdump.gpg");
            s3.s3cmd("put", old.toString(), "s3://mangaki-backups/production/production.20200101T030000Z.nightly.pgdump.gpg");

            List<String> install = new ArrayList<>(r.commands().installBackupsTokens("staging", DatabaseBackups.nightly(3, 14)
                    .withBucket(new DatabaseBackups.Bucket("mangaki-backups", "ams3")), null, null));
            install.set(install.indexOf("--s3-endpoint") + 1, s3.endpoint());
            Proc.Result installed = r.runScript(install, new String(team.exportPublic(key), StandardCharsets.US_ASCII));
            assertEquals(0, installed.exit(), installed.output());
            Proc.Result backup = r.runScript(List.of("env", "VERDANDI_TRACE=1", script(r, "env-backup"), "staging"), null);
            assertEquals(0, backup.exit(), backup.output());
            assertTrue(backup.output().contains("+ write_s3_config "), "traced:\n" + backup.output());
            assertFalse(backup.output().contains(S3StandIn.SECRET_KEY), "the trace never shows the bucket's key");
            Path dump = onlyDump(r.root.resolve("var/backups/verdandi/staging"));
            assertTrue(backup.output().contains("bucket copy: s3://mangaki-backups/staging/" + dump.getFileName()), backup.output());
            assertTrue(backup.output().contains("pruned s3://mangaki-backups/staging/staging.20200101T030000Z"), backup.output());
            String listing = s3.s3cmd("ls", "--recursive", "s3://mangaki-backups");
            assertTrue(listing.contains("s3://mangaki-backups/staging/" + dump.getFileName()), listing);
            assertFalse(listing.contains("staging.20200101T030000Z"), listing);
            assertTrue(listing.contains("production.20200101T030000Z"), "another environment's dumps are left alone");
            Path fetched = r.base.resolve("fetched.gpg");
            s3.s3cmd("get", "s3://mangaki-backups/staging/" + dump.getFileName(), fetched.toString());
            assertArrayEquals(Files.readAllBytes(dump), Files.readAllBytes(fetched));
            assertFalse(r.allLogs().contains(S3StandIn.SECRET_KEY), "the bucket's secret key is in no log");
            assertTrue(r.slack.texts().isEmpty(), r.slack.texts().toString());
        }
    }

    // ---- parts of the first test -----------------------------------------------------------

    private static void refusesAnythingButADumpOfItsEnvironment(LoopbackSshd front, Rehearsal r, Path dump) throws Exception {
        Path appKey = r.root.resolve("etc/verdandi/staging/backup-ssh/id_ed25519");
        List<String> client = front.client("verdandi-dumps", "127.0.0.1", appKey);
        Path received = r.root.resolve("var/backups/verdandi-dumps/staging");
        List<String> before = list(received);
        String sum = "0".repeat(64);
        for (String[] c : new String[][] {
                {"cat /etc/passwd", "dump-receive: error: only 'put NAME.YYYYmmddTHHMMSSZ.nightly.pgdump.gpg SHA256' is accepted"},
                {"put production.20261130T031500Z.nightly.pgdump.gpg " + sum, "dump-receive: error: this key may only store dumps of staging"},
                {"put staging.20261130T031500Z.nightly.pgdump.gpg " + sum, "dump-receive: error: staging.20261130T031500Z.nightly.pgdump.gpg arrived damaged"},
                {"put " + dump.getFileName() + " " + sum, "dump-receive: error: " + dump.getFileName() + " is already stored"},
                {"", "dump-receive: error: only 'put NAME"}}) {
            Proc.Result res = front.ssh(client, c[0], "not a dump");
            assertTrue(res.exit() != 0 && res.output().contains(c[1]), c[0] + " -> " + res.output());
        }
        assertEquals(before, list(received), "nothing stored, no partial file left");
        Path stranger = LoopbackSshd.keygen(r.base.resolve("stranger_ssh"), "stranger").privateKey();
        Proc.Result denied = front.ssh(front.client("verdandi-dumps", "127.0.0.1", stranger), "put x y", "");
        assertTrue(denied.exit() != 0 && denied.output().contains("Permission denied"), denied.output());
    }

    private static void rejectsBadDumpsChangingNothing(Rehearsal r, GnuPG team, GnuPG.Key key, GnuPG stranger,
                                                      GnuPG.Key other, Path dump, String secretKey) throws Exception {
        byte[] cipher = Files.readAllBytes(dump);
        Path bad = Files.createDirectories(r.base.resolve("bad-dumps"));
        Path truncated = bad.resolve("truncated.gpg");
        Files.write(truncated, Arrays.copyOf(cipher, cipher.length / 2));
        Path tampered = bad.resolve("tampered.gpg");
        byte[] flipped = cipher.clone();
        flipped[flipped.length / 2] ^= 0x20;
        Files.write(tampered, flipped);
        // another environment's dump, renamed to look like one of staging: its inside says production
        Path foreign = bad.resolve("staging.20261130T031500Z.nightly.pgdump.gpg");
        Files.write(foreign, team.gpg(team.decrypt(cipher, key), "--trust-model", "always", "--compress-algo", "none",
                "--set-filename", "production.20261130T031500Z.nightly.pgdump", "--recipient", key.fingerprint(), "--encrypt"));
        String strangerKey = new String(stranger.exportSecret(other), StandardCharsets.US_ASCII);
        String rows = sql(r, DB, "SELECT count(*) FROM ratings");
        for (Object[] c : new Object[][] {
                {dump.toString(), PASSPHRASE + "\n" + strangerKey, "env-restore: error: " + dump.getFileName()
                        + ": not encrypted to the key given (it is for "},
                {dump.toString(), "wrong passphrase\n" + secretKey, "env-restore: error: " + dump.getFileName()
                        + ": the key's passphrase is wrong or missing (--passphrase-line) (nothing changed)"},
                {truncated.toString(), PASSPHRASE + "\n" + secretKey, "env-restore: error: truncated.gpg: damaged, truncated or tampered with: "},
                {tampered.toString(), PASSPHRASE + "\n" + secretKey, "env-restore: error: tampered.gpg: damaged, truncated or tampered with: "},
                {foreign.toString(), PASSPHRASE + "\n" + secretKey, "env-restore: error: " + foreign.getFileName()
                        + ": a dump of environment 'production', not of staging (nothing changed)"},
                {dump.toString(), PASSPHRASE + "\n" + new String(team.exportPublic(key), StandardCharsets.US_ASCII),
                        "env-restore: error: no OpenPGP secret key on standard input (nothing changed)"},
                {"staging.19700101T000000Z.nightly.pgdump.gpg", PASSPHRASE + "\n" + secretKey,
                        "env-restore: error: staging.19700101T000000Z.nightly.pgdump.gpg: no such dump (nothing changed)"}}) {
            Proc.Result res = r.runScript(restore(r, (String) c[0], true), (String) c[1]);
            String where = c[0] + " -> " + res.output();
            assertEquals(1, res.exit(), where);
            List<String> errors = res.output().lines().filter(l -> l.contains("error:")).toList();
            assertEquals(1, errors.size(), where);
            assertTrue(errors.get(0).startsWith((String) c[2]), where);
            assertTrue(errors.get(0).endsWith("(nothing changed)"), where);
            assertEquals(rows, sql(r, DB, "SELECT count(*) FROM ratings"), where);
            assertEquals("mangaki-staging", databases(r), where);
        }
        List<String> leftovers;
        try (Stream<Path> s = Files.list(dump.getParent())) {
            leftovers = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".restore")).toList();
        }
        assertEquals(List.of(), leftovers, "no plaintext left behind");
    }

    private static void watchTellsSlackAfter26HoursOnce(Rehearsal r) throws Exception {
        Path last = r.root.resolve("var/backups/verdandi/staging/.last-success");
        List<String> watch = List.of(script(r, "backup-watch"), "staging");
        Proc.Result fresh = r.runScript(watch, null);
        assertEquals(0, fresh.exit(), fresh.output());
        assertTrue(r.slackWith("no backup for over 26 hours").isEmpty());
        long old = System.currentTimeMillis() / 1000 - 27 * 3600;
        Files.writeString(last, old + " staging.20261129T031500Z.nightly.pgdump.gpg\n");
        assertEquals(0, r.runScript(watch, null).exit());
        assertEquals(1, r.slackWith(":rotating_light:", "*staging*: no backup for over 26 hours: the last one succeeded 27 hours ago"
                + " (staging.20261129T031500Z.nightly.pgdump.gpg)").size(), r.slack.texts().toString());
        Proc.Result again = r.runScript(watch, null);
        assertTrue(again.output().contains("(already reported)"), again.output());
        assertEquals(1, r.slackWith("no backup for over 26 hours").size(), "told once");
    }

    // ---- helpers ------------------------------------------------------------------------------

    static LoopbackSshd startFront(Rehearsal r) throws Exception {
        Path conf = r.base.resolve("sshd-verdandi-dumps.conf");
        Files.writeString(conf, Files.readString(r.root.resolve("etc/ssh/sshd_config.d/60-verdandi-dumps.conf"))
                .replace("/etc/verdandi/dumps/authorized_keys", r.root + "/etc/verdandi/dumps/authorized_keys"));
        return LoopbackSshd.builder(r.base.resolve("front-sshd"))
                .listen("127.0.0.1")
                .admin(new AdminUser("verdandi-dumps", "/usr/local/lib/verdandi/dump-receive", List.of(), null, List.of()))
                .hostScripts(r.root.resolve("usr/local/lib"))
                .include(conf)
                .sessionEnvironment("VERDANDI_ROOT", r.root.toString())
                .start();
    }

    private static List<String> installBackups(Rehearsal r, Integer frontPort) {
        return r.commands().installBackupsTokens("staging", DatabaseBackups.nightly(3, 14),
                frontPort == null ? null : "127.0.0.1", frontPort);
    }

    private static List<String> restore(Rehearsal r, String dump, boolean passphraseLine) {
        List<String> t = new ArrayList<>(r.commands().restoreTokens("staging", dump));
        if (passphraseLine) {
            t.add("--passphrase-line");
        }
        return t;
    }

    static String script(Rehearsal r, String name) {
        return r.root + HostFiles.SCRIPT_DIR + "/" + name;
    }

    /** {@code rows} more rows in the environment's table, made by its own role. */
    static void seed(Rehearsal r, int rows) {
        sql(r, DB, "SET ROLE \"mangaki-staging\"; CREATE TABLE IF NOT EXISTS ratings (id bigserial PRIMARY KEY,"
                + " work integer NOT NULL, score smallint NOT NULL, note text); INSERT INTO ratings (work, score, note)"
                + " SELECT i % 997, i % 5, md5(random()::text) || md5(i::text) FROM generate_series(1, " + rows + ") i");
    }

    static String sql(Rehearsal r, String db, String sql) {
        return Proc.run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                        "-d", db, "-c", sql), Map.of("PGHOST", r.base.resolve("pg/sock").toString()), null,
                Duration.ofMinutes(2), r.base).requireSuccess().output().trim();
    }

    private static String databases(Rehearsal r) {
        return r.psql("SELECT string_agg(datname, E'\\n' ORDER BY datname) FROM pg_database WHERE datname LIKE 'mangaki-%'");
    }

    private static List<String> calls(Rehearsal r) throws Exception {
        return Files.readAllLines(r.root.resolve("var/log/systemctl-stand-in/calls"));
    }

    private static void stopLoop(Rehearsal r) {
        r.runScript(List.of(Rehearsal.RESOURCES.resolve("systemctl-stand-in").toString(), "stop",
                "verdandi-deploy@staging.service"), null);
    }

    static Path onlyDump(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> dumps = s.filter(p -> p.getFileName().toString().matches(DUMP_NAME)).toList();
            assertEquals(1, dumps.size(), dumps.toString());
            return dumps.get(0);
        }
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static int uidIn(Path passwd, String user) throws Exception {
        return Files.readAllLines(passwd).stream().filter(l -> l.startsWith(user + ":"))
                .map(l -> Integer.parseInt(l.split(":")[2])).findFirst().orElseThrow();
    }

    static void chown(Path p, int uid) throws Exception {
        Files.setAttribute(p, "unix:uid", uid);
    }

}
