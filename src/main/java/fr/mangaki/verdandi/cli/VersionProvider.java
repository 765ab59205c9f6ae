package fr.mangaki.verdandi.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest (development builds say so). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VerdandiCli.class.getPackage().getImplementationVersion();
        return new String[] {"verdandi " + (v == null ? "(development build)" : v)};
    }
}
