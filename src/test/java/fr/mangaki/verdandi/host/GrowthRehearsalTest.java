package fr.mangaki.verdandi.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.host.rehearsal.GrowthRehearsal;
import fr.mangaki.verdandi.host.rehearsal.RolloutRehearsal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The grown platform rehearsed for real on loopback (GrowthRehearsal, also bench/growth): two
 * app servers behind the front keep every request answered through a rolling reload and the
 * loss of one; a standby made by replication-allow and standby-follow, promoted by
 * standby-promote once the primary is stopped, keeps every row written before the stop and
 * takes writes through the front again. Deploys on two app droplets sharing one database
 * (RolloutRehearsal) go live one at a time, and a commit that fails on one droplet only is
 * rolled back on the other. Needs root and PostgreSQL 15, NGINX, gunicorn,
 * psycopg2 (.ci/run installs them).
 */
@Tag("rehearsal")
class GrowthRehearsalTest {
    @Test
    void keepsServingThroughALostAppServerAndAPromotedStandbyWithEveryRow() throws Exception {
        try (GrowthRehearsal rehearsal = new GrowthRehearsal()) {
            GrowthRehearsal.Figures f = rehearsal.run(50);
            assertEquals(0, f.failedRequests(), "failed requests: " + f.failureSamples());
            assertTrue(f.requests() > 200, "requests: " + f.requests());
            assertEquals(50, f.rowsKept(), "rows kept by the promoted standby");
            assertTrue(f.line().matches("app_count=2 failed_requests=0 failover_s=[0-9]+\\.[0-9] rows_kept=50/50"),
                    f.line());
        }
    }

    @Test
    void deploysGoLiveOneAtATimeAndACommitFailedOnOneDropletIsRolledBackOnTheOther() throws Exception {
        try (RolloutRehearsal rehearsal = new RolloutRehearsal()) {
            RolloutRehearsal.Figures f = rehearsal.run();
            assertEquals(0, f.failedRequests(), "failed requests: " + f.failureSamples());
            assertTrue(f.requests() > 100, "requests: " + f.requests());
            assertTrue(f.oneAtATime(), "not one at a time: " + f.rows() + "\nSlack: " + f.slack());
            assertTrue(f.rolledBackEverywhere(), "not rolled back everywhere: " + f.rows() + "\nSlack: " + f.slack());
            assertEquals("rollout_one_at_a_time=1 rolled_back_everywhere=1", f.line());
        }
    }
}
