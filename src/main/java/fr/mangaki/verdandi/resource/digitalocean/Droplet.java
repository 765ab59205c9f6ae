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
 * A DigitalOcean droplet, a virtual machine ({@code digitalocean:index/droplet:Droplet}). Its
 * {@link #id()} is DigitalOcean's numeric droplet ID as a string; {@link #dropletId()} gives it
 * as the integer that firewalls expect.
 */
@ResourceType(type = Droplet.TYPE, version = DigitalOceanPackage.VERSION)
public class Droplet extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/droplet:Droplet";

    @Export(name = "backups", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> backups;

    @Export(name = "createdAt", refs = {String.class}, tree = "[0]")
    private Output<String> createdAt;

    @Export(name = "disk", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> disk;

    @Export(name = "dropletUrn", refs = {String.class}, tree = "[0]")
    private Output<String> dropletUrn;

    @Export(name = "image", refs = {String.class}, tree = "[0]")
    private Output<String> image;

    @Export(name = "ipv4Address", refs = {String.class}, tree = "[0]")
    private Output<String> ipv4Address;

    @Export(name = "ipv4AddressPrivate", refs = {String.class}, tree = "[0]")
    private Output<String> ipv4AddressPrivate;

    @Export(name = "ipv6Address", refs = {String.class}, tree = "[0]")
    private Output<String> ipv6Address;

    @Export(name = "memory", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> memory;

    @Export(name = "monitoring", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> monitoring;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "priceMonthly", refs = {Double.class}, tree = "[0]")
    private Output<Double> priceMonthly;

    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;

    @Export(name = "size", refs = {String.class}, tree = "[0]")
    private Output<String> size;

    @Export(name = "status", refs = {String.class}, tree = "[0]")
    private Output<String> status;

    @Export(name = "tags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> tags;

    @Export(name = "vcpus", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> vcpus;

    @Export(name = "vpcUuid", refs = {String.class}, tree = "[0]")
    private Output<String> vpcUuid;

    public Droplet(String name, DropletArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public Droplet(String name, DropletArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DropletArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /**
     * The droplet's ID as an integer, the type of the schema's droplet ID lists (firewall
     * {@code dropletIds}, rule {@code sourceDropletIds}). Fails, naming the droplet, if the
     * provider's ID is not an integer.
     */
    public Output<Integer> dropletId() {
        var resourceName = pulumiResourceName();
        return id().applyValue(id -> {
            try {
                return Integer.valueOf(id);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("Droplet '" + resourceName + "': id '" + id
                        + "' is not an integer, DigitalOcean droplet IDs are", e);
            }
        });
    }

    /** Whether backups are enabled. */
    public Output<Boolean> backups() {
        return backups;
    }

    /** When the droplet was created (ISO 8601). */
    public Output<String> createdAt() {
        return createdAt;
    }

    /** The disk size in GB. */
    public Output<Integer> disk() {
        return disk;
    }

    /** DigitalOcean's uniform resource name of the droplet (not Pulumi's {@link #urn()}). */
    public Output<String> dropletUrn() {
        return dropletUrn;
    }

    /** The image slug or ID. */
    public Output<String> image() {
        return image;
    }

    /** The public IPv4 address. */
    public Output<String> ipv4Address() {
        return ipv4Address;
    }

    /** The private IPv4 address, in the droplet's VPC. */
    public Output<String> ipv4AddressPrivate() {
        return ipv4AddressPrivate;
    }

    /** The IPv6 address (empty when IPv6 is disabled). */
    public Output<String> ipv6Address() {
        return ipv6Address;
    }

    /** The memory in MB. */
    public Output<Integer> memory() {
        return memory;
    }

    /** Whether the monitoring agent is installed. */
    public Output<Boolean> monitoring() {
        return monitoring;
    }

    /** The droplet's hostname. */
    public Output<String> name() {
        return name;
    }

    /** The monthly list price in US dollars. */
    public Output<Double> priceMonthly() {
        return priceMonthly;
    }

    /** The region slug. */
    public Output<String> region() {
        return region;
    }

    /** The size slug. */
    public Output<String> size() {
        return size;
    }

    /** The droplet's status, e.g. {@code active}. */
    public Output<String> status() {
        return status;
    }

    /** The droplet's tags. */
    public Output<List<String>> tags() {
        return tags;
    }

    /** The number of virtual CPUs. */
    public Output<Integer> vcpus() {
        return vcpus;
    }

    /** The UUID of the droplet's VPC. */
    public Output<String> vpcUuid() {
        return vpcUuid;
    }
}
