package fr.mangaki.verdandi.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanJsonReaderTest {
    private static List<String> problems(String json) {
        return assertThrows(PlanJsonReader.InvalidPlanException.class, () -> PlanJsonReader.parse(json, "p.json"))
                .problems();
    }

    @Test
    void readsAPlanAndIgnoresFieldsItDoesNotKnow() {
        SavedPlan p = PlanJsonReader.parse("""
                {"stack": "staging", "version": 2,
                 "resources": [{"type": "pulumi:pulumi:Stack", "name": "mangaki-staging", "parent": null, "inputs": {}},
                               {"type": "t", "name": "n", "parent": "mangaki-staging", "inputs": {"a": [1]}, "x": 1}],
                 "outputs": {"url": "https://staging.mangaki.fr"}, "monthlyCostUsd": 0}""", "p.json");
        assertEquals("staging", p.stack());
        assertEquals(Optional.empty(), p.resources().get(0).parent());
        assertEquals(Optional.of("mangaki-staging"), p.resources().get(1).parent());
        assertEquals("[1]", p.resources().get(1).inputs().get("a").toString());
    }

    @Test
    void readsResourceOptionsAndKnowsWhenAPlanHasNone() {
        SavedPlan p = PlanJsonReader.parse("""
                {"stack": "production", "resources": [
                  {"type": "t", "name": "app", "parent": null, "inputs": {},
                   "options": {"protect": true, "ignoreChanges": ["userData"], "dependsOn": ["vpc"],
                               "deleteBeforeReplace": false, "replaceOnChanges": [], "additionalSecretOutputs": ["x"],
                               "import": "123"},
                   "dependencies": {"vpcUuid": ["vpc"]}}],
                 "outputs": {}, "monthlyCostUsd": 0}""", "p.json");
        assertEquals(Optional.of(new ResourceOptions(true, List.of("userData"), List.of("vpc"), false, List.of(),
                List.of("x"), Optional.of("123"))), p.resources().get(0).options());
        assertEquals(java.util.Map.of("vpcUuid", List.of("vpc")), p.resources().get(0).dependencies());
        assertEquals(true, p.hasOptions());

        SavedPlan old = PlanJsonReader.parse("""
                {"stack": "production", "resources": [{"type": "t", "name": "app", "parent": null, "inputs": {}}],
                 "outputs": {}, "monthlyCostUsd": 0}""", "old.json");
        assertEquals(Optional.empty(), old.resources().get(0).options());
        assertEquals(false, old.hasOptions());
    }

    @Test
    void rejectsOptionsOfTheWrongShape() {
        assertEquals(List.of("p.json: not a Verdandi plan (bin/verdandi plan --json): \"resources[0].options.protect\" "
                        + "must be a boolean, found a string",
                "p.json: not a Verdandi plan (bin/verdandi plan --json): \"resources[0].options.ignoreChanges[0]\" must be "
                        + "a string, found a number",
                "p.json: not a Verdandi plan (bin/verdandi plan --json): \"resources[0].options.import\" must be a "
                        + "non-empty string or null, found a number"),
                problems("""
                        {"stack": "p", "resources": [{"type": "t", "name": "n", "parent": null, "inputs": {},
                         "options": {"protect": "yes", "ignoreChanges": [1], "import": 5}}],
                         "outputs": {}, "monthlyCostUsd": 0}"""));
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertEquals(List.of("p.json: not JSON: Unexpected character ('}' (code 125)): was expecting double-quote to "
                + "start field name (line 1, column 14)"), problems("{\"stack\": 1, }"));
        assertEquals(List.of("p.json: not JSON: Unrecognized token 'x': was expecting (JSON String, Number, Array, "
                + "Object or token 'null', 'true' or 'false') (line 1, column 4)"),
                problems("{} x"));
    }

    @Test
    void rejectsJsonThatIsNotAPlanWithEveryProblem() {
        String prefix = "p.json: not a Verdandi plan (bin/verdandi plan --json): ";
        assertEquals(List.of(prefix + "expected one JSON object with \"stack\", \"resources\", \"outputs\" and "
                + "\"monthlyCostUsd\", found a list"), problems("[1, 2]"));
        assertEquals(List.of(prefix + "expected one JSON object with \"stack\", \"resources\", \"outputs\" and "
                + "\"monthlyCostUsd\", found nothing"), problems(""));
        assertEquals(List.of(
                prefix + "\"stack\": \"prod uction\" is not a stack name (1 to 100 letters, digits, '-', '_' or '.')",
                prefix + "\"resources[0]\" must be an object, found a string",
                prefix + "\"resources[1].name\" must be a non-empty string, found nothing",
                prefix + "\"resources[1].parent\" must be a string or null, found a number",
                prefix + "\"resources[1].inputs\" must be an object, found a list",
                prefix + "\"resources[3]\": a second resource \"a\" of type \"t\" (a type and a name identify one "
                        + "resource)",
                prefix + "\"outputs\" must be an object, found nothing",
                prefix + "\"monthlyCostUsd\" must be a number, found a string"),
                problems("""
                        {"stack": "prod uction", "resources": ["x", {"type": "t", "parent": 3, "inputs": []},
                          {"type": "t", "name": "a", "inputs": {}}, {"type": "t", "name": "a", "inputs": {}}],
                         "monthlyCostUsd": "13.20"}"""));
        assertEquals(List.of(prefix + "\"monthlyCostUsd\": -1 is negative; a cost is 0 or more"),
                problems("{\"stack\": \"p\", \"resources\": [], \"outputs\": {}, \"monthlyCostUsd\": -1}"));
    }

    @Test
    void listsAtMostTwentyProblems() {
        String resources = String.join(",", java.util.Collections.nCopies(30, "1"));
        List<String> problems = problems("{\"stack\": \"p\", \"resources\": [" + resources + "], \"outputs\": {}, "
                + "\"monthlyCostUsd\": 0}");
        assertEquals(21, problems.size());
        assertEquals("p.json: ... and 10 more problems", problems.get(20));
    }

    @Test
    void rejectsAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("base.json");
        assertEquals(List.of(missing + ": no such file"), assertThrows(PlanJsonReader.InvalidPlanException.class,
                () -> PlanJsonReader.read(missing)).problems());
    }

    @Test
    void rejectsADirectory(@TempDir Path dir) {
        assertEquals(List.of(dir + ": is a directory, not a plan file"),
                assertThrows(PlanJsonReader.InvalidPlanException.class, () -> PlanJsonReader.read(dir)).problems());
    }

    @Test
    void rejectsAFileThatIsNotText(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("plan.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertEquals(List.of(binary + ": not JSON: the file is not UTF-8 text"),
                assertThrows(PlanJsonReader.InvalidPlanException.class, () -> PlanJsonReader.read(binary)).problems());
    }
}
