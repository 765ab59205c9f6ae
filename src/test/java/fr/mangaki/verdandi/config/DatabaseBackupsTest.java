package fr.mangaki.verdandi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value of an environment's database backups; its rules are {@code EnvironmentArgs}' (EnvironmentArgsTest). */
class DatabaseBackupsTest {

    @Test
    void defaultsToNightlyForProductionOnly() {
        assertEquals(new DatabaseBackups(true, 3, 14, Optional.empty()), DatabaseBackups.defaultsFor("production"));
        assertFalse(DatabaseBackups.defaultsFor("staging").nightly());
        assertFalse(DatabaseBackups.defaultsFor("demo").nightly());
    }

    @Test
    void namesTheEndpointOfItsBucketsRegion() {
        DatabaseBackups.Bucket bucket = new DatabaseBackups.Bucket("mangaki-backups", "ams3");
        assertEquals("ams3.digitaloceanspaces.com", bucket.endpoint());
        assertTrue(DatabaseBackups.nightly(3, 14).withBucket(bucket).bucket().isPresent());
    }

    @Test
    void describesItselfInWords() {
        assertEquals("nightly at 03:00 UTC, kept 14 days", DatabaseBackups.defaultsFor("production").describe());
        assertEquals("no nightly dump, kept 14 days", DatabaseBackups.defaultsFor("staging").describe());
        assertEquals("nightly at 22:00 UTC, kept 30 days, copied to bucket mangaki-backups (fra1)",
                DatabaseBackups.nightly(22, 30).withBucket(new DatabaseBackups.Bucket("mangaki-backups", "fra1"))
                        .describe());
    }
}
