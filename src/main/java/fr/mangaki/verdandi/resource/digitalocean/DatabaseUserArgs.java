package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/** The inputs of a {@link DatabaseUser} ({@code digitalocean:index/databaseUser:DatabaseUser}). */
public final class DatabaseUserArgs extends ResourceArgs {
    private static final String OWNER = "DatabaseUserArgs";

    @Import(name = "clusterId", required = true)
    private Output<String> clusterId;

    @Import(name = "name")
    private Output<String> name;

    private DatabaseUserArgs() {
    }

    /** The cluster's UUID; changing it replaces the user. Required. */
    public Output<String> clusterId() {
        return clusterId;
    }

    /** The user's name; changing it replaces the user. Default: the provider generates one. */
    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseUserArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final DatabaseUserArgs $ = new DatabaseUserArgs();

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

        public DatabaseUserArgs build() {
            Inputs.Required.of(OWNER).check("clusterId", $.clusterId).done();
            return $;
        }
    }
}
