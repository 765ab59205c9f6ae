package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;

/**
 * An alert on a DigitalOcean {@link UptimeCheck}: notifies when the endpoint is down, slow or its
 * certificate expires ({@code digitalocean:index/uptimeAlert:UptimeAlert}).
 */
@ResourceType(type = UptimeAlert.TYPE, version = DigitalOceanPackage.VERSION)
public class UptimeAlert extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/uptimeAlert:UptimeAlert";

    @Export(name = "checkId", refs = {String.class}, tree = "[0]")
    private Output<String> checkId;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "type", refs = {String.class}, tree = "[0]")
    private Output<String> type;

    public UptimeAlert(String name, UptimeAlertArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public UptimeAlert(String name, UptimeAlertArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "UptimeAlertArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** The ID of the check the alert watches. */
    public Output<String> checkId() {
        return checkId;
    }

    /** The alert's display name. */
    public Output<String> name() {
        return name;
    }

    /** The kind of alert. */
    public Output<String> type() {
        return type;
    }
}
