package fr.mangaki.verdandi.plan.internal;

/** Reads Pulumi URNs: {@code urn:pulumi:STACK::PROJECT::PARENT-TYPE$TYPE::NAME}. */
public final class Urns {
    private Urns() {
    }

    /** The logical name at the end of a URN. */
    public static String name(String urn) {
        int i = urn.lastIndexOf("::");
        if (!urn.startsWith("urn:pulumi:") || i < 0) {
            throw new IllegalArgumentException("not a Pulumi URN: " + urn);
        }
        return urn.substring(i + 2);
    }
}
