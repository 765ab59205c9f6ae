package fr.mangaki.verdandi.secrets.openpgp;

import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.bcpg.PublicKeyEncSessionPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The shape of an encrypted message, read without any key: the whole file must be exactly
 * one OpenPGP message (RFC 9580 §10.3: optional marker packets, session-key packets, one
 * encrypted data packet, optional padding), every packet read to its end and nothing after
 * it. What it says about the message (to whom, which packet, which cipher when the packet
 * shows it) is for the caller to judge.
 */
public final class MessageStructure {

    /** Ciphers with 128-bit blocks; the others (TripleDES, CAST5, IDEA, Blowfish) have 64-bit blocks and are legacy. */
    private static final Set<Integer> MODERN_CIPHERS = Set.of(SymmetricKeyAlgorithmTags.AES_128,
            SymmetricKeyAlgorithmTags.AES_192, SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.CAMELLIA_128,
            SymmetricKeyAlgorithmTags.CAMELLIA_192, SymmetricKeyAlgorithmTags.CAMELLIA_256,
            SymmetricKeyAlgorithmTags.TWOFISH);

    /**
     * What a message's packets say.
     *
     * @param recipientKeyIds    the key ids (16 hex digits) or fingerprints the session key is encrypted to
     * @param hiddenRecipients   how many session-key packets hide their recipient (wildcard key id)
     * @param passphrases        how many session-key packets are for a passphrase
     * @param dataPacket         the encrypted data packet, e.g. {@code SEIPD v1}
     * @param integrityProtected whether that packet detects modification (SEIPD, OCB), unlike legacy SED
     * @param cipher             the symmetric cipher's algorithm id when the packet shows it (SEIPD v2,
     *                           OCB), else -1 (SEIPD v1 keeps it inside the encrypted session key)
     */
    public record Facts(List<String> recipientKeyIds, int hiddenRecipients, int passphrases, String dataPacket,
                        boolean integrityProtected, int cipher) {

        /** Whether the cipher is known and legacy (64-bit blocks). */
        public boolean legacyCipher() {
            return cipher >= 0 && !isModern(cipher);
        }
    }

    private MessageStructure() {
    }

    /** Whether a symmetric algorithm id is a modern cipher (128-bit blocks). */
    public static boolean isModern(int cipher) {
        return MODERN_CIPHERS.contains(cipher);
    }

    /** A cipher's name, e.g. {@code AES-256}, {@code TripleDES}. */
    public static String cipherName(int cipher) {
        return switch (cipher) {
            case SymmetricKeyAlgorithmTags.AES_128 -> "AES-128";
            case SymmetricKeyAlgorithmTags.AES_192 -> "AES-192";
            case SymmetricKeyAlgorithmTags.AES_256 -> "AES-256";
            case SymmetricKeyAlgorithmTags.TRIPLE_DES -> "TripleDES";
            case SymmetricKeyAlgorithmTags.CAST5 -> "CAST5";
            case SymmetricKeyAlgorithmTags.IDEA -> "IDEA";
            case SymmetricKeyAlgorithmTags.BLOWFISH -> "Blowfish";
            case SymmetricKeyAlgorithmTags.TWOFISH -> "Twofish";
            case SymmetricKeyAlgorithmTags.CAMELLIA_128 -> "Camellia-128";
            case SymmetricKeyAlgorithmTags.CAMELLIA_192 -> "Camellia-192";
            case SymmetricKeyAlgorithmTags.CAMELLIA_256 -> "Camellia-256";
            default -> "algorithm " + cipher;
        };
    }

    /**
     * The binary packets of a message file: dearmored strictly when armored.
     *
     * @throws OpenPgpException (invalid input) when it is neither
     */
    public static byte[] packets(byte[] file, String source) {
        return switch (PacketSniffer.format(file)) {
            case ARMORED -> Armor.dearmor(file, "MESSAGE", source);
            case BINARY -> file;
            case OTHER -> throw OpenPgpException.invalidInput(source
                    + " is not a PGP file (no valid OpenPGP armor or packets)");
        };
    }

    /**
     * Reads a message file whole (armored or binary).
     *
     * @throws OpenPgpException (invalid input) when the file is not exactly one well-formed
     *                          encrypted message: corrupt armor, a packet cut short, another
     *                          packet or data after the encrypted data...
     */
    public static Facts read(byte[] file, String source) {
        byte[] binary = packets(file, source);
        List<String> recipients = new ArrayList<>();
        int hidden = 0;
        int passphrases = 0;
        Counting counting = new Counting(binary);
        BCPGInputStream in = BCPGInputStream.wrap(counting);
        try {
            int tag = in.nextPacketTag();
            while (tag == PacketTags.MARKER) {
                in.readPacket();
                tag = in.nextPacketTag();
            }
            while (tag == PacketTags.PUBLIC_KEY_ENC_SESSION || tag == PacketTags.SYMMETRIC_KEY_ENC_SESSION) {
                Packet packet = in.readPacket();
                if (packet instanceof PublicKeyEncSessionPacket pk) {
                    byte[] fingerprint = pk.getKeyFingerprint();
                    if (pk.getVersion() >= 6 && fingerprint != null && fingerprint.length > 0) {
                        recipients.add(Names.hex(fingerprint));
                    } else if (pk.getKeyID() == 0) {
                        hidden++;
                    } else {
                        recipients.add(String.format(Locale.ROOT, "%016X", pk.getKeyID()));
                    }
                } else {
                    passphrases++;
                }
                tag = in.nextPacketTag();
            }
            if (recipients.isEmpty() && hidden == 0 && passphrases == 0) {
                throw OpenPgpException.invalidInput(source + " is not an encrypted message: it has no session-key"
                        + " packet (" + (tag < 0 ? "no packets" : "packet type " + tag) + " first)");
            }
            String dataPacket;
            boolean integrity;
            int cipher = -1;
            Packet data = tag < 0 ? null : in.readPacket();
            if (data instanceof SymmetricEncIntegrityPacket seipd) {
                dataPacket = "SEIPD v" + seipd.getVersion();
                integrity = true;
                if (seipd.getVersion() == SymmetricEncIntegrityPacket.VERSION_2) {
                    cipher = seipd.getCipherAlgorithm();
                }
            } else if (data instanceof AEADEncDataPacket aead) {
                dataPacket = "OCB encrypted data";
                integrity = true;
                cipher = aead.getAlgorithm();
            } else if (data != null && tag == PacketTags.SYMMETRIC_KEY_ENC) {
                dataPacket = "legacy SED";
                integrity = false;
            } else {
                throw OpenPgpException.invalidInput(source + " is not a well-formed encrypted message: its session-key"
                        + " packets are followed by " + (tag < 0 ? "nothing (truncated)" : "packet type " + tag)
                        + " instead of encrypted data");
            }
            ((InputStreamPacket) data).getInputStream().transferTo(OutputStream.nullOutputStream());
            int end = counting.position();
            if (end < binary.length && (binary[end] & 0x80) == 0) {
                throw OpenPgpException.invalidInput(source + " has data after its encrypted message ("
                        + (binary.length - end) + " bytes that are not OpenPGP packets): a file holds one message"
                        + " and nothing else");
            }
            tag = in.nextPacketTag();
            while (tag == PacketTags.PADDING) {
                in.readPacket();
                tag = in.nextPacketTag();
            }
            if (tag >= 0 || counting.position() < binary.length) {
                throw OpenPgpException.invalidInput(source + " has data after its encrypted message ("
                        + (binary.length - counting.position()) + " bytes"
                        + (tag >= 0 ? ", packet type " + tag : "") + "): a file holds one message and nothing else");
            }
            return new Facts(List.copyOf(recipients), hidden, passphrases, dataPacket, integrity, cipher);
        } catch (IOException | RuntimeException e) {
            if (e instanceof OpenPgpException o) {
                throw o;
            }
            throw OpenPgpException.invalidInput(source + " is not a well-formed encrypted message (truncated, or data"
                    + " after it that is not OpenPGP: " + Names.describe(e) + ")");
        }
    }

    /** A byte array stream that says how far it was read. */
    private static final class Counting extends ByteArrayInputStream {
        Counting(byte[] data) {
            super(data);
        }

        int position() {
            return pos;
        }
    }
}
