package fr.mangaki.verdandi.config;

import java.util.List;

/** The DigitalOcean region slugs where droplets, VPCs and monitoring are offered. */
public final class Region {
    /** Every region slug Verdandi accepts for {@code mangaki:region}. */
    public static final List<String> SLUGS = List.of(
            "ams3", "atl1", "blr1", "fra1", "lon1", "nyc1", "nyc2", "nyc3",
            "sfo2", "sfo3", "sgp1", "syd1", "tor1");

    private Region() {
    }

    public static boolean isKnown(String slug) {
        return SLUGS.contains(slug);
    }
}
