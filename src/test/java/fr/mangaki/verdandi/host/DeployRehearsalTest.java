package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.host.rehearsal.Faults;
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
 * The rehearsal (docs/deploy.md, "Rehearsal"): the real host scripts from the rendered user data, under a
 * temporary root, with real git, PostgreSQL, NGINX, gunicorn and Django; pushes are
 * served through NGINX while a client keeps requesting, then every fault is injected.
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

            try (LoadClient load = new LoadClient(r, 10, 200_000, 900)) {
                long master = r.masters().get(0);
                String venv = venvOf(r.front().body());

                r.writeApp("demo/version.py", "VERSION = \"second\"\n");
                pushAndAwait(r, "Show the second version");
                assertEquals(1, r.masters().size(), "one gunicorn master after the switch");
                assertNotEquals(master, r.masters().get(0), "the master was replaced (USR2)");
                assertEquals(venv, venvOf(r.front().body()), "the virtualenv is reused when requirements did not change");
                assertTrue(r.loopLog().contains("requirements unchanged: reusing virtualenv"));
                assertTrue(r.front().body().contains("version=second"), r.front().body());

                r.writeApp("requirements.txt", r.readApp("requirements.txt") + "# a changed requirements file\n");
                r.writeApp("package.json", r.readApp("package.json").replace("no npm dependency", "no npm dependency yet"));
                pushAndAwait(r, "Change requirements and package.json");
                assertNotEquals(venv, venvOf(r.front().body()), "a new master runs the new virtualenv");
                assertTrue(r.loopLog().contains("requirements changed: building virtualenv"));
                assertTrue(r.loopLog().contains("package*.json changed: installing npm packages"));
                assertTrue(Files.isSymbolicLink(r.srv().resolve("current/node_modules")));

                r.writeApp("notes/models.py", r.readApp("notes/models.py") + "    pinned = models.BooleanField(default=False)\n");
                r.writeApp("notes/migrations/0002_note_pinned.py", """
                        from django.db import migrations, models


                        class Migration(migrations.Migration):
                            dependencies = [("notes", "0001_initial")]

                            operations = [
                                migrations.AddField(model_name="note", name="pinned", field=models.BooleanField(default=False)),
                            ]
                        """);
                pushAndAwait(r, "Pin notes");
                assertTrue(r.loopLog().contains("unapplied migrations: notes.0002_note_pinned"), r.loopLog());

                r.writeApp("demo/version.py", "VERSION = \"no-migration\"\n");
                pushAndAwait(r, "Change nothing in the database");
                assertTrue(r.loopLog().contains("migration files and database settings unchanged"), r.loopLog());

                List<Faults.Outcome> outcomes = new Faults(r, load).all();
                StringBuilder problems = new StringBuilder();
                for (Faults.Outcome o : outcomes) {
                    o.problems().forEach(p -> problems.append(o.fault()).append(": ").append(p).append('\n'));
                }
                assertEquals("", problems.toString(), "faults not survived; loop log:\n" + r.loopLog());

                r.restoreTree(r.state("deployed"));
                r.writeApp("demo/version.py", "VERSION = \"after-the-faults\"\n");
                pushAndAwait(r, "Back to normal");
                load.close();
                assertEquals(0, load.failures(), "failed requests: " + load.failureSamples());
                assertTrue(load.requests() > 200, "requests: " + load.requests());
            }
            assertTrue(r.releases().size() <= 5, "releases kept: " + r.releases());
            assertFalse(r.allLogs().contains(SlackReceiver.TOKEN), "the webhook URL shows up in a log");

            Proc.Result removed = r.removeEnvironment();
            assertEquals(0, removed.exit(), removed.output());
            assertTrue(Rehearsal.await(Duration.ofSeconds(60), () -> r.masters().isEmpty()), "gunicorn stopped");
            assertFalse(Rehearsal.read(r.root.resolve("etc/passwd")).contains("mangaki-staging"));
            Proc.Result siteRemoved = r.removeSite();
            assertEquals(0, siteRemoved.exit(), siteRemoved.output());
        }
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

    private static String venvOf(String body) {
        Matcher m = Pattern.compile("venv=(\\S+)").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static int probeUnknownHost(Rehearsal r) {
        return fr.mangaki.verdandi.host.rehearsal.HttpProbe.get(r.httpPort, "unknown.test", "/").status();
    }
}
