package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;

/**
 * A public SSH key registered in the DigitalOcean account, installed for root on the droplets
 * that list it ({@code digitalocean:index/sshKey:SshKey}).
 */
@ResourceType(type = SshKey.TYPE, version = DigitalOceanPackage.VERSION)
public class SshKey extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/sshKey:SshKey";

    @Export(name = "fingerprint", refs = {String.class}, tree = "[0]")
    private Output<String> fingerprint;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "publicKey", refs = {String.class}, tree = "[0]")
    private Output<String> publicKey;

    public SshKey(String name, SshKeyArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public SshKey(String name, SshKeyArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "SshKeyArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** The key's fingerprint, which droplets' {@code sshKeys} refer to. */
    public Output<String> fingerprint() {
        return fingerprint;
    }

    /** The key's name. */
    public Output<String> name() {
        return name;
    }

    /** The public key. */
    public Output<String> publicKey() {
        return publicKey;
    }
}
