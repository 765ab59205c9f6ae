package fr.mangaki.verdandi.secrets.check;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum that GitHub (and npm) put at the end of their tokens: the CRC32 of the random
 * part, in base62, six characters ("Behind GitHub's new authentication token formats",
 * GitHub blog, 2021-04-05). A string of the right shape whose checksum does not match is not
 * a token GitHub issued (a made-up example in documentation, say).
 */
final class TokenChecksums {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private TokenChecksums() {
    }

    /** Whether {@code body} (the token without its prefix: 30 random characters then 6 of checksum) checks out. */
    static boolean valid(String body) {
        if (body.length() != 36) {
            return false;
        }
        return checksum(body.substring(0, 30)).equals(body.substring(30));
    }

    /** The six-character checksum of a token's random part. */
    static String checksum(String random) {
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }
}
