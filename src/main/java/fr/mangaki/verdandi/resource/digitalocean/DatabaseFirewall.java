package fr.mangaki.verdandi.resource.digitalocean;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;

/**
 * The trusted sources of a managed {@link DatabaseCluster} ({@code digitalocean:index/databaseFirewall:DatabaseFirewall}):
 * once it exists, the cluster accepts connections from these sources only.
 */
@ResourceType(type = DatabaseFirewall.TYPE, version = DigitalOceanPackage.VERSION)
public class DatabaseFirewall extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/databaseFirewall:DatabaseFirewall";

    @Export(name = "clusterId", refs = {String.class}, tree = "[0]")
    private Output<String> clusterId;

    public DatabaseFirewall(String name, DatabaseFirewallArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public DatabaseFirewall(String name, DatabaseFirewallArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DatabaseFirewallArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** The cluster's UUID. */
    public Output<String> clusterId() {
        return clusterId;
    }
}
