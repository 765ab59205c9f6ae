package fr.mangaki.verdandi.resource.command;

/**
 * The command provider package these classes are written against. The engine loads the
 * {@code command} resource plugin at this version: every class passes it in its resource options,
 * and {@code com/pulumi/command/plugin.json} declares it to the Java language host.
 */
public final class CommandPackage {
    /** The package name, the first part of every type token. */
    public static final String NAME = "command";
    /** The provider plugin version, the version of {@code ../shared/schemas/command-*.json}. */
    public static final String VERSION = "1.2.1";

    private CommandPackage() {
    }
}
