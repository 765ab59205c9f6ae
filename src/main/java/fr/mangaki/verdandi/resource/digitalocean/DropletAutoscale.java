package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;

/**
 * A DigitalOcean Droplet Autoscale pool ({@code digitalocean:index/dropletAutoscale:DropletAutoscale}):
 * DigitalOcean creates and destroys droplets from one template between a minimum and a maximum,
 * following their average CPU (or memory) use.
 */
@ResourceType(type = DropletAutoscale.TYPE, version = DigitalOceanPackage.VERSION)
public class DropletAutoscale extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/dropletAutoscale:DropletAutoscale";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "status", refs = {String.class}, tree = "[0]")
    private Output<String> status;

    @Export(name = "createdAt", refs = {String.class}, tree = "[0]")
    private Output<String> createdAt;

    public DropletAutoscale(String name, DropletAutoscaleArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public DropletAutoscale(String name, DropletAutoscaleArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DropletAutoscaleArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** The pool's name. */
    public Output<String> name() {
        return name;
    }

    /** The pool's status, e.g. {@code active}. */
    public Output<String> status() {
        return status;
    }

    /** When the pool was created (ISO 8601). */
    public Output<String> createdAt() {
        return createdAt;
    }
}
