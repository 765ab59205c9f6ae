package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** The inputs of a {@link DnsRecord} ({@code digitalocean:index/dnsRecord:DnsRecord}). */
public final class DnsRecordArgs extends ResourceArgs {
    private static final String OWNER = "DnsRecordArgs";

    @Import(name = "domain", required = true)
    private Output<String> domain;

    @Import(name = "flags")
    private Output<Integer> flags;

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "port")
    private Output<Integer> port;

    @Import(name = "priority")
    private Output<Integer> priority;

    @Import(name = "tag")
    private Output<String> tag;

    @Import(name = "ttl")
    private Output<Integer> ttl;

    @Import(name = "type", required = true)
    private Output<String> type;

    @Import(name = "value", required = true)
    private Output<String> value;

    @Import(name = "weight")
    private Output<Integer> weight;

    private DnsRecordArgs() {
    }

    /** The zone's name, e.g. {@code mangaki.fr}; changing it replaces the record. Required. */
    public Output<String> domain() {
        return domain;
    }

    /** CAA flags, 0 to 255; only for {@code CAA}. Default: none. */
    public Optional<Output<Integer>> flags() {
        return Optional.ofNullable(flags);
    }

    /** The host name inside the zone, {@code @} for the apex. Default: set by the provider. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    /** The port, 1 to 65535; only for {@code SRV}. Default: none. */
    public Optional<Output<Integer>> port() {
        return Optional.ofNullable(port);
    }

    /** The priority, 0 to 65535; only for {@code MX} and {@code SRV}. Default: none. */
    public Optional<Output<Integer>> priority() {
        return Optional.ofNullable(priority);
    }

    /** The CAA tag: {@code issue}, {@code issuewild} or {@code iodef}; only for {@code CAA}. Default: none. */
    public Optional<Output<String>> tag() {
        return Optional.ofNullable(tag);
    }

    /** The time to live in seconds, at least 0. Default: 1800. */
    public Optional<Output<Integer>> ttl() {
        return Optional.ofNullable(ttl);
    }

    /**
     * {@code A}, {@code AAAA}, {@code CAA}, {@code CNAME}, {@code MX}, {@code NS}, {@code TXT} or
     * {@code SRV}; changing it replaces the record. Required.
     */
    public Output<String> type() {
        return type;
    }

    /** The record's value, e.g. an IPv4 address for {@code A}. Required. */
    public Output<String> value() {
        return value;
    }

    /** The weight, 0 to 65535; only for {@code SRV}. Default: none. */
    public Optional<Output<Integer>> weight() {
        return Optional.ofNullable(weight);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DnsRecordArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DnsRecordArgs $ = new DnsRecordArgs();

        private Builder() {
        }

        public Builder domain(Output<String> domain) {
            $.domain = Inputs.output(OWNER, "domain", domain);
            return this;
        }

        public Builder domain(String domain) {
            return domain(Inputs.of(OWNER, "domain", domain));
        }

        /** The zone's name, as the schema's {@code domain}. */
        public Builder domain(Domain domain) {
            return domain(Inputs.nonNull(OWNER, "domain", domain).name());
        }

        public Builder flags(Output<Integer> flags) {
            $.flags = Inputs.output(OWNER, "flags", flags);
            return this;
        }

        public Builder flags(int flags) {
            return flags(Output.of(flags));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public Builder port(Output<Integer> port) {
            $.port = Inputs.output(OWNER, "port", port);
            return this;
        }

        public Builder port(int port) {
            return port(Output.of(port));
        }

        public Builder priority(Output<Integer> priority) {
            $.priority = Inputs.output(OWNER, "priority", priority);
            return this;
        }

        public Builder priority(int priority) {
            return priority(Output.of(priority));
        }

        public Builder tag(Output<String> tag) {
            $.tag = Inputs.output(OWNER, "tag", tag);
            return this;
        }

        public Builder tag(String tag) {
            return tag(Inputs.of(OWNER, "tag", tag));
        }

        public Builder ttl(Output<Integer> ttl) {
            $.ttl = Inputs.output(OWNER, "ttl", ttl);
            return this;
        }

        public Builder ttl(int ttl) {
            return ttl(Output.of(ttl));
        }

        public Builder type(Output<String> type) {
            $.type = Inputs.output(OWNER, "type", type);
            return this;
        }

        public Builder type(String type) {
            return type(Inputs.of(OWNER, "type", type));
        }

        public Builder value(Output<String> value) {
            $.value = Inputs.output(OWNER, "value", value);
            return this;
        }

        public Builder value(String value) {
            return value(Inputs.of(OWNER, "value", value));
        }

        public Builder weight(Output<Integer> weight) {
            $.weight = Inputs.output(OWNER, "weight", weight);
            return this;
        }

        public Builder weight(int weight) {
            return weight(Output.of(weight));
        }

        public DnsRecordArgs build() {
            Inputs.Required.of(OWNER).check("domain", $.domain).check("type", $.type).check("value", $.value).done();
            return $;
        }
    }
}
