package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** The inputs of an {@link UptimeAlert} ({@code digitalocean:index/uptimeAlert:UptimeAlert}). */
public final class UptimeAlertArgs extends ResourceArgs {
    private static final String OWNER = "UptimeAlertArgs";

    @Import(name = "checkId", required = true)
    private Output<String> checkId;

    @Import(name = "comparison")
    private Output<String> comparison;

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "notifications", required = true)
    private Output<List<UptimeAlertNotificationArgs>> notifications;

    @Import(name = "period")
    private Output<String> period;

    @Import(name = "threshold")
    private Output<Integer> threshold;

    @Import(name = "type", required = true)
    private Output<String> type;

    private UptimeAlertArgs() {
    }

    /** The ID of the {@link UptimeCheck} the alert watches. Required. */
    public Output<String> checkId() {
        return checkId;
    }

    /**
     * How the measure is compared with {@link #threshold()}: {@code greater_than} or
     * {@code less_than}. Default: none (not used by {@code down} and {@code down_global}).
     */
    public Optional<Output<String>> comparison() {
        return Optional.ofNullable(comparison);
    }

    /** The alert's display name. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    /** Where the notifications go. Required (the list may hold one entry). */
    public Output<List<UptimeAlertNotificationArgs>> notifications() {
        return notifications;
    }

    /**
     * How long the condition must hold: {@code 2m}, {@code 3m}, {@code 5m}, {@code 10m},
     * {@code 15m}, {@code 30m} or {@code 1h}. Default: DigitalOcean's default period.
     */
    public Optional<Output<String>> period() {
        return Optional.ofNullable(period);
    }

    /** The threshold in the alert type's unit (ms for latency, days for SSL expiry). Default: none. */
    public Optional<Output<Integer>> threshold() {
        return Optional.ofNullable(threshold);
    }

    /** {@code latency}, {@code down}, {@code down_global} or {@code ssl_expiry}. Required. */
    public Output<String> type() {
        return type;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link UptimeAlertArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final UptimeAlertArgs $ = new UptimeAlertArgs();

        private Builder() {
        }

        public Builder checkId(Output<String> checkId) {
            $.checkId = Inputs.output(OWNER, "checkId", checkId);
            return this;
        }

        public Builder checkId(String checkId) {
            return checkId(Inputs.of(OWNER, "checkId", checkId));
        }

        /** The check's ID, as the schema's {@code checkId}. */
        public Builder check(UptimeCheck check) {
            return checkId(Inputs.nonNull(OWNER, "check", check).id());
        }

        public Builder comparison(Output<String> comparison) {
            $.comparison = Inputs.output(OWNER, "comparison", comparison);
            return this;
        }

        public Builder comparison(String comparison) {
            return comparison(Inputs.of(OWNER, "comparison", comparison));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public Builder notifications(Output<List<UptimeAlertNotificationArgs>> notifications) {
            $.notifications = Inputs.output(OWNER, "notifications", notifications);
            return this;
        }

        public Builder notifications(List<UptimeAlertNotificationArgs> notifications) {
            return notifications(Inputs.list(OWNER, "notifications", notifications));
        }

        public Builder notifications(UptimeAlertNotificationArgs... notifications) {
            return notifications(Inputs.list(OWNER, "notifications", notifications));
        }

        public Builder period(Output<String> period) {
            $.period = Inputs.output(OWNER, "period", period);
            return this;
        }

        public Builder period(String period) {
            return period(Inputs.of(OWNER, "period", period));
        }

        public Builder threshold(Output<Integer> threshold) {
            $.threshold = Inputs.output(OWNER, "threshold", threshold);
            return this;
        }

        public Builder threshold(int threshold) {
            return threshold(Output.of(threshold));
        }

        public Builder type(Output<String> type) {
            $.type = Inputs.output(OWNER, "type", type);
            return this;
        }

        public Builder type(String type) {
            return type(Inputs.of(OWNER, "type", type));
        }

        public UptimeAlertArgs build() {
            Inputs.Required.of(OWNER)
                    .check("checkId", $.checkId)
                    .check("notifications", $.notifications)
                    .check("type", $.type)
                    .done();
            return $;
        }
    }
}
