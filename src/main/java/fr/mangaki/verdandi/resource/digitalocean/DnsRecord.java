package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;

/** One record of a DigitalOcean DNS zone ({@code digitalocean:index/dnsRecord:DnsRecord}). */
@ResourceType(type = DnsRecord.TYPE, version = DigitalOceanPackage.VERSION)
public class DnsRecord extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/dnsRecord:DnsRecord";

    @Export(name = "domain", refs = {String.class}, tree = "[0]")
    private Output<String> domain;

    @Export(name = "fqdn", refs = {String.class}, tree = "[0]")
    private Output<String> fqdn;

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "ttl", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> ttl;

    @Export(name = "type", refs = {String.class}, tree = "[0]")
    private Output<String> type;

    @Export(name = "value", refs = {String.class}, tree = "[0]")
    private Output<String> value;

    public DnsRecord(String name, DnsRecordArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public DnsRecord(String name, DnsRecordArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DnsRecordArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** The zone's name. */
    public Output<String> domain() {
        return domain;
    }

    /** The record's fully qualified name, e.g. {@code staging.mangaki.fr}. */
    public Output<String> fqdn() {
        return fqdn;
    }

    /** The host name inside the zone. */
    public Output<String> name() {
        return name;
    }

    /** The time to live in seconds. */
    public Output<Integer> ttl() {
        return ttl;
    }

    /** The record type. */
    public Output<String> type() {
        return type;
    }

    /** The record's value. */
    public Output<String> value() {
        return value;
    }
}
