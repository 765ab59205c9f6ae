package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;

/**
 * A database inside a managed {@link DatabaseCluster} ({@code digitalocean:index/databaseDb:DatabaseDb}).
 */
@ResourceType(type = DatabaseDb.TYPE, version = DigitalOceanPackage.VERSION)
public class DatabaseDb extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/databaseDb:DatabaseDb";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "clusterId", refs = {String.class}, tree = "[0]")
    private Output<String> clusterId;

    public DatabaseDb(String name, DatabaseDbArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public DatabaseDb(String name, DatabaseDbArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DatabaseDbArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** The database's name. */
    public Output<String> name() {
        return name;
    }

    /** The cluster's UUID. */
    public Output<String> clusterId() {
        return clusterId;
    }
}
