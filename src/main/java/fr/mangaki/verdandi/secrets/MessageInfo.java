package fr.mangaki.verdandi.secrets;

import java.util.List;

/**
 * What an encrypted message's packets say, read without any key (see {@link Pgp#examine}).
 *
 * @param recipientKeyIds    the key ids (16 hexadecimal digits) or fingerprints its session key is encrypted to
 * @param hiddenRecipients   session keys for a hidden recipient (wildcard key id)
 * @param passphrases        session keys for a passphrase
 * @param dataPacket         the encrypted data packet, e.g. {@code SEIPD v1}
 * @param integrityProtected whether modification is detected (not a legacy SED packet)
 * @param cipher             the cipher's name when the packet shows it (SEIPD v2, OCB), else null:
 *                           SEIPD v1 keeps it inside the encrypted session key, checked at decryption
 * @param legacyCipher       whether that cipher is known and a legacy 64-bit block cipher (TripleDES, CAST5...)
 */
public record MessageInfo(List<String> recipientKeyIds, int hiddenRecipients, int passphrases, String dataPacket,
                          boolean integrityProtected, String cipher, boolean legacyCipher) {
}
