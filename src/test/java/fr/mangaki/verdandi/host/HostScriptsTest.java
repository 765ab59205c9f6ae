package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.host.rehearsal.Proc;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bash script of the project passes shellcheck (with the sourced library) and follows the house style. */
class HostScriptsTest {

    static final Path HOST = Path.of("src/main/resources/fr/mangaki/verdandi/host").toAbsolutePath();
    static final List<String> SCRIPTS = List.of("env-install", "env-remove", "site-install", "site-remove",
            "deploy", "deploy-loop", "gunicorn-start");

    private static List<Path> allBashFiles() {
        List<Path> files = new ArrayList<>();
        SCRIPTS.forEach(s -> files.add(HOST.resolve(s)));
        files.add(HOST.resolve("lib.sh"));
        files.add(Path.of("src/test/resources/host/systemctl-stand-in").toAbsolutePath());
        files.add(Path.of("bench/deploy-loop").toAbsolutePath());
        return files;
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
            if (!script.getFileName().toString().equals("lib.sh")) {
                assertTrue(text.startsWith("#!/usr/bin/env bash\n"), script + ": shebang");
                assertTrue(text.contains("\nset -euo pipefail\n"), script + ": strict mode");
                assertTrue(text.endsWith("\nmain \"$@\"\n"), script + ": ends with main \"$@\"");
                assertTrue(Files.isExecutable(script), script + ": executable");
            }
            assertTrue(text.contains("fail()") || text.contains("source \"$(dirname"), script + ": fail helper");
            assertTrue(!text.contains("shellcheck disable=all"), script + ": no blanket disable");
        }
    }

    @Test
    void theGunicornSettingsCompile() {
        Proc.Result r = Proc.run(List.of("/usr/bin/python3", "-c",
                        "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')",
                        HOST.resolve("gunicorn.conf.py").toString()), Map.of(), null, Duration.ofSeconds(60));
        assertEquals(0, r.exit(), r.output());
    }
}
