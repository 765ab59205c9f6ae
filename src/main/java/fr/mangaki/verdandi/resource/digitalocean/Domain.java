package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;
import java.util.Optional;

/** A DNS zone hosted by DigitalOcean ({@code digitalocean:index/domain:Domain}). */
@ResourceType(type = Domain.TYPE, version = DigitalOceanPackage.VERSION)
public class Domain extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/domain:Domain";

    @Export(name = "domainUrn", refs = {String.class}, tree = "[0]")
    private Output<String> domainUrn;

    @Export(name = "ipAddress", refs = {String.class}, tree = "[0]")
    private Output<String> ipAddress;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "ttl", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> ttl;

    public Domain(String name, DomainArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public Domain(String name, DomainArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DomainArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** DigitalOcean's uniform resource name of the domain (not Pulumi's {@link #urn()}). */
    public Output<String> domainUrn() {
        return domainUrn;
    }

    /** The address of the initial apex record, when one was given. */
    public Output<Optional<String>> ipAddress() {
        return ipAddress.applyValue(Optional::ofNullable);
    }

    /** The zone's name, which {@link DnsRecord}s refer to. */
    public Output<String> name() {
        return name;
    }

    /** The zone's default TTL in seconds. */
    public Output<Integer> ttl() {
        return ttl;
    }
}
