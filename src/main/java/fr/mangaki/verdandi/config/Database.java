package fr.mangaki.verdandi.config;

import java.util.List;
import java.util.Objects;

/**
 * Where the environments' databases live ({@code mangaki:database}; docs/growth.md). A plain
 * value: the rules it follows are checked where it is used, by {@code PlatformArgs}' builder.
 *
 * @param placement {@code local} (PostgreSQL, and Redis when an environment asks, on the app
 *                  droplet) or {@code managed} (a DigitalOcean managed PostgreSQL cluster, shared
 *                  by every app droplet)
 * @param size      managed only: the size of each node ({@link ManagedDatabaseSize})
 * @param nodes     managed only: the nodes of the PostgreSQL cluster, 1 to 3 (a primary and its standby nodes)
 * @param version   managed only: PostgreSQL's major version
 * @param redis     managed only: whether a managed Valkey cluster (Redis's protocol) of {@code size} serves the
 *                  environments that ask for Redis, instead of a Redis on each app droplet
 */
public record Database(String placement, String size, int nodes, String version, boolean redis) {
    /** PostgreSQL (and Redis) on the app droplet: the default. */
    public static final String LOCAL = "local";
    /** A DigitalOcean managed cluster. */
    public static final String MANAGED = "managed";
    public static final List<String> PLACEMENTS = List.of(LOCAL, MANAGED);
    /**
     * The major versions of a managed PostgreSQL. The default, 15, is Debian 12's: its
     * {@code pg_dump} (the nightly dumps, the move from a local database) reads a server of its
     * own version or older only.
     */
    public static final List<String> VERSIONS = List.of("14", "15", "16", "17");
    public static final String DEFAULT_VERSION = "15";
    public static final String DEFAULT_SIZE = ManagedDatabaseSize.DB_S_1VCPU_1GB.slug();

    public Database {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(version, "version");
    }

    /** The default: everything on the app droplet. */
    public static Database local() {
        return new Database(LOCAL, DEFAULT_SIZE, 1, DEFAULT_VERSION, false);
    }

    /** A managed PostgreSQL cluster of one {@code db-s-1vcpu-1gb} node, version 15, no managed Redis. */
    public static Database managed() {
        return new Database(MANAGED, DEFAULT_SIZE, 1, DEFAULT_VERSION, false);
    }

    public boolean isManaged() {
        return placement.equals(MANAGED);
    }

    /** The same, with a managed Valkey cluster for Redis. */
    public Database withRedis() {
        return new Database(placement, size, nodes, version, true);
    }

    /** The same, with {@code nodes} nodes of {@code size}. */
    public Database sized(String size, int nodes) {
        return new Database(placement, size, nodes, version, redis);
    }
}
