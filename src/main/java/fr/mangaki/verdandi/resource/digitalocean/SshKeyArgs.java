package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** The inputs of an {@link SshKey} ({@code digitalocean:index/sshKey:SshKey}). */
public final class SshKeyArgs extends ResourceArgs {
    private static final String OWNER = "SshKeyArgs";

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "publicKey", required = true)
    private Output<String> publicKey;

    private SshKeyArgs() {
    }

    /** The key's name in the account. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The public key in OpenSSH format, e.g. {@code ssh-ed25519 AAAA... someone@host}; changing it
     * replaces the key. Required.
     */
    public Output<String> publicKey() {
        return publicKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SshKeyArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final SshKeyArgs $ = new SshKeyArgs();

        private Builder() {
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public Builder publicKey(Output<String> publicKey) {
            $.publicKey = Inputs.output(OWNER, "publicKey", publicKey);
            return this;
        }

        public Builder publicKey(String publicKey) {
            return publicKey(Inputs.of(OWNER, "publicKey", publicKey));
        }

        public SshKeyArgs build() {
            Inputs.Required.of(OWNER).check("publicKey", $.publicKey).done();
            return $;
        }
    }
}
