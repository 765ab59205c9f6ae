package fr.mangaki.verdandi.resource.digitalocean;

/**
 * The DigitalOcean provider package these classes are written against. The engine loads the
 * {@code digitalocean} resource plugin at this version: every class passes it in its resource
 * options, and {@code com/pulumi/digitalocean/plugin.json} declares it to the Java language host.
 */
public final class DigitalOceanPackage {
    /** The package name, the first part of every type token. */
    public static final String NAME = "digitalocean";
    /** The provider plugin version, the version of {@code ../shared/schemas/digitalocean-*.json}. */
    public static final String VERSION = "4.76.0";

    private DigitalOceanPackage() {
    }
}
