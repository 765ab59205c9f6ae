package fr.mangaki.verdandi.config;

import java.util.List;
import java.util.Objects;

/**
 * One environment: a branch of the application repository served on some domains. A plain
 * value: {@code EnvironmentArgs}' builder checks it (its rules: names, ports, URLs...).
 *
 * @param name        lower-case letters, digits and '-' (e.g. {@code production})
 * @param branch      the git branch the deploy loop follows
 * @param domains     fully qualified domains, the first one is the main domain
 * @param port        the gunicorn port on the app droplet, unique per host
 * @param repository  the application's git URL
 * @param gates       shell commands that must pass before a release goes live
 * @param pollSeconds how often the deploy loop asks the origin for a new commit
 * @param backups     the database's backups (docs/backups.md); default
 *                    {@link DatabaseBackups#defaultsFor}: nightly for production only
 * @param application processes, interpreter, extensions, Redis and settings files
 * @param front       the front's alerts and access logs; default {@link FrontSettings#defaults()}
 */
public record EnvironmentSettings(
        String name,
        String branch,
        List<String> domains,
        int port,
        String repository,
        List<String> gates,
        int pollSeconds,
        DatabaseBackups backups,
        ApplicationSettings application,
        FrontSettings front) {

    /** An environment with the front's default alerts and access logs. */
    public EnvironmentSettings(String name, String branch, List<String> domains, int port, String repository,
                               List<String> gates, int pollSeconds, DatabaseBackups backups,
                               ApplicationSettings application) {
        this(name, branch, domains, port, repository, gates, pollSeconds, backups, application, FrontSettings.defaults());
    }

    /** An environment with the default backups of its name, whose application needs nothing besides its web process. */
    public EnvironmentSettings(String name, String branch, List<String> domains, int port, String repository,
                               List<String> gates, int pollSeconds) {
        this(name, branch, domains, port, repository, gates, pollSeconds, DatabaseBackups.defaultsFor(name),
                ApplicationSettings.defaults());
    }

    /** An environment whose application needs nothing besides its web process. */
    public EnvironmentSettings(String name, String branch, List<String> domains, int port, String repository,
                               List<String> gates, int pollSeconds, DatabaseBackups backups) {
        this(name, branch, domains, port, repository, gates, pollSeconds, backups, ApplicationSettings.defaults());
    }

    /** An environment with the default backups of its name. */
    public EnvironmentSettings(String name, String branch, List<String> domains, int port, String repository,
                               List<String> gates, int pollSeconds, ApplicationSettings application) {
        this(name, branch, domains, port, repository, gates, pollSeconds, DatabaseBackups.defaultsFor(name), application);
    }

    public EnvironmentSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(backups, "backups");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(repository, "repository");
        domains = List.copyOf(domains);
        gates = List.copyOf(gates);
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(front, "front");
    }


    /** The domain the uptime check watches: the first one listed. */
    public String mainDomain() {
        return domains.get(0);
    }
}
