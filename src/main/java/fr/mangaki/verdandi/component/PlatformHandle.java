package fr.mangaki.verdandi.component;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.config.Acme;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link Environment} needs to know of the platform it is installed on: the
 * {@link Platform} of the same stack, or a {@link PlatformReference} to another stack's.
 */
public interface PlatformHandle {
    /** The DNS zone ({@code mangaki.fr}). */
    Output<String> zone();

    /** The front droplet's public IPv4 address: where the environments' A records point. */
    Output<String> frontIpv4();

    /** The front droplet's id. */
    Output<Integer> frontDropletId();

    /** The app droplet's public IPv4 address (SSH). */
    Output<String> appIpv4();

    /** The app droplet's address inside the VPC: where the front proxies to. */
    Output<String> appPrivateIpv4();

    /** The front droplet's address inside the VPC: where the app copies its nightly dumps. */
    Output<String> frontPrivateIpv4();

    /** The app droplet's id. */
    Output<Integer> appDropletId();

    /** The user Verdandi logs in as over SSH on both droplets. */
    Output<String> adminUser();

    /** The ACME server the front gets the environments' certificates from ({@link PlatformArgs#acme()}). */
    Output<Acme> acme();

    /** The environments the platform already hosts: name to {@code {port, domains}}. */
    Output<Map<String, EnvironmentSlot>> environments();

    /**
     * The app droplets {@code pulumi up} installs every environment on, the primary
     * ({@code app}) first, then {@code app-2}..., then the standby. Default: the app droplet
     * alone.
     */
    default List<AppHost> appHosts() {
        return List.of(new AppHost("app", appIpv4(), appPrivateIpv4(), appDropletId(), false));
    }

    /**
     * The tag of the app droplets DigitalOcean makes by itself (an autoscale pool's members),
     * which the environments' firewalls and the front's discovery follow. Default: none.
     */
    default Optional<String> appPoolTag() {
        return Optional.empty();
    }

    /** The managed database clusters the environments' databases live in. Default: none, they are local. */
    default Optional<ManagedDatabases> managedDatabases() {
        return Optional.empty();
    }

    /**
     * One app droplet: its role in child names ({@code app}, {@code app-2}, {@code app-standby}),
     * its addresses and id, and whether it is the standby (the front's backup server).
     */
    record AppHost(String role, Output<String> ipv4, Output<String> privateIpv4, Output<Integer> dropletId,
                   boolean standby) {
    }

    /**
     * The managed clusters of a platform: PostgreSQL, and Valkey for the environments with Redis
     * when there is one.
     */
    record ManagedDatabases(fr.mangaki.verdandi.resource.digitalocean.DatabaseCluster postgres,
                            Optional<fr.mangaki.verdandi.resource.digitalocean.DatabaseCluster> redis) {
    }

    /** An environment's claim on the platform: its port on the app droplet and its domains. */
    record EnvironmentSlot(int port, List<String> domains) {
        public EnvironmentSlot {
            domains = List.copyOf(domains);
        }
    }
}
