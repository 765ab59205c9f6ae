package fr.mangaki.verdandi.secrets.openpgp;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** How keys, key ids and errors are named in messages. */
final class Names {

    private Names() {
    }

    /** Upper-case hexadecimal. */
    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** A recipient key id as written in a message: its fingerprint, key id, or "(hidden recipient)". */
    static String describe(KeyIdentifier id) {
        if (id.isWildcard()) {
            return "(hidden recipient)";
        }
        byte[] fingerprint = id.getFingerprint();
        return fingerprint != null ? hex(fingerprint) : String.format(Locale.ROOT, "%016X", id.getKeyId());
    }

    /** An exception's message, or its type when it has none. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The primary user id, else the first one, else empty. */
    static String primaryUserId(OpenPGPCertificate certificate) {
        OpenPGPCertificate.OpenPGPUserId primary = certificate.getPrimaryUserId();
        if (primary != null) {
            return primary.getUserId();
        }
        List<OpenPGPCertificate.OpenPGPUserId> all = certificate.getAllUserIds();
        return all.isEmpty() ? "" : all.get(0).getUserId();
    }

    /** {@code user id (FINGERPRINT)}, or {@code key (FINGERPRINT)} without a user id. */
    static String keyName(OpenPGPCertificate certificate) {
        String userId = primaryUserId(certificate);
        return (userId.isEmpty() ? "key" : userId) + " (" + hex(certificate.getFingerprint()) + ")";
    }
}
