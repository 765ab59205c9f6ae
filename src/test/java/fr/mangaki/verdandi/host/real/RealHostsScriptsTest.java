package fr.mangaki.verdandi.host.real;

import fr.mangaki.verdandi.host.rehearsal.Proc;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real-hosts rehearsal's scripts pass shellcheck and refuse bad usage with a message. */
class RealHostsScriptsTest {

    private static final List<Path> SCRIPTS = List.of(RealHosts.RESOURCES.resolve("image"),
            RealHosts.RESOURCES.resolve("vpc"), RealHosts.RESOURCES.resolve("machine"),
            RealHosts.PROJECT.resolve("bench/real-hosts"));

    @Test
    void passShellcheck() {
        for (Path p : SCRIPTS) {
            Proc.Result r = Proc.run(List.of("shellcheck", "--severity=style", p.toString()), Map.of(), null,
                    Duration.ofMinutes(2));
            assertEquals(0, r.exit(), p + ":\n" + r.output());
            assertTrue(Files.isExecutable(p), p + ": executable");
        }
    }

    @Test
    void followTheHouseStyle() throws Exception {
        for (Path p : SCRIPTS) {
            String text = Files.readString(p);
            assertTrue(text.startsWith("#!/usr/bin/env bash\n"), p + ": shebang");
            assertTrue(text.contains("\nset -euo pipefail\nif [[ \"${VERDANDI_TRACE:-}\" == 1 ]]; then set -x; fi\n"),
                    p + ": strict mode, then the VERDANDI_TRACE switch");
            assertTrue(text.contains("\nfail() {") && text.contains("\ninfo() {"), p + ": one fail and one info helper");
            assertTrue(text.endsWith("\nmain \"$@\"\n"), p + ": ends with main \"$@\"");
            if (text.contains("mktemp -d")) {
                assertTrue(text.matches("(?s).*\\btrap [^\\n]* EXIT\\b.*"), p + ": a temporary directory with no trap on EXIT");
            }
        }
    }

    @Test
    void rejectUnknownVerbsAndOptions() {
        Proc.Result vpc = Proc.run(List.of(RealHosts.RESOURCES.resolve("vpc").toString(), "sideways", "/tmp/x"),
                Map.of(), null, Duration.ofSeconds(30));
        assertEquals(1, vpc.exit(), vpc.output());
        assertTrue(vpc.output().contains("vpc: error: unknown verb sideways (up or down)"), vpc.output());
        Proc.Result machine = Proc.run(List.of(RealHosts.RESOURCES.resolve("machine").toString(), "start", "/tmp/x",
                "--colour", "blue"), Map.of(), null, Duration.ofSeconds(30));
        assertEquals(1, machine.exit(), machine.output());
        assertTrue(machine.output().contains("machine: error: unknown option --colour"), machine.output());
        Proc.Result image = Proc.run(List.of(RealHosts.RESOURCES.resolve("image").toString(), "--flavour", "x"),
                Map.of(), null, Duration.ofSeconds(30));
        assertEquals(1, image.exit(), image.output());
        assertTrue(image.output().contains("image: error: unknown option --flavour"), image.output());
    }
}
