package fr.mangaki.verdandi.config;

import java.util.List;
import java.util.Optional;

/**
 * The sizes of a node of a DigitalOcean managed database cluster that Verdandi knows (the
 * {@code size} of {@code digitalocean:index/databaseCluster:DatabaseCluster}), with their
 * monthly list price per node in US dollars, as DigitalOcean's public price list gives them
 * (https://www.digitalocean.com/pricing/managed-databases, PostgreSQL and Caching/Valkey, basic
 * nodes; every node of a cluster, standby nodes included, is billed at that price). The
 * smallest size takes no standby node (https://docs.digitalocean.com/products/databases/).
 */
public enum ManagedDatabaseSize implements PricedSize {
    DB_S_1VCPU_1GB("db-s-1vcpu-1gb", 1, 1024, 10, "15.00"),
    DB_S_1VCPU_2GB("db-s-1vcpu-2gb", 1, 2048, 25, "30.00"),
    DB_S_2VCPU_4GB("db-s-2vcpu-4gb", 2, 4096, 38, "60.00"),
    DB_S_4VCPU_8GB("db-s-4vcpu-8gb", 4, 8192, 115, "120.00");

    private final Spec spec;

    ManagedDatabaseSize(String slug, int vcpus, int memoryMb, int diskGb, String monthlyUsd) {
        this.spec = Spec.of(slug, vcpus, memoryMb, diskGb, monthlyUsd);
    }

    /** The size's facts; its disk is a PostgreSQL node's storage, its price one node's. */
    @Override
    public Spec spec() {
        return spec;
    }

    /** Whether a cluster of this size may have standby nodes. */
    public boolean takesStandbyNodes() {
        return this != DB_S_1VCPU_1GB;
    }

    public static Optional<ManagedDatabaseSize> bySlug(String slug) {
        return PricedSize.bySlug(ManagedDatabaseSize.class, slug);
    }

    public static List<String> slugs() {
        return PricedSize.slugs(ManagedDatabaseSize.class);
    }
}
