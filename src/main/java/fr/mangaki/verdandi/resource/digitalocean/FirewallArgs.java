package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** The inputs of a {@link Firewall} ({@code digitalocean:index/firewall:Firewall}). */
public final class FirewallArgs extends ResourceArgs {
    private static final String OWNER = "FirewallArgs";

    @Import(name = "dropletIds")
    private Output<List<Integer>> dropletIds;

    @Import(name = "inboundRules")
    private Output<List<FirewallInboundRuleArgs>> inboundRules;

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "outboundRules")
    private Output<List<FirewallOutboundRuleArgs>> outboundRules;

    @Import(name = "tags")
    private Output<List<String>> tags;

    private FirewallArgs() {
    }

    /** The IDs of the droplets the firewall protects (at most 10). Default: none. */
    public Optional<Output<List<Integer>>> dropletIds() {
        return Optional.ofNullable(dropletIds);
    }

    /** The inbound rules. Default: none, so no inbound traffic is allowed. */
    public Optional<Output<List<FirewallInboundRuleArgs>>> inboundRules() {
        return Optional.ofNullable(inboundRules);
    }

    /** The firewall's name. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    /** The outbound rules. Default: none, so no outbound traffic is allowed. */
    public Optional<Output<List<FirewallOutboundRuleArgs>>> outboundRules() {
        return Optional.ofNullable(outboundRules);
    }

    /** Tags whose droplets the firewall also protects (at most 5). Default: none. */
    public Optional<Output<List<String>>> tags() {
        return Optional.ofNullable(tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link FirewallArgs}; every property is optional. */
    public static final class Builder {
        private final FirewallArgs $ = new FirewallArgs();

        private Builder() {
        }

        public Builder dropletIds(Output<List<Integer>> dropletIds) {
            $.dropletIds = Inputs.output(OWNER, "dropletIds", dropletIds);
            return this;
        }

        public Builder dropletIds(List<Integer> dropletIds) {
            return dropletIds(Inputs.list(OWNER, "dropletIds", dropletIds));
        }

        public Builder dropletIds(Integer... dropletIds) {
            return dropletIds(Inputs.list(OWNER, "dropletIds", dropletIds));
        }

        /** The droplets' integer IDs, as the schema's {@code dropletIds}. */
        public Builder droplets(List<Droplet> droplets) {
            return dropletIds(Inputs.all(
                    Inputs.copy(OWNER, "droplets", droplets).stream().map(Droplet::dropletId).toList()));
        }

        /** The droplets' integer IDs, as the schema's {@code dropletIds}. */
        public Builder droplets(Droplet... droplets) {
            return droplets(java.util.Arrays.asList(Inputs.nonNull(OWNER, "droplets", droplets)));
        }

        public Builder inboundRules(Output<List<FirewallInboundRuleArgs>> inboundRules) {
            $.inboundRules = Inputs.output(OWNER, "inboundRules", inboundRules);
            return this;
        }

        public Builder inboundRules(List<FirewallInboundRuleArgs> inboundRules) {
            return inboundRules(Inputs.list(OWNER, "inboundRules", inboundRules));
        }

        public Builder inboundRules(FirewallInboundRuleArgs... inboundRules) {
            return inboundRules(Inputs.list(OWNER, "inboundRules", inboundRules));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public Builder outboundRules(Output<List<FirewallOutboundRuleArgs>> outboundRules) {
            $.outboundRules = Inputs.output(OWNER, "outboundRules", outboundRules);
            return this;
        }

        public Builder outboundRules(List<FirewallOutboundRuleArgs> outboundRules) {
            return outboundRules(Inputs.list(OWNER, "outboundRules", outboundRules));
        }

        public Builder outboundRules(FirewallOutboundRuleArgs... outboundRules) {
            return outboundRules(Inputs.list(OWNER, "outboundRules", outboundRules));
        }

        public Builder tags(Output<List<String>> tags) {
            $.tags = Inputs.output(OWNER, "tags", tags);
            return this;
        }

        public Builder tags(List<String> tags) {
            return tags(Inputs.list(OWNER, "tags", tags));
        }

        public Builder tags(String... tags) {
            return tags(Inputs.list(OWNER, "tags", tags));
        }

        public FirewallArgs build() {
            return $;
        }
    }
}
