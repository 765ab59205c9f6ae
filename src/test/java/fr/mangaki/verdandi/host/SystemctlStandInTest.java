package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.host.rehearsal.Proc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The systemctl stand-in's Type=notify units behave as systemd's start jobs do: start returns
 * once READY=1 came on NOTIFY_SOCKET, fails when the main process exits first or is not ready
 * within TimeoutStartSec; until then is-active says activating. The units below are real
 * processes started through the stand-in.
 */
class SystemctlStandInTest {

    static final Path STAND_IN = Path.of("src/test/resources/host/systemctl-stand-in").toAbsolutePath();

    /** The test unit's program: its instance says what it does. */
    static final String PROGRAM = """
            #!/usr/bin/env bash
            set -euo pipefail
            notify() {
              python3 -c 'import os, socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            s.connect(os.environ["NOTIFY_SOCKET"])
            s.sendall(sys.argv[1].encode())' "$1"
            }
            case $1 in
              ready) notify 'STATUS=booting'; sleep 0.5; notify 'READY=1'; exec sleep 300 ;;
              late) sleep 1; notify 'READY=1'; exec sleep 300 ;;
              gated) until [[ -e "$(dirname "$0")/../go" ]]; do sleep 0.05; done; notify 'READY=1'; exec sleep 300 ;;
              crash) sleep 0.3; echo 'refusing to start' >&2; exit 1 ;;
              never) exec sleep 300 ;;
            esac
            """;

    private Proc.Result systemctl(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of(STAND_IN.toString()));
        command.addAll(List.of(args));
        return Proc.run(command, Map.of("VERDANDI_ROOT", root.toString()), null, Duration.ofSeconds(60));
    }

    private Path root(Path tmp) throws IOException {
        Path units = Files.createDirectories(tmp.resolve("etc/systemd/system"));
        Files.writeString(units.resolve("t@.service"), """
                [Service]
                Type=notify
                NotifyAccess=all
                TimeoutStartSec=3
                ExecStart=/bin/t %i
                """);
        Path program = Files.createDirectories(tmp.resolve("bin")).resolve("t");
        Files.writeString(program, PROGRAM);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tmp;
    }

    @Test
    void startsANotifyUnitOnceItIsReadyAndRecordsWhatItSent(@TempDir Path tmp) throws IOException {
        Path root = root(tmp);
        try {
            Proc.Result start = systemctl(root, "start", "t@ready.service", "t@late.service");
            assertEquals(0, start.exit(), start.output());
            assertEquals("active\n", systemctl(root, "is-active", "t@ready.service").output());
            assertEquals("active\n", systemctl(root, "is-active", "t@late.service").output());
            String sent = Files.readString(root.resolve("var/log/systemctl-stand-in/t@ready.service.notify"));
            assertEquals("STATUS=booting\nREADY=1\n", sent);
        } finally {
            systemctl(root, "stop", "t@ready.service", "t@late.service");
        }
        Proc.Result after = systemctl(root, "is-active", "t@ready.service");
        assertEquals(3, after.exit(), after.output());
        assertEquals("inactive\n", after.output());
    }

    @Test
    void saysActivatingUntilReady(@TempDir Path tmp) throws Exception {
        Path root = root(tmp);
        ProcessBuilder builder = new ProcessBuilder(STAND_IN.toString(), "start", "t@gated.service")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("start.out").toFile());
        builder.environment().put("VERDANDI_ROOT", root.toString());
        Process start = builder.start();
        try {
            assertTrue(awaitActivity(root, "t@gated.service", "activating"), "activating while not ready");
            assertTrue(start.isAlive(), "start waits for READY=1");
            Files.writeString(root.resolve("go"), "");
            assertTrue(start.waitFor(60, TimeUnit.SECONDS), "start returns once ready");
            assertEquals(0, start.exitValue(), Files.readString(tmp.resolve("start.out")));
            assertEquals("active\n", systemctl(root, "is-active", "t@gated.service").output());
        } finally {
            start.destroy();
            systemctl(root, "stop", "t@gated.service");
        }
    }

    private boolean awaitActivity(Path root, String unit, String expected) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (systemctl(root, "is-active", unit).output().equals(expected + "\n")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void failsAStartWhenTheProcessExitsBeforeReady(@TempDir Path tmp) throws IOException {
        Path root = root(tmp);
        try {
            Proc.Result start = systemctl(root, "start", "t@ready.service", "t@crash.service");
            assertEquals(1, start.exit(), start.output());
            assertTrue(start.output().contains("t@crash.service: the main process exited before READY=1: start failed"),
                    start.output());
            assertEquals("active\n", systemctl(root, "is-active", "t@ready.service").output());
            assertEquals("inactive\n", systemctl(root, "is-active", "t@crash.service").output());
            assertTrue(systemctl(root, "status", "t@crash.service").output().contains("refusing to start"));
        } finally {
            systemctl(root, "stop", "t@ready.service");
        }
    }

    @Test
    void failsAStartThatIsNotReadyWithinTheStartTimeout(@TempDir Path tmp) throws IOException {
        Path root = root(tmp);
        Proc.Result start = systemctl(root, "start", "t@never.service");
        assertEquals(1, start.exit(), start.output());
        assertTrue(start.output().contains("t@never.service: no READY=1 within TimeoutStartSec=3s: start failed, killing it"),
                start.output());
        assertEquals("inactive\n", systemctl(root, "is-active", "t@never.service").output());
    }
}
