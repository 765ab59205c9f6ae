package fr.mangaki.verdandi.plan.internal;

/**
 * The texts a plan shows in place of values it does not hold: a secret, and a value that only
 * the cloud provider decides. They appear as such in {@code verdandi plan} and its JSON form.
 */
public final class PlanPlaceholders {
    /** A secret value: never shown. */
    public static final String SECRET = "[secret]";
    /** A value the cloud provider decides at {@code pulumi up} (an IP address, an id). */
    public static final String UNKNOWN = "(known after apply)";

    private PlanPlaceholders() {
    }
}
