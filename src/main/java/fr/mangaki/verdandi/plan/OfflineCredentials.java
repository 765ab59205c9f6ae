package fr.mangaki.verdandi.plan;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.Credentials;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import fr.mangaki.verdandi.secrets.EnvFiles;
import fr.mangaki.verdandi.secrets.KeySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The credentials an offline plan gives the program, in place of the real ones
 * ({@link Credentials}). Nothing here reaches a host, and a plan shows secrets as
 * {@link PlanPlaceholders#SECRET} whatever they hold: the SSH key is never read, and an env
 * file is decrypted only when {@code VERDANDI_PGP_KEY} is set (which checks that the key
 * opens it). Otherwise the plan says when the env file will be decrypted, or that it is
 * missing, in its {@link #notes()}. The recipients' public keys, which are not secret, are
 * those {@code pulumi up} reads ({@link Credentials#recipients}), so that the plan shows the
 * backups' install as it will run.
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
    public String backupRecipients() {
        return recipients;
    }

    /** What the plan could not check, in the order met. */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
