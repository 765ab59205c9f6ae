package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** The inputs of a {@link MonitorAlert} ({@code digitalocean:index/monitorAlert:MonitorAlert}). */
public final class MonitorAlertArgs extends ResourceArgs {
    private static final String OWNER = "MonitorAlertArgs";

    @Import(name = "alerts", required = true)
    private Output<MonitorAlertAlertsArgs> alerts;

    @Import(name = "compare", required = true)
    private Output<String> compare;

    @Import(name = "description", required = true)
    private Output<String> description;

    @Import(name = "enabled")
    private Output<Boolean> enabled;

    @Import(name = "entities")
    private Output<List<String>> entities;

    @Import(name = "tags")
    private Output<List<String>> tags;

    @Import(name = "type", required = true)
    private Output<String> type;

    @Import(name = "value", required = true)
    private Output<Double> value;

    @Import(name = "window", required = true)
    private Output<String> window;

    private MonitorAlertArgs() {
    }

    /** Where the alert's notifications go (e-mails, Slack). Required. */
    public Output<MonitorAlertAlertsArgs> alerts() {
        return alerts;
    }

    /** How the metric is compared with {@link #value()}: {@code GreaterThan} or {@code LessThan}. Required. */
    public Output<String> compare() {
        return compare;
    }

    /** The alert's description, shown in notifications. Required. */
    public Output<String> description() {
        return description;
    }

    /** Whether the alert is active. Default: true. */
    public Optional<Output<Boolean>> enabled() {
        return Optional.ofNullable(enabled);
    }

    /** IDs of the droplets the alert watches. Default: none (then use {@link #tags()}). */
    public Optional<Output<List<String>>> entities() {
        return Optional.ofNullable(entities);
    }

    /** Tags whose droplets the alert watches. Default: none. */
    public Optional<Output<List<String>>> tags() {
        return Optional.ofNullable(tags);
    }

    /**
     * The metric, e.g. {@code v1/insights/droplet/cpu},
     * {@code v1/insights/droplet/memory_utilization_percent} or
     * {@code v1/insights/droplet/disk_utilization_percent}. Required.
     */
    public Output<String> type() {
        return type;
    }

    /** The threshold, in the metric's unit (e.g. percent). Required. */
    public Output<Double> value() {
        return value;
    }

    /** How long the condition must hold: {@code 5m}, {@code 10m}, {@code 30m} or {@code 1h}. Required. */
    public Output<String> window() {
        return window;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MonitorAlertArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final MonitorAlertArgs $ = new MonitorAlertArgs();

        private Builder() {
        }

        public Builder alerts(Output<MonitorAlertAlertsArgs> alerts) {
            $.alerts = Inputs.output(OWNER, "alerts", alerts);
            return this;
        }

        public Builder alerts(MonitorAlertAlertsArgs alerts) {
            return alerts(Inputs.of(OWNER, "alerts", alerts));
        }

        public Builder compare(Output<String> compare) {
            $.compare = Inputs.output(OWNER, "compare", compare);
            return this;
        }

        public Builder compare(String compare) {
            return compare(Inputs.of(OWNER, "compare", compare));
        }

        public Builder description(Output<String> description) {
            $.description = Inputs.output(OWNER, "description", description);
            return this;
        }

        public Builder description(String description) {
            return description(Inputs.of(OWNER, "description", description));
        }

        public Builder enabled(Output<Boolean> enabled) {
            $.enabled = Inputs.output(OWNER, "enabled", enabled);
            return this;
        }

        public Builder enabled(boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public Builder entities(Output<List<String>> entities) {
            $.entities = Inputs.output(OWNER, "entities", entities);
            return this;
        }

        public Builder entities(List<String> entities) {
            return entities(Inputs.list(OWNER, "entities", entities));
        }

        public Builder entities(String... entities) {
            return entities(Inputs.list(OWNER, "entities", entities));
        }

        /** The droplets' IDs, as the schema's {@code entities} (a list of strings). */
        public Builder droplets(List<Droplet> droplets) {
            return entities(Inputs.all(
                    Inputs.copy(OWNER, "droplets", droplets).stream().map(Droplet::id).toList()));
        }

        /** The droplets' IDs, as the schema's {@code entities} (a list of strings). */
        public Builder droplets(Droplet... droplets) {
            return droplets(java.util.Arrays.asList(Inputs.nonNull(OWNER, "droplets", droplets)));
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

        public Builder type(Output<String> type) {
            $.type = Inputs.output(OWNER, "type", type);
            return this;
        }

        public Builder type(String type) {
            return type(Inputs.of(OWNER, "type", type));
        }

        public Builder value(Output<Double> value) {
            $.value = Inputs.output(OWNER, "value", value);
            return this;
        }

        public Builder value(double value) {
            return value(Output.of(value));
        }

        public Builder window(Output<String> window) {
            $.window = Inputs.output(OWNER, "window", window);
            return this;
        }

        public Builder window(String window) {
            return window(Inputs.of(OWNER, "window", window));
        }

        public MonitorAlertArgs build() {
            Inputs.Required.of(OWNER)
                    .check("alerts", $.alerts)
                    .check("compare", $.compare)
                    .check("description", $.description)
                    .check("type", $.type)
                    .check("value", $.value)
                    .check("window", $.window)
                    .done();
            return $;
        }
    }
}
