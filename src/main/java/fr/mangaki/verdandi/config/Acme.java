package fr.mangaki.verdandi.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the platform's front gets the certificates ({@code mangaki:acme}): an ACME server's
 * directory and the contact e-mail of the account (RFC 8555). {@code site-install} asks it for
 * a certificate of every domain of an environment (HTTP-01 through the front). The rules of
 * both values are {@code PlatformArgs}'.
 *
 * @param directory the ACME directory URL; {@value #LETS_ENCRYPT} by default
 * @param email     the account's contact; none by default (the account has no contact)
 */
public record Acme(String directory, Optional<String> email) {

    /** Let's Encrypt's production directory. */
    public static final String LETS_ENCRYPT = "https://acme-v02.api.letsencrypt.org/directory";

    public Acme {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(email, "email");
    }

    /** Let's Encrypt, no contact. */
    public static Acme letsEncrypt() {
        return new Acme(LETS_ENCRYPT, Optional.empty());
    }
}
