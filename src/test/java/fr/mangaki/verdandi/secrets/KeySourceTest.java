package fr.mangaki.verdandi.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static fr.mangaki.verdandi.secrets.TestText.assertNotContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeySourceTest {

    @TempDir
    Path dir;

    static final String ARMORED = "-----BEGIN PGP " + "PRIVATE KEY BLOCK-----\n\nFAKE\n-----END PGP "
            + "PRIVATE KEY BLOCK-----\n";

    @Test
    void readsArmoredKeyFromTheVariable() {
        KeySource key = KeySource.fromEnvironment(Map.of("VERDANDI_PGP_KEY", ARMORED), KeySource.noPassphrase());
        assertEquals("the key in VERDANDI_PGP_KEY", key.description());
        assertArrayEquals(ARMORED.getBytes(StandardCharsets.UTF_8), key.secretKey().reveal());
        assertEquals("KeySource[the key in VERDANDI_PGP_KEY]", key.toString());
    }

    @Test
    void readsKeyFileNamedByTheVariable() throws Exception {
        Path file = Files.writeString(dir.resolve("key.asc"), ARMORED);
        KeySource key = KeySource.fromEnvironment(Map.of("VERDANDI_PGP_KEY", file + "\n"), KeySource.noPassphrase());
        assertEquals("key file " + file + " (from VERDANDI_PGP_KEY)", key.description());
        assertArrayEquals(ARMORED.getBytes(StandardCharsets.UTF_8), key.secretKey().reveal());
    }

    @Test
    void failsWhenTheVariableIsUnsetOnlyWhenTheKeyIsNeeded() {
        KeySource key = KeySource.fromEnvironment(Map.of(), KeySource.noPassphrase());
        SecretsException e = assertThrows(SecretsException.class, key::secretKey);
        assertEquals("no secret key to decrypt with: pass --key KEYFILE or set VERDANDI_PGP_KEY to the armored"
                + " secret key or to the path of a key file", e.getMessage());
        assertTrue(e.isInvalidInput());
    }

    @Test
    void failsWithoutEchoingAValueThatIsNeitherKeyNorFile() {
        KeySource key = KeySource.fromEnvironment(Map.of("VERDANDI_PGP_KEY", "hunter2"), KeySource.noPassphrase());
        SecretsException e = assertThrows(SecretsException.class, key::secretKey);
        assertEquals("VERDANDI_PGP_KEY must hold an armored secret key (starting with -----BEGIN PGP) or the path of"
                + " a key file; it holds neither (no file at that path; value not shown)", e.getMessage());
        assertNotContains(e.getMessage(), "hunter2");
    }

    @Test
    void takesThePassphraseFromTheVariableBeforePrompting() {
        KeySource.PassphraseSource prompt = k -> Optional.of(Sensitive.of("typed".toCharArray()));
        KeySource withVariable = KeySource.fromEnvironment(
                Map.of("VERDANDI_PGP_KEY", ARMORED, "VERDANDI_PGP_PASSPHRASE", "from env"), prompt);
        assertEquals("from env", new String(withVariable.passphrase("Alice").reveal()));
        KeySource prompting = KeySource.fromEnvironment(Map.of("VERDANDI_PGP_KEY", ARMORED), prompt);
        assertEquals("typed", new String(prompting.passphrase("Alice").reveal()));
    }

    @Test
    void asksForAPassphraseOncePerKey() {
        int[] asked = {0};
        KeySource key = KeySource.fromEnvironment(Map.of("VERDANDI_PGP_KEY", ARMORED), k -> {
            asked[0]++;
            return Optional.of(Sensitive.of("typed".toCharArray()));
        });
        key.passphrase("Alice");
        key.passphrase("Alice");
        assertEquals(1, asked[0]);
        key.passphrase("Bob");
        assertEquals(2, asked[0]);
    }

    @Test
    void failsWhenNoPassphraseCanBeHad() {
        KeySource key = KeySource.fromEnvironment(Map.of("VERDANDI_PGP_KEY", ARMORED), KeySource.noPassphrase());
        SecretsException e = assertThrows(SecretsException.class, () -> key.passphrase("Alice <a@b> (ABCD)"));
        assertEquals("the secret key Alice <a@b> (ABCD) is protected by a passphrase: set VERDANDI_PGP_PASSPHRASE or"
                + " run from a terminal to be asked for it", e.getMessage());
    }

    @Test
    void failsOnUnreadableKeyFile() {
        KeySource key = KeySource.file(dir.resolve("missing.asc"), KeySource.noPassphrase());
        SecretsException e = assertThrows(SecretsException.class, key::secretKey);
        assertTrue(e.getMessage().startsWith("cannot read key file " + dir.resolve("missing.asc")), e.getMessage());
    }
}
