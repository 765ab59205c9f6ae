package fr.mangaki.verdandi.component;

import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link Environment} is made of.
 *
 * @param settings      the branch, domains, port, repository, gates and poll interval
 * @param platform      where it is installed: a {@link Platform} or a {@link PlatformReference}
 * @param alertEmails   who is told when its main domain is down; empty: the uptime check
 *                      runs with no alert
 * @param uptimeRegions where DigitalOcean checks it from; default {@code eu_west, us_east}
 * @param access        the SSH key and env file it installs itself with
 * @param acme          where the front gets its certificates; default Let's Encrypt, no contact
 */
public record EnvironmentArgs(EnvironmentSettings settings, PlatformHandle platform, List<String> alertEmails,
        List<String> uptimeRegions, HostAccess access, Acme acme) {
    public static final List<String> DEFAULT_UPTIME_REGIONS = List.of("eu_west", "us_east");

    public EnvironmentArgs {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(acme, "acme");
        alertEmails = List.copyOf(alertEmails);
        uptimeRegions = List.copyOf(uptimeRegions);
    }

    /** An environment with the default uptime regions, no alert and certificates from Let's Encrypt. */
    public static EnvironmentArgs of(EnvironmentSettings settings, PlatformHandle platform, HostAccess access) {
        return new EnvironmentArgs(settings, platform, List.of(), DEFAULT_UPTIME_REGIONS, access, Acme.letsEncrypt());
    }

    public EnvironmentArgs withAlertEmails(List<String> emails) {
        return new EnvironmentArgs(settings, platform, emails, uptimeRegions, access, acme);
    }

    public EnvironmentArgs withAcme(Acme acme) {
        return new EnvironmentArgs(settings, platform, alertEmails, uptimeRegions, access, acme);
    }
}
