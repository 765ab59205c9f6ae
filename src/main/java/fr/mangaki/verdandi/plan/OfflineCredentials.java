package fr.mangaki.verdandi.plan;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.Credentials;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.config.PublicKey;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import fr.mangaki.verdandi.secrets.EnvFiles;
import fr.mangaki.verdandi.secrets.KeySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials an offline plan gives the program, in place of the real ones
 * ({@link Credentials}). Nothing here reaches a host, and a plan shows secrets as
 * {@link PlanPlaceholders#SECRET} whatever they hold: of the SSH key, only the public half is
 * read, when {@code VERDANDI_SSH_KEY} is set (to check that {@code mangaki:sshKeys} lists it),
 * and an env file is decrypted only when {@code VERDANDI_PGP_KEY} is set (which checks that
 * the key opens it). Otherwise the plan says what it did not check in its {@link #notes()}.
 * The recipients' public keys, which are not secret, are those {@code pulumi up} reads
 * ({@link Credentials#recipients}), so that the plan shows the backups' install as it will run.
 */
public final class OfflineCredentials implements HostAccess {
    private final Path root;
    private final Map<String, String> env;
    private final String recipients;
    private final List<String> notes = new ArrayList<>();

    public OfflineCredentials(Path root, Map<String, String> env) {
        this.root = root;
        this.env = Map.copyOf(env);
        this.recipients = Credentials.recipients(root);
    }

    @Override
    public Output<String> sshPrivateKey() {
        return Output.ofSecret("");
    }

    /**
     * The public half of {@code VERDANDI_SSH_KEY} when it is set; without it, a note says that
     * the deploying key was not checked.
     */
    @Override
    public Optional<PublicKey> sshPublicKey() {
        String value = env.get(Credentials.SSH_KEY_VARIABLE);
        if (value == null || value.isBlank()) {
            notes.add("mangaki:sshKeys was not checked for the key pulumi up logs in with (no "
                    + Credentials.SSH_KEY_VARIABLE + " here); pulumi up checks it, and the droplets refuse to drop it");
            return Optional.empty();
        }
        Optional<PublicKey> key;
        try {
            key = Credentials.fromEnvironment(root, env).sshPublicKey();
        } catch (fr.mangaki.verdandi.config.ConfigException e) {
            notes.add(e.getMessage() + ": mangaki:sshKeys was not checked for the key pulumi up logs in with");
            return Optional.empty();
        }
        if (key.isEmpty()) {
            notes.add(Credentials.SSH_KEY_VARIABLE + " is not an OpenSSH private key: mangaki:sshKeys was not "
                    + "checked for it here (the droplets still refuse to drop the key pulumi up logs in with)");
        }
        return key;
    }

    @Override
    public Output<String> environmentFile(String environment) {
        Path file = EnvFiles.path(root, environment);
        String name = "secrets/" + file.getFileName();
        if (!Files.isRegularFile(file)) {
            notes.add(name + " does not exist yet: pulumi up will refuse to install environment " + environment
                    + " until it does (bin/verdandi secrets edit " + name + ")");
            return Output.ofSecret("");
        }
        String key = env.get(KeySource.KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            notes.add(name + " will be decrypted at pulumi up (no " + KeySource.KEY_VARIABLE + " here to open it now)");
            return Output.ofSecret("");
        }
        Output<String> decrypted = Credentials.fromEnvironment(root, env).environmentFile(environment);
        notes.add(name + " opens with the key of " + KeySource.KEY_VARIABLE);
        return decrypted;
    }

    @Override
    public String environmentFileVersion(String environment) {
        return Credentials.version(root, environment);
    }

    @Override
    public Output<String> settingsFile(String environment, String file) {
        Path path = EnvFiles.settingsPath(root, environment, file);
        String name = "secrets/" + environment + "/" + path.getFileName();
        if (!Files.isRegularFile(path)) {
            notes.add(name + " does not exist yet: pulumi up will refuse to install environment " + environment
                    + " until it does (bin/verdandi secrets edit " + name + ")");
            return Output.ofSecret("");
        }
        String key = env.get(KeySource.KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            notes.add(name + " will be decrypted at pulumi up (no " + KeySource.KEY_VARIABLE + " here to open it now)");
            return Output.ofSecret("");
        }
        Output<String> decrypted = Credentials.fromEnvironment(root, env).settingsFile(environment, file);
        notes.add(name + " opens with the key of " + KeySource.KEY_VARIABLE);
        return decrypted;
    }

    @Override
    public String settingsFileVersion(String environment, String file) {
        return Credentials.digest(EnvFiles.settingsPath(root, environment, file));
    }

    @Override
    public String backupRecipients() {
        return recipients;
    }

    /** What the plan could not check, in the order met. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
