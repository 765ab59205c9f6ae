package fr.mangaki.verdandi.secrets;

import fr.mangaki.verdandi.secrets.openpgp.Certificates;
import fr.mangaki.verdandi.secrets.openpgp.MessageReader;
import fr.mangaki.verdandi.secrets.openpgp.MessageStructure;
import fr.mangaki.verdandi.secrets.openpgp.MessageWriter;
import fr.mangaki.verdandi.secrets.openpgp.OpenPgpException;
import fr.mangaki.verdandi.secrets.openpgp.PacketInspector;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@link Pgp} on Bouncy Castle's OpenPGP API, through the rooms of the
 * {@code secrets.openpgp} package (certificates, writing and reading messages, telling
 * what data is); this class only turns their values and errors into this package's.
 */
final class BouncyCastlePgp implements Pgp {

    private final OpenPGPApi api = new BcOpenPGPApi();
    private final Certificates certificates = new Certificates(api);
    private final MessageWriter writer = new MessageWriter(api);
    private final MessageReader reader = new MessageReader(api);

    @Override
    public Recipient readRecipient(byte[] data, String source) {
        Certificates.Certificate c = call(() -> certificates.readRecipient(data, source));
        return new Recipient(c.fingerprint(), c.userId(), c.armored(), c.expires(), c.encryptionKeyIds());
    }

    @Override
    public byte[] encrypt(byte[] plaintext, List<Recipient> recipients, boolean armored) {
        List<MessageWriter.Target> targets = recipients.stream()
                .map(r -> new MessageWriter.Target(r.toString(), r.fingerprint(), r.armoredPublicKey()))
                .toList();
        return call(() -> writer.encrypt(plaintext, targets, armored));
    }

    @Override
    public Sensitive<byte[]> decrypt(byte[] message, String source, KeySource key) {
        return decrypt(message, source, key, false);
    }

    @Override
    public Sensitive<byte[]> decryptToReencrypt(byte[] message, String source, KeySource key) {
        return decrypt(message, source, key, true);
    }

    private Sensitive<byte[]> decrypt(byte[] message, String source, KeySource key, boolean legacyCipher) {
        return Sensitive.of(call(() -> reader.decrypt(message, source, () -> key.secretKey().reveal(),
                key.description(), keyName -> key.passphrase(keyName).reveal(), legacyCipher)));
    }

    @Override
    public MessageInfo examine(byte[] message, String source) {
        MessageStructure.Facts f = call(() -> MessageStructure.read(message, source));
        return new MessageInfo(f.recipientKeyIds(), f.hiddenRecipients(), f.passphrases(), f.dataPacket(),
                f.integrityProtected(), f.cipher() < 0 ? null : MessageStructure.cipherName(f.cipher()),
                f.legacyCipher());
    }

    @Override
    public RecipientKeys recipientKeys(byte[] certificate, String source) {
        Certificates.KeyIds k = call(() -> certificates.keyIds(certificate, source));
        return new RecipientKeys(k.fingerprint(), k.name(), k.encryptionKeyIds());
    }

    @Override
    public List<String> messageRecipients(byte[] message, String source) {
        return call(() -> reader.recipients(message, source));
    }

    @Override
    public PgpData inspect(byte[] data) {
        return PgpData.valueOf(PacketInspector.inspect(data).name());
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (OpenPgpException e) {
            throw SecretsException.of(e.getMessage(), e.invalidInput(), e.getCause());
        }
    }
}
