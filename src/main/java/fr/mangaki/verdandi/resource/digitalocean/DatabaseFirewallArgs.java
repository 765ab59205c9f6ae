package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** The inputs of a {@link DatabaseFirewall} ({@code digitalocean:index/databaseFirewall:DatabaseFirewall}). */
public final class DatabaseFirewallArgs extends ResourceArgs {
    private static final String OWNER = "DatabaseFirewallArgs";

    @Import(name = "clusterId", required = true)
    private Output<String> clusterId;

    @Import(name = "rules", required = true)
    private Output<List<DatabaseFirewallRuleArgs>> rules;

    private DatabaseFirewallArgs() {
    }

    /** The cluster's UUID; changing it replaces the firewall. Required. */
    public Output<String> clusterId() {
        return clusterId;
    }

    /** The trusted sources. Required. */
    public Output<List<DatabaseFirewallRuleArgs>> rules() {
        return rules;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseFirewallArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DatabaseFirewallArgs $ = new DatabaseFirewallArgs();

        private Builder() {
        }

        public Builder clusterId(Output<String> clusterId) {
            $.clusterId = Inputs.output(OWNER, "clusterId", clusterId);
            return this;
        }

        public Builder clusterId(String clusterId) {
            return clusterId(Inputs.of(OWNER, "clusterId", clusterId));
        }

        public Builder rules(Output<List<DatabaseFirewallRuleArgs>> rules) {
            $.rules = Inputs.output(OWNER, "rules", rules);
            return this;
        }

        public Builder rules(List<DatabaseFirewallRuleArgs> rules) {
            return rules(Inputs.list(OWNER, "rules", rules));
        }

        /** The cluster, as the schema's {@code clusterId}. */
        public Builder cluster(DatabaseCluster cluster) {
            return clusterId(Inputs.nonNull(OWNER, "cluster", cluster).id());
        }

        public DatabaseFirewallArgs build() {
            Inputs.Required.of(OWNER).check("clusterId", $.clusterId).check("rules", $.rules).done();
            return $;
        }
    }
}
