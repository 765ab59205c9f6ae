package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.host.rehearsal.Faults;
import fr.mangaki.verdandi.host.rehearsal.FrontChecks;
import fr.mangaki.verdandi.host.rehearsal.HttpProbe;
import fr.mangaki.verdandi.host.rehearsal.LoadClient;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.Rehearsal;
import fr.mangaki.verdandi.host.rehearsal.SlackReceiver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.mangaki.verdandi.host.rehearsal.Faults.shortSha;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rehearsal (docs/deploy.md, "Rehearsal"): the real host scripts from the rendered user data, under
 * a temporary root, with real git, PostgreSQL, Redis, NGINX, gunicorn, Celery and Django;
 * pushes of a Mangaki-shaped application are served through NGINX while a client keeps
 * requesting, then every fault and bad input is injected.
 */
@Tag("rehearsal")
class DeployRehearsalTest {

    private static final Duration DEPLOY = Duration.ofSeconds(150);

    @Test
    void servesEveryPushWithoutFailedRequestsAndSurvivesEveryFault() {
        try (Rehearsal r = new Rehearsal(1).prepareHosts()) {
            Proc.Result site = r.installSite();
            assertEquals(0, site.exit(), site.output());
            String first = r.commit("First commit");
            r.push();
            Proc.Result install = r.installEnvironment();
            assertEquals(0, install.exit(), install.output());
            assertTrue(Rehearsal.await(Duration.ofSeconds(240), () -> first.equals(r.servedRevision())),
                    "the first commit was not served:\n" + r.loopLog());
            assertTrue(Rehearsal.await(Duration.ofSeconds(30), () -> !r.slackWith(":white_check_mark: *staging*",
                    shortSha(first), "\"First commit\"", "by Ada Lovelace", "is live in").isEmpty()),
                    "no success report: " + r.slack.texts() + "\n" + r.loopLog());
            assertEquals(0, probeUnknownHost(r), "a domain that no environment serves is closed without an answer");
            checkInstalledLikeMangaki(r, first);

            try (LoadClient load = new LoadClient(r, 10, 200_000, 900)) {
                long master = r.masters().get(0);
                long worker = r.processPid("worker");
                String venv = venvOf(r.front().body());

                r.writeApp(Faults.VERSION, "VERSION = \"second\"\n");
                String second = pushAndAwait(r, "Show the second version");
                assertEquals(1, r.masters().size(), "one gunicorn master after the switch");
                assertNotEquals(master, r.masters().get(0), "the master was replaced (USR2)");
                assertNotEquals(worker, r.processPid("worker"), "the worker was restarted");
                assertEquals(second, r.taskRevision("second", Duration.ofSeconds(60)), "a task queued after the deploy runs its code");
                assertEquals(venv, venvOf(r.front().body()), "the virtualenv is reused when poetry.lock did not change");
                assertTrue(r.loopLog().contains("dependencies unchanged: reusing virtualenv"));
                assertTrue(r.front().body().contains("version=second"), r.front().body());
                assertTrue(r.slackWith(shortSha(second), "is live", "processes: web, worker, beat.").size() == 1, r.slack.texts().toString());

                r.writeApp("poetry.lock", r.readApp("poetry.lock") + "# a changed lock file\n");
                r.writeApp("package.json", r.readApp("package.json").replace("no npm dependency", "no npm dependency yet"));
                pushAndAwait(r, "Change poetry.lock and package.json");
                assertNotEquals(venv, venvOf(r.front().body()), "a new master runs the new virtualenv");
                assertTrue(r.loopLog().contains("dependencies changed: building virtualenv"));
                assertTrue(r.loopLog().contains("main package(s)"), r.loopLog());
                assertTrue(r.loopLog().contains("package*.json changed: installing npm packages"));
                assertTrue(Files.isSymbolicLink(r.srv().resolve("current/node_modules")));

                r.writeApp(Faults.MODELS, r.readApp(Faults.MODELS).replace("    text = models.CharField(max_length=200)\n",
                        "    text = models.CharField(max_length=200)\n    pinned = models.BooleanField(default=False)\n"));
                r.writeApp(Faults.MIGRATIONS + "/0002_note_pinned.py", """
                        from django.db import migrations, models


                        class Migration(migrations.Migration):
                            dependencies = [("notes", "0001_initial")]

                            operations = [
                                migrations.AddField(model_name="note", name="pinned", field=models.BooleanField(default=False)),
                            ]
                        """);
                pushAndAwait(r, "Pin notes");
                assertTrue(r.loopLog().contains("unapplied migrations: notes.0002_note_pinned"), r.loopLog());

                r.writeApp(Faults.VERSION, "VERSION = \"no-migration\"\n");
                pushAndAwait(r, "Change nothing in the database");
                assertTrue(r.loopLog().contains("migration files and database settings unchanged"), r.loopLog());

                Faults faults = new Faults(r, load);
                List<Faults.Outcome> outcomes = new java.util.ArrayList<>(faults.all());
                outcomes.addAll(faults.badInputs());
                StringBuilder problems = new StringBuilder();
                for (Faults.Outcome o : outcomes) {
                    o.problems().forEach(p -> problems.append(o.fault()).append(": ").append(p).append('\n'));
                }
                assertEquals("", problems.toString(), "faults not survived; loop log:\n" + r.loopLog());

                r.restoreTree(r.state("deployed"));
                r.writeApp(Faults.VERSION, "VERSION = \"after-the-faults\"\n");
                pushAndAwait(r, "Back to normal");
                load.close();
                assertEquals(0, load.failures(), "failed requests: " + load.failureSamples());
                assertTrue(load.requests() > 200, "requests: " + load.requests());
            }
            checkTheFrontsOwnJobs(r);
            assertTrue(r.releases().size() <= 5, "releases kept: " + r.releases());
            assertFalse(r.allLogs().contains(SlackReceiver.TOKEN), "the webhook URL shows up in a log");

            Proc.Result removed = r.removeEnvironment();
            assertEquals(0, removed.exit(), removed.output());
            assertTrue(Rehearsal.await(Duration.ofSeconds(60), () -> r.masters().isEmpty()), "gunicorn stopped");
            assertEquals(0, r.processPid("worker"), "the worker stopped");
            assertEquals(0, r.processPid("beat"), "beat stopped");
            assertFalse(Files.exists(r.root.resolve("etc/nginx/sites-enabled/verdandi-env-staging.conf")));
            assertFalse(Rehearsal.read(r.root.resolve("etc/redis/verdandi-users.acl")).contains("mangaki-staging"));
            assertFalse(Rehearsal.read(r.root.resolve("etc/passwd")).contains("mangaki-staging"));
            Proc.Result siteRemoved = r.removeSite();
            assertEquals(0, siteRemoved.exit(), siteRemoved.output());
        }
    }

    /**
     * The front (docs/deploy.md, "The front"): a push notified by the code host's webhook wakes
     * the deploy loop; a wrong signature triggers nothing; gunicorn stopped under load gives
     * the maintenance page to every failed request; the access log makes a GoAccess report, and
     * the client's traffic a peak alert, told once and once over.
     */
    private static void checkTheFrontsOwnJobs(Rehearsal r) {
        FrontChecks front = new FrontChecks(r);
        // the loop also polls (every 5 s here): a poll may find the commit between the push and
        // the webhook, and the loop, busy deploying it, is not told. Up to three pushes, then.
        String sha = null;
        boolean woken = false;
        for (int attempt = 1; attempt <= 3 && !woken; attempt++) {
            long wakes = front.wakeCount();
            String before = r.state("deployed");
            r.writeApp(Faults.VERSION, "VERSION = \"pushed-" + attempt + "\"\n");
            String pushed = r.commit("Deploy on push " + attempt);
            r.push();
            HttpProbe.Response hook = front.notifyPush(before, pushed);
            assertEquals(202, hook.status(), hook.body());
            assertTrue(Rehearsal.await(DEPLOY, () -> pushed.equals(r.servedRevision())), "the pushed commit was not served:\n"
                    + r.loopLog());
            assertTrue(Rehearsal.await(Duration.ofSeconds(30), () -> pushed.equals(r.state("deployed"))
                    && !Files.exists(r.stateDir().resolve("deploying")) && r.masters().size() == 1));
            woken = front.wakeCount() > wakes;
            sha = pushed;
        }
        assertTrue(woken, "the webhook woke the deploy loop (once in three pushes at least):\n" + r.loopLog());
        assertTrue(front.badSignatureRefused(sha), "a wrong signature is refused with 401 and triggers nothing");

        FrontChecks.Maintenance down = front.gunicornStoppedUnderLoad(Duration.ofSeconds(3));
        assertTrue(down.failed() > 0, "gunicorn was stopped under load: " + down);
        assertEquals(down.failed(), down.maintenance503(), "every failed request got the maintenance page: " + down);
        assertEquals(0, down.bare502(), "no bare 502: " + down);
        assertTrue(sha.equals(r.servedRevision()), "gunicorn serves again");
        assertTrue(front.analyticsReport(), "GoAccess wrote the report of the front's access log");
        assertTrue(front.peakAlert(), "Slack heard of the peak once, and once that it was over: " + r.slack.texts());
    }

    private static String pushAndAwait(Rehearsal r, String subject) {
        String sha = r.commit(subject);
        r.push();
        assertTrue(Rehearsal.await(DEPLOY, () -> sha.equals(r.servedRevision())),
                "commit '" + subject + "' was not served:\n" + r.loopLog());
        assertTrue(Rehearsal.await(Duration.ofSeconds(30), () -> sha.equals(r.state("deployed"))
                && !Files.exists(r.stateDir().resolve("deploying")) && r.masters().size() == 1),
                "the deploy did not finish: masters " + r.masters());
        return sha;
    }

    /**
     * What env-install and the first deploy set up, Mangaki's way: extensions, settings file,
     * Redis user, processes, static files served by NGINX with long cache headers, sent files.
     */
    private static void checkInstalledLikeMangaki(Rehearsal r, String first) {
        assertEquals("pg_trgm,unaccent", r.psql("mangaki-staging",
                "SELECT string_agg(extname, ',' ORDER BY extname) FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent')"));
        java.nio.file.Path ini = r.srv().resolve("shared/settings.ini");
        assertEquals("rw-------", perms(ini));
        String settings = Rehearsal.read(ini);
        assertTrue(settings.contains("SECRET_FILE = " + r.root.resolve("etc/verdandi/staging/app.env")), settings);
        assertTrue(settings.matches("(?s).*broker_url = redis://mangaki-staging:[0-9a-f]{48}@127\\.0\\.0\\.1:" + r.redisPort + "/0\n.*"),
                settings);
        String runtime = Rehearsal.read(r.root.resolve("etc/verdandi/staging/runtime.env"));
        assertTrue(runtime.contains("MANGAKI_SETTINGS_PATH=" + ini + "\n"), runtime);
        assertEquals("rw-------", perms(r.root.resolve("etc/verdandi/staging/runtime.env")));
        assertTrue(r.processPid("worker") > 0 && r.processPid("beat") > 0, "worker and beat run");
        assertEquals(first, r.taskRevision("first", Duration.ofSeconds(60)), "the worker runs the release's code");

        fr.mangaki.verdandi.host.rehearsal.HttpProbe.Response page = r.front();
        Matcher css = Pattern.compile("css=(\\S+)").matcher(page.body());
        assertTrue(css.find(), page.body());
        assertTrue(css.group(1).matches("/static/notes/site\\.[0-9a-f]{12}\\.css"), css.group(1));
        fr.mangaki.verdandi.host.rehearsal.HttpProbe.Response style = r.front(css.group(1));
        assertEquals(200, style.status(), style.headers());
        assertEquals("public, max-age=31536000, immutable", style.header("Cache-Control"));
        assertTrue(Rehearsal.read(r.root.resolve("var/log/nginx/verdandi-staging.access.log")).contains(css.group(1)));
        assertFalse(r.unitLog("mangaki@staging.service").contains(css.group(1)), "gunicorn never saw the static file");
        assertEquals(200, r.front("/static/notes/built.js").status(), "npm run build's output is collected");

        Rehearsal.write(r.srv().resolve("shared/data/catalogue.txt"), "sent by NGINX\n");
        fr.mangaki.verdandi.host.rehearsal.HttpProbe.Response sent = r.front("/data/catalogue.txt");
        assertEquals(200, sent.status(), sent.headers());
        assertEquals("sent by NGINX\n", sent.body());
        assertEquals(404, r.front("/sendfile/catalogue.txt").status(), "the internal location is internal");
    }

    private static String perms(java.nio.file.Path p) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String venvOf(String body) {
        Matcher m = Pattern.compile("venv=(\\S+)").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static int probeUnknownHost(Rehearsal r) {
        return fr.mangaki.verdandi.host.rehearsal.HttpProbe.get(r.httpPort, "unknown.test", "/").status();
    }
}
