package fr.mangaki.verdandi.secrets;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environments' variables, kept in {@code secrets/<env>.env.asc} (an encrypted env
 * file: {@code NAME=value} lines) and decrypted when an environment is installed:
 *
 * <pre>{@code
 * Sensitive<String> env = EnvFiles.decrypt(repoRoot, "production", KeySource.fromEnvironment());
 * }</pre>
 *
 * The key comes from {@code VERDANDI_PGP_KEY} (the armored secret key itself, or the path of
 * a key file) and its passphrase from {@code VERDANDI_PGP_PASSPHRASE} (see {@link KeySource}).
 */
public final class EnvFiles {

    private static final Pattern ENV_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)");

    private EnvFiles() {
    }

    /** {@code secrets/<envName>.env.asc} under the repository root. */
    public static Path path(Path repositoryRoot, String envName) {
        if (envName == null || !ENV_NAME.matcher(envName).matches()) {
            throw SecretsException.invalidInput("environment name '" + envName
                    + "' is invalid: lower-case letters, digits and '-', starting with a letter or digit");
        }
        return repositoryRoot.resolve("secrets").resolve(envName + ".env.asc");
    }

    /**
     * {@code secrets/<envName>/<file>.asc} under the repository root: one of the environment's
     * settings files (Mangaki's settings.ini), installed beside its env file.
     */
    public static Path settingsPath(Path repositoryRoot, String envName, String file) {
        Path env = path(repositoryRoot, envName);
        if (file == null || !file.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || file.endsWith(".asc")) {
            throw SecretsException.invalidInput("settings file name '" + file + "' is invalid");
        }
        return env.getParent().resolve(envName).resolve(file + ".asc");
    }

    /** Decrypts one of the environment's settings files with Bouncy Castle. */
    public static Sensitive<String> decryptSettings(Path repositoryRoot, String envName, String file, KeySource key) {
        return decryptText(settingsPath(repositoryRoot, envName, file), key, Pgp.bouncyCastle());
    }

    /** Decrypts the environment's env file with Bouncy Castle. */
    public static Sensitive<String> decrypt(Path repositoryRoot, String envName, KeySource key) {
        return decrypt(repositoryRoot, envName, key, Pgp.bouncyCastle());
    }

    /**
     * Decrypts the environment's env file.
     *
     * @return the file's text (UTF-8), wrapped so that it never prints
     * @throws SecretsException when the file is missing, cannot be decrypted with the key, or is not UTF-8
     */
    public static Sensitive<String> decrypt(Path repositoryRoot, String envName, KeySource key, Pgp pgp) {
        return decryptText(path(repositoryRoot, envName), key, pgp);
    }

    private static Sensitive<String> decryptText(Path file, KeySource key, Pgp pgp) {
        String parent = file.getParent().getFileName().toString();
        // secrets/NAME.env.asc, or secrets/NAME/FILE.asc
        String name = parent.equals("secrets") ? "secrets/" + file.getFileName()
                : "secrets/" + parent + "/" + file.getFileName();
        if (!Files.isRegularFile(file)) {
            throw new SecretsException(name + " does not exist: create it with verdandi secrets edit " + name);
        }
        byte[] message;
        try {
            message = Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new SecretsException("cannot read " + name + ": " + e.getMessage(), e);
        }
        Sensitive<byte[]> plaintext = pgp.decrypt(message, name, key);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plaintext.reveal())).toString();
            return Sensitive.of(text);
        } catch (CharacterCodingException e) {
            throw new SecretsException(name + " does not hold UTF-8 text once decrypted");
        } finally {
            java.util.Arrays.fill(plaintext.reveal(), (byte) 0);
        }
    }

    /**
     * Parses env file text: {@code NAME=value} lines, optionally prefixed by {@code export},
     * values optionally in single or double quotes; blank lines and {@code #} comments are
     * skipped. Later assignments win.
     *
     * @throws SecretsException naming the line (never its content) when a line is not an assignment
     */
    public static Map<String, Sensitive<String>> parse(Sensitive<String> text) {
        Map<String, Sensitive<String>> variables = new LinkedHashMap<>();
        String[] lines = text.reveal().split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                throw SecretsException.invalidInput("env file line " + (i + 1)
                        + " is not NAME=value (content not shown)");
            }
            variables.put(m.group(1), Sensitive.of(unquote(m.group(2).strip())));
        }
        return Collections.unmodifiableMap(variables);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment < 0 ? value : value.substring(0, comment).strip();
    }
}
