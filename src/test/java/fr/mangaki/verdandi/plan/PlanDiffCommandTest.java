package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.cli.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verdandi plan --diff}: the command line around {@link PlanDiff}, on plans of the real stacks. */
class PlanDiffCommandTest {
    @TempDir
    static Path plans;
    static Path production;
    static Path bigger;
    static Path staging;

    /** Plans of production, of a bigger production (a copy of the stack file, edited), and of staging. */
    @BeforeAll
    static void planTheStacks() throws Exception {
        production = plans.resolve("production.json");
        CliRun r = CliRun.run("plan", "--stack", "production", "--json");
        assertEquals(0, r.status(), r.err());
        Files.writeString(production, r.out());

        Path dir = Files.createDirectory(plans.resolve("edited"));
        Path file = dir.resolve("Pulumi.production.yaml");
        Files.writeString(file, Files.readString(Path.of("Pulumi.production.yaml"))
                .replace("  mangaki:app:\n    size: s-1vcpu-1gb", "  mangaki:app:\n    size: s-2vcpu-2gb")
                .replace("port: 8000", "port: 8002")
                .replace("    - ::/0\n", "    - ::/0\n    - 198.51.100.0/24\n"));
        r = CliRun.run("plan", "--stack-file", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        bigger = plans.resolve("bigger.json");
        Files.writeString(bigger, r.out());

        r = CliRun.run("plan", "--stack", "staging", "--json");
        assertEquals(0, r.status(), r.err());
        staging = plans.resolve("staging.json");
        Files.writeString(staging, r.out());
    }

    @Test
    void diffsTwoPlansOfTheRealStack() {
        CliRun r = CliRun.run("plan", "--diff", production.toString(), bigger.toString());
        assertEquals(0, r.status(), "exit 0 even with changes: " + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("### Plan diff: `production`\n\n**+0 to add, ~5 to change, +-0 to replace, -0 to "
                + "destroy, 1 output change; cost $13.20 → $27.60 (+$14.40)/month**\n"), r.out());
        assertTrue(r.out().contains("""
                ~ mangaki-app  (digitalocean:index/droplet:Droplet)  update in place
                    size: s-1vcpu-1gb → s-2vcpu-2gb
                    ignored by pulumi up (ignoreChanges): userData
                """), r.out());
        assertTrue(r.out().contains("""
                ~ production-firewall  (digitalocean:index/firewall:Firewall)  update in place
                    inboundRules[0].portRange: 8000 → 8002
                    name: production-8000 → production-8002
                """), r.out());
        assertTrue(r.out().contains("""
                        -…https://github.com/mangaki/mangaki.git --port 8000 --poll-seconds 5 --doma…
                        +…https://github.com/mangaki/mangaki.git --port 8002 --poll-seconds 5 --doma…
                """), r.out());
        assertTrue(r.out().contains("    inboundRules[0].sourceAddresses[2]: (not set) → 198.51.100.0/24\n"), r.out());
        assertTrue(r.out().contains("~ environments.production.port: 8000 → 8002\n"), r.out());
    }

    @Test
    void saysNoChangesForTheSamePlan() {
        CliRun r = CliRun.run("plan", "--diff", production.toString(), production.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("### Plan diff: `production`\n\n**No changes**: the same 24 resources, inputs and outputs; "
                + "cost $13.20/month (unchanged)\n\n_8 secret values are secret on both sides and were not compared "
                + "(plans never hold secrets): a change to a secret alone does not show here._\n", r.out());
    }

    @Test
    void needsNoStackFile(@TempDir Path empty) {
        CliRun r = CliRun.run("plan", "--project-dir", empty.toString(), "--diff", staging.toString(),
                production.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("### Plan diff: `staging` → `production`\n"), r.out());
    }

    @Test
    void boundsTheOutput() {
        CliRun r = CliRun.run("plan", "--max-chars", "2000", "--diff", staging.toString(), production.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().length() <= 2000, "length " + r.out().length());
        assertTrue(r.out().matches("(?s).*\n… \\d+ more changes not shown \\(see the workflow log\\)\n"), r.out());
    }

    @Test
    void rejectsAMissingFileWithExitTwo(@TempDir Path dir) {
        Path missing = dir.resolve("base.json");
        CliRun r = CliRun.run("plan", "--diff", missing.toString(), production.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        assertEquals("verdandi: " + missing + ": no such file\nverdandi: nothing compared\n", r.err());
    }

    @Test
    void rejectsFilesThatAreNotPlansNamingEach(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("log.txt"), "Plan of stack production\n");
        Path config = Files.writeString(dir.resolve("config.json"), "{\"stack\": \"production\"}");
        CliRun r = CliRun.run("plan", "--diff", text.toString(), config.toString());
        assertEquals(2, r.status());
        assertEquals("", r.out());
        String prefix = "verdandi: " + config + ": not a Verdandi plan (bin/verdandi plan --json): ";
        assertEquals(String.join("\n",
                "verdandi: " + text + ": not JSON: Unrecognized token 'Plan': was expecting (JSON String, Number, "
                        + "Array, Object or token 'null', 'true' or 'false') (line 1, column 1)",
                prefix + "\"resources\" must be a list, found nothing",
                prefix + "\"outputs\" must be an object, found nothing",
                prefix + "\"monthlyCostUsd\" must be a number, found nothing",
                "verdandi: nothing compared", ""), r.err());
    }

    @Test
    void rejectsDiffWithAStack() {
        CliRun r = CliRun.run("plan", "--stack", "production", "--diff", production.toString(), production.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("are mutually exclusive"), r.err());
        assertEquals("", r.out());
        r = CliRun.run("plan", "--stack-file", "Pulumi.production.yaml", "--diff", production.toString(),
                bigger.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("are mutually exclusive"), r.err());
    }

    @Test
    void rejectsDiffWithOneOrFourPlans() {
        CliRun r = CliRun.run("plan", "--diff", production.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("verdandi: option '--diff' at index 0 (PLAN.json) requires at least 2 values"),
                r.err());
        r = CliRun.run("plan", "--diff", production.toString(), bigger.toString(), "--diff", bigger.toString(),
                production.toString());
        assertEquals(2, r.status());
        assertEquals("verdandi: --diff takes two plans, BASE.json and HEAD.json, once; got 4\n"
                + "Try 'verdandi plan --help'.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void rejectsOptionsThatDoNotApply() {
        CliRun json = CliRun.run("plan", "--json", "--diff", production.toString(), bigger.toString());
        assertEquals(2, json.status());
        assertEquals("verdandi: --json does not apply to --diff: the diff is Markdown\nTry 'verdandi plan --help'.\n",
                json.err());
        CliRun small = CliRun.run("plan", "--max-chars", "100", "--diff", production.toString(), bigger.toString());
        assertEquals(2, small.status());
        assertEquals("verdandi: --max-chars: 100 is too small; at least 2000\nTry 'verdandi plan --help'.\n",
                small.err());
        CliRun stack = CliRun.run("plan", "--max-chars", "5000", "--stack", "production");
        assertEquals(2, stack.status());
        assertEquals("verdandi: --max-chars applies to --diff only\nTry 'verdandi plan --help'.\n", stack.err());
        assertEquals("", json.out() + small.out() + stack.out());
    }

    @Test
    void helpDescribesTheDiff() {
        CliRun r = CliRun.run("plan", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("--diff=PLAN.json PLAN.json"), r.out());
        assertTrue(r.out().contains("--max-chars=N"), r.out());
    }
}
