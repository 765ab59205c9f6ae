package fr.mangaki.verdandi.secrets.openpgp;

import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.api.MessageEncryptionMechanism;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPEncryptionNegotiator;
import org.bouncycastle.openpgp.api.OpenPGPMessageGenerator;
import org.bouncycastle.openpgp.api.OpenPGPMessageOutputStream;
import org.bouncycastle.openpgp.api.exception.InvalidEncryptionKeyException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Encrypts to recipients' certificates: AES-256 in a SEIPD v1 packet (integrity protected,
 * readable by GnuPG 2.2), uncompressed, ASCII-armored with a checksum line ({@link Armor})
 * or binary.
 */
public final class MessageWriter {

    /**
     * A certificate to encrypt to.
     *
     * @param name        how messages name it (user id and fingerprint)
     * @param fingerprint its fingerprint, for the command that removes it
     * @param armored     the armored certificate
     */
    public record Target(String name, String fingerprint, String armored) {
    }

    private final OpenPGPApi api;
    private final Certificates certificates;

    /** @param api Bouncy Castle's OpenPGP API (e.g. {@code new BcOpenPGPApi()}) */
    public MessageWriter(OpenPGPApi api) {
        this.api = api;
        this.certificates = new Certificates(api);
    }

    /**
     * Encrypts {@code plaintext} to every target (at least one), ASCII-armored.
     *
     * @throws OpenPgpException when there is none or one can no longer receive
     */
    public byte[] encrypt(byte[] plaintext, List<Target> targets) {
        return encrypt(plaintext, targets, true);
    }

    /**
     * Encrypts {@code plaintext} to every target (at least one), armored or binary.
     *
     * @throws OpenPgpException when there is none or one can no longer receive
     */
    public byte[] encrypt(byte[] plaintext, List<Target> targets, boolean armored) {
        if (targets.isEmpty()) {
            throw OpenPgpException.failed("no recipients to encrypt to: add one with"
                    + " verdandi secrets recipients add KEYFILE");
        }
        OpenPGPMessageGenerator generator = api.signAndOrEncryptMessage()
                .setArmored(armored)
                .setArmorStreamFactory(Armor::stream)
                .setAllowPadding(false)
                .setPublicKeyBasedEncryptionNegotiator(new AesIntegrityProtected())
                .setCompressionNegotiator((gen, policy) -> CompressionAlgorithmTags.UNCOMPRESSED);
        for (Target target : targets) {
            OpenPGPCertificate certificate;
            try {
                certificate = certificates.parse(target.armored());
            } catch (IOException | RuntimeException e) {
                throw OpenPgpException.failed("the key of recipient " + target.name() + " is unreadable: "
                        + Names.describe(e), e);
            }
            try {
                generator.addEncryptionCertificate(certificate);
            } catch (InvalidEncryptionKeyException e) {
                throw OpenPgpException.failed("recipient " + target.name() + " has no valid encryption subkey any more"
                        + " (expired or revoked?): remove it (verdandi secrets recipients remove "
                        + target.fingerprint() + ") or add its refreshed key", e);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(plaintext.length + 1024);
        try (OpenPGPMessageOutputStream encrypting = generator.open(out)) {
            encrypting.write(plaintext);
        } catch (IOException | PGPException e) {
            throw OpenPgpException.failed("encryption failed: " + Names.describe(e), e);
        }
        return out.toByteArray();
    }

    /** AES-256 in a SEIPD v1 packet for every recipient, whatever their preferences. */
    private static final class AesIntegrityProtected extends OpenPGPEncryptionNegotiator {
        @Override
        public MessageEncryptionMechanism negotiateEncryption(OpenPGPMessageGenerator generator) {
            return MessageEncryptionMechanism.integrityProtected(SymmetricKeyAlgorithmTags.AES_256);
        }
    }
}
