package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.List;
import java.util.Objects;

/**
 * A DigitalOcean uptime check: an endpoint probed from several regions
 * ({@code digitalocean:index/uptimeCheck:UptimeCheck}). {@link UptimeAlert}s notify on it.
 */
@ResourceType(type = UptimeCheck.TYPE, version = DigitalOceanPackage.VERSION)
public class UptimeCheck extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/uptimeCheck:UptimeCheck";

    @Export(name = "enabled", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> enabled;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "regions", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> regions;

    @Export(name = "target", refs = {String.class}, tree = "[0]")
    private Output<String> target;

    @Export(name = "type", refs = {String.class}, tree = "[0]")
    private Output<String> type;

    public UptimeCheck(String name, UptimeCheckArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public UptimeCheck(String name, UptimeCheckArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "UptimeCheckArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** Whether the check runs. */
    public Output<Boolean> enabled() {
        return enabled;
    }

    /** The check's display name. */
    public Output<String> name() {
        return name;
    }

    /** The regions the check runs from. */
    public Output<List<String>> regions() {
        return regions;
    }

    /** The endpoint checked. */
    public Output<String> target() {
        return target;
    }

    /** The kind of check. */
    public Output<String> type() {
        return type;
    }
}
