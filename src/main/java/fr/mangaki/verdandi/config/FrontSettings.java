package fr.mangaki.verdandi.config;

/**
 * What the front does for an environment besides proxying it (docs/deploy.md, "The front"):
 * the thresholds of its peak and error alerts, and how long its access logs are kept. A plain
 * value: {@code EnvironmentArgs}' builder checks it.
 *
 * @param requestsPerMinute requests per minute (averaged over 5 minutes) from which Slack hears
 *                          of a traffic peak
 * @param errorRatePercent  share of 5xx answers (over 5 minutes, from 20 requests) from which
 *                          Slack hears of errors
 * @param accessLogDays     days the front keeps the access log (client addresses anonymised)
 */
public record FrontSettings(int requestsPerMinute, int errorRatePercent, int accessLogDays) {
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 300;
    public static final int DEFAULT_ERROR_RATE_PERCENT = 5;
    public static final int DEFAULT_ACCESS_LOG_DAYS = 30;

    /** 300 requests per minute, 5 % of 5xx, logs kept 30 days. */
    public static FrontSettings defaults() {
        return new FrontSettings(DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_ERROR_RATE_PERCENT, DEFAULT_ACCESS_LOG_DAYS);
    }
}
