package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.host.rehearsal.Proc;
import fr.mangaki.verdandi.host.rehearsal.SlackReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bash script of the project passes shellcheck (with the sourced library) and follows the house style. */
class HostScriptsTest {

    static final Path HOST = Path.of("src/main/resources/fr/mangaki/verdandi/host").toAbsolutePath();
    static final List<String> SCRIPTS = List.of("env-install", "env-remove", "site-install", "site-remove",
            "deploy", "deploy-loop", "gunicorn-start", "backup-install", "backup-remove", "env-backup", "env-restore",
            "backup-watch", "dumps-install", "dumps-remove", "dump-receive", "process-start", "process-sync",
            "analytics-report", "front-alerts");
    static final List<String> LIBRARIES = List.of("lib.sh", "backup.sh", "scheduler-lock.sh");
    /** The project's other bash scripts, relative to the checkout (they source bin/lib/build.sh from there). */
    static final List<String> PROJECT_SCRIPTS = List.of("bin/verdandi", "bench/deploy-loop", "bench/hook",
            "bench/plan", "bench/backups", "bench/real-hosts", "hooks/pre-commit", ".ci/run");
    static final String TRACE_SWITCH = "\nset -euo pipefail\nif [[ \"${VERDANDI_TRACE:-}\" == 1 ]]; then set -x; fi\n";

    private static List<Path> allBashFiles() {
        List<Path> files = new ArrayList<>();
        SCRIPTS.forEach(s -> files.add(HOST.resolve(s)));
        LIBRARIES.forEach(l -> files.add(HOST.resolve(l)));
        files.add(Path.of("src/test/resources/host/systemctl-stand-in").toAbsolutePath());
        files.add(Path.of("bench/deploy-loop").toAbsolutePath());
        files.add(Path.of("bench/backups").toAbsolutePath());
        return files;
    }

    /**
     * The deploy runs process-sync through {@code sudo -n} as the environment's user: each phase
     * it uses must be one env-install's sudoers rule allows, or the deploy fails under real sudo
     * ("a password is required") while the stand-in runs pass.
     */
    @Test
    void everyProcessSyncPhaseTheDeployRunsIsAllowedBySudoers() throws Exception {
        java.util.Set<String> used = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bsync_processes( --[a-z]+)?\\s*(?:$|\\|\\||;|\\})",
                java.util.regex.Pattern.MULTILINE).matcher(Files.readString(HOST.resolve("deploy")));
        while (m.find()) {
            used.add(m.group(1) == null ? "" : m.group(1).strip());
        }
        String rule = Files.readString(HOST.resolve("env-install"));
        rule = rule.substring(rule.indexOf("write_sudoers() {"), rule.indexOf("chmod 0440", rule.indexOf("write_sudoers() {")));
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        java.util.regex.Matcher a = java.util.regex.Pattern.compile("\"\\$NAME\" '( --[a-z]+)?'").matcher(rule);
        while (a.find()) {
            allowed.add(a.group(1) == null ? "" : a.group(1).strip());
        }
        assertEquals(java.util.Set.of("", "--begin", "--finish", "--settle", "--abandon"), used, "the phases the deploy runs");
        assertEquals(used, allowed, "the phases env-install's sudoers rule allows");
    }

    @Test
    void everyScriptPassesShellcheck() {
        for (Path script : allBashFiles()) {
            Proc.Result r = Proc.run(List.of("shellcheck", "--external-sources", "--source-path=SCRIPTDIR",
                    "--severity=style", script.toString()), Map.of(), null, Duration.ofSeconds(120));
            assertEquals(0, r.exit(), script + ":\n" + r.output());
        }
    }

    @Test
    void everyScriptFollowsTheHouseStyle() throws Exception {
        for (Path script : allBashFiles()) {
            String text = Files.readString(script);
            boolean library = LIBRARIES.contains(script.getFileName().toString());
            if (!library) {
                assertTrue(text.startsWith("#!/usr/bin/env bash\n"), script + ": shebang");
                assertTrue(text.contains("\nset -euo pipefail\n"), script + ": strict mode");
                assertTrue(text.endsWith("\nmain \"$@\"\n"), script + ": ends with main \"$@\"");
                assertTrue(Files.isExecutable(script), script + ": executable");
            }
            assertTrue(library || text.contains("fail()") || text.contains("source \"$(dirname"), script + ": fail helper");
            assertTrue(!text.contains("shellcheck disable=all"), script + ": no blanket disable");
        }
    }

    @Test
    void theProjectScriptsPassShellcheck() {
        List<String> command = new ArrayList<>(List.of("shellcheck", "--external-sources", "--severity=style"));
        command.addAll(PROJECT_SCRIPTS);
        Proc.Result r = Proc.run(command, Map.of(), null, Duration.ofSeconds(120), Path.of("").toAbsolutePath());
        assertEquals(0, r.exit(), r.output());
    }

    @Test
    void everyScriptHasTheTraceSwitchAndATrapForItsTemporaryDirectories() throws Exception {
        List<Path> scripts = new ArrayList<>(allBashFiles());
        PROJECT_SCRIPTS.forEach(s -> scripts.add(Path.of(s).toAbsolutePath()));
        for (Path script : scripts) {
            String text = Files.readString(script);
            if (!LIBRARIES.contains(script.getFileName().toString())) {
                assertTrue(text.contains(TRACE_SWITCH), script + ": VERDANDI_TRACE switch right after set -euo pipefail");
            }
            if (text.contains("mktemp -d")) {
                assertTrue(text.matches("(?s).*\\btrap '[^']*rm -rf [^']*' EXIT\\b.*"),
                        script + ": a temporary directory with no trap removing it on EXIT");
            }
        }
    }

    @Test
    void hostScriptsTraceOnlyWhenVerdandiTraceIsOne() {
        for (String script : SCRIPTS) {
            // no argument: every script stops at its usage, after sourcing lib.sh
            Proc.Result traced = Proc.run(List.of(HOST.resolve(script).toString()), Map.of("VERDANDI_TRACE", "1"),
                    null, Duration.ofSeconds(30));
            assertTrue(traced.exit() != 0, script + ": " + traced.output());
            assertTrue(traced.output().contains("+ source "), script + " traces with VERDANDI_TRACE=1:\n" + traced.output());
            for (String value : List.of("0", "")) {
                Proc.Result quiet = Proc.run(List.of("env", "VERDANDI_TRACE=" + value, HOST.resolve(script).toString()),
                        Map.of(), null, Duration.ofSeconds(30));
                assertTrue(quiet.exit() != 0, script + ": " + quiet.output());
                assertFalse(quiet.output().lines().anyMatch(l -> l.startsWith("+")),
                        script + " does not trace with VERDANDI_TRACE='" + value + "':\n" + quiet.output());
            }
        }
    }

    @Test
    void tracingNeverShowsTheEnvironmentFileNorTheWebhook(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String secret = "Zq8-not-a-real-django-key-but-secret";
        try (SlackReceiver slack = new SlackReceiver()) {
            Path conf = Files.createDirectories(root.resolve("etc/verdandi/staging"));
            Files.writeString(conf.resolve("app.env"), "DJANGO_SECRET_KEY=" + secret + "\nSLACK_WEBHOOK_URL=" + slack.url() + "\n");
            String program = "set -euo pipefail\nset -x\nsource \"$1\"\nverdandi_root\nenv_paths staging\n"
                    + "export_env_file \"$CONF_DIR/app.env\"\n"
                    + "printenv DJANGO_SECRET_KEY | sha256sum\n"
                    + "notify_slack 'deploy failed' \"$CONF_DIR/app.env\"\n"
                    + "echo still tracing\n";
            Proc.Result r = Proc.run(List.of("bash", "-c", program, "trace-test", HOST.resolve("lib.sh").toString()),
                    Map.of("VERDANDI_ROOT", root.toString(), "TMPDIR", tmp.toString()), null, Duration.ofSeconds(60));
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((secret + "\n").getBytes(StandardCharsets.UTF_8)))), "the values are exported:\n" + r.output());
            assertTrue(r.output().contains("+ export_env_file "), r.output());
            assertTrue(r.output().contains("+ printenv DJANGO_SECRET_KEY"), "tracing resumes after export_env_file:\n" + r.output());
            assertTrue(r.output().contains("+ notify_slack "), r.output());
            assertTrue(r.output().contains("+ echo still tracing"), "tracing resumes after the quiet functions:\n" + r.output());
            assertTrue(r.output().contains("reported to Slack"), r.output());
            for (String hidden : List.of(secret, SlackReceiver.TOKEN)) {
                assertFalse(r.output().contains(hidden), "the trace shows " + hidden + ":\n" + r.output());
            }
            assertEquals(1, slack.texts().size(), slack.texts().toString());
            assertFalse(slack.texts().get(0).contains(secret), "the log tail is masked: " + slack.texts());
            try (var left = Files.list(tmp)) {
                assertEquals(List.of(), left.toList(), "notify_slack's temporary directory is removed");
            }
        }
    }

    @Test
    void thePythonFilesCompile() {
        for (String file : List.of("gunicorn.conf.py", "python-check.py", "poetry-export.py", "collectstatic.py",
                "ready/sitecustomize.py")) {
            Proc.Result r = Proc.run(List.of("/usr/bin/python3", "-c",
                            "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')",
                            HOST.resolve(file).toString()), Map.of(), null, Duration.ofSeconds(60));
            assertEquals(0, r.exit(), file + ": " + r.output());
        }
    }

    @Test
    void everyBackupVerbHasHelp() {
        for (String script : List.of("backup-install", "backup-remove", "env-backup", "env-restore", "backup-watch",
                "dumps-install", "dumps-remove")) {
            Proc.Result r = Proc.run(List.of(HOST.resolve(script).toString(), "--help"), Map.of(), null, Duration.ofSeconds(30));
            assertEquals(0, r.exit(), script + ": " + r.output());
            assertTrue(r.output().contains("Usage: " + script + " NAME"), script + ": " + r.output());
        }
    }

    @Test
    void theBackupTimersAreValidCalendarEvents() throws Exception {
        for (String timer : List.of("verdandi-backup@.timer", "verdandi-backup-watch@.timer")) {
            String onCalendar = Files.readAllLines(HOST.resolve("units/" + timer)).stream()
                    .filter(l -> l.startsWith("OnCalendar=")).findFirst().orElseThrow().substring("OnCalendar=".length());
            Proc.Result r = Proc.run(List.of("systemd-analyze", "calendar", onCalendar), Map.of(), null, Duration.ofSeconds(30));
            assertEquals(0, r.exit(), timer + ": " + r.output());
        }
        // the hour backup-install writes
        Proc.Result r = Proc.run(List.of("systemd-analyze", "calendar", "*-*-* 22:00:00 UTC"), Map.of(), null,
                Duration.ofSeconds(30));
        assertTrue(r.output().contains("Normalized form: *-*-* 22:00:00 UTC"), r.output());
    }
}
