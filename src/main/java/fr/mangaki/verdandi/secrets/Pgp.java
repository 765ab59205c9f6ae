package fr.mangaki.verdandi.secrets;

import java.util.List;

/**
 * The OpenPGP operations Verdandi needs, behind a small interface. Messages are
 * ASCII-armored, encrypted with AES-256 in integrity-protected packets (SEIPD v1, which
 * GnuPG 2.2 and later read), to every recipient at once.
 */
public interface Pgp {

    /** The implementation on Bouncy Castle's OpenPGP API (loaded on first use). */
    static Pgp bouncyCastle() {
        return new BouncyCastlePgp();
    }

    /**
     * Reads and validates a recipient's certificate: a single OpenPGP public key, not a
     * secret key, neither expired nor revoked, with a valid encryption-capable subkey.
     *
     * @param data   the key, armored or binary
     * @param source where it came from, for messages (e.g. the file name)
     * @throws SecretsException (invalid input) saying what is wrong with the key
     */
    Recipient readRecipient(byte[] data, String source);

    /**
     * Encrypts {@code plaintext} to every recipient (at least one).
     *
     * @return an ASCII-armored OpenPGP message (with its CRC24 checksum line)
     * @throws SecretsException when there are no recipients or one can no longer receive
     */
    default byte[] encrypt(byte[] plaintext, List<Recipient> recipients) {
        return encrypt(plaintext, recipients, true);
    }

    /**
     * Encrypts {@code plaintext} to every recipient (at least one), ASCII-armored or binary
     * (as GnuPG writes {@code .gpg} files).
     *
     * @throws SecretsException when there are no recipients or one can no longer receive
     */
    byte[] encrypt(byte[] plaintext, List<Recipient> recipients, boolean armored);

    /**
     * Decrypts an OpenPGP message (armored or binary) with a secret key.
     *
     * @param message the message
     * @param source  where it came from, for messages (e.g. the file name)
     * @param key     the secret key and, if it is protected, its passphrase
     * @throws SecretsException when the data is not exactly one encrypted message (corrupt,
     *                          data after it...), is encrypted to other keys, was tampered with,
     *                          is not integrity protected or uses a legacy 64-bit block cipher,
     *                          or the passphrase is wrong
     */
    Sensitive<byte[]> decrypt(byte[] message, String source, KeySource key);

    /**
     * Like {@link #decrypt}, but accepts a legacy 64-bit block cipher (TripleDES, CAST5...),
     * for re-encrypting such a message with a modern one.
     */
    Sensitive<byte[]> decryptToReencrypt(byte[] message, String source, KeySource key);

    /**
     * Reads a message whole without decrypting it: to whom it is encrypted, with which
     * packet and (when the packet shows it) which cipher.
     *
     * @throws SecretsException (invalid input) when the file is not exactly one well-formed
     *                          encrypted message: corrupt armor, a packet cut short, another
     *                          packet or any data after the encrypted data
     */
    MessageInfo examine(byte[] message, String source);

    /**
     * The key ids of a certificate's encryption-capable keys, valid or not.
     *
     * @throws SecretsException (invalid input) when the data is not one certificate
     */
    RecipientKeys recipientKeys(byte[] certificate, String source);

    /**
     * The fingerprints or key ids of the keys a message is encrypted to (hexadecimal,
     * upper case), as written in the message.
     */
    List<String> messageRecipients(byte[] message, String source);

    /**
     * Parses {@code data} and says what it is. An armor header around text that is not
     * OpenPGP packets, or text outside the armor, is {@link PgpData#NOT_PGP}.
     */
    PgpData inspect(byte[] data);
}
