package fr.mangaki.verdandi.component;

import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Platform} is made of: an immutable spec, built with {@link #builder()}.
 *
 * <p>Defaults: region {@code ams3}; both droplets {@code s-1vcpu-1gb} running
 * {@code debian-12-x64}; the app droplet backed up weekly on Sunday at 4 UTC; no alerts.
 * The zone ({@code domain}), at least one SSH key and at least one admin network have no
 * good default and are required.
 */
public final class PlatformArgs {
    /** The droplets' image unless told otherwise. */
    public static final String DEFAULT_IMAGE = "debian-12-x64";

    private final String region;
    private final String domain;
    private final DropletSize frontSize;
    private final DropletSize appSize;
    private final Backups appBackups;
    private final String image;
    private final List<String> sshKeys;
    private final List<String> adminCidrs;
    private final Optional<Alerts> alerts;

    private PlatformArgs(Builder b) {
        this.region = b.region;
        this.domain = b.domain;
        this.frontSize = b.frontSize;
        this.appSize = b.appSize;
        this.appBackups = b.appBackups;
        this.image = b.image;
        this.sshKeys = List.copyOf(b.sshKeys);
        this.adminCidrs = List.copyOf(b.adminCidrs);
        this.alerts = Optional.ofNullable(b.alerts);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The DigitalOcean region of the VPC and both droplets. Default: {@code ams3}. */
    public String region() {
        return region;
    }

    /** The DNS zone the platform manages (e.g. {@code mangaki.fr}). Required. */
    public String domain() {
        return domain;
    }

    /** The front droplet's size. Default: {@code s-1vcpu-1gb}. */
    public DropletSize frontSize() {
        return frontSize;
    }

    /** The app droplet's size. Default: {@code s-1vcpu-1gb}. */
    public DropletSize appSize() {
        return appSize;
    }

    /** The app droplet's backups. Default: weekly, Sunday at 4 UTC. */
    public Backups appBackups() {
        return appBackups;
    }

    /** The droplets' image. Default: {@code debian-12-x64}. */
    public String image() {
        return image;
    }

    /** OpenSSH public keys of the people and the CI allowed in as the admin user. Required. */
    public List<String> sshKeys() {
        return sshKeys;
    }

    /** Networks allowed to reach SSH on both droplets. Required. */
    public List<String> adminCidrs() {
        return adminCidrs;
    }

    /** Who is alerted on high CPU, memory or disk use. Default: no alert. */
    public Optional<Alerts> alerts() {
        return alerts;
    }

    /** Fluent builder of {@link PlatformArgs}. */
    public static final class Builder {
        private String region = "ams3";
        private String domain;
        private DropletSize frontSize = DropletSize.S_1VCPU_1GB;
        private DropletSize appSize = DropletSize.S_1VCPU_1GB;
        private Backups appBackups = Backups.defaults();
        private String image = DEFAULT_IMAGE;
        private final List<String> sshKeys = new ArrayList<>();
        private final List<String> adminCidrs = new ArrayList<>();
        private Alerts alerts;

        private Builder() {
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        public Builder front(DropletSize size) {
            this.frontSize = Objects.requireNonNull(size, "size");
            return this;
        }

        public Builder app(DropletSize size) {
            this.appSize = Objects.requireNonNull(size, "size");
            return this;
        }

        public Builder app(DropletSize size, Backups backups) {
            this.appBackups = Objects.requireNonNull(backups, "backups");
            return app(size);
        }

        public Builder image(String image) {
            this.image = Objects.requireNonNull(image, "image");
            return this;
        }

        public Builder sshKey(String publicKey) {
            sshKeys.add(Objects.requireNonNull(publicKey, "publicKey"));
            return this;
        }

        public Builder sshKeys(List<String> publicKeys) {
            publicKeys.forEach(this::sshKey);
            return this;
        }

        public Builder adminCidr(String cidr) {
            adminCidrs.add(Objects.requireNonNull(cidr, "cidr"));
            return this;
        }

        public Builder adminCidrs(List<String> cidrs) {
            cidrs.forEach(this::adminCidr);
            return this;
        }

        public Builder alerts(Alerts alerts) {
            this.alerts = Objects.requireNonNull(alerts, "alerts");
            return this;
        }

        /** @throws ConfigException naming every missing or invalid value */
        public PlatformArgs build() {
            List<String> problems = new ArrayList<>();
            if (domain == null) {
                problems.add("PlatformArgs.domain: is required (the DNS zone, e.g. mangaki.fr)");
            }
            if (!Region.isKnown(region)) {
                problems.add("PlatformArgs.region: \"" + region + "\" is not one of " + String.join(", ", Region.SLUGS));
            }
            if (sshKeys.isEmpty()) {
                problems.add("PlatformArgs.sshKeys: at least one SSH public key is required");
            }
            if (adminCidrs.isEmpty()) {
                problems.add("PlatformArgs.adminCidrs: at least one admin network is required");
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new PlatformArgs(this);
        }
    }
}
