package fr.mangaki.verdandi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.config.DatabaseBackups;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import fr.mangaki.verdandi.secrets.GnuPG;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The backups of an environment whose database is the managed cluster's (DATABASE_URL in
 * runtime.env, docs/backups.md and docs/growth.md), run for real: env-install
 * --managed-database, backup-install, env-backup (nightly and before migrations) and the
 * restore drill with env-restore, against a PostgreSQL 15 cluster on loopback standing for the
 * managed one (password authentication, a role without CREATEDB owning its database, an
 * extension made by the cluster's superuser), with GnuPG and the rehearsal's Slack stand-in.
 */
@Tag("rehearsal")
class ManagedBackupsTest {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String DB = "mangaki-staging";
    private static final String NIGHTLY = "staging\\.\\d{8}T\\d{6}Z\\.nightly\\.pgdump\\.gpg";

    @Test
    void dumpsTheManagedDatabaseAndRestoresItsRowsInPlace() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts();
             GnuPG team = new GnuPG(r.base.resolve("team"));
             PasswordPostgres managed = PasswordPostgres.start(r.base.resolve("managed"), DB)) {
            GnuPG.Key key = team.generate("Team <team@mangaki.test>", "cv25519", PASSPHRASE);
            String recipients = new String(team.exportPublic(key), StandardCharsets.US_ASCII);
            String secretKey = new String(team.exportSecret(key), StandardCharsets.US_ASCII);
            r.redis(true);
            Proc.Result installed = r.installEnvironment("127.0.0.1", "DATABASE_URL=" + managed.url() + "\n"
                    + "REDIS_URL=redis://127.0.0.1:" + r.redisPort + "/0\n", "127.0.0.1");
            assertEquals(0, installed.exit(), installed.output());
            stopLoop(r);
            managed.sql("CREATE EXTENSION pg_trgm");
            managed.sql("SET ROLE \"" + DB + "\"; CREATE TABLE ratings (id bigserial PRIMARY KEY, work integer NOT NULL,"
                    + " note text); INSERT INTO ratings (work, note) SELECT i % 997, md5(i::text) FROM generate_series(1, 3000) i;"
                    + " CREATE TABLE verdandi_releases (id bigserial PRIMARY KEY, sha text);"
                    + " INSERT INTO verdandi_releases (sha) VALUES ('first')");
            Proc.Result backups = r.runScript(r.commands().installBackupsTokens("staging", DatabaseBackups.nightly(3, 14),
                    null, null), recipients);
            assertEquals(0, backups.exit(), backups.output());
            // the droplet's own PostgreSQL has no database of the environment: only the managed one can be dumped
            assertEquals("", r.psql("SELECT datname FROM pg_database WHERE datname = '" + DB + "'"));

            // the nightly dump, traced: neither the URL nor the password shows
            Proc.Result nightly = r.runScript(List.of("env", "VERDANDI_TRACE=1", script(r, "env-backup"), "staging"), null);
            assertEquals(0, nightly.exit(), nightly.output());
            assertTrue(nightly.output().contains("dumping " + DB + " (the managed database) to "), nightly.output());
            assertFalse(nightly.output().contains(managed.password()) || nightly.output().contains("postgresql://"),
                    nightly.output());
            Path dumps = r.root.resolve("var/backups/verdandi/staging");
            List<Path> made = nightlies(dumps);
            assertEquals(1, made.size(), made.toString());
            Path dump = made.get(0);
            Path plain = r.base.resolve("plain.pgdump");
            Files.write(plain, team.decrypt(Files.readAllBytes(dump), key));
            String toc = Proc.run(List.of("pg_restore", "--list", plain.toString()), Map.of(), null, Duration.ofMinutes(1))
                    .requireSuccess().output();
            assertTrue(toc.contains(";     dbname: " + DB + "\n") && toc.contains("TABLE DATA public ratings " + DB), toc);

            // the dump before a deploy's migrations is of the managed database too
            Proc.Result before = r.runScript(List.of(script(r, "env-backup"), "staging", "--before-migrate",
                    "20261130T120000-abcdef1"), null);
            assertEquals(0, before.exit(), before.output());
            assertTrue(Files.size(dumps.resolve("before-migrate/staging.20261130T120000-abcdef1.before-migrate.pgdump.gpg")) > 0);

            // the drill: rows lost, the dump restored in place, the rows back; the database as it was is dumped first
            managed.sql("DELETE FROM ratings WHERE id > 1000");
            managed.sql("SET ROLE \"" + DB + "\"; CREATE TABLE later (id integer);"
                    + " INSERT INTO verdandi_releases (sha) VALUES ('second')");
            Thread.sleep(1100); // the nightly dump's name has the second: the dump before the restore is another one
            Proc.Result restored = r.runScript(restore(r, dump.getFileName().toString()), PASSPHRASE + "\n" + secretKey);
            assertEquals(0, restored.exit(), restored.output());
            assertEquals("3000", managed.sql("SELECT count(*) FROM ratings"));
            assertEquals("3000", managed.sql("SELECT count(DISTINCT note) FROM ratings"));
            assertEquals("pg_trgm", managed.sql("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'"),
                    "the administrator's extension is left as it is");
            assertEquals(DB, managed.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'ratings'"));
            assertEquals("first second", managed.sql("SELECT string_agg(sha, ' ' ORDER BY id) FROM verdandi_releases"),
                    "the droplets' table of releases is left as it is");
            List<String> calls = Files.readAllLines(r.root.resolve("var/log/systemctl-stand-in/calls"));
            assertTrue(calls.contains("stop verdandi-deploy@staging.service mangaki@staging.service"), calls.toString());
            List<Path> after = nightlies(dumps);
            assertEquals(2, after.size(), after.toString());
            Path wayBack = after.get(1);
            assertTrue(restored.output().contains("the database as it was is in " + wayBack.getFileName()), restored.output());
            assertTrue(r.slackWith(":recycle:", "staging", "restored from " + dump.getFileName()).size() == 1,
                    r.slack.texts().toString());
            stopLoop(r);

            // and the way back: the dump taken before the restore holds the 1000 rows of then
            Thread.sleep(1100);
            Proc.Result back = r.runScript(restore(r, wayBack.getFileName().toString()), PASSPHRASE + "\n" + secretKey);
            assertEquals(0, back.exit(), back.output());
            assertEquals("1000", managed.sql("SELECT count(*) FROM ratings"));
            stopLoop(r);
            Proc.Result drop = r.runScript(List.of(script(r, "env-restore"), "staging", "--drop-previous"), null);
            assertEquals(0, drop.exit(), drop.output());
            assertTrue(drop.output().contains("nothing to drop: a restore into the managed database keeps a dump taken before it"),
                    drop.output());
        }
    }

    @Test
    void failsWhenTheManagedDatabaseDoesNotAnswerAndTellsSlack() throws Exception {
        try (Rehearsal r = new Rehearsal(5).prepareHosts();
             GnuPG team = new GnuPG(r.base.resolve("team"))) {
            GnuPG.Key key = team.generate("Team <team@mangaki.test>", "cv25519", PASSPHRASE);
            // nothing listens on port 1: no server ever reads this password, made for the run
            String password = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(8));
            Proc.Result installed = r.installEnvironment("127.0.0.1",
                    "DATABASE_URL=postgresql://" + DB + ":" + password + "@127.0.0.1:1/" + DB + "\n"
                    + "REDIS_URL=redis://127.0.0.1:" + r.redisPort + "/0\n", "127.0.0.1");
            assertEquals(0, installed.exit(), installed.output());
            stopLoop(r);
            Proc.Result backups = r.runScript(r.commands().installBackupsTokens("staging", DatabaseBackups.nightly(3, 14),
                    null, null), new String(team.exportPublic(key), StandardCharsets.US_ASCII));
            assertEquals(0, backups.exit(), backups.output());
            Proc.Result nightly = r.runScript(List.of(script(r, "env-backup"), "staging"), null);
            assertEquals(1, nightly.exit(), nightly.output());
            assertTrue(nightly.output().contains("backup failed: the managed database " + DB + " does not answer: "),
                    nightly.output());
            assertTrue(nightlies(r.root.resolve("var/backups/verdandi/staging")).isEmpty());
            assertEquals(1, r.slackWith(":rotating_light:", "the nightly backup failed", "does not answer").size(),
                    r.slack.texts().toString());
        }
    }

    private static String script(Rehearsal r, String name) {
        return BackupsTest.script(r, name);
    }

    private static List<String> restore(Rehearsal r, String dump) {
        List<String> t = new ArrayList<>(r.commands().restoreTokens("staging", dump));
        t.add("--passphrase-line");
        return t;
    }

    private static void stopLoop(Rehearsal r) {
        r.runScript(List.of(Rehearsal.RESOURCES.resolve("systemctl-stand-in").toString(), "stop",
                "verdandi-deploy@staging.service"), null);
    }

    private static List<Path> nightlies(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(NIGHTLY)).sorted().toList();
        }
    }
}
