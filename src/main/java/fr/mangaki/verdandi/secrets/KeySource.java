package fr.mangaki.verdandi.secrets;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a secret key and its passphrase come from when a message must be decrypted.
 *
 * <p>From the environment ({@link #fromEnvironment()}):
 * <ul>
 *   <li>{@value #KEY_VARIABLE}: either the ASCII-armored secret key itself (a value that
 *       starts with {@code -----BEGIN PGP}) or the path of a key file (armored or binary,
 *       as written by {@code gpg --export-secret-keys});</li>
 *   <li>{@value #PASSPHRASE_VARIABLE}: the key's passphrase. When it is unset and the key
 *       is protected, the passphrase is asked on the terminal; without a terminal, decryption
 *       fails with a message saying so. An unprotected key needs no passphrase.</li>
 * </ul>
 * The key and passphrase are read only when a decryption needs them, and are never printed.
 */
public final class KeySource {

    /** The armored secret key, or the path of a key file. */
    public static final String KEY_VARIABLE = "VERDANDI_PGP_KEY";
    /** The secret key's passphrase. */
    public static final String PASSPHRASE_VARIABLE = "VERDANDI_PGP_PASSPHRASE";

    private final String description;
    private final Supplier<Sensitive<byte[]>> key;
    private final PassphraseSource passphrase;
    private final Map<String, Sensitive<char[]>> asked = new HashMap<>();

    private KeySource(String description, Supplier<Sensitive<byte[]>> key, PassphraseSource passphrase) {
        this.description = description;
        this.key = key;
        this.passphrase = Objects.requireNonNull(passphrase, "passphrase");
    }

    /** Gives the passphrase of a protected secret key, if one can be had. */
    @FunctionalInterface
    public interface PassphraseSource {
        /**
         * @param keyDescription which key, for a prompt (user id and fingerprint)
         * @return the passphrase, or empty when none can be had
         */
        Optional<Sensitive<char[]>> passphraseFor(String keyDescription);
    }

    /** The key and passphrase from this process's environment, prompting on the terminal if needed. */
    public static KeySource fromEnvironment() {
        return fromEnvironment(System.getenv(), consolePrompt());
    }

    /**
     * The key from {@value #KEY_VARIABLE} in {@code env}; the passphrase from
     * {@value #PASSPHRASE_VARIABLE}, else from {@code prompt}. An unset variable, or one that
     * is neither an armored key nor a file, fails when the key is first needed.
     */
    public static KeySource fromEnvironment(Map<String, String> env, PassphraseSource prompt) {
        String value = env.get(KEY_VARIABLE);
        PassphraseSource passphrase = passphraseFrom(env, prompt);
        if (value == null || value.isBlank()) {
            // fails only when a key is really needed (editing a new file needs none)
            return new KeySource(KEY_VARIABLE + " (unset)", () -> {
                throw SecretsException.invalidInput("no secret key to decrypt with: pass --key KEYFILE or set "
                        + KEY_VARIABLE + " to the armored secret key or to the path of a key file");
            }, passphrase);
        }
        if (value.stripLeading().startsWith("-----BEGIN PGP ")) {
            return armored(Sensitive.of(value), passphrase, "the key in " + KEY_VARIABLE);
        }
        Path path = Path.of(value.strip());
        if (!Files.isRegularFile(path)) {
            // the value is not echoed: it may be key material or a passphrase set by mistake
            return new KeySource(KEY_VARIABLE, () -> {
                throw SecretsException.invalidInput(KEY_VARIABLE + " must hold an armored secret key (starting"
                        + " with -----BEGIN PGP) or the path of a key file; it holds neither (no file at that path;"
                        + " value not shown)");
            }, passphrase);
        }
        return file(path, passphrase, "key file " + path + " (from " + KEY_VARIABLE + ")");
    }

    /** A key file (armored or binary); the passphrase from {@code passphrase}. */
    public static KeySource file(Path keyFile, PassphraseSource passphrase) {
        return file(keyFile, passphrase, "key file " + keyFile);
    }

    private static KeySource file(Path keyFile, PassphraseSource passphrase, String description) {
        return new KeySource(description, () -> {
            try {
                return Sensitive.of(Files.readAllBytes(keyFile));
            } catch (IOException e) {
                throw SecretsException.invalidInput("cannot read " + description + ": " + e.getMessage());
            }
        }, passphrase);
    }

    /** An armored secret key held in memory; the passphrase from {@code passphrase}. */
    public static KeySource armored(Sensitive<String> armoredKey, PassphraseSource passphrase) {
        return armored(armoredKey, passphrase, "the given armored key");
    }

    private static KeySource armored(Sensitive<String> armoredKey, PassphraseSource passphrase, String description) {
        Sensitive<byte[]> bytes = armoredKey.map(s -> s.getBytes(StandardCharsets.UTF_8));
        return new KeySource(description, () -> bytes, passphrase);
    }

    /** {@value #PASSPHRASE_VARIABLE} from {@code env} when set (even empty), else {@code fallback}. */
    public static PassphraseSource passphraseFrom(Map<String, String> env, PassphraseSource fallback) {
        String value = env.get(PASSPHRASE_VARIABLE);
        if (value != null) {
            return key -> Optional.of(Sensitive.of(value.toCharArray()));
        }
        return fallback;
    }

    /** Asks on the terminal (without echo); empty when there is no terminal. */
    public static PassphraseSource consolePrompt() {
        return keyDescription -> {
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] typed = console.readPassword("Passphrase for %s: ", keyDescription);
            return typed == null ? Optional.empty() : Optional.of(Sensitive.of(typed));
        };
    }

    /** Always the same passphrase. */
    public static PassphraseSource fixed(Sensitive<char[]> passphrase) {
        return key -> Optional.of(passphrase);
    }

    /** Never any passphrase (for unprotected keys). */
    public static PassphraseSource noPassphrase() {
        return key -> Optional.empty();
    }

    /** Where the key comes from, for messages (never the key itself). */
    public String description() {
        return description;
    }

    /** The secret key material, armored or binary. */
    public Sensitive<byte[]> secretKey() {
        return key.get();
    }

    /**
     * The passphrase of the protected key described.
     *
     * @throws SecretsException when no passphrase can be had
     */
    public Sensitive<char[]> passphrase(String keyDescription) {
        Sensitive<char[]> known = asked.get(keyDescription);
        if (known != null) {
            return known; // asked once per key, however many files are decrypted
        }
        Sensitive<char[]> given = passphrase.passphraseFor(keyDescription).orElseThrow(() -> new SecretsException(
                "the secret key " + keyDescription + " is protected by a passphrase: set "
                        + PASSPHRASE_VARIABLE + " or run from a terminal to be asked for it"));
        asked.put(keyDescription, given);
        return given;
    }

    @Override
    public String toString() {
        return "KeySource[" + description + "]";
    }
}
