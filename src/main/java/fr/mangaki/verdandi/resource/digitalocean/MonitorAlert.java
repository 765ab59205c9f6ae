package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;

/**
 * A DigitalOcean monitoring alert policy on droplet metrics (CPU, memory, disk...), which needs
 * the droplets' monitoring agent ({@code digitalocean:index/monitorAlert:MonitorAlert}).
 */
@ResourceType(type = MonitorAlert.TYPE, version = DigitalOceanPackage.VERSION)
public class MonitorAlert extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/monitorAlert:MonitorAlert";

    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output<String> description;

    @Export(name = "type", refs = {String.class}, tree = "[0]")
    private Output<String> type;

    @Export(name = "uuid", refs = {String.class}, tree = "[0]")
    private Output<String> uuid;

    @Export(name = "value", refs = {Double.class}, tree = "[0]")
    private Output<Double> value;

    public MonitorAlert(String name, MonitorAlertArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public MonitorAlert(String name, MonitorAlertArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "MonitorAlertArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** The alert's description. */
    public Output<String> description() {
        return description;
    }

    /** The metric watched. */
    public Output<String> type() {
        return type;
    }

    /** The alert policy's UUID. */
    public Output<String> uuid() {
        return uuid;
    }

    /** The threshold. */
    public Output<Double> value() {
        return value;
    }
}
