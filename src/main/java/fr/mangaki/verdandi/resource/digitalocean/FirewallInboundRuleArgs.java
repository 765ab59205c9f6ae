package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/**
 * One inbound rule of a {@link Firewall}: which traffic is allowed from where
 * ({@code digitalocean:index/FirewallInboundRule:FirewallInboundRule}). Traffic no rule allows is dropped.
 */
public final class FirewallInboundRuleArgs extends ResourceArgs {
    private static final String OWNER = "FirewallInboundRuleArgs";

    @Import(name = "portRange")
    private Output<String> portRange;

    @Import(name = "protocol", required = true)
    private Output<String> protocol;

    @Import(name = "sourceAddresses")
    private Output<List<String>> sourceAddresses;

    @Import(name = "sourceDropletIds")
    private Output<List<Integer>> sourceDropletIds;

    @Import(name = "sourceTags")
    private Output<List<String>> sourceTags;

    private FirewallInboundRuleArgs() {
    }

    /**
     * A port ({@code 22}), a range ({@code 8000-9000}) or {@code 1-65535} for all. Required by
     * DigitalOcean for {@code tcp} and {@code udp}; not used for {@code icmp}.
     */
    public Optional<Output<String>> portRange() {
        return Optional.ofNullable(portRange);
    }

    /** {@code tcp}, {@code udp} or {@code icmp}. Required. */
    public Output<String> protocol() {
        return protocol;
    }

    /** IPv4/IPv6 addresses or CIDRs traffic is allowed from. Default: none. */
    public Optional<Output<List<String>>> sourceAddresses() {
        return Optional.ofNullable(sourceAddresses);
    }

    /** IDs of the droplets traffic is allowed from. Default: none. */
    public Optional<Output<List<Integer>>> sourceDropletIds() {
        return Optional.ofNullable(sourceDropletIds);
    }

    /** Tags of the droplets traffic is allowed from. Default: none. */
    public Optional<Output<List<String>>> sourceTags() {
        return Optional.ofNullable(sourceTags);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FirewallInboundRuleArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final FirewallInboundRuleArgs $ = new FirewallInboundRuleArgs();

        private Builder() {
        }

        public Builder portRange(Output<String> portRange) {
            $.portRange = Inputs.output(OWNER, "portRange", portRange);
            return this;
        }

        public Builder portRange(String portRange) {
            return portRange(Inputs.of(OWNER, "portRange", portRange));
        }

        public Builder protocol(Output<String> protocol) {
            $.protocol = Inputs.output(OWNER, "protocol", protocol);
            return this;
        }

        public Builder protocol(String protocol) {
            return protocol(Inputs.of(OWNER, "protocol", protocol));
        }

        public Builder sourceAddresses(Output<List<String>> sourceAddresses) {
            $.sourceAddresses = Inputs.output(OWNER, "sourceAddresses", sourceAddresses);
            return this;
        }

        public Builder sourceAddresses(List<String> sourceAddresses) {
            return sourceAddresses(Inputs.list(OWNER, "sourceAddresses", sourceAddresses));
        }

        public Builder sourceAddresses(String... sourceAddresses) {
            return sourceAddresses(Inputs.list(OWNER, "sourceAddresses", sourceAddresses));
        }

        public Builder sourceDropletIds(Output<List<Integer>> sourceDropletIds) {
            $.sourceDropletIds = Inputs.output(OWNER, "sourceDropletIds", sourceDropletIds);
            return this;
        }

        public Builder sourceDropletIds(List<Integer> sourceDropletIds) {
            return sourceDropletIds(Inputs.list(OWNER, "sourceDropletIds", sourceDropletIds));
        }

        public Builder sourceDropletIds(Integer... sourceDropletIds) {
            return sourceDropletIds(Inputs.list(OWNER, "sourceDropletIds", sourceDropletIds));
        }

        /** The droplets' integer IDs, as the schema's {@code sourceDropletIds}. */
        public Builder sourceDroplets(List<Droplet> droplets) {
            return sourceDropletIds(Inputs.all(
                    Inputs.copy(OWNER, "sourceDroplets", droplets).stream().map(Droplet::dropletId).toList()));
        }

        /** The droplets' integer IDs, as the schema's {@code sourceDropletIds}. */
        public Builder sourceDroplets(Droplet... droplets) {
            return sourceDroplets(java.util.Arrays.asList(Inputs.nonNull(OWNER, "sourceDroplets", droplets)));
        }

        public Builder sourceTags(Output<List<String>> sourceTags) {
            $.sourceTags = Inputs.output(OWNER, "sourceTags", sourceTags);
            return this;
        }

        public Builder sourceTags(List<String> sourceTags) {
            return sourceTags(Inputs.list(OWNER, "sourceTags", sourceTags));
        }

        public Builder sourceTags(String... sourceTags) {
            return sourceTags(Inputs.list(OWNER, "sourceTags", sourceTags));
        }

        public FirewallInboundRuleArgs build() {
            Inputs.Required.of(OWNER).check("protocol", $.protocol).done();
            return $;
        }
    }
}
