package fr.mangaki.verdandi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Public key lines, their MD5 fingerprints and the public half of private keys, against OpenSSH's own tools. */
class PublicKeyTest {

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static Path keygen(Path dir, String type, String passphrase) throws Exception {
        Path key = dir.resolve(type + (passphrase.isEmpty() ? "" : "-encrypted"));
        run(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "someone@" + type, "-f", key.toString()));
        return key;
    }

    @Test
    void readsThePublicHalfOfAnOpenSshPrivateKeyEncryptedOrNot(@TempDir Path dir) throws Exception {
        for (String type : List.of("ed25519", "rsa", "ecdsa")) {
            for (String passphrase : List.of("", "a passphrase")) {
                Path key = keygen(dir, type, passphrase);
                PublicKey expected = PublicKey.parse(Files.readString(Path.of(key + ".pub"))).orElseThrow();
                PublicKey read = PublicKey.ofPrivateKey(Files.readString(key)).orElseThrow();
                assertTrue(read.sameKey(expected), type + " " + passphrase);
                assertEquals("", read.comment(), "the private key file holds no comment in clear");
            }
        }
    }

    @Test
    void fingerprintsAsSshKeygenAndDigitalOceanDo(@TempDir Path dir) throws Exception {
        Path key = keygen(dir, "ed25519", "");
        String md5 = run(List.of("ssh-keygen", "-l", "-E", "md5", "-f", key + ".pub")).split(" ")[1];
        assertTrue(md5.startsWith("MD5:"), md5);
        assertEquals(md5.substring(4), PublicKey.parse(Files.readString(Path.of(key + ".pub"))).orElseThrow().fingerprint());
    }

    @Test
    void comparesKeysWithoutTheirComments() {
        PublicKey a = PublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps ops@mangaki.fr").orElseThrow();
        PublicKey b = PublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps").orElseThrow();
        assertTrue(a.sameKey(b));
        assertEquals("ops@mangaki.fr", a.comment());
        assertEquals("ssh-ed25519 ...NTE5AAAAIOps ops@mangaki.fr", a.shortForm());
    }

    @Test
    void rejectsLinesThatAreNotKeysOfTheTypeTheyName() {
        for (String line : List.of("", "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIOps", "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIOps",
                "ssh-ed25519 AAAA!", "ssh-ed25519 AAA", "ssh-ed25519 /////w==")) {
            assertEquals(Optional.empty(), PublicKey.parse(line), line);
        }
        assertFalse(PublicKey.ofPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n")
                .isPresent());
        assertFalse(PublicKey.ofPrivateKey("-----BEGIN OPENSSH PRIVATE KEY-----\nnot base64!\n"
                + "-----END OPENSSH PRIVATE KEY-----\n").isPresent());
    }
}
