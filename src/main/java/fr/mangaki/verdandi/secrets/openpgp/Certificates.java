package fr.mangaki.verdandi.secrets.openpgp;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;

import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/** Reads and validates keys: recipients' certificates and the secret key that decrypts. */
public final class Certificates {

    /**
     * A recipient's certificate, validated.
     *
     * @param fingerprint the primary key's fingerprint, upper-case hexadecimal
     * @param userId      the primary user id, or empty
     * @param armored     the certificate, ASCII-armored (public material only)
     * @param expires     when it expires, or null for never
     * @param encryptionKeyIds the key ids (16 hexadecimal digits) of its valid encryption-capable keys
     */
    public record Certificate(String fingerprint, String userId, String armored, Instant expires,
                              List<String> encryptionKeyIds) {
    }

    /**
     * Who a certificate is and the ids of all its encryption-capable keys, valid or not.
     *
     * @param fingerprint      the primary key's fingerprint
     * @param name             user id and fingerprint, for messages
     * @param encryptionKeyIds key ids (16 hexadecimal digits)
     */
    public record KeyIds(String fingerprint, String name, List<String> encryptionKeyIds) {
    }

    private final OpenPGPApi api;

    /** @param api Bouncy Castle's OpenPGP API (e.g. {@code new BcOpenPGPApi()}) */
    public Certificates(OpenPGPApi api) {
        this.api = api;
    }

    /**
     * Reads a recipient's certificate: a single OpenPGP public key, not a secret key,
     * neither expired nor revoked, with a valid encryption-capable subkey.
     *
     * @param data   the key, armored or binary
     * @param source where it came from, for messages
     * @throws OpenPgpException (invalid input) saying what is wrong with the key
     */
    public Certificate readRecipient(byte[] data, String source) {
        if (PacketSniffer.format(data) == PacketSniffer.Format.OTHER) {
            throw OpenPgpException.invalidInput(source + " is not an OpenPGP key (expected an armored public key,"
                    + " as written by gpg --armor --export FINGERPRINT)");
        }
        List<OpenPGPCertificate> certificates;
        try {
            certificates = api.readKeyOrCertificate().parseKeysOrCertificates(data);
        } catch (IOException | RuntimeException e) {
            throw OpenPgpException.invalidInput(source + " is not a readable OpenPGP key: " + Names.describe(e));
        }
        if (certificates.isEmpty()) {
            throw OpenPgpException.invalidInput(source + " holds no OpenPGP key");
        }
        if (certificates.size() > 1) {
            throw OpenPgpException.invalidInput(source + " holds " + certificates.size()
                    + " keys: give one recipient's public key per file");
        }
        OpenPGPCertificate certificate = certificates.get(0);
        String fingerprint = Names.hex(certificate.getFingerprint());
        String userId = Names.primaryUserId(certificate);
        String who = Names.keyName(certificate);
        if (certificate.isSecretKey()) {
            throw OpenPgpException.invalidInput(source + " holds a secret key (" + who + "): give the public key"
                    + " only, e.g. gpg --armor --export " + fingerprint + " > KEYFILE. Never commit a secret key.");
        }
        Date now = new Date();
        if (certificate.getPrimaryKey().getLatestKeyRevocationSelfSignature(now) != null) {
            throw OpenPgpException.invalidInput(source + ": " + who + " is revoked: ask its owner for a new key");
        }
        Date expiration = certificate.getExpirationTime(now);
        if (expiration != null && !expiration.after(now)) {
            throw OpenPgpException.invalidInput(source + ": " + who + " expired on " + expiration.toInstant()
                    + ": ask its owner to extend it (gpg --quick-set-expire " + fingerprint + ") and export it again");
        }
        if (certificate.getEncryptionKeys(now).isEmpty()) {
            throw OpenPgpException.invalidInput(source + ": " + who + " has no valid encryption-capable subkey"
                    + " (a signing-only, expired or revoked subkey cannot receive secrets): add one with"
                    + " gpg --quick-add-key " + fingerprint + " cv25519 encr, then export the key again");
        }
        String armored;
        try {
            armored = certificate.toAsciiArmoredString();
        } catch (IOException e) {
            throw OpenPgpException.failed("cannot armor the key from " + source + ": " + Names.describe(e), e);
        }
        List<String> keyIds = certificate.getEncryptionKeys(now).stream().map(k -> keyId(k.getKeyIdentifier())).toList();
        return new Certificate(fingerprint, userId, armored, expiration == null ? null : expiration.toInstant(), keyIds);
    }

    /**
     * The key ids of a certificate's encryption-capable keys, whatever their validity (the
     * secrets check compares them with the recipients of messages).
     *
     * @throws OpenPgpException (invalid input) when the data is not one certificate
     */
    public KeyIds keyIds(byte[] data, String source) {
        List<OpenPGPCertificate> certificates;
        try {
            certificates = api.readKeyOrCertificate().parseKeysOrCertificates(data);
        } catch (IOException | RuntimeException e) {
            throw OpenPgpException.invalidInput(source + " is not a readable OpenPGP key: " + Names.describe(e));
        }
        if (certificates.size() != 1) {
            throw OpenPgpException.invalidInput(source + " holds " + certificates.size() + " keys instead of one");
        }
        OpenPGPCertificate certificate = certificates.get(0);
        List<String> ids = certificate.getKeys().stream().filter(k -> k.getPGPPublicKey().isEncryptionKey())
                .map(k -> keyId(k.getKeyIdentifier())).toList();
        return new KeyIds(Names.hex(certificate.getFingerprint()), Names.keyName(certificate), ids);
    }

    private static String keyId(KeyIdentifier id) {
        return String.format(Locale.ROOT, "%016X", id.getKeyId());
    }

    /** Parses a certificate stored by {@link #readRecipient} (already validated). */
    OpenPGPCertificate parse(String armored) throws IOException {
        return api.readKeyOrCertificate().parseCertificate(armored);
    }

    /**
     * Reads the secret key that decrypts.
     *
     * @param material    the key, armored or binary
     * @param description where it came from, for messages (never the key itself)
     * @throws OpenPgpException (invalid input) when it is not a secret key
     */
    OpenPGPKey readSecretKey(byte[] material, String description) {
        if (PacketSniffer.format(material) == PacketSniffer.Format.OTHER) {
            throw OpenPgpException.invalidInput(description + " is not an OpenPGP secret key"
                    + " (expected gpg --armor --export-secret-keys output)");
        }
        List<OpenPGPCertificate> parsed;
        try {
            parsed = api.readKeyOrCertificate().parseKeysOrCertificates(material);
        } catch (IOException | RuntimeException e) {
            throw OpenPgpException.invalidInput(description + " is not a readable OpenPGP secret key: "
                    + Names.describe(e));
        }
        for (OpenPGPCertificate c : parsed) {
            if (c instanceof OpenPGPKey k) {
                return k;
            }
        }
        if (!parsed.isEmpty()) {
            throw OpenPgpException.invalidInput(description + " is a public key: decryption needs the"
                    + " secret key (gpg --armor --export-secret-keys " + Names.hex(parsed.get(0).getFingerprint()) + ")");
        }
        throw OpenPgpException.invalidInput(description + " holds no OpenPGP secret key");
    }
}
