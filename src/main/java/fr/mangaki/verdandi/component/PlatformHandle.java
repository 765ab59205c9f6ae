package fr.mangaki.verdandi.component;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.config.Acme;
import java.util.List;
import java.util.Map;

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

    /** An environment's claim on the platform: its port on the app droplet and its domains. */
    record EnvironmentSlot(int port, List<String> domains) {
        public EnvironmentSlot {
            domains = List.copyOf(domains);
        }
    }
}
