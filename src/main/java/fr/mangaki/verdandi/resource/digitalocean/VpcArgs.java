package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** The inputs of a {@link Vpc} ({@code digitalocean:index/vpc:Vpc}). */
public final class VpcArgs extends ResourceArgs {
    private static final String OWNER = "VpcArgs";

    @Import(name = "description")
    private Output<String> description;

    @Import(name = "ipRange")
    private Output<String> ipRange;

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "region", required = true)
    private Output<String> region;

    private VpcArgs() {
    }

    /** Free text up to 255 characters. Default: no description. */
    public Optional<Output<String>> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The private range in CIDR notation, between {@code /16} and {@code /24}, inside RFC 1918 and
     * overlapping no other VPC of the account; changing it replaces the VPC. Default: DigitalOcean
     * picks a free range.
     */
    public Optional<Output<String>> ipRange() {
        return Optional.ofNullable(ipRange);
    }

    /**
     * A name unique in the account: letters, digits, dashes and dots. Default: the provider
     * generates one.
     */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    /** The region slug, e.g. {@code ams3}; changing it replaces the VPC. Required. */
    public Output<String> region() {
        return region;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link VpcArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final VpcArgs $ = new VpcArgs();

        private Builder() {
        }

        public Builder description(Output<String> description) {
            $.description = Inputs.output(OWNER, "description", description);
            return this;
        }

        public Builder description(String description) {
            return description(Inputs.of(OWNER, "description", description));
        }

        public Builder ipRange(Output<String> ipRange) {
            $.ipRange = Inputs.output(OWNER, "ipRange", ipRange);
            return this;
        }

        public Builder ipRange(String ipRange) {
            return ipRange(Inputs.of(OWNER, "ipRange", ipRange));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public Builder region(Output<String> region) {
            $.region = Inputs.output(OWNER, "region", region);
            return this;
        }

        public Builder region(String region) {
            return region(Inputs.of(OWNER, "region", region));
        }

        public VpcArgs build() {
            Inputs.Required.of(OWNER).check("region", $.region).done();
            return $;
        }
    }
}
