package fr.mangaki.verdandi.config;

import java.util.Objects;
import java.util.Optional;

/**
 * How many app droplets serve the environments ({@code mangaki:app.count}, {@code app.autoscale},
 * {@code app.standby}; docs/growth.md). A plain value: the rules it follows are checked where it
 * is used, by {@code PlatformArgs}' builder.
 *
 * @param count     the app droplets {@code pulumi up} makes and installs, 1 by default
 * @param autoscale a DigitalOcean Droplet Autoscale pool of app droplets beside them; empty: none
 * @param standby   whether a standby app droplet waits, as the front's backup server, for the
 *                  primary to be lost (with a local database, a streaming replica of it)
 */
public record AppLayout(int count, Optional<Autoscale> autoscale, boolean standby) {
    public AppLayout {
        Objects.requireNonNull(autoscale, "autoscale");
    }

    /** The default: one app droplet, no pool, no standby. */
    public static AppLayout single() {
        return new AppLayout(1, Optional.empty(), false);
    }

    /**
     * A Droplet Autoscale pool: DigitalOcean keeps between {@code min} and {@code max} droplets,
     * adding one when their average CPU use stays above {@code cpuPercent}.
     */
    public record Autoscale(int min, int max, int cpuPercent) {
    }
}
