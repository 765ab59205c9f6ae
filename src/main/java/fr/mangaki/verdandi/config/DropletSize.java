package fr.mangaki.verdandi.config;

import java.util.List;
import java.util.Optional;

/**
 * The DigitalOcean droplet sizes Verdandi knows, with their list price. The table is the
 * source of the cost estimate and of the allowed values of {@code mangaki:front.size} and
 * {@code mangaki:app.size}. Prices are DigitalOcean's monthly list prices in US dollars, before backups.
 */
public enum DropletSize implements PricedSize {
    S_1VCPU_512MB_10GB("s-1vcpu-512mb-10gb", 1, 512, 10, "4.00"),
    S_1VCPU_1GB("s-1vcpu-1gb", 1, 1024, 25, "6.00"),
    S_1VCPU_1GB_AMD("s-1vcpu-1gb-amd", 1, 1024, 25, "7.00"),
    S_1VCPU_1GB_INTEL("s-1vcpu-1gb-intel", 1, 1024, 25, "7.00"),
    S_1VCPU_2GB("s-1vcpu-2gb", 1, 2048, 50, "12.00"),
    S_2VCPU_2GB("s-2vcpu-2gb", 2, 2048, 60, "18.00"),
    S_2VCPU_4GB("s-2vcpu-4gb", 2, 4096, 80, "24.00"),
    S_4VCPU_8GB("s-4vcpu-8gb", 4, 8192, 160, "48.00");

    private final Spec spec;

    DropletSize(String slug, int vcpus, int memoryMb, int diskGb, String monthlyUsd) {
        this.spec = Spec.of(slug, vcpus, memoryMb, diskGb, monthlyUsd);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    public static Optional<DropletSize> bySlug(String slug) {
        return PricedSize.bySlug(DropletSize.class, slug);
    }

    public static List<String> slugs() {
        return PricedSize.slugs(DropletSize.class);
    }
}
