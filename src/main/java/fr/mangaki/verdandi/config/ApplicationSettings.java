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
 */
public record ApplicationSettings(
        Map<String, ProcessSettings> processes,
        String python,
        List<String> postgresExtensions,
        boolean redis,
        Map<String, String> settingsFiles) {

    /** Debian 12's interpreter. */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";

    /**
     * One process of the stack.
     *
     * @param command      the command, run in the directory of manage.py; empty: the Procfile's
     * @param graceSeconds how long it may take to stop after TERM (running tasks finish);
     *                     empty: 30 s
     */
    public record ProcessSettings(Optional<String> command, OptionalInt graceSeconds) {
        public ProcessSettings {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(graceSeconds, "graceSeconds");
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
        return new ApplicationSettings(Map.of(), DEFAULT_PYTHON, List.of(), false, Map.of());
    }
}
