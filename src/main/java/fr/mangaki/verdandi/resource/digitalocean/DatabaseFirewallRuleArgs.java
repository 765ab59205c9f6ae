package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** One trusted source of a {@link DatabaseFirewall}
 * ({@code digitalocean:index/DatabaseFirewallRule:DatabaseFirewallRule}). */
public final class DatabaseFirewallRuleArgs extends ResourceArgs {
    private static final String OWNER = "DatabaseFirewallRuleArgs";

    @Import(name = "type", required = true)
    private Output<String> type;

    @Import(name = "value", required = true)
    private Output<String> value;

    private DatabaseFirewallRuleArgs() {
    }

    /** What {@code value} names: {@code droplet} (an id), {@code tag}, {@code ip_addr}, {@code k8s} or {@code app}. Required. */
    public Output<String> type() {
        return type;
    }

    /** The droplet's id, the tag, the address... Required. */
    public Output<String> value() {
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseFirewallRuleArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DatabaseFirewallRuleArgs $ = new DatabaseFirewallRuleArgs();

        private Builder() {
        }

        public Builder type(Output<String> type) {
            $.type = Inputs.output(OWNER, "type", type);
            return this;
        }

        public Builder type(String type) {
            return type(Inputs.of(OWNER, "type", type));
        }

        public Builder value(Output<String> value) {
            $.value = Inputs.output(OWNER, "value", value);
            return this;
        }

        public Builder value(String value) {
            return value(Inputs.of(OWNER, "value", value));
        }

        public DatabaseFirewallRuleArgs build() {
            Inputs.Required.of(OWNER).check("type", $.type).check("value", $.value).done();
            return $;
        }
    }
}
