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
 * A DigitalOcean cloud firewall: the traffic its droplets accept and send
 * ({@code digitalocean:index/firewall:Firewall}).
 */
@ResourceType(type = Firewall.TYPE, version = DigitalOceanPackage.VERSION)
public class Firewall extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/firewall:Firewall";

    @Export(name = "createdAt", refs = {String.class}, tree = "[0]")
    private Output<String> createdAt;

    @Export(name = "dropletIds", refs = {List.class, Integer.class}, tree = "[0,1]")
    private Output<List<Integer>> dropletIds;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "status", refs = {String.class}, tree = "[0]")
    private Output<String> status;

    @Export(name = "tags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> tags;

    public Firewall(String name, FirewallArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public Firewall(String name, FirewallArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "FirewallArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** When the firewall was created (ISO 8601). */
    public Output<String> createdAt() {
        return createdAt;
    }

    /** The IDs of the droplets the firewall protects. */
    public Output<List<Integer>> dropletIds() {
        return dropletIds;
    }

    /** The firewall's name. */
    public Output<String> name() {
        return name;
    }

    /** {@code waiting}, {@code succeeded} or {@code failed}. */
    public Output<String> status() {
        return status;
    }

    /** The tags whose droplets the firewall protects. */
    public Output<List<String>> tags() {
        return tags;
    }
}
