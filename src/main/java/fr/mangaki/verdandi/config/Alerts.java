package fr.mangaki.verdandi.config;

import java.util.List;

/**
 * Who is told, and past which thresholds, when a droplet or an environment is unwell.
 *
 * @param emails        addresses notified by DigitalOcean monitoring and uptime alerts
 * @param cpuPercent    CPU use (5-minute average) that raises an alert
 * @param memoryPercent memory use that raises an alert
 * @param diskPercent   disk use that raises an alert
 */
public record Alerts(List<String> emails, int cpuPercent, int memoryPercent, int diskPercent) {
    public static final int DEFAULT_CPU_PERCENT = 80;
    public static final int DEFAULT_MEMORY_PERCENT = 90;
    public static final int DEFAULT_DISK_PERCENT = 85;

    public Alerts {
        emails = List.copyOf(emails);
    }

    /** Alerts to {@code emails} with the default thresholds (CPU 80 %, memory 90 %, disk 85 %). */
    public static Alerts to(String... emails) {
        return new Alerts(List.of(emails), DEFAULT_CPU_PERCENT, DEFAULT_MEMORY_PERCENT, DEFAULT_DISK_PERCENT);
    }
}
