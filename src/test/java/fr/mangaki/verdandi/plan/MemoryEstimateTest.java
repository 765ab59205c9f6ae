package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.config.ApplicationSettings;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryEstimateTest {

    private static EnvironmentSettings env(String name, int port, Map<String, ApplicationSettings.ProcessSettings> processes,
                                           boolean redis) {
        return new EnvironmentSettings(name, name, List.of(name + ".mangaki.fr"), port, "https://github.com/mangaki/mangaki.git",
                List.of(), 5, new ApplicationSettings(processes, ApplicationSettings.DEFAULT_PYTHON, List.of(), redis, Map.of()));
    }

    private static final Map<String, ApplicationSettings.ProcessSettings> CELERY = Map.of(
            "worker", ApplicationSettings.ProcessSettings.command("celery -A mangaki worker"),
            "beat", ApplicationSettings.ProcessSettings.command("celery -A mangaki beat"));

    @Test
    void countsTheSystemThePlatformsServicesAndEachEnvironmentsProcesses() {
        MemoryEstimate m = MemoryEstimate.of(DropletSize.S_1VCPU_1GB, List.of(env("production", 8000, CELERY, true)));
        assertEquals(List.of(
                new MemoryEstimate.Line("system (Debian, systemd, sshd)", 120),
                new MemoryEstimate.Line("PostgreSQL", 100),
                new MemoryEstimate.Line("NGINX", 10),
                new MemoryEstimate.Line("Redis", 12),
                new MemoryEstimate.Line("production: deploy loop", 5),
                new MemoryEstimate.Line("production: web (gunicorn master + 2 workers)", 146),
                new MemoryEstimate.Line("production: beat", MemoryEstimate.CELERY_BEAT_MIB),
                new MemoryEstimate.Line("production: worker", MemoryEstimate.CELERY_WORKER_MIB)), m.lines());
        assertTrue(m.fits());
        assertEquals(Optional.empty(), m.warning());
    }

    @Test
    void warnsNamingTheEnvironmentsAndProcessesAndSuggestsTheSizeThatFits() {
        MemoryEstimate m = MemoryEstimate.of(DropletSize.S_1VCPU_1GB, List.of(
                env("production", 8000, CELERY, true), env("staging", 8001, CELERY, true),
                env("demo", 8002, CELERY, false)));
        int total = m.totalMib();
        assertTrue(total > 1024, "total " + total);
        assertEquals(Optional.of(DropletSize.S_1VCPU_2GB), m.sizeThatFits());
        assertEquals(Optional.of("memory: the app droplet (s-1vcpu-1gb, 1024 MiB) needs about " + total + " MiB for"
                + " production (web, beat, worker), staging (web, beat, worker), demo (web, beat, worker), PostgreSQL, Redis;"
                + " s-1vcpu-2gb (2048 MiB, $12.00 a month) fits: set mangaki:app.size"), m.warning());
    }

    @Test
    void theProductionPlanCountsTheGuestStacksBesideIt() {
        Plan plan = new StackPlanner(Map.of()).plan(Path.of("Pulumi.production.yaml").toAbsolutePath());
        MemoryEstimate m = plan.memory().orElseThrow();
        assertTrue(m.lines().stream().anyMatch(l -> l.what().equals("staging: worker")), m.lines().toString());
        assertTrue(m.lines().stream().anyMatch(l -> l.what().equals("production: beat")), m.lines().toString());
        assertTrue(PlanText.render(plan).contains("\nMemory of the app droplet (s-1vcpu-1gb, 1024 MiB), resident, estimated:\n"));
    }
}
