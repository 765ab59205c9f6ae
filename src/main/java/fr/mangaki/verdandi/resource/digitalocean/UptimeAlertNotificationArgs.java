package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** Where an {@link UptimeAlert} sends its notifications ({@code digitalocean:index/UptimeAlertNotification:UptimeAlertNotification}). */
public final class UptimeAlertNotificationArgs extends ResourceArgs {
    private static final String OWNER = "UptimeAlertNotificationArgs";

    @Import(name = "emails")
    private Output<List<String>> emails;

    @Import(name = "slacks")
    private Output<List<UptimeAlertNotificationSlackArgs>> slacks;

    private UptimeAlertNotificationArgs() {
    }

    /** Addresses that receive the notifications by e-mail. Default: none. */
    public Optional<Output<List<String>>> emails() {
        return Optional.ofNullable(emails);
    }

    /** Slack channels that receive the notifications. Default: none. */
    public Optional<Output<List<UptimeAlertNotificationSlackArgs>>> slacks() {
        return Optional.ofNullable(slacks);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link UptimeAlertNotificationArgs}; every property is optional. */
    public static final class Builder {
        private final UptimeAlertNotificationArgs $ = new UptimeAlertNotificationArgs();

        private Builder() {
        }

        public Builder emails(Output<List<String>> emails) {
            $.emails = Inputs.output(OWNER, "emails", emails);
            return this;
        }

        public Builder emails(List<String> emails) {
            return emails(Inputs.list(OWNER, "emails", emails));
        }

        public Builder emails(String... emails) {
            return emails(Inputs.list(OWNER, "emails", emails));
        }

        public Builder slacks(Output<List<UptimeAlertNotificationSlackArgs>> slacks) {
            $.slacks = Inputs.output(OWNER, "slacks", slacks);
            return this;
        }

        public Builder slacks(List<UptimeAlertNotificationSlackArgs> slacks) {
            return slacks(Inputs.list(OWNER, "slacks", slacks));
        }

        public Builder slacks(UptimeAlertNotificationSlackArgs... slacks) {
            return slacks(Inputs.list(OWNER, "slacks", slacks));
        }

        public UptimeAlertNotificationArgs build() {
            return $;
        }
    }
}
