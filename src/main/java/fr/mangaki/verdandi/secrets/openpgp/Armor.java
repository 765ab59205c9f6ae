package fr.mangaki.verdandi.secrets.openpgp;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CRC24;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * ASCII armor (RFC 4880 §6, RFC 9580 §6.2), written so that every implementation reads it
 * and read strictly.
 *
 * <p>Written with Bouncy Castle's {@link ArmoredOutputStream} with its CRC24 checksum line:
 * RFC 9580 makes the line optional, but GnuPG 2.2 needs it to find the end of the data when
 * the base64 has no {@code =} padding (every message whose length is a multiple of 3), and it
 * is what tells a damaged file from one encrypted to another key.
 *
 * <p>Read strictly: exactly one armored block and nothing but whitespace around it, header
 * lines then a blank line, base64 lines, an optional checksum line, the matching end line.
 * A character that is not base64 or a checksum that does not match is reported as
 * corruption.
 */
public final class Armor {

    private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    private static final Pattern CHECKSUM_LINE = Pattern.compile("=[A-Za-z0-9+/]{4}");
    private static final Pattern HEADER_LINE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*: .*");

    private Armor() {
    }

    /**
     * Armors {@code binary} as {@code -----BEGIN PGP <type>-----} with no header lines and a
     * CRC24 checksum line.
     */
    public static byte[] armor(byte[] binary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(binary.length * 4 / 3 + 128);
        try (ArmoredOutputStream armored = stream(out)) {
            armored.write(binary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An armoring stream with a checksum line and no header lines. */
    static ArmoredOutputStream stream(OutputStream out) {
        return ArmoredOutputStream.builder().clearHeaders().enableCRC(true).build(out);
    }

    /**
     * The packets inside an armored block of the given type, read strictly.
     *
     * @param data   the whole file
     * @param type   the armor type, e.g. {@code MESSAGE}
     * @param source the file's name, for messages
     * @throws OpenPgpException (invalid input) naming what is wrong: not one armored block,
     *                          text around it, or corruption (a character that is not base64,
     *                          a checksum that does not match)
     */
    public static byte[] dearmor(byte[] data, String type, String source) {
        String text = new String(data, StandardCharsets.ISO_8859_1).strip();
        String[] lines = text.split("\r?\n", -1);
        String begin = PacketSniffer.ARMOR_BEGIN + type + "-----";
        String end = PacketSniffer.ARMOR_END + type + "-----";
        if (!lines[0].strip().equals(begin)) {
            throw OpenPgpException.invalidInput(source + " is not a PGP file (no valid OpenPGP armor or packets)");
        }
        int i = 1;
        while (i < lines.length && HEADER_LINE.matcher(lines[i].strip()).matches()) {
            i++;
        }
        if (i >= lines.length || !lines[i].isBlank()) {
            throw OpenPgpException.invalidInput(source + " is not a well-formed armored message: line " + (i + 1)
                    + " should be the blank line that ends the armor headers");
        }
        i++;
        StringBuilder base64 = new StringBuilder(text.length());
        String checksum = null;
        int badCharacters = 0;
        int firstBadLine = -1;
        int last = lines.length - 1;
        if (!lines[last].strip().equals(end)) {
            throw OpenPgpException.invalidInput(source + " is not a well-formed armored message: it does not end with "
                    + end + " (truncated, or text after the armor)");
        }
        for (; i < last; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("-----")) {
                throw OpenPgpException.invalidInput(source + " holds more than one armored block (line " + (i + 1)
                        + "): one message per file");
            }
            if (i == last - 1 && CHECKSUM_LINE.matcher(line).matches()) {
                checksum = line.substring(1);
                continue;
            }
            int bad = notBase64(line);
            if (bad > 0 && firstBadLine < 0) {
                firstBadLine = i + 1;
            }
            badCharacters += bad;
            base64.append(line);
        }
        if (badCharacters > 0) {
            // a character or two in real base64 is damage; lines of text inside an armor are plaintext
            if (badCharacters <= 2 && base64.length() >= 40) {
                throw OpenPgpException.invalidInput(source + " is corrupt: line " + firstBadLine + " of its armor has a"
                        + " character that is not base64 (the file was damaged or edited)");
            }
            throw OpenPgpException.invalidInput(source + " is not a PGP file (no valid OpenPGP armor or packets)");
        }
        byte[] binary;
        try {
            binary = Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw OpenPgpException.invalidInput(source + " is corrupt: its armor is not valid base64 (the file was"
                    + " damaged or edited)");
        }
        if (checksum != null && !checksum.equals(crc24(binary))) {
            throw OpenPgpException.invalidInput(source + " is corrupt: its armor checksum (CRC24) does not match its"
                    + " content (the file was damaged or edited)");
        }
        return binary;
    }

    /** How many characters of an armor line are not base64 (padding allowed at its end). */
    private static int notBase64(String line) {
        if (BASE64_LINE.matcher(line).matches()) {
            return 0;
        }
        int bad = 0;
        String body = line.replaceFirst("=+$", "");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                bad++;
            }
        }
        return Math.max(bad, 1);
    }

    /** The CRC24 of {@code binary} in base64, as the armor's checksum line writes it (without {@code =}). */
    static String crc24(byte[] binary) {
        CRC24 crc = new CRC24();
        for (byte b : binary) {
            crc.update(b & 0xff);
        }
        int v = crc.getValue();
        byte[] bytes = {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
        return Base64.getEncoder().encodeToString(bytes);
    }
}
