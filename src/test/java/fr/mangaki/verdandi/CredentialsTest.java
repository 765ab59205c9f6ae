package fr.mangaki.verdandi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipients' public keys the credentials read when they are made (docs/backups.md). */
class CredentialsTest {
    private static final String ALICE = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nalice\n-----END PGP PUBLIC KEY BLOCK-----\n";
    private static final String BOB = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nbob\n-----END PGP PUBLIC KEY BLOCK-----";

    @Test
    void readsTheRecipientsKeysInFileNameOrderWhenMade(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("secrets/recipients"));
        Files.writeString(dir.resolve("b-bob.asc"), BOB);
        Files.writeString(dir.resolve("a-alice.asc"), ALICE);
        Files.writeString(dir.resolve("README.md"), "not a key");
        Credentials credentials = Credentials.fromEnvironment(root, Map.of());
        Files.delete(dir.resolve("a-alice.asc"));
        assertEquals(ALICE + BOB + "\n", credentials.backupRecipients(), "read when the credentials were made");
        assertEquals(BOB + "\n", Credentials.recipients(root));
    }

    @Test
    void readsNoRecipientWithoutTheirDirectory(@TempDir Path root) {
        assertEquals("", Credentials.fromEnvironment(root, Map.of()).backupRecipients());
    }

    @Test
    void failsNamingTheDirectoryWhenAKeyCannotBeRead(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("secrets/recipients"));
        Files.createDirectory(dir.resolve("odd.asc"));
        ConfigException e = assertThrows(ConfigException.class, () -> Credentials.fromEnvironment(root, Map.of()));
        assertTrue(e.getMessage().startsWith("secrets/recipients: not readable: "), e.getMessage());
    }
}
