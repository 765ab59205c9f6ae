package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** The inputs of a {@link DatabaseDb} ({@code digitalocean:index/databaseDb:DatabaseDb}). */
public final class DatabaseDbArgs extends ResourceArgs {
    private static final String OWNER = "DatabaseDbArgs";

    @Import(name = "clusterId", required = true)
    private Output<String> clusterId;

    @Import(name = "name")
    private Output<String> name;

    private DatabaseDbArgs() {
    }

    /** The cluster's UUID; changing it replaces the database. Required. */
    public Output<String> clusterId() {
        return clusterId;
    }

    /** The database's name; changing it replaces the database. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseDbArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DatabaseDbArgs $ = new DatabaseDbArgs();

        private Builder() {
        }

        public Builder clusterId(Output<String> clusterId) {
            $.clusterId = Inputs.output(OWNER, "clusterId", clusterId);
            return this;
        }

        public Builder clusterId(String clusterId) {
            return clusterId(Inputs.of(OWNER, "clusterId", clusterId));
        }

        public Builder name(Output<String> name) {
            $.name = Inputs.output(OWNER, "name", name);
            return this;
        }

        public Builder name(String name) {
            return name(Inputs.of(OWNER, "name", name));
        }

        /** The cluster, as the schema's {@code clusterId}. */
        public Builder cluster(DatabaseCluster cluster) {
            return clusterId(Inputs.nonNull(OWNER, "cluster", cluster).id());
        }

        public DatabaseDbArgs build() {
            Inputs.Required.of(OWNER).check("clusterId", $.clusterId).done();
            return $;
        }
    }
}
