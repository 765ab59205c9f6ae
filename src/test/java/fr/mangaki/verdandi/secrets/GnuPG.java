package fr.mangaki.verdandi.secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real GnuPG in a private home directory, for interoperability tests: makes keys, exports
 * them, encrypts and decrypts. A missing {@code gpg} fails the test.
 */
public final class GnuPG implements AutoCloseable {

    /** A key made by {@link #generate}: its fingerprint and passphrase. */
    public record Key(String fingerprint, String userId, String passphrase) {
    }

    private final Path home;

    public GnuPG(Path directory) {
        try {
            home = Files.createDirectories(directory.resolve("gnupg"));
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path home() {
        return home;
    }

    /**
     * A key with a signing primary key and an encryption subkey.
     *
     * @param kind {@code "cv25519"} (ed25519 primary, Curve25519 ECDH subkey) or {@code "rsa3072"}
     */
    public Key generate(String userId, String kind, String passphrase) {
        String primary = kind.equals("cv25519") ? "ed25519" : kind;
        gpg(null, "--passphrase", passphrase, "--quick-gen-key", userId, primary, "sign", "never");
        String fingerprint = fingerprint(userId);
        gpg(null, "--passphrase", passphrase, "--quick-add-key", fingerprint, kind, "encr", "never");
        return new Key(fingerprint, userId, passphrase);
    }

    /** A signing-only key (no encryption subkey). */
    public Key generateSigningOnly(String userId, String passphrase) {
        gpg(null, "--passphrase", passphrase, "--quick-gen-key", userId, "ed25519", "sign", "never");
        return new Key(fingerprint(userId), userId, passphrase);
    }

    /** A key made a year ago that expired after a day. */
    public Key generateExpired(String userId, String passphrase) {
        gpg(null, "--faked-system-time", "20200101T000000", "--passphrase", passphrase,
                "--quick-gen-key", userId, "ed25519", "sign", "1d");
        String fingerprint = fingerprint(userId);
        gpg(null, "--faked-system-time", "20200101T000000", "--passphrase", passphrase,
                "--quick-add-key", fingerprint, "cv25519", "encr", "1d");
        return new Key(fingerprint, userId, passphrase);
    }

    /** Revokes a key with the revocation certificate GnuPG stored when it was made. */
    public void revoke(Key key) {
        Path certificate = home.resolve("openpgp-revocs.d").resolve(key.fingerprint() + ".rev");
        try {
            // GnuPG prefixes the armor line with ':' so that the certificate is not imported by accident
            String text = Files.readString(certificate).replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----",
                    "-----BEGIN PGP PUBLIC KEY BLOCK-----");
            gpg(text.getBytes(StandardCharsets.UTF_8), "--import");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String fingerprint(String userId) {
        String colons = new String(gpg(null, "--with-colons", "--list-keys", "=" + userId), StandardCharsets.UTF_8);
        for (String line : colons.split("\n")) {
            if (line.startsWith("fpr:")) {
                return line.split(":")[9];
            }
        }
        throw new IllegalStateException("no fingerprint for " + userId + ":\n" + colons);
    }

    public byte[] exportPublic(Key key) {
        return gpg(null, "--armor", "--export", key.fingerprint());
    }

    public byte[] exportSecret(Key key) {
        return gpg(null, "--passphrase", key.passphrase(), "--armor", "--export-secret-keys", key.fingerprint());
    }

    /** Encrypts with GnuPG's defaults to the given keys (no trust checks). */
    public byte[] encrypt(byte[] plaintext, Key... recipients) {
        List<String> args = new ArrayList<>(List.of("--trust-model", "always", "--armor", "--encrypt"));
        for (Key k : recipients) {
            args.add("--recipient");
            args.add(k.fingerprint());
        }
        return gpg(plaintext, args.toArray(String[]::new));
    }

    /** Decrypts with whatever secret key of this home fits. */
    public byte[] decrypt(byte[] message, Key key) {
        return gpg(message, "--passphrase", key.passphrase(), "--decrypt");
    }

    /** {@code gpg --list-packets} of a message (no decryption). */
    public String listPackets(byte[] message) {
        return new String(gpg(message, "--list-only", "--list-packets"), StandardCharsets.UTF_8);
    }

    /** Runs gpg in batch mode with this home; fails unless it exits 0. */
    public byte[] gpg(byte[] stdin, String... args) {
        Result r = run(stdin, args);
        if (r.status != 0) {
            throw new IllegalStateException("gpg " + String.join(" ", args) + " failed (" + r.status + "): " + r.stderr);
        }
        return r.stdout;
    }

    /** What a gpg run printed. */
    public record Result(int status, byte[] stdout, String stderr) {
    }

    public Result run(byte[] stdin, String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes",
                "--no-tty", "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).start();
            Thread feeder = new Thread(() -> {
                try (var in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin);
                    }
                } catch (IOException ignored) {
                    // gpg exited early; its status says why
                }
            });
            feeder.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errors = new Thread(() -> drain(p.getErrorStream(), err));
            errors.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("gpg timed out: " + command);
            }
            feeder.join();
            errors.join();
            return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run gpg (install GnuPG: apt-get install gnupg)", e);
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

    /** Stops this home's gpg-agent. */
    @Override
    public void close() {
        try {
            new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
