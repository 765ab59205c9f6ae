package fr.mangaki.verdandi.secrets;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Date;

/**
 * Messages that current tools no longer write, made with Bouncy Castle's low-level API for
 * the tests that check they are refused.
 */
public final class PgpTestMessages {

    private PgpTestMessages() {
    }

    /** A legacy Symmetrically Encrypted Data packet (no modification detection), armored. */
    public static byte[] withoutIntegrityProtection(byte[] armoredPublicKey, byte[] plaintext) throws Exception {
        PGPPublicKey encryptionKey = null;
        for (PGPPublicKey k : new PGPPublicKeyRing(PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredPublicKey)),
                new BcKeyFingerprintCalculator())) {
            if (k.isEncryptionKey() && !k.isMasterKey()) {
                encryptionKey = k;
            }
        }
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(false));
        generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(encryptionKey));
        ByteArrayOutputStream armored = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = ArmoredOutputStream.builder().enableCRC(true).build(armored);
             OutputStream encrypted = generator.open(armor, new byte[1024]);
             OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY, "",
                     plaintext.length, new Date())) {
            literal.write(plaintext);
        }
        return armored.toByteArray();
    }
}
