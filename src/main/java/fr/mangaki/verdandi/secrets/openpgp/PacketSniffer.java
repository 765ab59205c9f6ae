package fr.mangaki.verdandi.secrets.openpgp;

import java.nio.charset.StandardCharsets;

/**
 * Looks at a file's first bytes to tell armored OpenPGP, binary OpenPGP packets and
 * anything else apart, without parsing (and without loading Bouncy Castle): the secrets
 * check calls it on every file it must look at more closely.
 */
public final class PacketSniffer {

    /** How the data is laid out. */
    public enum Format {
        /** Starts (after whitespace) with an {@code -----BEGIN PGP } armor line. */
        ARMORED,
        /** Starts with a byte whose top bit is set, as every OpenPGP packet header does. */
        BINARY,
        /** Anything else. */
        OTHER
    }

    static final String ARMOR_BEGIN = "-----BEGIN PGP ";
    static final String ARMOR_END = "-----END PGP ";
    private static final byte[] ARMOR_BEGIN_BYTES = ARMOR_BEGIN.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE_ARMOR = "-----BEGIN PGP MESSAGE-----".getBytes(StandardCharsets.US_ASCII);

    private PacketSniffer() {
    }

    /** The layout of {@code data}, from its first bytes. */
    public static Format format(byte[] data) {
        int i = skipSpace(data);
        if (i == data.length) {
            return Format.OTHER;
        }
        if (startsWith(data, i, ARMOR_BEGIN_BYTES)) {
            return Format.ARMORED;
        }
        // a binary OpenPGP packet header has its top bit set
        return i == 0 && (data[0] & 0x80) != 0 ? Format.BINARY : Format.OTHER;
    }

    /** Whether {@code data} starts (after whitespace) with a {@code -----BEGIN PGP MESSAGE-----} line. */
    public static boolean startsWithMessageArmor(byte[] data) {
        return startsWith(data, skipSpace(data), MESSAGE_ARMOR);
    }

    /**
     * The armor type ("MESSAGE", "PUBLIC KEY BLOCK"...) when the data is exactly one armored
     * block with only whitespace around it; null otherwise (text outside the armor).
     */
    static String armorType(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1).strip();
        if (!text.startsWith(ARMOR_BEGIN)) {
            return null;
        }
        int headerEnd = text.indexOf("-----", ARMOR_BEGIN.length());
        if (headerEnd < 0) {
            return null;
        }
        String type = text.substring(ARMOR_BEGIN.length(), headerEnd);
        String footer = ARMOR_END + type + "-----";
        if (type.equals("SIGNED MESSAGE")) {
            return text.endsWith("-----END PGP SIGNATURE-----") ? type : null;
        }
        if (!text.endsWith(footer) || text.indexOf(ARMOR_END) != text.length() - footer.length()) {
            return null;
        }
        return type;
    }

    private static int skipSpace(byte[] data) {
        int i = 0;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) {
            i++;
        }
        return i;
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
}
