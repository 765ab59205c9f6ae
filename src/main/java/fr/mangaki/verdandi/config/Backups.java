package fr.mangaki.verdandi.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A droplet backup policy (DigitalOcean's {@code backupPolicy}). A plain value: the rules it
 * follows are checked where it is used, by {@code PlatformArgs}' builder.
 *
 * @param plan    {@code daily} or {@code weekly} ({@link #PLANS})
 * @param weekday for weekly backups, the day ({@code SUN}..{@code SAT}, {@link #WEEKDAYS}); empty for daily
 * @param hour    the UTC hour the four-hour backup window starts: 0, 4, 8, 12, 16 or 20 ({@link #HOURS})
 */
public record Backups(String plan, Optional<String> weekday, int hour) {
    public static final List<String> PLANS = List.of("daily", "weekly");
    public static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    public static final List<Integer> HOURS = List.of(0, 4, 8, 12, 16, 20);

    public Backups {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(weekday, "weekday");
    }

    /** Weekly backups on {@code weekday} at {@code hour} UTC. */
    public static Backups weekly(String weekday, int hour) {
        return new Backups("weekly", Optional.of(weekday), hour);
    }

    /** Daily backups at {@code hour} UTC. */
    public static Backups daily(int hour) {
        return new Backups("daily", Optional.empty(), hour);
    }

    /** The default: weekly, Sunday at 4 UTC. */
    public static Backups defaults() {
        return weekly("SUN", 4);
    }

    /** What the backups add to the droplet's price: 20 % weekly, 30 % daily. */
    public BigDecimal surcharge() {
        return plan.equals("daily") ? new BigDecimal("0.30") : new BigDecimal("0.20");
    }
}
