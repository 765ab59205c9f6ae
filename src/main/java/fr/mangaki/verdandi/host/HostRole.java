package fr.mangaki.verdandi.host;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two kinds of droplet of the platform (README.md, "Topology"). */
public enum HostRole {
    /** NGINX reverse proxy with TLS: one server block per environment, by {@code Host}. */
    FRONT,
    /** Gunicorn environments, their deploy loops and PostgreSQL. */
    APP;

    /** The lower-case name used on the command line ({@code front}, {@code app}). */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HostRole> bySlug(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug().equals(slug)).findFirst();
    }
}
