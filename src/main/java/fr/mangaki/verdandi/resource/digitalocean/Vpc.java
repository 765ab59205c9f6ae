package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;
import java.util.Optional;

/**
 * A DigitalOcean VPC, the private network of the droplets placed in it
 * ({@code digitalocean:index/vpc:Vpc}). Its {@link #id()} is the VPC's UUID.
 */
@ResourceType(type = Vpc.TYPE, version = DigitalOceanPackage.VERSION)
public class Vpc extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/vpc:Vpc";

    @Export(name = "createdAt", refs = {String.class}, tree = "[0]")
    private Output<String> createdAt;

    @Export(name = "description", refs = {String.class}, tree = "[0]")
    private Output<String> description;

    @Export(name = "ipRange", refs = {String.class}, tree = "[0]")
    private Output<String> ipRange;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;

    @Export(name = "vpcUrn", refs = {String.class}, tree = "[0]")
    private Output<String> vpcUrn;

    public Vpc(String name, VpcArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public Vpc(String name, VpcArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "VpcArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** When the VPC was created (ISO 8601). */
    public Output<String> createdAt() {
        return createdAt;
    }

    /** The description, when one was given. */
    public Output<Optional<String>> description() {
        return description.applyValue(Optional::ofNullable);
    }

    /** The VPC's range in CIDR notation (given or chosen by DigitalOcean). */
    public Output<String> ipRange() {
        return ipRange;
    }

    /** The VPC's name. */
    public Output<String> name() {
        return name;
    }

    /** The region slug. */
    public Output<String> region() {
        return region;
    }

    /** DigitalOcean's uniform resource name of the VPC (not Pulumi's {@link #urn()}). */
    public Output<String> vpcUrn() {
        return vpcUrn;
    }
}
