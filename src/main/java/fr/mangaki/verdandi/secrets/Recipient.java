package fr.mangaki.verdandi.secrets;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person or machine that secrets are encrypted to: an OpenPGP certificate (public key)
 * with at least one valid encryption-capable subkey, as found in
 * {@code secrets/recipients/*.asc}.
 */
public final class Recipient {

    private final String fingerprint;
    private final String userId;
    private final String armoredPublicKey;
    private final Instant expires;
    private final List<String> encryptionKeyIds;

    /**
     * @param fingerprint       the primary key's fingerprint, hexadecimal (any case, spaces ignored)
     * @param userId            the primary user id ({@code "Name <mail>"}), or empty
     * @param armoredPublicKey  the ASCII-armored certificate (public material only)
     * @param expires           when the certificate expires, or null for never
     */
    public Recipient(String fingerprint, String userId, String armoredPublicKey, Instant expires) {
        this(fingerprint, userId, armoredPublicKey, expires, List.of());
    }

    /**
     * @param fingerprint       the primary key's fingerprint, hexadecimal (any case, spaces ignored)
     * @param userId            the primary user id ({@code "Name <mail>"}), or empty
     * @param armoredPublicKey  the ASCII-armored certificate (public material only)
     * @param expires           when the certificate expires, or null for never
     * @param encryptionKeyIds  the key ids (16 hexadecimal digits) of its valid encryption-capable keys
     */
    public Recipient(String fingerprint, String userId, String armoredPublicKey, Instant expires,
                     List<String> encryptionKeyIds) {
        this.fingerprint = normalizeFingerprint(fingerprint);
        this.userId = Objects.requireNonNull(userId, "userId");
        this.armoredPublicKey = Objects.requireNonNull(armoredPublicKey, "armoredPublicKey");
        this.expires = expires;
        this.encryptionKeyIds = List.copyOf(encryptionKeyIds);
    }

    /** The key ids (16 hexadecimal digits, upper case) of the keys that messages to this recipient are encrypted to. */
    public List<String> encryptionKeyIds() {
        return encryptionKeyIds;
    }

    /** Upper-case hexadecimal without spaces, as used in file names and on the command line. */
    public static String normalizeFingerprint(String fingerprint) {
        return fingerprint.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Upper-case hexadecimal, no spaces. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The fingerprint in groups of four, as GnuPG prints it. */
    public String prettyFingerprint() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fingerprint.length(); i += 4) {
            if (i > 0) {
                sb.append(i == fingerprint.length() / 2 ? "  " : " ");
            }
            sb.append(fingerprint, i, Math.min(i + 4, fingerprint.length()));
        }
        return sb.toString();
    }

    /** The primary user id, e.g. {@code Alice <alice@mangaki.fr>}; empty when the key has none. */
    public String userId() {
        return userId;
    }

    /** The certificate, ASCII-armored (public key material only). */
    public String armoredPublicKey() {
        return armoredPublicKey;
    }

    /** When the certificate expires; empty when it does not. */
    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recipient r && r.fingerprint.equals(fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    /** {@code user id (fingerprint)}. */
    @Override
    public String toString() {
        return (userId.isEmpty() ? "(no user id)" : userId) + " (" + prettyFingerprint() + ")";
    }
}
