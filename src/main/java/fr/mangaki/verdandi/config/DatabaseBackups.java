package fr.mangaki.verdandi.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The backups of one environment's database (docs/backups.md): a nightly
 * {@code pg_dump --format=custom} at {@code hour} UTC, encrypted to the recipients of
 * {@code secrets/recipients/}, kept {@code keepDays} days on the app droplet and on the
 * front, and copied to a DigitalOcean Spaces bucket when one is given. Dumps before a
 * deploy's migrations are taken whether or not the nightly dump is on. A plain value: the
 * rules it follows are checked where it is used, by {@code EnvironmentArgs}' builder.
 *
 * @param nightly  whether the nightly dump runs; on by default for production only
 * @param hour     the UTC hour of the nightly dump, 0..23; default {@value #DEFAULT_HOUR}
 * @param keepDays how many days dumps are kept, 1..3650; default {@value #DEFAULT_KEEP_DAYS}
 * @param bucket   the Spaces bucket that also receives each nightly dump; none by default
 */
public record DatabaseBackups(boolean nightly, int hour, int keepDays, Optional<Bucket> bucket) {
    public static final int DEFAULT_HOUR = 3;
    public static final int DEFAULT_KEEP_DAYS = 14;

    /** The regions of DigitalOcean Spaces. */
    public static final List<String> SPACES_REGIONS = List.of("ams3", "atl1", "blr1", "fra1", "lon1", "nyc3", "sfo2",
            "sfo3", "sgp1", "syd1", "tor1");
    /** DigitalOcean's price of a Spaces subscription (250 GiB stored, 1 TiB outbound), USD a month. */
    public static final BigDecimal SPACES_MONTHLY_USD = new BigDecimal("5.00");

    /**
     * A DigitalOcean Spaces bucket (S3-compatible) and its region; the access keys are the
     * environment file's {@code BACKUP_S3_ACCESS_KEY_ID} and {@code BACKUP_S3_SECRET_ACCESS_KEY}.
     *
     * @param name   3 to 63 lower-case letters, digits and '-'
     * @param region a Spaces region ({@link #SPACES_REGIONS}), e.g. {@code ams3}
     */
    public record Bucket(String name, String region) {
        public Bucket {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(region, "region");
        }

        /** The S3 endpoint of the bucket's region. */
        public String endpoint() {
            return region + ".digitaloceanspaces.com";
        }
    }

    public DatabaseBackups {
        Objects.requireNonNull(bucket, "bucket");
    }

    /**
     * What these backups do, in words, e.g. {@code nightly at 03:00 UTC, kept 14 days, copied
     * to bucket mangaki-backups (ams3)}: shown in the plan, where the cost estimate reads the bucket.
     */
    public String describe() {
        return (nightly ? String.format(Locale.ROOT, "nightly at %02d:00 UTC", hour) : "no nightly dump")
                + ", kept " + keepDays + " days"
                + bucket.map(b -> ", copied to bucket " + b.name() + " (" + b.region() + ")").orElse("");
    }

    /** The default of environment {@code name}: nightly at 3 UTC kept 14 days for {@code production}, off otherwise. */
    public static DatabaseBackups defaultsFor(String name) {
        return new DatabaseBackups("production".equals(name), DEFAULT_HOUR, DEFAULT_KEEP_DAYS, Optional.empty());
    }

    /** Nightly dumps at {@code hour} UTC kept {@code keepDays} days, no bucket. */
    public static DatabaseBackups nightly(int hour, int keepDays) {
        return new DatabaseBackups(true, hour, keepDays, Optional.empty());
    }

    /** These backups with a copy to {@code bucket}. */
    public DatabaseBackups withBucket(Bucket bucket) {
        return new DatabaseBackups(nightly, hour, keepDays, Optional.of(bucket));
    }
}
