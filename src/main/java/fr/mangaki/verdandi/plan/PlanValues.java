package fr.mangaki.verdandi.plan;

/** How values that cannot be shown are shown in a plan. */
public final class PlanValues {
    /** A secret value: never shown. */
    public static final String SECRET = "[secret]";
    /** A value the cloud provider decides at {@code pulumi up} (an IP address, an id). */
    public static final String UNKNOWN = "(known after apply)";

    private PlanValues() {
    }
}
