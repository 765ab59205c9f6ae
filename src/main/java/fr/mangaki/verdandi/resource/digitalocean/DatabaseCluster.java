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
 * A DigitalOcean managed database cluster ({@code digitalocean:index/databaseCluster:DatabaseCluster}):
 * PostgreSQL, or Valkey (Redis's open-source successor), run and backed up by DigitalOcean. Its
 * {@link #id()} is the cluster's UUID, which its databases, users and firewall name. The
 * default user's password and the URIs are secrets of the schema.
 */
@ResourceType(type = DatabaseCluster.TYPE, version = DigitalOceanPackage.VERSION)
public class DatabaseCluster extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "digitalocean:index/databaseCluster:DatabaseCluster";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    @Export(name = "engine", refs = {String.class}, tree = "[0]")
    private Output<String> engine;

    @Export(name = "version", refs = {String.class}, tree = "[0]")
    private Output<String> version;

    @Export(name = "size", refs = {String.class}, tree = "[0]")
    private Output<String> size;

    @Export(name = "region", refs = {String.class}, tree = "[0]")
    private Output<String> region;

    @Export(name = "nodeCount", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> nodeCount;

    @Export(name = "host", refs = {String.class}, tree = "[0]")
    private Output<String> host;

    @Export(name = "privateHost", refs = {String.class}, tree = "[0]")
    private Output<String> privateHost;

    @Export(name = "port", refs = {Integer.class}, tree = "[0]")
    private Output<Integer> port;

    @Export(name = "user", refs = {String.class}, tree = "[0]")
    private Output<String> user;

    @Export(name = "password", refs = {String.class}, tree = "[0]")
    private Output<String> password;

    @Export(name = "database", refs = {String.class}, tree = "[0]")
    private Output<String> database;

    @Export(name = "uri", refs = {String.class}, tree = "[0]")
    private Output<String> uri;

    @Export(name = "privateUri", refs = {String.class}, tree = "[0]")
    private Output<String> privateUri;

    @Export(name = "clusterUrn", refs = {String.class}, tree = "[0]")
    private Output<String> clusterUrn;

    @Export(name = "tags", refs = {List.class, String.class}, tree = "[0,1]")
    private Output<List<String>> tags;

    public DatabaseCluster(String name, DatabaseClusterArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public DatabaseCluster(String name, DatabaseClusterArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "DatabaseClusterArgs"),
                Options.withVersion(DigitalOceanPackage.VERSION, options));
    }

    /** The cluster's name. */
    public Output<String> name() {
        return name;
    }

    /** The engine: {@code pg}, {@code valkey}, {@code redis}... */
    public Output<String> engine() {
        return engine;
    }

    /** The engine's major version. */
    public Output<String> version() {
        return version;
    }

    /** The size slug of each node. */
    public Output<String> size() {
        return size;
    }

    /** The region slug. */
    public Output<String> region() {
        return region;
    }

    /** How many nodes: the primary and its standby nodes. */
    public Output<Integer> nodeCount() {
        return nodeCount;
    }

    /** The public host name. */
    public Output<String> host() {
        return host;
    }

    /** The host name inside the VPC: where the app droplets connect. */
    public Output<String> privateHost() {
        return privateHost;
    }

    /** The port the cluster listens on. */
    public Output<Integer> port() {
        return port;
    }

    /** The default user's name. */
    public Output<String> user() {
        return user;
    }

    /** The default user's password (a secret). */
    public Output<String> password() {
        return password;
    }

    /** The default database's name. */
    public Output<String> database() {
        return database;
    }

    /** The public connection URI, with the default user's password (a secret). */
    public Output<String> uri() {
        return uri;
    }

    /** The connection URI inside the VPC, with the default user's password (a secret). */
    public Output<String> privateUri() {
        return privateUri;
    }

    /** DigitalOcean's uniform resource name of the cluster (not Pulumi's {@link #urn()}). */
    public Output<String> clusterUrn() {
        return clusterUrn;
    }

    /** The cluster's tags. */
    public Output<List<String>> tags() {
        return tags;
    }
}
