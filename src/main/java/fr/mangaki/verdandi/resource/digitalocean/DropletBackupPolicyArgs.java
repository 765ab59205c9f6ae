package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/**
 * When a {@link Droplet}'s backups run ({@code digitalocean:index/DropletBackupPolicy:DropletBackupPolicy}).
 * Only used with {@code backups(true)}.
 */
public final class DropletBackupPolicyArgs extends ResourceArgs {
    private static final String OWNER = "DropletBackupPolicyArgs";

    @Import(name = "hour")
    private Output<Integer> hour;

    @Import(name = "plan")
    private Output<String> plan;

    @Import(name = "weekday")
    private Output<String> weekday;

    private DropletBackupPolicyArgs() {
    }

    /** The hour (UTC) the backup window starts: 0, 4, 8, 12, 16 or 20. Default: DigitalOcean's choice. */
    public Optional<Output<Integer>> hour() {
        return Optional.ofNullable(hour);
    }

    /** {@code daily} or {@code weekly}. Default: {@code daily}. */
    public Optional<Output<String>> plan() {
        return Optional.ofNullable(plan);
    }

    /** The day of weekly backups: SUN, MON, TUE, WED, THU, FRI or SAT. Default: DigitalOcean's choice. */
    public Optional<Output<String>> weekday() {
        return Optional.ofNullable(weekday);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DropletBackupPolicyArgs}; every property is optional. */
    public static final class Builder {
        private final DropletBackupPolicyArgs $ = new DropletBackupPolicyArgs();

        private Builder() {
        }

        public Builder hour(Output<Integer> hour) {
            $.hour = Inputs.output(OWNER, "hour", hour);
            return this;
        }

        public Builder hour(int hour) {
            return hour(Output.of(hour));
        }

        public Builder plan(Output<String> plan) {
            $.plan = Inputs.output(OWNER, "plan", plan);
            return this;
        }

        public Builder plan(String plan) {
            return plan(Inputs.of(OWNER, "plan", plan));
        }

        public Builder weekday(Output<String> weekday) {
            $.weekday = Inputs.output(OWNER, "weekday", weekday);
            return this;
        }

        public Builder weekday(String weekday) {
            return weekday(Inputs.of(OWNER, "weekday", weekday));
        }

        public DropletBackupPolicyArgs build() {
            return $;
        }
    }
}
