package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.config.ApplicationSettings;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.config.EnvironmentSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The resident memory an app droplet needs for what it hosts: the system, PostgreSQL, NGINX,
 * Redis when an environment asks for it, and per environment its deploy loop, gunicorn
 * master and workers and each of the stack's other processes (docs/deploy.md, "Memory").
 *
 * <p>The per-process figures were measured in the deploy rehearsal ({@code bench/deploy-loop}
 * prints them: resident memory of each process with its children, on Debian 12, Python
 * 3.11, Django 3.2 and Celery 5.3, with the rehearsal's small application): an application
 * that imports more (Mangaki's recommendations load numpy and scipy) needs more, so
 * the figures are a floor. Processes that only the application's Procfile declares are not
 * known to the plan and are not counted.
 *
 * @param size  the app droplet's size
 * @param lines what is counted, in MiB
 */
public record MemoryEstimate(DropletSize size, List<Line> lines) {

    /** Debian 12, systemd, journald, sshd, unattended-upgrades (observed on a 1 GiB droplet). */
    public static final int SYSTEM_MIB = 120;
    /** PostgreSQL 15 tuned by cloud-init (shared_buffers 64 MB, 40 connections at most). */
    public static final int POSTGRES_MIB = 100;
    /** NGINX on the app host (master and one worker per core). */
    public static final int NGINX_MIB = 10;
    /** redis-server with the rehearsal's queues: measured 12 MiB. */
    public static final int REDIS_MIB = 12;
    /** One deploy loop, idle between polls (bash). */
    public static final int DEPLOY_LOOP_MIB = 5;
    /** The gunicorn master: measured 28 MiB. */
    public static final int GUNICORN_MASTER_MIB = 28;
    /** One gunicorn worker with Django loaded: measured 59 MiB (118 MiB for two). */
    public static final int GUNICORN_WORKER_MIB = 59;
    /** The gunicorn workers per environment (env-install's default). */
    public static final int GUNICORN_WORKERS = 2;
    /** A Celery worker with one prefork child, Django loaded: measured 123 MiB (65 MiB with the solo pool). */
    public static final int CELERY_WORKER_MIB = 123;
    /** Celery beat: measured 65 MiB. */
    public static final int CELERY_BEAT_MIB = 65;
    /** Any other process of the stack: a Python process with Django loaded, like beat. */
    public static final int OTHER_PROCESS_MIB = 65;

    /** One counted item. */
    public record Line(String what, int mib) {
    }

    public MemoryEstimate {
        lines = List.copyOf(lines);
    }

    /** The estimate for an app droplet of {@code size} hosting {@code environments}. */
    public static MemoryEstimate of(DropletSize size, List<EnvironmentSettings> environments) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("system (Debian, systemd, sshd)", SYSTEM_MIB));
        lines.add(new Line("PostgreSQL", POSTGRES_MIB));
        lines.add(new Line("NGINX", NGINX_MIB));
        if (environments.stream().anyMatch(e -> e.application().redis())) {
            lines.add(new Line("Redis", REDIS_MIB));
        }
        for (EnvironmentSettings env : environments) {
            lines.add(new Line(env.name() + ": deploy loop", DEPLOY_LOOP_MIB));
            lines.add(new Line(env.name() + ": web (gunicorn master + " + GUNICORN_WORKERS + " workers)",
                    GUNICORN_MASTER_MIB + GUNICORN_WORKERS * GUNICORN_WORKER_MIB));
            env.application().processes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(p -> lines.add(new Line(env.name() + ": " + p.getKey(), processMib(p.getKey(), p.getValue()))));
        }
        return new MemoryEstimate(size, lines);
    }

    /** Celery's worker and beat by their command (or name, when the Procfile has the command). */
    static int processMib(String name, ApplicationSettings.ProcessSettings process) {
        String command = process.command().orElse(name);
        if (command.contains("beat")) {
            return CELERY_BEAT_MIB;
        }
        if (command.contains("worker")) {
            return CELERY_WORKER_MIB;
        }
        return OTHER_PROCESS_MIB;
    }

    public int totalMib() {
        return lines.stream().mapToInt(Line::mib).sum();
    }

    public boolean fits() {
        return totalMib() <= size.memoryMb();
    }

    /** The cheapest size with at least as many vCPUs whose memory holds the estimate. */
    public Optional<DropletSize> sizeThatFits() {
        return Arrays.stream(DropletSize.values())
                .filter(s -> s.memoryMb() >= totalMib() && s.vcpus() >= size.vcpus())
                .min(java.util.Comparator.comparing(DropletSize::monthlyUsd).thenComparing(DropletSize::memoryMb));
    }

    /**
     * When the estimate exceeds the droplet's memory: one line naming the environments and
     * their processes, and the size that fits with its price. Empty when it fits.
     */
    public Optional<String> warning() {
        if (fits()) {
            return Optional.empty();
        }
        List<String> hosted = new ArrayList<>();
        for (Line line : lines) {
            int colon = line.what().indexOf(": ");
            if (colon > 0 && !line.what().endsWith("deploy loop")) {
                String env = line.what().substring(0, colon);
                String process = line.what().substring(colon + 2).replaceAll(" \\(.*", "");
                String entry = env + " (";
                int at = hosted.stream().map(h -> h.startsWith(entry)).toList().indexOf(true);
                if (at < 0) {
                    hosted.add(entry + process + ")");
                } else {
                    String h = hosted.get(at);
                    hosted.set(at, h.substring(0, h.length() - 1) + ", " + process + ")");
                }
            }
        }
        String fix = sizeThatFits().map(s -> "; " + s.slug() + " (" + s.memoryMb() + " MiB, $"
                        + s.monthlyUsd().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                        + " a month) fits: set mangaki:app.size")
                .orElse("; no droplet size of the table fits: move environments to a platform of their own");
        return Optional.of(String.format(Locale.ROOT,
                "memory: the app droplet (%s, %d MiB) needs about %d MiB for %s, PostgreSQL%s%s",
                size.slug(), size.memoryMb(), totalMib(), String.join(", ", hosted),
                lines.stream().anyMatch(l -> l.what().equals("Redis")) ? ", Redis" : "", fix));
    }
}
