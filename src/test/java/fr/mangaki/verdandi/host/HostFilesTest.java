package fr.mangaki.verdandi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The script that keeps a host's files current, run for real under a temporary root. */
class HostFilesTest {
    @ParameterizedTest
    @EnumSource(HostRole.class)
    void installScriptWritesEveryFileWithItsModeUnderTheRoot(HostRole role, @TempDir Path dir) throws Exception {
        Path script = dir.resolve("install");
        Files.writeString(script, HostFiles.installScript(role));
        Path root = Files.createDirectories(dir.resolve("root"));
        // an older version of a file is replaced
        HostFile first = HostFiles.forRole(role).get(0);
        Files.createDirectories(root.resolve(first.path().substring(1)).getParent());
        Files.writeString(root.resolve(first.path().substring(1)), "old\n");

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("VERDANDI_ROOT", root.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains(HostFiles.forRole(role).size() + " host files up to date"), output);

        for (HostFile f : HostFiles.forRole(role)) {
            Path written = root.resolve(f.path().substring(1));
            assertEquals(f.content(), Files.readString(written), f.path());
            assertEquals(PosixFilePermissions.toString(PosixFilePermissions.fromString(mode(f.permissions()))),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(written)), f.path());
        }
        try (var files = Files.walk(root)) {
            assertEquals(HostFiles.forRole(role).size(), files.filter(Files::isRegularFile).count(),
                    "no temporary file is left behind");
        }
    }

    @ParameterizedTest
    @EnumSource(HostRole.class)
    void installScriptPassesShellcheck(HostRole role, @TempDir Path dir) throws Exception {
        Path script = dir.resolve("install");
        Files.writeString(script, HostFiles.installScript(role));
        Process p = new ProcessBuilder("shellcheck", "-s", "bash", script.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
    }

    @ParameterizedTest
    @EnumSource(HostRole.class)
    void digestTellsTheRolesApart(HostRole role) {
        assertTrue(HostFiles.digest(role).matches("sha256:[0-9a-f]{64}"));
        assertEquals(HostFiles.digest(role), HostFiles.digest(role));
        assertNotEquals(HostFiles.digest(HostRole.APP), HostFiles.digest(HostRole.FRONT));
    }

    /** "0755" as rwxr-xr-x. */
    private static String mode(String octal) {
        StringBuilder s = new StringBuilder();
        for (char c : octal.substring(octal.length() - 3).toCharArray()) {
            int d = c - '0';
            s.append((d & 4) != 0 ? 'r' : '-').append((d & 2) != 0 ? 'w' : '-').append((d & 1) != 0 ? 'x' : '-');
        }
        return s.toString();
    }
}
