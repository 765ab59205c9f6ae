package fr.mangaki.verdandi.config;

import java.math.BigDecimal;
import java.util.Arrays;
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
public enum ManagedDatabaseSize {
    DB_S_1VCPU_1GB("db-s-1vcpu-1gb", 1, 1024, 10, "15.00"),
    DB_S_1VCPU_2GB("db-s-1vcpu-2gb", 1, 2048, 25, "30.00"),
    DB_S_2VCPU_4GB("db-s-2vcpu-4gb", 2, 4096, 38, "60.00"),
    DB_S_4VCPU_8GB("db-s-4vcpu-8gb", 4, 8192, 115, "120.00");

    private final String slug;
    private final int vcpus;
    private final int memoryMb;
    private final int diskGb;
    private final BigDecimal monthlyUsd;

    ManagedDatabaseSize(String slug, int vcpus, int memoryMb, int diskGb, String monthlyUsd) {
        this.slug = slug;
        this.vcpus = vcpus;
        this.memoryMb = memoryMb;
        this.diskGb = diskGb;
        this.monthlyUsd = new BigDecimal(monthlyUsd);
    }

    public String slug() {
        return slug;
    }

    public int vcpus() {
        return vcpus;
    }

    public int memoryMb() {
        return memoryMb;
    }

    /** The storage of a PostgreSQL node of this size, in GiB. */
    public int diskGb() {
        return diskGb;
    }

    /** The monthly list price of one node, in US dollars. */
    public BigDecimal monthlyUsd() {
        return monthlyUsd;
    }

    /** Whether a cluster of this size may have standby nodes. */
    public boolean takesStandbyNodes() {
        return this != DB_S_1VCPU_1GB;
    }

    public static Optional<ManagedDatabaseSize> bySlug(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug.equals(slug)).findFirst();
    }

    public static List<String> slugs() {
        return Arrays.stream(values()).map(ManagedDatabaseSize::slug).toList();
    }
}
