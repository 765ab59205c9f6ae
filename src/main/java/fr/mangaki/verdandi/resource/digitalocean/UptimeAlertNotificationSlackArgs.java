package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

/**
 * A Slack destination of an {@link UptimeAlert}'s notifications ({@code digitalocean:index/UptimeAlertNotificationSlack:UptimeAlertNotificationSlack}). DigitalOcean's Slack app needs permission on the
 * workspace.
 */
public final class UptimeAlertNotificationSlackArgs extends ResourceArgs {
    private static final String OWNER = "UptimeAlertNotificationSlackArgs";

    @Import(name = "channel", required = true)
    private Output<String> channel;

    @Import(name = "url", required = true)
    private Output<String> url;

    private UptimeAlertNotificationSlackArgs() {
    }

    /** The channel, e.g. {@code #ops}. Required. */
    public Output<String> channel() {
        return channel;
    }

    /** The incoming webhook URL. Required. */
    public Output<String> url() {
        return url;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link UptimeAlertNotificationSlackArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final UptimeAlertNotificationSlackArgs $ = new UptimeAlertNotificationSlackArgs();

        private Builder() {
        }

        public Builder channel(Output<String> channel) {
            $.channel = Inputs.output(OWNER, "channel", channel);
            return this;
        }

        public Builder channel(String channel) {
            return channel(Inputs.of(OWNER, "channel", channel));
        }

        public Builder url(Output<String> url) {
            $.url = Inputs.output(OWNER, "url", url);
            return this;
        }

        public Builder url(String url) {
            return url(Inputs.of(OWNER, "url", url));
        }

        public UptimeAlertNotificationSlackArgs build() {
            Inputs.Required.of(OWNER).check("channel", $.channel).check("url", $.url).done();
            return $;
        }
    }
}
