package fr.mangaki.verdandi.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseBackupsTest {

    @Test
    void defaultsToNightlyForProductionOnly() {
        assertEquals(new DatabaseBackups(true, 3, 14, Optional.empty()), DatabaseBackups.defaultsFor("production"));
        assertFalse(DatabaseBackups.defaultsFor("staging").nightly());
        assertFalse(DatabaseBackups.defaultsFor("demo").nightly());
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        for (int[] ok : new int[][] {{0, 1}, {23, 3650}, {3, 14}}) {
            DatabaseBackups b = DatabaseBackups.nightly(ok[0], ok[1]);
            assertEquals(ok[0], b.hour());
            assertEquals(ok[1], b.keepDays());
        }
        DatabaseBackups.Bucket bucket = new DatabaseBackups.Bucket("mangaki-backups", "ams3");
        assertEquals("ams3.digitaloceanspaces.com", bucket.endpoint());
        assertTrue(DatabaseBackups.nightly(3, 14).withBucket(bucket).bucket().isPresent());
    }

    @Test
    void rejectsHoursAndDaysOutOfRangeNamingEach() {
        ConfigException e = assertThrows(ConfigException.class, () -> new DatabaseBackups(true, 24, 0, Optional.empty()));
        assertEquals(List.of("backups.hour: 24 is not an hour in 0..23 (UTC)", "backups.keepDays: 0 is not in 1..3650"),
                e.problems());
        assertThrows(ConfigException.class, () -> DatabaseBackups.nightly(-1, 14));
        assertThrows(ConfigException.class, () -> DatabaseBackups.nightly(3, 3651));
    }

    @Test
    void rejectsBadBucketsNamingEach() {
        ConfigException e = assertThrows(ConfigException.class, () -> new DatabaseBackups.Bucket("Mangaki_Backups", "mars"));
        assertEquals(List.of("backups.bucket.name: 'Mangaki_Backups' is not a bucket name: 3 to 63 lower-case letters,"
                        + " digits and '-', starting and ending with a letter or digit",
                "backups.bucket.region: 'mars' is not one of ams3, atl1, blr1, fra1, lon1, nyc3, sfo2, sfo3, sgp1, syd1, tor1"),
                e.problems());
        assertThrows(ConfigException.class, () -> new DatabaseBackups.Bucket("ab", "ams3"));
    }
}
