package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** The template of the droplets of a {@link DropletAutoscale}
 * ({@code digitalocean:index/DropletAutoscaleDropletTemplate:DropletAutoscaleDropletTemplate}). */
public final class DropletAutoscaleDropletTemplateArgs extends ResourceArgs {
    private static final String OWNER = "DropletAutoscaleDropletTemplateArgs";

    @Import(name = "image", required = true)
    private Output<String> image;

    @Import(name = "ipv6")
    private Output<Boolean> ipv6;

    @Import(name = "region", required = true)
    private Output<String> region;

    @Import(name = "size", required = true)
    private Output<String> size;

    @Import(name = "sshKeys", required = true)
    private Output<List<String>> sshKeys;

    @Import(name = "tags")
    private Output<List<String>> tags;

    @Import(name = "userData")
    private Output<String> userData;

    @Import(name = "vpcUuid")
    private Output<String> vpcUuid;

    @Import(name = "withDropletAgent")
    private Output<Boolean> withDropletAgent;

    private DropletAutoscaleDropletTemplateArgs() {
    }

    /** The image slug. Required. */
    public Output<String> image() {
        return image;
    }

    /** Whether each droplet gets an IPv6 address. Default: false. */
    public Optional<Output<Boolean>> ipv6() {
        return Optional.ofNullable(ipv6);
    }

    /** The region slug. Required. */
    public Output<String> region() {
        return region;
    }

    /** The size slug. Required. */
    public Output<String> size() {
        return size;
    }

    /** The SSH keys let in, by fingerprint. Required. */
    public Output<List<String>> sshKeys() {
        return sshKeys;
    }

    /** The tags each droplet gets (what the front finds the pool's members by). Default: none. */
    public Optional<Output<List<String>>> tags() {
        return Optional.ofNullable(tags);
    }

    /** The cloud-init user data each droplet boots with. Default: none. */
    public Optional<Output<String>> userData() {
        return Optional.ofNullable(userData);
    }

    /** The VPC each droplet is placed in. Default: the region's default VPC. */
    public Optional<Output<String>> vpcUuid() {
        return Optional.ofNullable(vpcUuid);
    }

    /** Whether DigitalOcean's agent (metrics, which the scaling reads) is installed. Default: DigitalOcean's. */
    public Optional<Output<Boolean>> withDropletAgent() {
        return Optional.ofNullable(withDropletAgent);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DropletAutoscaleDropletTemplateArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DropletAutoscaleDropletTemplateArgs $ = new DropletAutoscaleDropletTemplateArgs();

        private Builder() {
        }

        public Builder image(Output<String> image) {
            $.image = Inputs.output(OWNER, "image", image);
            return this;
        }

        public Builder image(String image) {
            return image(Inputs.of(OWNER, "image", image));
        }

        public Builder ipv6(Output<Boolean> ipv6) {
            $.ipv6 = Inputs.output(OWNER, "ipv6", ipv6);
            return this;
        }

        public Builder ipv6(Boolean ipv6) {
            return ipv6(Inputs.of(OWNER, "ipv6", ipv6));
        }

        public Builder region(Output<String> region) {
            $.region = Inputs.output(OWNER, "region", region);
            return this;
        }

        public Builder region(String region) {
            return region(Inputs.of(OWNER, "region", region));
        }

        public Builder size(Output<String> size) {
            $.size = Inputs.output(OWNER, "size", size);
            return this;
        }

        public Builder size(String size) {
            return size(Inputs.of(OWNER, "size", size));
        }

        public Builder sshKeys(Output<List<String>> sshKeys) {
            $.sshKeys = Inputs.output(OWNER, "sshKeys", sshKeys);
            return this;
        }

        public Builder sshKeys(List<String> sshKeys) {
            return sshKeys(Inputs.list(OWNER, "sshKeys", sshKeys));
        }

        public Builder tags(Output<List<String>> tags) {
            $.tags = Inputs.output(OWNER, "tags", tags);
            return this;
        }

        public Builder tags(List<String> tags) {
            return tags(Inputs.list(OWNER, "tags", tags));
        }

        public Builder userData(Output<String> userData) {
            $.userData = Inputs.output(OWNER, "userData", userData);
            return this;
        }

        public Builder userData(String userData) {
            return userData(Inputs.of(OWNER, "userData", userData));
        }

        public Builder vpcUuid(Output<String> vpcUuid) {
            $.vpcUuid = Inputs.output(OWNER, "vpcUuid", vpcUuid);
            return this;
        }

        public Builder vpcUuid(String vpcUuid) {
            return vpcUuid(Inputs.of(OWNER, "vpcUuid", vpcUuid));
        }

        public Builder withDropletAgent(Output<Boolean> withDropletAgent) {
            $.withDropletAgent = Inputs.output(OWNER, "withDropletAgent", withDropletAgent);
            return this;
        }

        public Builder withDropletAgent(Boolean withDropletAgent) {
            return withDropletAgent(Inputs.of(OWNER, "withDropletAgent", withDropletAgent));
        }

        public DropletAutoscaleDropletTemplateArgs build() {
            Inputs.Required.of(OWNER).check("image", $.image).check("region", $.region).check("size", $.size).check("sshKeys", $.sshKeys).done();
            return $;
        }
    }
}
