package fr.mangaki.verdandi.secrets;

import java.util.List;

/**
 * A recipient's certificate as far as messages are concerned: who it is and the key ids of
 * all its encryption-capable keys, valid or not (see {@link Pgp#recipientKeys}).
 *
 * @param fingerprint      the primary key's fingerprint
 * @param name             user id and fingerprint, for messages
 * @param encryptionKeyIds key ids (16 hexadecimal digits, upper case)
 */
public record RecipientKeys(String fingerprint, String name, List<String> encryptionKeyIds) {
}
