package fr.mangaki.verdandi.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hook and bench scripts pass shellcheck; the pre-commit framework's manifest points at the hook. */
class ScriptsTest {

    static final Path ROOT = GitRepo.CHECKOUT;

    @Test
    void scriptsAreShellcheckClean() throws Exception {
        List<String> scripts = List.of("hooks/pre-commit", "hooks/pre-merge-commit", "hooks/pre-push", "hooks/post-rewrite",
                "hooks/lib/check.sh", "bin/verdandi", "bin/lib/build.sh", "bench/hook", "bench/secrets-corpus",
                "bench/secrets-interop");
        for (String script : scripts) {
            assertTrue(Files.isRegularFile(ROOT.resolve(script)), script);
        }
        List<String> command = new java.util.ArrayList<>(List.of("shellcheck", "-x"));
        command.addAll(scripts);
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
    }

    @Test
    void hookScriptsAreExecutable() {
        for (String script : List.of("hooks/pre-commit", "hooks/pre-merge-commit", "hooks/pre-push", "hooks/post-rewrite",
                "bin/verdandi", "bench/hook", "bench/secrets-corpus", "bench/secrets-interop")) {
            assertTrue(Files.isExecutable(ROOT.resolve(script)), script + " is executable");
        }
    }

    @Test
    void preCommitFrameworkManifestRunsTheHooks() throws Exception {
        JsonNode hooks = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve(".pre-commit-hooks.yaml").toFile());
        assertEquals(2, hooks.size());
        JsonNode hook = hooks.get(0);
        assertEquals("verdandi-secrets", hook.get("id").asText());
        assertEquals("hooks/pre-commit", hook.get("entry").asText());
        assertEquals("script", hook.get("language").asText());
        assertEquals(false, hook.get("pass_filenames").asBoolean());
        assertEquals(true, hook.get("always_run").asBoolean());
        assertEquals("[\"commit\",\"merge-commit\"]", hook.get("stages").toString());
        JsonNode push = hooks.get(1);
        assertEquals("verdandi-secrets-push", push.get("id").asText());
        assertEquals("hooks/pre-push", push.get("entry").asText());
        assertEquals("[\"push\"]", push.get("stages").toString());
    }
}
