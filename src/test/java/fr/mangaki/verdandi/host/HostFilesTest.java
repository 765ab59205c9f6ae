package fr.mangaki.verdandi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The script that keeps a host's files and its admin user's keys current, run for real under a
 * temporary root. The admin user is this machine's {@code nobody} (whose home, under the root,
 * gets the keys); the file sshd names in {@code SSH_USER_AUTH} is written as sshd writes it
 * ({@code publickey TYPE BLOB}). RemoteInstallSshTest runs the same over a real sshd.
 */
class HostFilesTest {
    private static final String ADMIN = "nobody";
    private static final String OPS = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@mangaki.fr";
    private static final String CI = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI ci@mangaki.fr";
    private static final String ALICE = "ssh-rsa AAAAB3NzaC1yc2E= alice@mangaki.fr";

    record Run(int exit, String output) {
    }

    private static Run install(Path dir, HostRole role, List<String> keys, Path sessionAuth) throws Exception {
        Path script = dir.resolve("install");
        Files.writeString(script, HostFiles.installScript(role, ADMIN, keys));
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.add(sessionAuth == null ? "" : sessionAuth.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VERDANDI_ROOT", dir.resolve("root").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), output);
    }

    /** The file sshd writes for a session that logged in with {@code key} (ExposeAuthInfo). */
    private static Path session(Path dir, String key) throws Exception {
        String[] f = key.split(" ");
        return Files.writeString(dir.resolve("auth-" + f[1].hashCode()), "publickey " + f[0] + " " + f[1] + "\n");
    }

    private static Path authorizedKeys(Path dir) {
        return dir.resolve("root/nonexistent/.ssh/authorized_keys");
    }

    @ParameterizedTest
    @EnumSource(HostRole.class)
    void installScriptWritesEveryFileWithItsModeUnderTheRoot(HostRole role, @TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        // an older version of a file is replaced
        HostFile first = HostFiles.forRole(role).get(0);
        Files.createDirectories(root.resolve(first.path().substring(1)).getParent());
        Files.writeString(root.resolve(first.path().substring(1)), "old\n");

        Run run = install(dir, role, List.of(CI, OPS), session(dir, CI));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains(HostFiles.forRole(role).size() + " host files up to date"), run.output());

        for (HostFile f : HostFiles.forRole(role)) {
            Path written = root.resolve(f.path().substring(1));
            assertEquals(f.content(), Files.readString(written), f.path());
            assertEquals(PosixFilePermissions.toString(PosixFilePermissions.fromString(mode(f.permissions()))),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(written)), f.path());
        }
        assertEquals(HostFiles.digest(role) + "\n", Files.readString(root.resolve(HostFiles.versionFile(role).substring(1))));
        assertEquals(CI + "\n" + OPS + "\n", Files.readString(authorizedKeys(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authorizedKeys(dir))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(authorizedKeys(dir).getParent())));
        assertEquals(uidOf(ADMIN), Files.getAttribute(authorizedKeys(dir), "unix:uid"), "owned by the admin user");
        try (var files = Files.walk(root)) {
            assertEquals(HostFiles.forRole(role).size() + 1, files.filter(Files::isRegularFile).count(),
                    "the host files and the authorized keys, no temporary file left behind");
        }
    }

    @Test
    void theAuthorizedKeysFollowTheListBothWays(@TempDir Path dir) throws Exception {
        Path asCi = session(dir, CI);
        assertEquals(0, install(dir, HostRole.APP, List.of(CI, OPS), asCi).exit());
        Run added = install(dir, HostRole.APP, List.of(CI, OPS, ALICE), asCi);
        assertEquals(0, added.exit(), added.output());
        assertEquals(CI + "\n" + OPS + "\n" + ALICE + "\n", Files.readString(authorizedKeys(dir)));
        assertTrue(added.output().contains("authorized keys of nobody: the 3 of mangaki:sshKeys"), added.output());

        Run removed = install(dir, HostRole.APP, List.of(ALICE, CI), asCi);
        assertEquals(0, removed.exit(), removed.output());
        assertEquals(ALICE + "\n" + CI + "\n", Files.readString(authorizedKeys(dir)));
    }

    @Test
    void refusesToRemoveTheKeyTheSessionLoggedInWithAndWritesNothing(@TempDir Path dir) throws Exception {
        assertEquals(0, install(dir, HostRole.FRONT, List.of(CI, OPS), session(dir, CI)).exit());
        Path version = dir.resolve("root").resolve(HostFiles.versionFile(HostRole.FRONT).substring(1));
        Files.writeString(version, "sha256:older\n");

        Run refused = install(dir, HostRole.FRONT, List.of(OPS), session(dir, CI));

        assertEquals(1, refused.exit(), refused.output());
        assertEquals("verdandi: refusing to remove the key this session logged in with (ssh-ed25519 ..." + CI.split(" ")[1].substring(CI.split(" ")[1].length() - 12) + ") from"
                + " the authorized keys of nobody: pulumi up would lock itself out of this host; keep that key in"
                + " mangaki:sshKeys\n", refused.output());
        assertEquals(CI + "\n" + OPS + "\n", Files.readString(authorizedKeys(dir)), "the keys are untouched");
        assertEquals("sha256:older\n", Files.readString(version), "no file was written");
    }

    @Test
    void failsToRemoveAKeyWhenTheSessionsKeyIsUnknownAfterWritingTheFiles(@TempDir Path dir) throws Exception {
        assertEquals(0, install(dir, HostRole.APP, List.of(CI, OPS), session(dir, CI)).exit());
        Path version = dir.resolve("root").resolve(HostFiles.versionFile(HostRole.APP).substring(1));
        Files.writeString(version, "sha256:older\n");

        Run unknown = install(dir, HostRole.APP, List.of(CI), null);

        assertEquals(1, unknown.exit(), unknown.output());
        assertTrue(unknown.output().endsWith("verdandi: 1 key(s) to remove from the authorized keys of nobody, but the key"
                + " this session logged in with is not known (sshd exposes it from this run on): run pulumi up again\n"),
                unknown.output());
        assertEquals(CI + "\n" + OPS + "\n", Files.readString(authorizedKeys(dir)), "no key removed");
        assertEquals(HostFiles.digest(HostRole.APP) + "\n", Files.readString(version),
                "the files are written, sshd's settings among them: the next run knows the session's key");

        Run added = install(dir, HostRole.APP, List.of(CI, OPS, ALICE), null);
        assertEquals(0, added.exit(), "adding a key needs no session key: " + added.output());
    }

    @ParameterizedTest
    @EnumSource(HostRole.class)
    void installScriptPassesShellcheck(HostRole role, @TempDir Path dir) throws Exception {
        Path script = dir.resolve("install");
        Files.writeString(script, HostFiles.installScript(role, ADMIN, List.of(CI, OPS)));
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

    @Test
    void rejectsAnAdminThatIsNotAUserNameAndKeysOfSeveralLines() {
        assertEquals("adminUser: 'root; rm' is not a Linux user name", assertThrows(IllegalArgumentException.class,
                () -> HostFiles.installScript(HostRole.APP, "root; rm", List.of(CI))).getMessage());
        assertEquals("sshKeys: one OpenSSH public key per line, at least one", assertThrows(IllegalArgumentException.class,
                () -> HostFiles.installScript(HostRole.APP, ADMIN, List.of(CI + "\nVERDANDI_HOST_FILE_END"))).getMessage());
    }

    private static int uidOf(String user) throws Exception {
        return Files.readAllLines(Path.of("/etc/passwd")).stream().filter(l -> l.startsWith(user + ":"))
                .map(l -> Integer.parseInt(l.split(":")[2])).findFirst().orElseThrow();
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
