package fr.mangaki.verdandi.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keys made once per test run by real GnuPG in a private home directory (its agent is
 * stopped when the JVM exits): Alice (ed25519 + Curve25519), Bob (RSA 3072) and Carol
 * (Curve25519, never a recipient in the tests).
 */
public final class TestKeys {

    private static TestKeys instance;

    public final GnuPG gpg;
    public final GnuPG.Key alice;
    public final GnuPG.Key bob;
    public final GnuPG.Key carol;
    public final Recipient aliceRecipient;
    public final Recipient bobRecipient;
    public final Path directory;

    private TestKeys() {
        try {
            directory = Files.createTempDirectory("verdandi-test-keys-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gpg = new GnuPG(directory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gpg.close();
            deleteTree(directory);
        }));
        alice = gpg.generate("Alice <alice@example.org>", "cv25519", "alice passphrase");
        bob = gpg.generate("Bob <bob@example.org>", "rsa3072", "bob passphrase");
        carol = gpg.generate("Carol <carol@example.org>", "cv25519", "carol passphrase");
        Pgp pgp = Pgp.bouncyCastle();
        aliceRecipient = pgp.readRecipient(gpg.exportPublic(alice), "alice.asc");
        bobRecipient = pgp.readRecipient(gpg.exportPublic(bob), "bob.asc");
    }

    /** The keys, made on first use. */
    public static synchronized TestKeys get() {
        if (instance == null) {
            instance = new TestKeys();
        }
        return instance;
    }

    /** Writes {@code content} to a file in the keys' directory (outside any test repository). */
    public Path write(String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The armored secret key and passphrase of {@code key}, as a key source. */
    public KeySource keySource(GnuPG.Key key) {
        return KeySource.armored(Sensitive.of(new String(gpg.exportSecret(key), java.nio.charset.StandardCharsets.US_ASCII)),
                KeySource.fixed(Sensitive.of(key.passphrase().toCharArray())));
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: best effort
        }
    }
}
