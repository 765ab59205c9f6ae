package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/**
 * One outbound rule of a {@link Firewall}: which traffic is allowed to where
 * ({@code digitalocean:index/FirewallOutboundRule:FirewallOutboundRule}). Traffic no rule allows is dropped.
 */
public final class FirewallOutboundRuleArgs extends ResourceArgs {
    private static final String OWNER = "FirewallOutboundRuleArgs";

    @Import(name = "portRange")
    private Output<String> portRange;

    @Import(name = "protocol", required = true)
    private Output<String> protocol;

    @Import(name = "destinationAddresses")
    private Output<List<String>> destinationAddresses;

    @Import(name = "destinationDropletIds")
    private Output<List<Integer>> destinationDropletIds;

    @Import(name = "destinationTags")
    private Output<List<String>> destinationTags;

    private FirewallOutboundRuleArgs() {
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

    /** IPv4/IPv6 addresses or CIDRs traffic is allowed to. Default: none. */
    public Optional<Output<List<String>>> destinationAddresses() {
        return Optional.ofNullable(destinationAddresses);
    }

    /** IDs of the droplets traffic is allowed to. Default: none. */
    public Optional<Output<List<Integer>>> destinationDropletIds() {
        return Optional.ofNullable(destinationDropletIds);
    }

    /** Tags of the droplets traffic is allowed to. Default: none. */
    public Optional<Output<List<String>>> destinationTags() {
        return Optional.ofNullable(destinationTags);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FirewallOutboundRuleArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final FirewallOutboundRuleArgs $ = new FirewallOutboundRuleArgs();

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

        public Builder destinationAddresses(Output<List<String>> destinationAddresses) {
            $.destinationAddresses = Inputs.output(OWNER, "destinationAddresses", destinationAddresses);
            return this;
        }

        public Builder destinationAddresses(List<String> destinationAddresses) {
            return destinationAddresses(Inputs.list(OWNER, "destinationAddresses", destinationAddresses));
        }

        public Builder destinationAddresses(String... destinationAddresses) {
            return destinationAddresses(Inputs.list(OWNER, "destinationAddresses", destinationAddresses));
        }

        public Builder destinationDropletIds(Output<List<Integer>> destinationDropletIds) {
            $.destinationDropletIds = Inputs.output(OWNER, "destinationDropletIds", destinationDropletIds);
            return this;
        }

        public Builder destinationDropletIds(List<Integer> destinationDropletIds) {
            return destinationDropletIds(Inputs.list(OWNER, "destinationDropletIds", destinationDropletIds));
        }

        public Builder destinationDropletIds(Integer... destinationDropletIds) {
            return destinationDropletIds(Inputs.list(OWNER, "destinationDropletIds", destinationDropletIds));
        }

        /** The droplets' integer IDs, as the schema's {@code destinationDropletIds}. */
        public Builder destinationDroplets(List<Droplet> droplets) {
            return destinationDropletIds(Inputs.all(
                    Inputs.copy(OWNER, "destinationDroplets", droplets).stream().map(Droplet::dropletId).toList()));
        }

        /** The droplets' integer IDs, as the schema's {@code destinationDropletIds}. */
        public Builder destinationDroplets(Droplet... droplets) {
            return destinationDroplets(java.util.Arrays.asList(Inputs.nonNull(OWNER, "destinationDroplets", droplets)));
        }

        public Builder destinationTags(Output<List<String>> destinationTags) {
            $.destinationTags = Inputs.output(OWNER, "destinationTags", destinationTags);
            return this;
        }

        public Builder destinationTags(List<String> destinationTags) {
            return destinationTags(Inputs.list(OWNER, "destinationTags", destinationTags));
        }

        public Builder destinationTags(String... destinationTags) {
            return destinationTags(Inputs.list(OWNER, "destinationTags", destinationTags));
        }

        public FirewallOutboundRuleArgs build() {
            Inputs.Required.of(OWNER).check("protocol", $.protocol).done();
            return $;
        }
    }
}
