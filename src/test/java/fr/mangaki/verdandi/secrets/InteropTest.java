package fr.mangaki.verdandi.secrets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What Verdandi writes, every other implementation reads, and the other way round: GnuPG
 * ({@code gpg}), Sequoia ({@code sqop}) and GopenPGP ({@code gosop}) decrypt every message
 * for 30 plaintext lengths (every remainder of the base64 armor's 3-byte groups, and the
 * lengths around the armor's 48-byte lines), to a Curve25519 and an RSA key; Verdandi
 * decrypts what they write. Keys without a passphrase (GopenPGP's sop takes none). The
 * plaintexts are text, as env files are: Debian 12's gosop replaces bytes that are not UTF-8
 * by U+FFFD even in the messages it writes itself.
 */
class InteropTest {

    /** 0 to 20 bytes, then lengths around a 48-byte armor line and larger ones. */
    static final int[] LENGTHS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 46, 47, 48, 49,
            50, 57, 100, 1000, 65_537};

    @TempDir
    static Path dir;

    static GnuPG gpg;
    static Path[] keys = new Path[2];
    static Recipient[] recipients = new Recipient[2];
    static KeySource[] keySources = new KeySource[2];
    final Pgp pgp = Pgp.bouncyCastle();

    @BeforeAll
    static void keys() throws IOException {
        gpg = new GnuPG(dir);
        GnuPG.Key[] made = {gpg.generate("Interop Curve <curve@example.org>", "cv25519", ""),
                gpg.generate("Interop RSA <rsa@example.org>", "rsa3072", "")};
        for (int i = 0; i < made.length; i++) {
            keys[i] = Files.write(dir.resolve("key" + i + ".asc"), gpg.gpg(null, "--passphrase", "", "--armor",
                    "--export-secret-keys", made[i].fingerprint()));
            recipients[i] = Pgp.bouncyCastle().readRecipient(gpg.exportPublic(made[i]), "key" + i);
            keySources[i] = KeySource.file(keys[i], KeySource.noPassphrase());
        }
    }

    /** {@code length} bytes of env-file-like text (printable ASCII and line breaks). */
    static byte[] plaintext(int length) {
        Random random = new Random(length);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (random.nextInt(12) == 0 ? '\n' : 0x21 + random.nextInt(94));
        }
        return bytes;
    }

    @Test
    void gnupgSequoiaAndGopenpgpDecryptEveryLength() throws IOException {
        int decrypted = 0;
        for (int length : LENGTHS) {
            byte[] plaintext = plaintext(length);
            for (int k = 0; k < 2; k++) {
                byte[] message = pgp.encrypt(plaintext, List.of(recipients[k]));
                Path file = Files.write(dir.resolve("m.asc"), message);
                GnuPG.Result g = gpg.run(message, "--passphrase", "", "--decrypt");
                assertEquals(0, g.status(), "gpg, " + length + " bytes, key " + k + ": " + g.stderr());
                assertArrayEquals(plaintext, g.stdout(), "gpg, " + length + " bytes");
                assertArrayEquals(plaintext, run(file, "sqop", "decrypt", keys[k].toString()), "sqop, " + length + " bytes");
                assertArrayEquals(plaintext, run(file, "gosop", "decrypt", keys[k].toString()), "gosop, " + length + " bytes");
                decrypted += 3;
            }
        }
        assertEquals(LENGTHS.length * 2 * 3, decrypted);
    }

    @Test
    void verdandiDecryptsWhatSequoiaAndGopenpgpWrite() throws IOException {
        for (int length : new int[] {0, 1, 2, 3, 47, 48, 1000}) {
            byte[] plaintext = plaintext(length);
            Path input = Files.write(dir.resolve("plain"), plaintext);
            for (int k = 0; k < 2; k++) {
                Path cert = Files.writeString(dir.resolve("cert" + k + ".asc"), recipients[k].armoredPublicKey());
                for (String tool : List.of("sqop", "gosop")) {
                    byte[] message = run(input, tool, "encrypt", cert.toString());
                    assertArrayEquals(plaintext, pgp.decrypt(message, tool + ".asc", keySources[k]).reveal(),
                            tool + ", " + length + " bytes, key " + k);
                }
            }
        }
    }

    /** Runs a sop tool with {@code input} on its standard input; fails unless it exits 0. */
    static byte[] run(Path input, String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectInput(input.toFile()).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> drain(p.getErrorStream(), err));
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + args);
            }
            t.join();
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", args) + " exited " + p.exitValue() + ": "
                        + err.toString(StandardCharsets.UTF_8) + " (install it: apt-get install sqop gosop)");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + args + " (install it: apt-get install sqop gosop)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
