package fr.mangaki.verdandi.secrets.internal;

import fr.mangaki.verdandi.secrets.KeySource;
import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.PgpData;
import fr.mangaki.verdandi.secrets.Recipient;
import fr.mangaki.verdandi.secrets.SecretsException;
import fr.mangaki.verdandi.secrets.Sensitive;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.EncryptedDataPacketType;
import org.bouncycastle.openpgp.api.MessageEncryptionMechanism;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;
import org.bouncycastle.openpgp.api.OpenPGPMessageOutputStream;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.api.exception.InvalidEncryptionKeyException;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@link Pgp} on Bouncy Castle's high-level OpenPGP API ({@code org.bouncycastle.openpgp.api}).
 * Encrypts with AES-256 in a SEIPD v1 packet (integrity protected, readable by GnuPG 2.2),
 * uncompressed, ASCII-armored.
 */
public final class BcPgp implements Pgp {

    private static final byte[] ARMOR_BEGIN = "-----BEGIN PGP ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ARMOR_END = "-----END PGP ".getBytes(StandardCharsets.US_ASCII);

    private final OpenPGPApi api = new BcOpenPGPApi();

    // ---------------------------------------------------------------- recipients

    @Override
    public Recipient readRecipient(byte[] data, String source) {
        if (sniff(data) == Format.OTHER) {
            throw SecretsException.invalidInput(source + " is not an OpenPGP key (expected an armored public key,"
                    + " as written by gpg --armor --export FINGERPRINT)");
        }
        List<OpenPGPCertificate> certificates;
        try {
            certificates = api.readKeyOrCertificate().parseKeysOrCertificates(data);
        } catch (IOException | RuntimeException e) {
            throw SecretsException.invalidInput(source + " is not a readable OpenPGP key: " + describe(e));
        }
        if (certificates.isEmpty()) {
            throw SecretsException.invalidInput(source + " holds no OpenPGP key");
        }
        if (certificates.size() > 1) {
            throw SecretsException.invalidInput(source + " holds " + certificates.size()
                    + " keys: give one recipient's public key per file");
        }
        OpenPGPCertificate certificate = certificates.get(0);
        String fingerprint = hex(certificate.getFingerprint());
        String userId = primaryUserId(certificate);
        String who = (userId.isEmpty() ? "key" : userId) + " (" + fingerprint + ")";
        if (certificate.isSecretKey()) {
            throw SecretsException.invalidInput(source + " holds a secret key (" + who + "): give the public key"
                    + " only, e.g. gpg --armor --export " + fingerprint + " > KEYFILE. Never commit a secret key.");
        }
        Date now = new Date();
        if (certificate.getPrimaryKey().getLatestKeyRevocationSelfSignature(now) != null) {
            throw SecretsException.invalidInput(source + ": " + who + " is revoked: ask its owner for a new key");
        }
        Date expiration = certificate.getExpirationTime(now);
        if (expiration != null && !expiration.after(now)) {
            throw SecretsException.invalidInput(source + ": " + who + " expired on " + expiration.toInstant()
                    + ": ask its owner to extend it (gpg --quick-set-expire " + fingerprint + ") and export it again");
        }
        if (certificate.getEncryptionKeys(now).isEmpty()) {
            throw SecretsException.invalidInput(source + ": " + who + " has no valid encryption-capable subkey"
                    + " (a signing-only, expired or revoked subkey cannot receive secrets): add one with"
                    + " gpg --quick-add-key " + fingerprint + " cv25519 encr, then export the key again");
        }
        String armored;
        try {
            armored = certificate.toAsciiArmoredString();
        } catch (IOException e) {
            throw new SecretsException("cannot armor the key from " + source + ": " + describe(e), e);
        }
        return new Recipient(fingerprint, userId, armored, expiration == null ? null : expiration.toInstant());
    }

    private static String primaryUserId(OpenPGPCertificate certificate) {
        OpenPGPCertificate.OpenPGPUserId primary = certificate.getPrimaryUserId();
        if (primary != null) {
            return primary.getUserId();
        }
        List<OpenPGPCertificate.OpenPGPUserId> all = certificate.getAllUserIds();
        return all.isEmpty() ? "" : all.get(0).getUserId();
    }

    // ---------------------------------------------------------------- encryption

    @Override
    public byte[] encrypt(byte[] plaintext, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            throw new SecretsException("no recipients to encrypt to: add one with"
                    + " verdandi secrets recipients add KEYFILE");
        }
        OpenPGPMessageGenerator generator = api.signAndOrEncryptMessage()
                .setArmored(true)
                .setAllowPadding(false)
                .setPublicKeyBasedEncryptionNegotiator(new AesIntegrityProtected())
                .setCompressionNegotiator((gen, policy) -> CompressionAlgorithmTags.UNCOMPRESSED);
        for (Recipient recipient : recipients) {
            OpenPGPCertificate certificate;
            try {
                certificate = api.readKeyOrCertificate().parseCertificate(recipient.armoredPublicKey());
            } catch (IOException | RuntimeException e) {
                throw new SecretsException("the key of recipient " + recipient + " is unreadable: " + describe(e), e);
            }
            try {
                generator.addEncryptionCertificate(certificate);
            } catch (InvalidEncryptionKeyException e) {
                throw new SecretsException("recipient " + recipient + " has no valid encryption subkey any more"
                        + " (expired or revoked?): remove it (verdandi secrets recipients remove "
                        + recipient.fingerprint() + ") or add its refreshed key", e);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 1024);
        try (OpenPGPMessageOutputStream encrypting = generator.open(out)) {
            encrypting.write(plaintext);
        } catch (IOException | PGPException e) {
            throw new SecretsException("encryption failed: " + describe(e), e);
        }
        return out.toByteArray();
    }

    /** AES-256 in a SEIPD v1 packet for every recipient, whatever their preferences. */
    private static final class AesIntegrityProtected extends org.bouncycastle.openpgp.api.OpenPGPEncryptionNegotiator {
        @Override
        public MessageEncryptionMechanism negotiateEncryption(OpenPGPMessageGenerator generator) {
            return MessageEncryptionMechanism.integrityProtected(SymmetricKeyAlgorithmTags.AES_256);
        }
    }

    // ---------------------------------------------------------------- decryption

    @Override
    public List<String> messageRecipients(byte[] message, String source) {
        List<String> ids = new ArrayList<>();
        for (PGPEncryptedData data : encryptedDataList(message, source)) {
            if (data instanceof PGPPublicKeyEncryptedData pk) {
                ids.add(describe(pk.getKeyIdentifier()));
            } else if (data instanceof PGPPBEEncryptedData) {
                ids.add("(passphrase)");
            }
        }
        return ids;
    }

    @Override
    public Sensitive<byte[]> decrypt(byte[] message, String source, KeySource keySource) {
        PGPEncryptedDataList list = encryptedDataList(message, source);
        if (!list.isIntegrityProtected()) {
            throw new SecretsException(notIntegrityProtected(source));
        }
        OpenPGPKey key = readSecretKey(keySource);
        String userId = primaryUserId(key);
        String keyName = (userId.isEmpty() ? "key" : userId) + " (" + hex(key.getFingerprint()) + ")";

        OpenPGPKey.OpenPGPSecretKey decryptionKey = null;
        List<String> addressed = new ArrayList<>();
        for (PGPEncryptedData data : list) {
            if (!(data instanceof PGPPublicKeyEncryptedData pk)) {
                continue;
            }
            KeyIdentifier id = pk.getKeyIdentifier();
            addressed.add(describe(id));
            for (OpenPGPKey.OpenPGPSecretKey candidate : key.getSecretKeys().values()) {
                if (decryptionKey == null && (id.isWildcard() || id.matches(candidate.getKeyIdentifier()))
                        && candidate.getPGPSecretKey().getPublicKey().isEncryptionKey()
                        && !candidate.getPGPSecretKey().isPrivateKeyEmpty()) {
                    decryptionKey = candidate;
                }
            }
        }
        if (decryptionKey == null) {
            throw new SecretsException("cannot decrypt " + source + ": it is not encrypted to " + keyName
                    + " (" + keySource.description() + "); it is encrypted to "
                    + (addressed.isEmpty() ? "a passphrase only" : "subkey(s) " + String.join(", ", addressed))
                    + ". Wrong key? A recipient can add your public key and run verdandi secrets reencrypt.");
        }

        char[] passphrase = null;
        if (decryptionKey.isLocked()) {
            passphrase = keySource.passphrase(keyName).reveal();
            if (!decryptionKey.isPassphraseCorrect(passphrase)) {
                throw new SecretsException("cannot decrypt " + source + ": wrong passphrase for " + keyName);
            }
        }

        byte[] plaintext;
        OpenPGPMessageInputStream.Result result;
        try {
            OpenPGPMessageInputStream in = api.decryptAndOrVerifyMessage()
                    .addDecryptionKey(key, passphrase)
                    .process(new ByteArrayInputStream(message));
            try (in) {
                plaintext = in.readAllBytes();
            }
            result = in.getResult();
        } catch (IOException | PGPException | RuntimeException e) {
            throw new SecretsException("cannot decrypt " + source + ": the message was modified or is corrupt"
                    + " (integrity check failed: " + describe(e) + ")", e);
        }
        MessageEncryptionMechanism mechanism = result.getEncryptionMethod();
        EncryptedDataPacketType mode = mechanism == null ? null : mechanism.getMode();
        boolean integrityProtected = mode == EncryptedDataPacketType.SEIPDv1 || mode == EncryptedDataPacketType.SEIPDv2
                || mode == EncryptedDataPacketType.LIBREPGP_OED;
        if (!integrityProtected) {
            Arrays.fill(plaintext, (byte) 0);
            throw new SecretsException(notIntegrityProtected(source));
        }
        return Sensitive.of(plaintext);
    }

    private static String notIntegrityProtected(String source) {
        return "cannot decrypt " + source + ": the message is not integrity protected (legacy SED packet), so"
                + " tampering could not be detected; encrypt it again from a trusted copy";
    }

    private OpenPGPKey readSecretKey(KeySource keySource) {
        byte[] material = keySource.secretKey().reveal();
        if (sniff(material) == Format.OTHER) {
            throw SecretsException.invalidInput(keySource.description() + " is not an OpenPGP secret key"
                    + " (expected gpg --armor --export-secret-keys output)");
        }
        List<OpenPGPCertificate> parsed;
        try {
            parsed = api.readKeyOrCertificate().parseKeysOrCertificates(material);
        } catch (IOException | RuntimeException e) {
            throw SecretsException.invalidInput(keySource.description() + " is not a readable OpenPGP secret key: "
                    + describe(e));
        }
        for (OpenPGPCertificate c : parsed) {
            if (c instanceof OpenPGPKey k) {
                return k;
            }
        }
        if (!parsed.isEmpty()) {
            throw SecretsException.invalidInput(keySource.description() + " is a public key: decryption needs the"
                    + " secret key (gpg --armor --export-secret-keys " + hex(parsed.get(0).getFingerprint()) + ")");
        }
        throw SecretsException.invalidInput(keySource.description() + " holds no OpenPGP secret key");
    }

    private PGPEncryptedDataList encryptedDataList(byte[] message, String source) {
        PgpData kind = inspect(message);
        if (kind == PgpData.NOT_PGP) {
            throw SecretsException.invalidInput(source + " is not a PGP file (no valid OpenPGP armor or packets)");
        }
        if (kind != PgpData.ENCRYPTED_MESSAGE) {
            throw SecretsException.invalidInput(source + " is " + kind.description() + ", not an encrypted message");
        }
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(message)));
            Object first = nextMeaningful(factory);
            return (PGPEncryptedDataList) first;
        } catch (IOException e) {
            throw SecretsException.invalidInput(source + " is not a valid OpenPGP message: " + describe(e));
        }
    }

    // ---------------------------------------------------------------- inspection

    @Override
    public PgpData inspect(byte[] data) {
        Format format = sniff(data);
        if (format == Format.OTHER) {
            return PgpData.NOT_PGP;
        }
        if (format == Format.ARMORED) {
            String type = armorType(data);
            if (type == null) {
                return PgpData.NOT_PGP;
            }
            if (type.equals("SIGNED MESSAGE")) {
                return PgpData.UNENCRYPTED_MESSAGE; // cleartext signature: the text is in clear
            }
        }
        try {
            InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data));
            BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
            Object first = nextMeaningful(factory);
            PgpData kind;
            if (first instanceof PGPEncryptedDataList list) {
                kind = list.isEmpty() || list.getEncryptedData() == null ? PgpData.NOT_PGP : PgpData.ENCRYPTED_MESSAGE;
            } else if (first instanceof PGPPublicKeyRing) {
                kind = PgpData.PUBLIC_KEY;
            } else if (first instanceof PGPSecretKeyRing) {
                return PgpData.SECRET_KEY;
            } else if (first instanceof PGPLiteralData || first instanceof PGPCompressedData
                    || first instanceof PGPOnePassSignatureList) {
                return PgpData.UNENCRYPTED_MESSAGE;
            } else if (first instanceof PGPSignatureList) {
                kind = PgpData.SIGNATURE;
            } else {
                return PgpData.NOT_PGP;
            }
            if (kind == PgpData.PUBLIC_KEY) {
                // a key file may hold several certificates; a secret one among them makes it secret
                for (Object next = nextMeaningful(factory); next != null; next = nextMeaningful(factory)) {
                    if (next instanceof PGPSecretKeyRing) {
                        return PgpData.SECRET_KEY;
                    }
                    if (!(next instanceof PGPPublicKeyRing)) {
                        return PgpData.NOT_PGP;
                    }
                }
            }
            // read to the end: the whole armor must decode (base64 and checksum)
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return kind;
        } catch (IOException | RuntimeException e) {
            return PgpData.NOT_PGP;
        }
    }

    private static Object nextMeaningful(BcPGPObjectFactory factory) throws IOException {
        Object o = factory.nextObject();
        while (o instanceof PGPMarker || o instanceof PGPPadding) {
            o = factory.nextObject();
        }
        return o;
    }

    private enum Format { ARMORED, BINARY, OTHER }

    private static Format sniff(byte[] data) {
        int i = 0;
        while (i < data.length && isSpace(data[i])) {
            i++;
        }
        if (i == data.length) {
            return Format.OTHER;
        }
        if (startsWith(data, i, ARMOR_BEGIN)) {
            return Format.ARMORED;
        }
        // a binary OpenPGP packet header has its top bit set
        return i == 0 && (data[0] & 0x80) != 0 ? Format.BINARY : Format.OTHER;
    }

    /**
     * The armor type ("MESSAGE", "PUBLIC KEY BLOCK"...) when the data is exactly one armored
     * block with only whitespace around it; null otherwise (text outside the armor).
     */
    private static String armorType(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1).strip();
        if (!text.startsWith("-----BEGIN PGP ")) {
            return null;
        }
        int headerEnd = text.indexOf("-----", ARMOR_BEGIN.length);
        if (headerEnd < 0) {
            return null;
        }
        String type = text.substring(ARMOR_BEGIN.length, headerEnd);
        String footer = "-----END PGP " + type + "-----";
        if (type.equals("SIGNED MESSAGE")) {
            return text.endsWith("-----END PGP SIGNATURE-----") ? type : null;
        }
        if (!text.endsWith(footer) || text.indexOf(new String(ARMOR_END, StandardCharsets.US_ASCII)) != text.length() - footer.length()) {
            return null;
        }
        return type;
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length - offset < prefix.length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (data[offset + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    // ---------------------------------------------------------------- helpers

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static String describe(KeyIdentifier id) {
        if (id.isWildcard()) {
            return "(hidden recipient)";
        }
        byte[] fingerprint = id.getFingerprint();
        return fingerprint != null ? hex(fingerprint) : String.format(Locale.ROOT, "%016X", id.getKeyId());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
