package fr.mangaki.verdandi.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an environment's application needs on the app host besides its web process
 * (docs/deploy.md, "Mangaki step by step").
 *
 * @param processes          the stack's processes by name ({@code worker}, {@code beat}):
 *                           a command (which wins over the Procfile's) and/or a grace period;
 *                           default none (the Procfile's processes run with a 30 s grace)
 * @param python             the interpreter of the release virtualenvs; default {@value #DEFAULT_PYTHON}
 * @param postgresExtensions extensions created as a superuser in the environment's database
 *                           (Mangaki: {@code pg_trgm}, {@code unaccent}); default none
 * @param redis              whether the environment gets a Redis database and user (its URL in
 *                           {@code REDIS_URL} and {@code ${VERDANDI_REDIS_URL}}); default false
 * @param settingsFiles      environment variable → file of {@code secrets/<env>/FILE.asc}, installed
 *                           mode 0600 in the environment's shared directory (Mangaki:
 *                           {@code MANGAKI_SETTINGS_PATH → settings.ini}); default none
 * @param settleSeconds      how long each process's new copy must stay up, after a deploy
 *                           started it: after its readiness signal (a Celery worker or beat;
 *                           checked beside the health check, a failure rolls the deploy back)
 *                           or, for a command with no signal, before the release goes live;
 *                           default {@value #DEFAULT_SETTLE_SECONDS}
 */
public record ApplicationSettings(
        Map<String, ProcessSettings> processes,
        String python,
        List<String> postgresExtensions,
        boolean redis,
        Map<String, String> settingsFiles,
        int settleSeconds) {

    /** Debian 12's interpreter. */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    /** A Celery worker that fails at import dies within about a second of its start. */
    public static final int DEFAULT_SETTLE_SECONDS = 3;

    /** With the default settle time. */
    public ApplicationSettings(Map<String, ProcessSettings> processes, String python, List<String> postgresExtensions,
            boolean redis, Map<String, String> settingsFiles) {
        this(processes, python, postgresExtensions, redis, settingsFiles, DEFAULT_SETTLE_SECONDS);
    }

    /**
     * One process of the stack.
     *
     * @param command      the command, run in the directory of manage.py; empty: the Procfile's
     * @param graceSeconds how long it may take to stop after TERM (running tasks finish);
     *                     empty: 30 s
     * @param handover     how a deploy replaces it: {@code overlap} (the new copy starts beside
     *                     the old one, which gets TERM when the release goes live) or
     *                     {@code stop} (the old copy stops before the new one starts: for a
     *                     process that must never run twice, such as a scheduler); empty:
     *                     {@code stop} for a process named {@code beat}, {@code clock} or
     *                     {@code scheduler} or running {@code celery ... beat}, otherwise
     *                     {@code overlap}
     */
    public record ProcessSettings(Optional<String> command, OptionalInt graceSeconds, Optional<String> handover) {
        public ProcessSettings {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(graceSeconds, "graceSeconds");
            Objects.requireNonNull(handover, "handover");
        }

        /** With the default handover. */
        public ProcessSettings(Optional<String> command, OptionalInt graceSeconds) {
            this(command, graceSeconds, Optional.empty());
        }

        public static ProcessSettings command(String command) {
            return new ProcessSettings(Optional.of(command), OptionalInt.empty());
        }
    }

    public ApplicationSettings {
        processes = Map.copyOf(new LinkedHashMap<>(processes));
        Objects.requireNonNull(python, "python");
        postgresExtensions = List.copyOf(postgresExtensions);
        settingsFiles = Map.copyOf(settingsFiles);
    }

    /** Nothing besides the web process, the default interpreter. */
    public static ApplicationSettings defaults() {
        return new ApplicationSettings(Map.of(), DEFAULT_PYTHON, List.of(), false, Map.of(), DEFAULT_SETTLE_SECONDS);
    }
}
