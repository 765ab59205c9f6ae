package fr.mangaki.verdandi.stack;

/** Whether a stack owns the platform's droplets or is a guest on another stack's. */
public enum Hosting {
    /** The stack declares the droplets, VPC, firewall, DNS zone, backups and monitoring. */
    PLATFORM,
    /** The stack installs only its environment on the platform of {@code mangaki:platformStack}. */
    GUEST;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
