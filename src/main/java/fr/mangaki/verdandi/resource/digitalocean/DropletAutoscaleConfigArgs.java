package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** The scaling of a {@link DropletAutoscale}
 * ({@code digitalocean:index/DropletAutoscaleConfig:DropletAutoscaleConfig}). */
public final class DropletAutoscaleConfigArgs extends ResourceArgs {
    private static final String OWNER = "DropletAutoscaleConfigArgs";

    @Import(name = "cooldownMinutes")
    private Output<Integer> cooldownMinutes;

    @Import(name = "maxInstances")
    private Output<Integer> maxInstances;

    @Import(name = "minInstances")
    private Output<Integer> minInstances;

    @Import(name = "targetCpuUtilization")
    private Output<Double> targetCpuUtilization;

    private DropletAutoscaleConfigArgs() {
    }

    /** Minutes between two scaling events. Default: DigitalOcean's. */
    public Optional<Output<Integer>> cooldownMinutes() {
        return Optional.ofNullable(cooldownMinutes);
    }

    /** The most droplets the pool keeps. Default: none (a static pool). */
    public Optional<Output<Integer>> maxInstances() {
        return Optional.ofNullable(maxInstances);
    }

    /** The fewest droplets the pool keeps. Default: none (a static pool). */
    public Optional<Output<Integer>> minInstances() {
        return Optional.ofNullable(minInstances);
    }

    /** The average CPU use the pool keeps, from 0 to 1. Default: none. */
    public Optional<Output<Double>> targetCpuUtilization() {
        return Optional.ofNullable(targetCpuUtilization);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DropletAutoscaleConfigArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DropletAutoscaleConfigArgs $ = new DropletAutoscaleConfigArgs();

        private Builder() {
        }

        public Builder cooldownMinutes(Output<Integer> cooldownMinutes) {
            $.cooldownMinutes = Inputs.output(OWNER, "cooldownMinutes", cooldownMinutes);
            return this;
        }

        public Builder cooldownMinutes(Integer cooldownMinutes) {
            return cooldownMinutes(Inputs.of(OWNER, "cooldownMinutes", cooldownMinutes));
        }

        public Builder maxInstances(Output<Integer> maxInstances) {
            $.maxInstances = Inputs.output(OWNER, "maxInstances", maxInstances);
            return this;
        }

        public Builder maxInstances(Integer maxInstances) {
            return maxInstances(Inputs.of(OWNER, "maxInstances", maxInstances));
        }

        public Builder minInstances(Output<Integer> minInstances) {
            $.minInstances = Inputs.output(OWNER, "minInstances", minInstances);
            return this;
        }

        public Builder minInstances(Integer minInstances) {
            return minInstances(Inputs.of(OWNER, "minInstances", minInstances));
        }

        public Builder targetCpuUtilization(Output<Double> targetCpuUtilization) {
            $.targetCpuUtilization = Inputs.output(OWNER, "targetCpuUtilization", targetCpuUtilization);
            return this;
        }

        public Builder targetCpuUtilization(Double targetCpuUtilization) {
            return targetCpuUtilization(Inputs.of(OWNER, "targetCpuUtilization", targetCpuUtilization));
        }

        public DropletAutoscaleConfigArgs build() {
            return $;
        }
    }
}
