package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

/**
 * A Slack destination of a {@link MonitorAlert}'s notifications ({@code digitalocean:index/MonitorAlertAlertsSlack:MonitorAlertAlertsSlack}). DigitalOcean's Slack app needs permission on the
 * workspace.
 */
public final class MonitorAlertAlertsSlackArgs extends ResourceArgs {
    private static final String OWNER = "MonitorAlertAlertsSlackArgs";

    @Import(name = "channel", required = true)
    private Output<String> channel;

    @Import(name = "url", required = true)
    private Output<String> url;

    private MonitorAlertAlertsSlackArgs() {
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

    /** Builds {@link MonitorAlertAlertsSlackArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final MonitorAlertAlertsSlackArgs $ = new MonitorAlertAlertsSlackArgs();

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

        public MonitorAlertAlertsSlackArgs build() {
            Inputs.Required.of(OWNER).check("channel", $.channel).check("url", $.url).done();
            return $;
        }
    }
}
