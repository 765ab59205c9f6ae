package fr.mangaki.verdandi.host.rehearsal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The deploy loop's faults, each injected for real into a running {@link Rehearsal}: a
 * commit that breaks a gate, a migration, a requirement, the application's boot or health,
 * its Celery worker's start or beat's (after the go: rolled back); an origin that
 * disappears; Redis down during a deploy; a deploy started during a deploy; a deploy killed
 * with SIGKILL half-way. Each checks that
 * the previous release kept serving (and the client saw no failure), that the state is
 * consistent, and that Slack heard of it. The bad inputs of {@link #badInputs()} are
 * checked the same way.
 */
public final class Faults {

    /** What a fault did to the environment: survived when no problem was seen. */
    public record Outcome(String fault, List<String> problems) {
        public boolean survived() {
            return problems.isEmpty();
        }
    }

    private static final Duration DEPLOY_LIMIT = Duration.ofSeconds(150);

    /** Files of the built-in application (its Django project is in the subdirectory demo/, like Mangaki's). */
    public static final String TESTS = "demo/notes/tests.py";
    public static final String VIEWS = "demo/notes/views.py";
    public static final String MODELS = "demo/notes/models.py";
    public static final String MIGRATIONS = "demo/notes/migrations";
    public static final String WSGI = "demo/demo/wsgi.py";
    public static final String CELERY = "demo/demo/celery.py";
    public static final String VERSION = "demo/demo/version.py";

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
        outcomes.add(workerCrashingAtStart());
        outcomes.add(beatCrashingAtStart());
        outcomes.add(redisOutage());
        return outcomes;
    }

    /** Faults that need nothing of the application's code (for any application's rehearsal). */
    public List<Outcome> anyApplication() {
        return List.of(unreachableOrigin(), redisOutage());
    }

    /** Bad input: each fails the deploy with one line naming the file or key and the value. */
    public List<Outcome> badInputs() {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(badCommit("Procfile line that is not name: command", "procfile",
                "Procfile:3: 'worker celery -A demo worker --loglevel INFO --pool solo --without-gossip --without-mingle"
                        + " --without-heartbeat' is not 'name: command'",
                r -> r.writeApp("Procfile", r.readApp("Procfile").replace("worker: celery", "worker celery")), false));
        outcomes.add(badCommit("stack process missing from the Procfile", "procfile",
                "mangaki:environment.processes.worker: no such process in the Procfile (web beat release) and no command given",
                r -> r.writeApp("Procfile", r.readApp("Procfile").lines().filter(l -> !l.startsWith("worker:"))
                        .map(l -> l + "\n").collect(java.util.stream.Collectors.joining())), false));
        outcomes.add(badCommit("Python requirement this interpreter does not meet", "python",
                "pyproject.toml requires python >=3.8,<3.11; /usr/bin/python3 is " + pythonVersion(),
                r -> r.writeApp("pyproject.toml", r.readApp("pyproject.toml")
                        .replace("python = \">=3.9,<3.13\"", "python = \">=3.8,<3.11\"")), false));
        return outcomes;
    }

    public Outcome failingGate() {
        return badCommit("failing gate", "gates", r -> r.writeApp(TESTS, r.readApp(TESTS)
                + "\n\nclass SecretLeakTest(TestCase):\n"
                + "    def test_fails_and_prints_a_secret(self):\n"
                + "        import os\n"
                + "        self.assertEqual(os.environ[\"SECRET_KEY\"], \"another value\")\n"), true);
    }

    /** Passes on the empty test database, fails on the live one: its rows are not unique. */
    public Outcome brokenMigration() {
        String database = "mangaki-" + Rehearsal.ENV;
        String columns = r.psql(database, "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes_note';");
        r.psql(database, columns.lines().anyMatch("pinned"::equals)
                ? "INSERT INTO notes_note (text, pinned) VALUES ('same', false), ('same', false);"
                : "INSERT INTO notes_note (text) VALUES ('same'), ('same');");
        return badCommit("broken migration", "migrations", r -> r.writeApp(MIGRATIONS + "/0900_unique_text.py", """
                from django.db import migrations, models


                class Migration(migrations.Migration):
                    dependencies = [("notes", "%s")]

                    operations = [
                        migrations.AlterField(model_name="note", name="text", field=models.CharField(max_length=200, unique=True)),
                    ]
                """.formatted(latestMigration(r))), false);
    }

    /** A locked main dependency that PyPI does not have. */
    public Outcome uninstallableRequirement() {
        return badCommit("requirement that cannot install", "python", r -> {
            r.writeApp("pyproject.toml", r.readApp("pyproject.toml").replace("psycopg2 = \"2.9.5\"\n",
                    "psycopg2 = \"2.9.5\"\nverdandi-no-such-package = \"0.0.1\"\n"));
            r.writeApp("poetry.lock", r.readApp("poetry.lock").replace("[metadata]", """
                    [[package]]
                    name = "verdandi-no-such-package"
                    version = "0.0.1"
                    description = "A package that no index has."
                    optional = false
                    python-versions = "*"
                    files = [
                        {file = "verdandi_no_such_package-0.0.1-py3-none-any.whl", hash = "sha256:%s"},
                    ]

                    [metadata]""".formatted("0".repeat(64))));
        }, false);
    }

    public Outcome appThatFailsToBoot() {
        return badCommit("app that fails to boot", "reload", r -> r.writeApp(WSGI,
                r.readApp(WSGI) + "\nraise RuntimeError(\"this release refuses to boot\")\n"), false);
    }

    public Outcome appThatFailsHealth() {
        return badCommit("app that fails its health check", "reload", r -> r.writeApp(VIEWS,
                r.readApp(VIEWS).replace("    notes = Note.objects.filter(text__trigram_similar=\"hello\").count()\n",
                        "    raise RuntimeError(\"broken page\")\n")), false);
    }

    /**
     * A Celery worker that crashes at start: the release is rolled back before the web
     * serves it (the web is untouched), and the worker runs the previous release again.
     */
    public Outcome workerCrashingAtStart() {
        String good = r.state("deployed");
        Outcome o = badCommit("worker that crashes at start", "processes", r -> r.writeApp(CELERY, r.readApp(CELERY)
                + "\nimport sys\n\nif \"worker\" in sys.argv:\n    raise RuntimeError(\"this worker refuses to start\")\n"), false);
        List<String> problems = new ArrayList<>(o.problems());
        String ran = r.taskRevision("after-crash-" + System.nanoTime(), Duration.ofSeconds(60));
        if (!good.equals(ran)) {
            problems.add("a task queued after the rollback was run by " + ran + ", not by the previous release " + good);
        }
        return new Outcome(o.fault(), problems);
    }

    /**
     * Celery beat that crashes at start: its new copy starts after the go (a scheduler never
     * runs twice at once, and its swap is off the path to serving), so the deploy fails at
     * step settle and goes back to the previous release as for a failed health check: the
     * web may have served the bad commit for a moment, without a failed request, and the
     * previous release serves again with its worker and beat.
     */
    public Outcome beatCrashingAtStart() {
        String good = r.state("deployed");
        Outcome o = badCommit("beat that crashes at start", "settle", null, r -> r.writeApp(CELERY, r.readApp(CELERY)
                + "\nimport sys\n\nif \"beat\" in sys.argv:\n    raise RuntimeError(\"this beat refuses to start\")\n"),
                false, true);
        List<String> problems = new ArrayList<>(o.problems());
        if (!Rehearsal.await(Duration.ofSeconds(30), () -> r.processPid("beat") > 0)) {
            problems.add("beat does not run after the rollback");
        }
        String ran = r.taskRevision("after-beat-crash-" + System.nanoTime(), Duration.ofSeconds(60));
        if (!good.equals(ran)) {
            problems.add("a task queued after the rollback was run by " + ran + ", not by the previous release " + good);
        }
        return new Outcome(o.fault(), problems);
    }

    /**
     * Redis stops, a commit is pushed: the deploy goes live (the processes keep retrying),
     * Slack says Redis does not answer, the web serves without a failure, and once Redis is
     * back a queued task runs the new release's code.
     */
    public Outcome redisOutage() {
        List<String> problems = new ArrayList<>();
        long failuresBefore = failures();
        r.redis(false);
        String next;
        try {
            r.restoreTree(r.state("deployed"));
            if (Files.exists(r.app(VERSION))) {
                r.writeApp(VERSION, "VERSION = \"during-a-redis-outage\"\n");
            }
            next = r.commit("Deploy while Redis is down");
            r.push();
            if (!Rehearsal.await(DEPLOY_LIMIT, () -> next.equals(r.state("deployed")))) {
                problems.add(shortSha(next) + " did not go live while Redis was down; Slack heard: " + r.slack.texts());
            } else if (!Rehearsal.await(Duration.ofSeconds(30),
                    () -> !r.slackWith(shortSha(next), "is live", "Redis does not answer").isEmpty())) {
                problems.add("the success report does not say that Redis does not answer: " + r.slack.texts());
            }
        } finally {
            r.redis(true);
        }
        if (Files.exists(r.app(VIEWS))) {
            String ran = r.taskRevision("after-outage-" + System.nanoTime(), Duration.ofSeconds(90));
            if (!next.equals(ran)) {
                problems.add("a task queued once Redis was back was run by " + ran + ", not by " + shortSha(next));
            }
        }
        checkConsistent(next, problems);
        checkNoFailure(failuresBefore, problems);
        return new Outcome("Redis outage during a deploy", problems);
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
        return badCommit(fault, step, null, change, checkMasking);
    }

    private Outcome badCommit(String fault, String step, String reason, Consumer<Rehearsal> change, boolean checkMasking) {
        return badCommit(fault, step, reason, change, checkMasking, false);
    }

    /**
     * A commit that fails at {@code step}; {@code reason} (when not null) must head the Slack
     * report. {@code afterTheGo}: the step runs after the web's go, so the bad commit may have
     * been served until the rollback (never with a failed request).
     */
    private Outcome badCommit(String fault, String step, String reason, Consumer<Rehearsal> change, boolean checkMasking,
            boolean afterTheGo) {
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
            if (reason != null && !text.contains("failed at step *" + step + "* after ") ) {
                problems.add("no step in the report: " + text);
            }
            // Slack's text escapes &, < and >
            String plain = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            if (reason != null && !plain.contains(": " + reason + "; still serving")) {
                problems.add("the report does not give the reason '" + reason + "': " + text);
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
        if (load != null && !afterTheGo && load.wasServed(bad)) {
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
        r.writeApp(TESTS, r.readApp(TESTS)
                + "\n\nclass SlowTest(TestCase):\n"
                + "    def test_takes_its_time(self):\n"
                + "        import time\n"
                + "        time.sleep(" + seconds + ")\n");
        r.writeApp(VERSION, "VERSION = \"" + subject.replace(' ', '-').toLowerCase() + "\"\n");
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
        try (var files = Files.list(r.app(MIGRATIONS))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}_.*\\.py"))
                    .sorted().reduce((a, b) -> b).orElseThrow().replace(".py", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String pythonVersion() {
        return Proc.run(List.of("/usr/bin/python3", "-c", "import platform; print(platform.python_version())"),
                java.util.Map.of(), null, Duration.ofSeconds(30)).requireSuccess().output().trim();
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
