package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Optional;

/** The inputs of a {@link DatabaseCluster} ({@code digitalocean:index/databaseCluster:DatabaseCluster}). */
public final class DatabaseClusterArgs extends ResourceArgs {
    private static final String OWNER = "DatabaseClusterArgs";

    @Import(name = "engine", required = true)
    private Output<String> engine;

    @Import(name = "name")
    private Output<String> name;

    @Import(name = "nodeCount", required = true)
    private Output<Integer> nodeCount;

    @Import(name = "privateNetworkUuid")
    private Output<String> privateNetworkUuid;

    @Import(name = "region", required = true)
    private Output<String> region;

    @Import(name = "size", required = true)
    private Output<String> size;

    @Import(name = "tags")
    private Output<List<String>> tags;

    @Import(name = "version")
    private Output<String> version;

    private DatabaseClusterArgs() {
    }

    /** {@code pg} for PostgreSQL, {@code valkey} (or the older {@code redis}) for a key-value store; changing it replaces the cluster. Required. */
    public Output<String> engine() {
        return engine;
    }

    /** A name unique in the account; changing it replaces the cluster. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    /** How many nodes: 1, or 2 and 3 with standby nodes. Required. */
    public Output<Integer> nodeCount() {
        return nodeCount;
    }

    /** The VPC the cluster is placed in; changing it replaces the cluster. Default: the region's default VPC. */
    public Optional<Output<String>> privateNetworkUuid() {
        return Optional.ofNullable(privateNetworkUuid);
    }

    /** The region slug, e.g. {@code ams3}. Required. */
    public Output<String> region() {
        return region;
    }

    /** The size slug of each node, e.g. {@code db-s-1vcpu-1gb}. Required. */
    public Output<String> size() {
        return size;
    }

    /** Tags. Default: none. */
    public Optional<Output<List<String>>> tags() {
        return Optional.ofNullable(tags);
    }

    /** The engine's major version (e.g. {@code 16}); a new one upgrades in place. Default: DigitalOcean's current one. */
    public Optional<Output<String>> version() {
        return Optional.ofNullable(version);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseClusterArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DatabaseClusterArgs $ = new DatabaseClusterArgs();

        private Builder() {
        }

        public Builder engine(Output<String> engine) {
            $.engine = Inputs.output(OWNER, "engine", engine);
            return this;
        }

        public Builder engine(String engine) {
            return engine(Inputs.of(OWNER, "engine", engine));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        public Builder nodeCount(Output<Integer> nodeCount) {
            $.nodeCount = Inputs.output(OWNER, "nodeCount", nodeCount);
            return this;
        }

        public Builder nodeCount(Integer nodeCount) {
            return nodeCount(Inputs.of(OWNER, "nodeCount", nodeCount));
        }

        public Builder privateNetworkUuid(Output<String> privateNetworkUuid) {
            $.privateNetworkUuid = Inputs.output(OWNER, "privateNetworkUuid", privateNetworkUuid);
            return this;
        }

        public Builder privateNetworkUuid(String privateNetworkUuid) {
            return privateNetworkUuid(Inputs.of(OWNER, "privateNetworkUuid", privateNetworkUuid));
        }

        public Builder region(Output<String> region) {
            $.region = Inputs.output(OWNER, "region", region);
            return this;
        }

        public Builder region(String region) {
            return region(Inputs.of(OWNER, "region", region));
        }

        public Builder size(Output<String> size) {
            $.size = Inputs.output(OWNER, "size", size);
            return this;
        }

        public Builder size(String size) {
            return size(Inputs.of(OWNER, "size", size));
        }

        public Builder tags(Output<List<String>> tags) {
            $.tags = Inputs.output(OWNER, "tags", tags);
            return this;
        }

        public Builder tags(List<String> tags) {
            return tags(Inputs.list(OWNER, "tags", tags));
        }

        public Builder version(Output<String> version) {
            $.version = Inputs.output(OWNER, "version", version);
            return this;
        }

        public Builder version(String version) {
            return version(Inputs.of(OWNER, "version", version));
        }

        public DatabaseClusterArgs build() {
            Inputs.Required.of(OWNER).check("engine", $.engine).check("nodeCount", $.nodeCount).check("region", $.region).check("size", $.size).done();
            return $;
        }
    }
}
