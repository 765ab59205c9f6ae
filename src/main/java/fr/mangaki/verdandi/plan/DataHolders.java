package fr.mangaki.verdandi.plan;

import com.fasterxml.jackson.databind.JsonNode;
import fr.mangaki.verdandi.plan.SavedPlan.Resource;
import java.util.Optional;

/**
 * Which resources of a plan hold data that a replacement or a destroy loses, and what:
 * <ul>
 *   <li>a DNS zone ({@code digitalocean:index/domain:Domain}): every record in it;</li>
 *   <li>a droplet that is backed up or protected on either side
 *   ({@code digitalocean:index/droplet:Droplet}; the platform's app droplet is both, the front
 *   neither: it is rebuilt from code): everything on its disk, the environments' PostgreSQL
 *   databases and files first. A new droplet starts from its image, not from a backup.</li>
 * </ul>
 */
final class DataHolders {
    static final String DOMAIN = "digitalocean:index/domain:Domain";
    static final String DROPLET = "digitalocean:index/droplet:Droplet";

    private DataHolders() {
    }

    /** What is lost when the resource is replaced or destroyed; empty when it holds no data. */
    static Optional<String> loss(Optional<Resource> before, Optional<Resource> after) {
        Resource any = after.or(() -> before).orElseThrow();
        if (any.type().equals(DOMAIN)) {
            return Optional.of("the zone and every DNS record in it: every environment's domains stop resolving until "
                    + "they are made again");
        }
        if (any.type().equals(DROPLET) && (holdsData(before) || holdsData(after))) {
            return Optional.of("everything on its disk: every environment's PostgreSQL database and files (the new "
                    + "droplet starts from its image, not from a backup)");
        }
        return Optional.empty();
    }

    private static boolean holdsData(Optional<Resource> droplet) {
        return droplet.filter(d -> isTrue(d.inputs().get("backups"))
                || d.options().filter(ResourceOptions::protect).isPresent()).isPresent();
    }

    private static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
