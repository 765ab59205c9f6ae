package fr.mangaki.verdandi.resource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/extract-schema-contract, run for real with python3 on small schemas. */
class ExtractSchemaContractTest {
    private static final String SCHEMA = """
            {
              "name": "demo",
              "resources": {
                "demo:index/thing:Thing": {
                  "inputProperties": {
                    "size": {"type": "string", "oneOf": [{"type": "string"}, {"type": "string", "$ref": "#/types/demo:index:Mode"}], "willReplaceOnChanges": true},
                    "count": {"type": "integer"},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    "rules": {"type": "array", "items": {"$ref": "#/types/demo:index/Rule:Rule"}},
                    "mode": {"$ref": "#/types/demo:index:Mode"},
                    "old": {"type": "boolean", "deprecationMessage": "use count"},
                    "extra": {"type": "array", "items": {"$ref": "pulumi.json#/Any"}, "replaceOnChanges": true}
                  },
                  "requiredInputs": ["size", "count"],
                  "properties": {"fqdn": {"type": "string"}, "ratio": {"type": "number"}}
                }
              },
              "types": {
                "demo:index/Rule:Rule": {
                  "type": "object",
                  "properties": {"port": {"type": "number"}, "inner": {"$ref": "#/types/demo:index/Inner:Inner"}},
                  "required": ["port"]
                },
                "demo:index/Inner:Inner": {"type": "object", "properties": {"flag": {"type": "boolean", "willReplaceOnChanges": true}}},
                "demo:index/Unused:Unused": {"type": "object", "properties": {"x": {"type": "string"}}},
                "demo:index:Mode": {"type": "string", "enum": [{"value": "a"}, {"value": "b"}]}
              }
            }
            """;

    @TempDir
    Path dir;

    record Run(int status, String stdout, String stderr) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("python3", "scripts/extract-schema-contract"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "extract-schema-contract did not finish");
        return new Run(process.exitValue(), stdout, stderr);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void extractsSortedTypesRequiredInputsAndReachableObjectTypes() throws Exception {
        Path schemas = Files.createDirectory(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("demo-1.2.3.json"), SCHEMA);
        Path out = dir.resolve("out/contract.json");

        Run run = run("--schemas", schemas.toString(), "--out", out.toString());

        assertEquals(0, run.status(), run.stderr());
        assertEquals("wrote " + out + ": demo 1.2.3; 1 resources, 2 types, " + Files.size(out) + " bytes\n", run.stdout());
        assertEquals("""
                {
                  "about": "Extracted by scripts/extract-schema-contract from the provider schemas; do not edit by hand.",
                  "packages": {
                    "demo": {
                      "schema": "demo-1.2.3.json",
                      "sha256": "%s",
                      "version": "1.2.3"
                    }
                  },
                  "resources": {
                    "demo:index/thing:Thing": {
                      "deprecated": ["old"],
                      "inputs": {
                        "count": "integer",
                        "extra": "array<any>",
                        "labels": "map<string>",
                        "mode": "string",
                        "old": "boolean",
                        "rules": "array<object<demo:index/Rule:Rule>>",
                        "size": "string"
                      },
                      "outputs": {
                        "fqdn": "string",
                        "ratio": "number"
                      },
                      "replaceOnChanges": ["extra", "rules[*].inner.flag", "size"],
                      "required": ["count", "size"]
                    }
                  },
                  "types": {
                    "demo:index/Inner:Inner": {
                      "deprecated": [],
                      "properties": {
                        "flag": "boolean"
                      },
                      "required": []
                    },
                    "demo:index/Rule:Rule": {
                      "deprecated": [],
                      "properties": {
                        "inner": "object<demo:index/Inner:Inner>",
                        "port": "number"
                      },
                      "required": ["port"]
                    }
                  }
                }
                """.formatted(sha256(SCHEMA)), Files.readString(out));

        Run check = run("--schemas", schemas.toString(), "--out", out.toString(), "--check");
        assertEquals(0, check.status(), check.stderr());
        assertEquals(out + " is up to date (1 resources, 2 types)\n", check.stdout());
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "with --out alone, no replacement lists are written");
        }
    }

    @Test
    void writesTheReplacementListsTheOfflinePlanShips() throws Exception {
        Path schemas = Files.createDirectory(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("demo-1.2.3.json"), SCHEMA);
        Path out = dir.resolve("contract.json");
        Path replacements = dir.resolve("main/replace-on-changes.json");

        Run run = run("--schemas", schemas.toString(), "--out", out.toString(), "--replacements", replacements.toString());

        assertEquals(0, run.status(), run.stderr());
        assertTrue(run.stdout().endsWith("wrote " + replacements + ": 1 resource types with replace-on-change inputs\n"),
                run.stdout());
        assertEquals("""
                {
                  "about": "Extracted by scripts/extract-schema-contract from the provider schemas; do not edit by hand. \
                Input paths whose change replaces the resource (willReplaceOnChanges, replaceOnChanges).",
                  "packages": {
                    "demo": "1.2.3"
                  },
                  "resources": {
                    "demo:index/thing:Thing": ["extra", "rules[*].inner.flag", "size"]
                  }
                }
                """, Files.readString(replacements));

        Files.writeString(replacements, "{}\n");
        Run check = run("--schemas", schemas.toString(), "--out", out.toString(), "--replacements",
                replacements.toString(), "--check");
        assertEquals(1, check.status());
        assertEquals("extract-schema-contract: " + replacements + " is out of date with " + schemas
                + "; run scripts/extract-schema-contract\n", check.stderr());
    }

    @Test
    void failsTheCheckWhenTheContractIsOutOfDate() throws Exception {
        Path schemas = Files.createDirectory(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("demo-1.2.3.json"), SCHEMA);
        Path out = dir.resolve("contract.json");
        assertEquals(0, run("--schemas", schemas.toString(), "--out", out.toString()).status());
        Files.move(schemas.resolve("demo-1.2.3.json"), schemas.resolve("demo-1.3.0.json"));

        Run check = run("--schemas", schemas.toString(), "--out", out.toString(), "--check");

        assertEquals(1, check.status());
        assertEquals("extract-schema-contract: " + out + " is out of date with " + schemas
                + "; run scripts/extract-schema-contract\n", check.stderr());
    }

    @Test
    void rejectsTwoVersionsOfOnePackage() throws Exception {
        Path schemas = Files.createDirectory(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("demo-1.2.3.json"), SCHEMA);
        Files.writeString(schemas.resolve("demo-1.3.0.json"), SCHEMA);

        Run run = run("--schemas", schemas.toString(), "--out", dir.resolve("c.json").toString());

        assertEquals(2, run.status());
        assertEquals("extract-schema-contract: two schemas for package 'demo': demo-1.2.3.json and demo-1.3.0.json;"
                + " keep one\n", run.stderr());
        assertTrue(Files.notExists(dir.resolve("c.json")), "nothing written on failure");
    }

    @Test
    void rejectsASchemaFileNameWithoutVersion() throws Exception {
        Path schemas = Files.createDirectory(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("demo.json"), SCHEMA);

        Run run = run("--schemas", schemas.toString(), "--out", dir.resolve("c.json").toString());

        assertEquals(2, run.status());
        assertEquals("extract-schema-contract: demo.json: expected a file named NAME-VERSION.json"
                + " (e.g. digitalocean-4.76.0.json)\n", run.stderr());
    }

    @Test
    void rejectsAReferenceToAnotherPackage() throws Exception {
        Path schemas = Files.createDirectory(dir.resolve("schemas"));
        Files.writeString(schemas.resolve("demo-1.2.3.json"),
                SCHEMA.replace("\"#/types/demo:index/Inner:Inner\"", "\"/aws/v6.0.0/schema.json#/types/aws:x:Y\""));

        Run run = run("--schemas", schemas.toString(), "--out", dir.resolve("c.json").toString());

        assertEquals(2, run.status());
        assertEquals("extract-schema-contract: demo:index/Rule:Rule.inner: unsupported reference"
                + " '/aws/v6.0.0/schema.json#/types/aws:x:Y' (only local types and pulumi.json built-ins)\n", run.stderr());
    }

    @Test
    void rejectsAMissingSchemaDirectory() throws Exception {
        Run run = run("--schemas", dir.resolve("nowhere").toString());

        assertEquals(2, run.status());
        assertEquals("extract-schema-contract: schema directory " + dir.resolve("nowhere") + " does not exist\n",
                run.stderr());
    }

    @Test
    void printsHelp() throws Exception {
        Run run = run("--help");

        assertEquals(0, run.status());
        assertTrue(run.stdout().startsWith("usage: extract-schema-contract [-h] [--schemas SCHEMAS] [--out OUT]"),
                run.stdout());
    }
}
