package fr.mangaki.verdandi.host.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The deploy loop's faults, each injected for real into a running {@link Rehearsal}: a
 * commit that breaks a gate, a migration, a requirement or the application's boot or
 * health; an origin that disappears; a deploy started during a deploy; a deploy killed
 * with SIGKILL half-way. Each checks that the previous release kept serving (and the
 * client saw no failure), that the state is consistent, and that Slack heard of it.
 */
public final class Faults {

    /** What a fault did to the environment: survived when no problem was seen. */
    public record Outcome(String fault, List<String> problems) {
        public boolean survived() {
            return problems.isEmpty();
        }
    }

    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(150);

    private final Rehearsal r;
    private final LoadClient load;
    private final int pollSeconds;

    public Faults(Rehearsal rehearsal, LoadClient load) {
        this.r = rehearsal;
        this.load = load;
        this.pollSeconds = rehearsal.env.pollSeconds();
    }

    public List<Outcome> all() {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(failingGate());
        outcomes.add(brokenMigration());
        outcomes.add(uninstallableRequirement());
        outcomes.add(appThatFailsToBoot());
        outcomes.add(appThatFailsHealth());
        outcomes.add(unreachableOrigin());
        outcomes.add(deployDuringDeploy());
        outcomes.add(killedHalfWay());
        return outcomes;
    }

    public Outcome failingGate() {
        return badCommit("failing gate", "gates", r -> r.writeApp("notes/tests.py", r.readApp("notes/tests.py")
                + "\n\nclass SecretLeakTest(TestCase):\n"
                + "    def test_fails_and_prints_a_secret(self):\n"
                + "        import os\n"
                + "        self.assertEqual(os.environ[\"DJANGO_SECRET_KEY\"], \"another value\")\n"), true);
    }

    /** Passes on the empty test database, fails on the live one: its rows are not unique. */
    public Outcome brokenMigration() {
        Path db = r.root.resolve("srv/mangaki/" + Rehearsal.ENV + "/shared/db.sqlite3");
        String columns = Proc.run(List.of("sqlite3", "-cmd", ".timeout 20000", db.toString(), "SELECT name FROM pragma_table_info('notes_note');"),
                java.util.Map.of(), null, Duration.ofSeconds(30)).requireSuccess().output();
        String insert = columns.lines().anyMatch("pinned"::equals)
                ? "INSERT INTO notes_note (text, pinned) VALUES ('same', 0), ('same', 0);"
                : "INSERT INTO notes_note (text) VALUES ('same'), ('same');";
        Proc.run(List.of("sqlite3", "-cmd", ".timeout 20000", db.toString(), insert), java.util.Map.of(), null, Duration.ofSeconds(30)).requireSuccess();
        return badCommit("broken migration", "migrations", r -> r.writeApp("notes/migrations/0900_unique_text.py", """
                from django.db import migrations, models


                class Migration(migrations.Migration):
                    dependencies = [("notes", "%s")]

                    operations = [
                        migrations.AlterField(model_name="note", name="text", field=models.CharField(max_length=200, unique=True)),
                    ]
                """.formatted(latestMigration(r))), false);
    }

    public Outcome uninstallableRequirement() {
        return badCommit("requirement that cannot install", "python", r -> r.writeApp("requirements.txt",
                r.readApp("requirements.txt") + "verdandi-no-such-package==0.0.1\n"), false);
    }

    public Outcome appThatFailsToBoot() {
        return badCommit("app that fails to boot", "reload", r -> r.writeApp("demo/wsgi.py",
                r.readApp("demo/wsgi.py") + "\nraise RuntimeError(\"this release refuses to boot\")\n"), false);
    }

    public Outcome appThatFailsHealth() {
        return badCommit("app that fails its health check", "reload", r -> r.writeApp("notes/views.py",
                r.readApp("notes/views.py").replace("    notes = Note.objects.count()\n",
                        "    raise RuntimeError(\"broken page\")\n")), false);
    }

    public Outcome unreachableOrigin() {
        List<String> problems = new ArrayList<>();
        String good = r.state("deployed");
        long failuresBefore = failures();
        Path away = r.origin.resolveSibling("origin.git.away");
        move(r.origin, away);
        try {
            boolean told = Rehearsal.await(Duration.ofSeconds(10L * pollSeconds + 30),
                    () -> !r.slackWith("the origin has not answered").isEmpty());
            if (!told) {
                problems.add("Slack heard nothing of the unreachable origin");
            }
            checkServing(good, problems);
        } finally {
            move(away, r.origin);
        }
        if (!Rehearsal.await(Duration.ofSeconds(5L * pollSeconds + 30),
                () -> !r.slackWith("the origin answers again").isEmpty())) {
            problems.add("Slack heard nothing of the origin's return");
        }
        checkConsistent(good, problems);
        checkNoFailure(failuresBefore, problems);
        return new Outcome("unreachable origin", problems);
    }

    public Outcome deployDuringDeploy() {
        List<String> problems = new ArrayList<>();
        String good = r.state("deployed");
        long failuresBefore = failures();
        String next = slowCommit("Slow gate, deploy triggered during it", 4);
        r.push();
        if (!awaitStep("gates", next)) {
            problems.add("the deploy of " + shortSha(next) + " never reached its gates");
        }
        Proc.Result second = r.deployNow();
        if (second.exit() != 75 || !second.output().contains("another deploy of staging is running")) {
            problems.add("a deploy during a deploy did not stop at the lock: exit " + second.exit() + ": " + second.output());
        }
        checkServing(good, problems);
        if (!Rehearsal.await(DEPLOY_LIMIT, () -> next.equals(r.servedRevision()))) {
            problems.add(shortSha(next) + " was not served after the concurrent attempt");
        }
        checkConsistent(next, problems);
        checkNoFailure(failuresBefore, problems);
        return new Outcome("deploy triggered during a deploy", problems);
    }

    public Outcome killedHalfWay() {
        List<String> problems = new ArrayList<>();
        String good = r.state("deployed");
        long failuresBefore = failures();
        String next = slowCommit("Slow gate, deploy killed during it", 5);
        r.push();
        if (!awaitStep("gates", next)) {
            problems.add("the deploy of " + shortSha(next) + " never reached its gates");
            return new Outcome("kill -9 of a deploy half-way", problems);
        }
        String pid = progress("pid");
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        checkServing(good, problems);
        if (!Rehearsal.await(DEPLOY_LIMIT, () -> !r.slackWith("interrupted", shortSha(next)).isEmpty())) {
            problems.add("Slack heard nothing of the interrupted deploy of " + shortSha(next));
        }
        if (!Rehearsal.await(DEPLOY_LIMIT, () -> next.equals(r.servedRevision()))) {
            problems.add(shortSha(next) + " was not deployed again after the interruption");
        }
        checkConsistent(next, problems);
        checkNoFailure(failuresBefore, problems);
        return new Outcome("kill -9 of a deploy half-way", problems);
    }

    // ---- shared checks -----------------------------------------------------------------

    private Outcome badCommit(String fault, String step, Consumer<Rehearsal> change, boolean checkMasking) {
        List<String> problems = new ArrayList<>();
        String good = r.state("deployed");
        long failuresBefore = failures();
        r.restoreTree(good);
        change.accept(r);
        String bad = r.commit("Fault: " + fault);
        r.push();
        boolean told = Rehearsal.await(DEPLOY_LIMIT,
                () -> !r.slackWith(shortSha(bad), "failed at step *" + step + "*").isEmpty());
        if (!told) {
            problems.add("Slack heard no failure at step " + step + " for " + shortSha(bad) + "; it heard: " + r.slack.texts());
        } else {
            String text = r.slackWith(shortSha(bad), "failed at step *" + step + "*").get(0);
            if (!text.contains("Ada Lovelace") || !text.contains("Fault: " + fault) || !text.contains("```")) {
                problems.add("the failure report lacks the author, the subject or the log tail: " + text);
            }
            if (checkMasking && (text.contains(Rehearsal.SECRET_KEY) || !text.contains("[secret]"))) {
                problems.add("the log tail sent to Slack shows a secret unmasked: " + text);
            }
        }
        checkServing(good, problems);
        // the bad commit is not retried while it is the branch's head
        Rehearsal.sleep(2500L * pollSeconds);
        long attempts = r.state("history").lines().filter(l -> l.contains(bad)).count();
        if (attempts != 1) {
            problems.add(shortSha(bad) + " was attempted " + attempts + " times");
        }
        if (!bad.equals(r.state("failed"))) {
            problems.add("state 'failed' is '" + r.state("failed") + "', not " + bad);
        }
        if (load != null && load.wasServed(bad)) {
            problems.add("the bad commit " + shortSha(bad) + " was served");
        }
        checkConsistent(good, problems);
        checkNoFailure(failuresBefore, problems);
        return new Outcome(fault, problems);
    }

    private void checkServing(String good, List<String> problems) {
        String served = r.servedRevision();
        if (!good.equals(served)) {
            problems.add("served " + served + " instead of the previous release " + good);
        }
    }

    /** Live state: deployed == expected, current points to its release, one master, nothing half-done. */
    public void checkConsistent(String expected, List<String> problems) {
        if (!Rehearsal.await(Duration.ofSeconds(60), () -> r.masters().size() == 1
                && !Files.exists(r.stateDir().resolve("deploying")))) {
            problems.add("not settled: masters " + r.masters() + ", deploying present: "
                    + Files.exists(r.stateDir().resolve("deploying")));
        }
        if (!expected.equals(r.state("deployed"))) {
            problems.add("state 'deployed' is " + r.state("deployed") + ", not " + expected);
        }
        String release = r.state("deployed_release");
        if (!release.equals(r.currentTarget())) {
            problems.add("current -> " + r.currentTarget() + " but the deployed release is " + release);
        }
        if (!release.endsWith(shortSha(expected))) {
            problems.add("the deployed release " + release + " is not of " + shortSha(expected));
        }
        List<String> releases = r.releases();
        if (releases.size() > 5 || releases.stream().anyMatch(n -> n.startsWith("."))) {
            problems.add("releases left: " + releases);
        }
        List<Long> masters = r.masters();
        if (masters.size() == 1 && !String.valueOf(masters.get(0)).equals(r.masterPid())) {
            problems.add("the pid file names " + r.masterPid() + " but the master is " + masters.get(0));
        }
    }

    private void checkNoFailure(long failuresBefore, List<String> problems) {
        if (load != null && failures() != failuresBefore) {
            problems.add((failures() - failuresBefore) + " request(s) failed: " + load.failureSamples());
        }
    }

    private long failures() {
        return load == null ? 0 : load.failures();
    }

    private String slowCommit(String subject, int seconds) {
        String good = r.state("deployed");
        r.restoreTree(good);
        r.writeApp("notes/tests.py", r.readApp("notes/tests.py")
                + "\n\nclass SlowTest(TestCase):\n"
                + "    def test_takes_its_time(self):\n"
                + "        import time\n"
                + "        time.sleep(" + seconds + ")\n");
        r.writeApp("demo/version.py", "VERSION = \"" + subject.replace(' ', '-').toLowerCase() + "\"\n");
        return r.commit(subject);
    }

    private boolean awaitStep(String step, String sha) {
        return Rehearsal.await(DEPLOY_LIMIT, () -> step.equals(progress("step")) && sha.equals(progress("sha")));
    }

    private String progress(String key) {
        for (String line : r.state("deploying").lines().toList()) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        return "";
    }

    private static String latestMigration(Rehearsal r) {
        try (var files = Files.list(r.app("notes/migrations"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}_.*\\.py"))
                    .sorted().reduce((a, b) -> b).orElseThrow().replace(".py", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
