package fr.mangaki.verdandi.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Helpers for tests that handle OpenPGP messages. */
public final class PgpTestSupport {

    private PgpTestSupport() {
    }

    /** Flips one base64 character's worth of ciphertext near the end (inside the encrypted packet). */
    public static byte[] flipByteNearEnd(byte[] armored) {
        String text = new String(armored, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n");
        StringBuilder body = new StringBuilder();
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.length; i++) {
            if (start < 0 && lines[i].isBlank()) {
                start = i + 1;
            } else if (start >= 0 && (lines[i].startsWith("=") || lines[i].startsWith("-----END"))) {
                end = i;
                break;
            }
        }
        for (int i = start; i < end; i++) {
            body.append(lines[i].strip());
        }
        byte[] packets = Base64.getDecoder().decode(body.toString());
        packets[packets.length - 30] ^= 0x01;
        return ("-----BEGIN PGP MESSAGE-----\n\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(packets) + "\n-----END PGP MESSAGE-----\n").getBytes(StandardCharsets.US_ASCII);
    }

}
