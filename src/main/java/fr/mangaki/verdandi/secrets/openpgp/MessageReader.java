package fr.mangaki.verdandi.secrets.openpgp;

import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.api.EncryptedDataPacketType;
import org.bouncycastle.openpgp.api.MessageEncryptionMechanism;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPMessageInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Reads encrypted messages: to whom they are encrypted, and their plaintext with a secret key. */
public final class MessageReader {

    private final OpenPGPApi api;
    private final Certificates certificates;

    /** @param api Bouncy Castle's OpenPGP API (e.g. {@code new BcOpenPGPApi()}) */
    public MessageReader(OpenPGPApi api) {
        this.api = api;
        this.certificates = new Certificates(api);
    }

    /**
     * The fingerprints or key ids of the keys a message is encrypted to (hexadecimal, upper
     * case), as written in the message; {@code (passphrase)} for a passphrase.
     */
    public List<String> recipients(byte[] message, String source) {
        List<String> ids = new ArrayList<>();
        byte[] packets = PacketSniffer.startsWithMessageArmor(message) ? Armor.dearmor(message, "MESSAGE", source) : message;
        for (PGPEncryptedData data : PacketInspector.encryptedDataList(packets, source)) {
            if (data instanceof PGPPublicKeyEncryptedData pk) {
                ids.add(Names.describe(pk.getKeyIdentifier()));
            } else if (data instanceof PGPPBEEncryptedData) {
                ids.add("(passphrase)");
            }
        }
        return ids;
    }

    /**
     * Decrypts a message (armored or binary) with a secret key.
     *
     * @param message        the message
     * @param source         where it came from, for messages
     * @param secretKey      gives the secret key material (armored or binary), read only when needed
     * @param keyDescription where the key comes from, for messages (never the key itself)
     * @param passphrase     gives the passphrase of the protected key named by its argument
     * @param legacyCipher   whether a legacy 64-bit block cipher (TripleDES, CAST5...) is accepted (to
     *                       re-encrypt such a message), else refused
     * @return the plaintext
     * @throws OpenPgpException when the data is not an encrypted message, is encrypted to
     *                          other keys, was tampered with, or the passphrase is wrong
     */
    public byte[] decrypt(byte[] message, String source, Supplier<byte[]> secretKey, String keyDescription,
                          Function<String, char[]> passphrase, boolean legacyCipher) {
        byte[] packets = PacketSniffer.startsWithMessageArmor(message) ? Armor.dearmor(message, "MESSAGE", source) : message;
        PGPEncryptedDataList list = PacketInspector.encryptedDataList(packets, source);
        MessageStructure.Facts facts = MessageStructure.read(packets, source);
        if (!list.isIntegrityProtected() || !facts.integrityProtected()) {
            throw OpenPgpException.failed(notIntegrityProtected(source));
        }
        if (facts.legacyCipher() && !legacyCipher) {
            throw OpenPgpException.failed(legacyCipher(source, facts.cipher()));
        }
        OpenPGPKey key = certificates.readSecretKey(secretKey.get(), keyDescription);
        String keyName = Names.keyName(key);

        OpenPGPKey.OpenPGPSecretKey decryptionKey = null;
        List<String> addressed = new ArrayList<>();
        for (PGPEncryptedData data : list) {
            if (!(data instanceof PGPPublicKeyEncryptedData pk)) {
                continue;
            }
            KeyIdentifier id = pk.getKeyIdentifier();
            addressed.add(Names.describe(id));
            for (OpenPGPKey.OpenPGPSecretKey candidate : key.getSecretKeys().values()) {
                if (decryptionKey == null && (id.isWildcard() || id.matches(candidate.getKeyIdentifier()))
                        && candidate.getPGPSecretKey().getPublicKey().isEncryptionKey()
                        && !candidate.getPGPSecretKey().isPrivateKeyEmpty()) {
                    decryptionKey = candidate;
                }
            }
        }
        if (decryptionKey == null) {
            throw OpenPgpException.failed("cannot decrypt " + source + ": it is not encrypted to " + keyName
                    + " (" + keyDescription + "); it is encrypted to "
                    + (addressed.isEmpty() ? "a passphrase only" : "subkey(s) " + String.join(", ", addressed))
                    + ". Wrong key? A recipient can add your public key and run verdandi secrets reencrypt.");
        }

        char[] secret = null;
        if (decryptionKey.isLocked()) {
            secret = passphrase.apply(keyName);
            if (!decryptionKey.isPassphraseCorrect(secret)) {
                throw OpenPgpException.failed("cannot decrypt " + source + ": wrong passphrase for " + keyName);
            }
        }

        byte[] plaintext;
        OpenPGPMessageInputStream.Result result;
        try {
            OpenPGPMessageInputStream in = api.decryptAndOrVerifyMessage()
                    .addDecryptionKey(key, secret)
                    .process(new ByteArrayInputStream(packets));
            try (in) {
                plaintext = in.readAllBytes();
            }
            result = in.getResult();
        } catch (IOException | PGPException | RuntimeException e) {
            throw OpenPgpException.failed("cannot decrypt " + source + ": the message was modified or is corrupt"
                    + " (integrity check failed: " + Names.describe(e) + ")", e);
        }
        MessageEncryptionMechanism mechanism = result.getEncryptionMethod();
        EncryptedDataPacketType mode = mechanism == null ? null : mechanism.getMode();
        boolean integrityProtected = mode == EncryptedDataPacketType.SEIPDv1 || mode == EncryptedDataPacketType.SEIPDv2
                || mode == EncryptedDataPacketType.LIBREPGP_OED;
        if (!integrityProtected) {
            Arrays.fill(plaintext, (byte) 0);
            throw OpenPgpException.failed(notIntegrityProtected(source));
        }
        int cipher = mechanism.getSymmetricKeyAlgorithm();
        if (!MessageStructure.isModern(cipher) && !legacyCipher) {
            Arrays.fill(plaintext, (byte) 0);
            throw OpenPgpException.failed(legacyCipher(source, cipher));
        }
        return plaintext;
    }

    private static String legacyCipher(String source, int cipher) {
        return "cannot decrypt " + source + ": it is encrypted with " + MessageStructure.cipherName(cipher)
                + ", a legacy 64-bit block cipher: encrypt it again (verdandi secrets reencrypt writes AES-256)";
    }

    private static String notIntegrityProtected(String source) {
        return "cannot decrypt " + source + ": the message is not integrity protected (legacy SED packet), so"
                + " tampering could not be detected; encrypt it again from a trusted copy";
    }
}
