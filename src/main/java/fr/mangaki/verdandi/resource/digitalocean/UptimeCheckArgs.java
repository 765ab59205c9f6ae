package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** The inputs of an {@link UptimeCheck} ({@code digitalocean:index/uptimeCheck:UptimeCheck}). */
public final class UptimeCheckArgs extends ResourceArgs {
    private static final String OWNER = "UptimeCheckArgs";

    @Import(name = "enabled")
    private Output<Boolean> enabled;

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "regions")
    private Output<List<String>> regions;

    @Import(name = "target", required = true)
    private Output<String> target;

    @Import(name = "type")
    private Output<String> type;

    private UptimeCheckArgs() {
    }

    /** Whether the check runs. Default: enabled. */
    public Optional<Output<Boolean>> enabled() {
        return Optional.ofNullable(enabled);
    }

    /** The check's display name. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Where the check runs from: {@code us_east}, {@code us_west}, {@code eu_west},
     * {@code se_asia}. Default: DigitalOcean's choice of regions.
     */
    public Optional<Output<List<String>>> regions() {
        return Optional.ofNullable(regions);
    }

    /** The endpoint checked, e.g. {@code https://mangaki.fr/}. Required. */
    public Output<String> target() {
        return target;
    }

    /** {@code ping}, {@code http} or {@code https}. Default: {@code https}. */
    public Optional<Output<String>> type() {
        return Optional.ofNullable(type);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link UptimeCheckArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final UptimeCheckArgs $ = new UptimeCheckArgs();

        private Builder() {
        }

        public Builder enabled(Output<Boolean> enabled) {
            $.enabled = Inputs.output(OWNER, "enabled", enabled);
            return this;
        }

        public Builder enabled(boolean enabled) {
            return enabled(Output.of(enabled));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public Builder regions(Output<List<String>> regions) {
            $.regions = Inputs.output(OWNER, "regions", regions);
            return this;
        }

        public Builder regions(List<String> regions) {
            return regions(Inputs.list(OWNER, "regions", regions));
        }

        public Builder regions(String... regions) {
            return regions(Inputs.list(OWNER, "regions", regions));
        }

        public Builder target(Output<String> target) {
            $.target = Inputs.output(OWNER, "target", target);
            return this;
        }

        public Builder target(String target) {
            return target(Inputs.of(OWNER, "target", target));
        }

        public Builder type(Output<String> type) {
            $.type = Inputs.output(OWNER, "type", type);
            return this;
        }

        public Builder type(String type) {
            return type(Inputs.of(OWNER, "type", type));
        }

        public UptimeCheckArgs build() {
            Inputs.Required.of(OWNER).check("target", $.target).done();
            return $;
        }
    }
}
