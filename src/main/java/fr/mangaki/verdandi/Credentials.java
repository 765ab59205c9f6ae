package fr.mangaki.verdandi;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.PublicKey;
import fr.mangaki.verdandi.secrets.EnvFiles;
import fr.mangaki.verdandi.secrets.KeySource;
import fr.mangaki.verdandi.secrets.Recipients;
import fr.mangaki.verdandi.secrets.SecretsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The credentials of a real {@code pulumi up}, from an environment (the process's, which
 * {@link Main} passes):
 * {@code VERDANDI_SSH_KEY} (the admin user's private key, or the path of its file), and the
 * env file {@code secrets/<env>.env.asc} decrypted with {@code VERDANDI_PGP_KEY} (an armored
 * secret key, or the path of one) and {@code VERDANDI_PGP_PASSPHRASE}. Both become Pulumi
 * secrets; a missing one fails the run with a message saying what to set. The public keys
 * the database dumps are encrypted to, those of {@code secrets/recipients/}, are read when the
 * credentials are made (docs/backups.md).
 */
public final class Credentials implements HostAccess {
    public static final String SSH_KEY_VARIABLE = "VERDANDI_SSH_KEY";
    /** The variable holding the read-only DigitalOcean token of the pool's discovery and join (docs/growth.md). */
    public static final String POOL_TOKEN_VARIABLE = "VERDANDI_DO_READ_TOKEN";

    private final Path root;
    private final Map<String, String> env;
    private final String recipients;

    private Credentials(Path root, Map<String, String> env, String recipients) {
        this.root = root;
        this.env = Map.copyOf(env);
        this.recipients = recipients;
    }

    /**
     * The credentials {@code env} names (the program's edge passes its process's environment),
     * with the recipients' public keys of {@code root}'s {@code secrets/recipients/}.
     *
     * @param root the repository holding {@code secrets/} (the project directory)
     * @throws ConfigException when {@code secrets/recipients/} cannot be read
     */
    public static Credentials fromEnvironment(Path root, Map<String, String> env) {
        return new Credentials(root, env, recipients(root));
    }

    @Override
    public Output<String> sshPrivateKey() {
        return Output.ofSecret(privateKeyText());
    }

    /** The public half of the key, read from the OpenSSH private key file's clear header. */
    @Override
    public Optional<PublicKey> sshPublicKey() {
        return PublicKey.ofPrivateKey(privateKeyText());
    }

    private String privateKeyText() {
        String value = env.get(SSH_KEY_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new ConfigException(SSH_KEY_VARIABLE + ": not set; set it to the private key (or the path of the "
                    + "key file) whose public key is in mangaki:sshKeys");
        }
        if (value.stripLeading().startsWith("-----BEGIN ")) {
            return value;
        }
        Path file = Path.of(value.strip());
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            // the value is not echoed: it may be key material pasted incompletely
            throw new ConfigException(SSH_KEY_VARIABLE + ": holds neither a private key (-----BEGIN ...) nor the "
                    + "path of a readable key file (value not shown)");
        }
    }

    /**
     * The token of {@link #POOL_TOKEN_VARIABLE}, a secret.
     *
     * @throws ConfigException when it is not set
     */
    @Override
    public Output<String> poolDiscoveryToken() {
        String value = env.get(POOL_TOKEN_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new ConfigException(POOL_TOKEN_VARIABLE + ": not set; mangaki:app.autoscale needs a DigitalOcean API "
                    + "token (read scope) for the front to find the pool's members (docs/growth.md)");
        }
        return Output.ofSecret(value.strip());
    }

    @Override
    public Output<String> environmentFile(String environment) {
        try {
            return Output.ofSecret(EnvFiles.decrypt(root, environment,
                    KeySource.fromEnvironment(env, KeySource.noPassphrase())).reveal());
        } catch (SecretsException e) {
            throw new ConfigException("secrets/" + environment + ".env.asc: " + e.getMessage());
        }
    }

    @Override
    public String environmentFileVersion(String environment) {
        return version(root, environment);
    }

    @Override
    public Output<String> settingsFile(String environment, String file) {
        try {
            return Output.ofSecret(EnvFiles.decryptSettings(root, environment, file,
                    KeySource.fromEnvironment(env, KeySource.noPassphrase())).reveal());
        } catch (SecretsException e) {
            throw new ConfigException("secrets/" + environment + "/" + file + ".asc: " + e.getMessage());
        }
    }

    @Override
    public String settingsFileVersion(String environment, String file) {
        return digest(EnvFiles.settingsPath(root, environment, file));
    }

    /** The armored public keys of {@code secrets/recipients/}, read when these credentials were made. */
    @Override
    public String backupRecipients() {
        return recipients;
    }

    /**
     * The armored public keys of {@code root}'s {@code secrets/recipients/} (its {@code .asc}
     * files), in file-name order, each ending with a newline; empty when there are none.
     *
     * @throws ConfigException when the directory or one of its keys cannot be read
     */
    public static String recipients(Path root) {
        Path dir = root.resolve(Recipients.DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> keys = files.filter(p -> p.getFileName().toString().endsWith(".asc")).sorted().toList();
            StringBuilder out = new StringBuilder();
            for (Path f : keys) {
                String key = Files.readString(f, StandardCharsets.US_ASCII);
                out.append(key);
                if (!key.isEmpty() && !key.endsWith("\n")) {
                    out.append('\n');
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new ConfigException(Recipients.DIRECTORY + ": not readable: " + e.getMessage());
        }
    }

    /** A digest of the env file's encrypted form; {@code absent} when it does not exist. */
    public static String version(Path root, String environment) {
        return digest(EnvFiles.path(root, environment));
    }

    /** A digest of an encrypted file; {@code absent} when it does not exist. */
    public static String digest(Path file) {
        if (!Files.isRegularFile(file)) {
            return "absent";
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ConfigException(file + ": not readable: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
