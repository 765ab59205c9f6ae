package fr.mangaki.verdandi.component;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.config.PublicKey;
import java.util.Optional;

/**
 * What an {@link Environment} needs to install itself on the hosts: the SSH key it logs in
 * with and the environment file it delivers, both as Pulumi secrets (never in clear in the
 * state or a plan), and the public keys its database dumps are encrypted to.
 */
public interface HostAccess {
    /** The private key of the admin user (its public key is in {@code mangaki:sshKeys}). */
    Output<String> sshPrivateKey();

    /**
     * The public half of {@link #sshPrivateKey()}, when it can be told (an OpenSSH private
     * key holds it in clear): the platform refuses a list of keys that leaves it out, which
     * would lock the remote commands out of the droplets. Default: not known, not checked
     * here (the host-files command still refuses on the droplet).
     */
    default Optional<PublicKey> sshPublicKey() {
        return Optional.empty();
    }

    /** The environment's variables ({@code KEY=value} lines): its decrypted env file. */
    Output<String> environmentFile(String environment);

    /**
     * Changes whenever the environment's env file changes, without revealing it: a digest of
     * its encrypted form. {@code absent} when there is no env file yet.
     */
    String environmentFileVersion(String environment);

    /**
     * One of the environment's settings files ({@code secrets/<environment>/<file>.asc},
     * decrypted), installed in its shared directory. By default there is none to read.
     */
    default Output<String> settingsFile(String environment, String file) {
        throw new fr.mangaki.verdandi.config.ConfigException("secrets/" + environment + "/" + file
                + ".asc: these credentials read no settings file");
    }

    /** Changes whenever the settings file changes, without revealing it; {@code absent} when there is none. */
    default String settingsFileVersion(String environment, String file) {
        return "absent";
    }

    /**
     * The public keys the environment's dumps are encrypted to: the files of
     * {@code secrets/recipients/}, ASCII armour, concatenated (docs/backups.md). Not secret.
     * Default: none, which the backups' install refuses, naming {@code secrets/recipients/}.
     */
    default String backupRecipients() {
        return "";
    }

    /**
     * A DigitalOcean API token the front and mangaki-app list the autoscale pool's members with
     * ({@code GET /v2/droplets?tag_name=...}; a read-only token is enough): the front to follow
     * them, mangaki-app to admit them when they fetch the environments; kept as a secret on these
     * two droplets only, never in user data (docs/growth.md). Needed only with {@code mangaki:app.autoscale}; by default
     * there is none, which such a platform refuses.
     */
    default Output<String> poolDiscoveryToken() {
        throw new fr.mangaki.verdandi.config.ConfigException("mangaki:app.autoscale: these credentials have no "
                + "DigitalOcean token for the front's pool discovery (VERDANDI_DO_READ_TOKEN)");
    }
}
