package fr.mangaki.verdandi.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A droplet backup policy (DigitalOcean's {@code backupPolicy}).
 *
 * @param plan    {@code daily} or {@code weekly}
 * @param weekday for weekly backups, the day ({@code SUN}..{@code SAT}); empty for daily
 * @param hour    the UTC hour the four-hour backup window starts: 0, 4, 8, 12, 16 or 20
 */
public record Backups(String plan, Optional<String> weekday, int hour) {
    public static final List<String> PLANS = List.of("daily", "weekly");
    public static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    public static final List<Integer> HOURS = List.of(0, 4, 8, 12, 16, 20);

    public Backups {
        if (!PLANS.contains(plan)) {
            throw new IllegalArgumentException("backup plan " + plan + " is not one of " + PLANS);
        }
        if (plan.equals("weekly") && weekday.isEmpty()) {
            throw new IllegalArgumentException("weekly backups need a weekday");
        }
        weekday.filter(d -> !WEEKDAYS.contains(d)).ifPresent(d -> {
            throw new IllegalArgumentException("weekday " + d + " is not one of " + WEEKDAYS);
        });
        if (!HOURS.contains(hour)) {
            throw new IllegalArgumentException("backup hour " + hour + " is not one of " + HOURS);
        }
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
