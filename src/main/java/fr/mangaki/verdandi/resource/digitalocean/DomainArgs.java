package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** The inputs of a {@link Domain} ({@code digitalocean:index/domain:Domain}). */
public final class DomainArgs extends ResourceArgs {
    private static final String OWNER = "DomainArgs";

    @Import(name = "ipAddress")
    private Output<String> ipAddress;

    @Import(name = "name", required = true)
    private Output<String> name;

    private DomainArgs() {
    }

    /**
     * An IP address for an initial {@code A} record of the apex; changing it replaces the domain.
     * Default: no initial record.
     */
    public Optional<Output<String>> ipAddress() {
        return Optional.ofNullable(ipAddress);
    }

    /** The zone's name, e.g. {@code mangaki.fr}; changing it replaces the domain. Required. */
    public Output<String> name() {
        return name;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DomainArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DomainArgs $ = new DomainArgs();

        private Builder() {
        }

        public Builder ipAddress(Output<String> ipAddress) {
            $.ipAddress = Inputs.output(OWNER, "ipAddress", ipAddress);
            return this;
        }

        public Builder ipAddress(String ipAddress) {
            return ipAddress(Inputs.of(OWNER, "ipAddress", ipAddress));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public DomainArgs build() {
            Inputs.Required.of(OWNER).check("name", $.name).done();
            return $;
        }
    }
}
