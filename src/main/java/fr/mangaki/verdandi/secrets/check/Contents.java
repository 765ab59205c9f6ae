package fr.mangaki.verdandi.secrets.check;

import java.nio.charset.StandardCharsets;

/**
 * How a file's bytes are read before the rules look at them: text as is (one char per byte,
 * so that any encoding compatible with ASCII matches), UTF-16 decoded, and binary files
 * reduced to their runs of printable characters (where tokens still show). Also tells
 * encrypted content (OpenPGP, SOPS, git-crypt, Ansible Vault) and binary key stores apart.
 */
final class Contents {

    private Contents() {
    }

    /** How the content was read. */
    enum Form {
        /** Text (no NUL byte in the first 8000 bytes, as git decides). */
        TEXT,
        /** UTF-16 text (a byte order mark, or every other byte NUL), decoded. */
        UTF16,
        /** Anything else: only its printable runs are looked at. */
        BINARY
    }

    /** Content as the rules see it; {@code text} is null for plain text (the rules read the bytes as they are). */
    record Decoded(Form form, String text) {
    }

    private static final byte[] GIT_CRYPT = "\0GITCRYPT\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ANSIBLE_VAULT = "$ANSIBLE_VAULT;".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] SOPS_VALUE = "ENC[AES256_GCM,data:".getBytes(StandardCharsets.ISO_8859_1);
    private static final int MIN_PRINTABLE_RUN = 12;

    /** Whether git would call this content binary (a NUL byte in the first 8000 bytes). */
    static boolean isBinary(byte[] content) {
        int n = Math.min(content.length, 8000);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static Decoded decode(byte[] content) {
        if (content.length >= 2 && ((content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe)) {
            return new Decoded(Form.UTF16, new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE));
        }
        if (content.length >= 2 && ((content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff)) {
            return new Decoded(Form.UTF16, new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE));
        }
        if (!isBinary(content)) {
            return new Decoded(Form.TEXT, null);
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        int n = Math.min(content.length, 4000) & ~1;
        for (int i = 0; i < n; i += 2) {
            zeroEven += content[i] == 0 ? 1 : 0;
            zeroOdd += content[i + 1] == 0 ? 1 : 0;
        }
        if (n >= 8 && zeroOdd > n * 0.4 && zeroEven < n * 0.05) {
            return new Decoded(Form.UTF16, new String(content, StandardCharsets.UTF_16LE));
        }
        if (n >= 8 && zeroEven > n * 0.4 && zeroOdd < n * 0.05) {
            return new Decoded(Form.UTF16, new String(content, StandardCharsets.UTF_16BE));
        }
        return new Decoded(Form.BINARY, printableRuns(content));
    }

    /** The runs of 12 printable ASCII characters or more, one per line (as {@code strings} prints them). */
    static String printableRuns(byte[] content) {
        StringBuilder out = new StringBuilder();
        int start = -1;
        for (int i = 0; i <= content.length; i++) {
            boolean printable = i < content.length && content[i] >= 0x20 && content[i] < 0x7f;
            if (printable && start < 0) {
                start = i;
            } else if (!printable && start >= 0) {
                if (i - start >= MIN_PRINTABLE_RUN) {
                    out.append(new String(content, start, i - start, StandardCharsets.ISO_8859_1)).append('\n');
                }
                start = -1;
            }
        }
        return out.toString();
    }

    /**
     * Whether the content is encrypted in a known format: git-crypt, SOPS (YAML, JSON,
     * dotenv or INI), Ansible Vault (OpenPGP is told by its own parser).
     */
    static boolean isEncrypted(byte[] content) {
        if (startsWith(content, GIT_CRYPT) || startsWith(content, ANSIBLE_VAULT)) {
            return true;
        }
        if (indexOf(content, SOPS_VALUE, content.length) < 0) {
            return false; // most files: one pass over the bytes, no copy
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        return text.contains("\nsops:") || text.startsWith("sops:") || text.contains("\"sops\":")
                || text.contains("sops_version=") || text.contains("[sops]");
    }

    /** What a binary key file is: an OpenPGP secret key, a PKCS#12 or Java key store; null otherwise. */
    static String binaryKeyStore(byte[] c) {
        if (c.length < 8) {
            return null;
        }
        int first = c[0] & 0xff;
        // an OpenPGP secret key packet (tag 5) first: old format 0x94-0x97, new format 0xC5 (RFC 9580 §4.2)
        int body = -1;
        if (first >= 0x94 && first <= 0x97) {
            int lengthType = first & 0x03;
            body = lengthType == 0 ? 2 : lengthType == 1 ? 3 : lengthType == 2 ? 5 : 1;
        } else if (first == 0xc5) {
            int l = c[1] & 0xff;
            body = l < 192 ? 2 : l < 224 ? 3 : l == 255 ? 6 : -1;
        }
        if (body > 0 && body < c.length && (c[body] == 3 || c[body] == 4 || c[body] == 5 || c[body] == 6)) {
            return "OpenPGP secret key (binary)";
        }
        // PKCS#12: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data/signedData ... } } (RFC 7292)
        if (first == 0x30 && indexOf(c, new byte[] {0x02, 0x01, 0x03}, 8) >= 0
                && indexOf(c, new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07}, 40) >= 0) {
            return "PKCS#12 key store";
        }
        if ((first == 0xfe && (c[1] & 0xff) == 0xed && (c[2] & 0xff) == 0xfe && (c[3] & 0xff) == 0xed)
                || (first == 0xce && (c[1] & 0xff) == 0xce && (c[2] & 0xff) == 0xce && (c[3] & 0xff) == 0xce)) {
            return "Java key store";
        }
        return null;
    }

    private static int indexOf(byte[] c, byte[] needle, int within) {
        int end = Math.min(c.length - needle.length, within);
        byte first = needle[0];
        for (int i = 0; i <= end; i++) {
            if (c[i] != first) {
                continue;
            }
            boolean match = true;
            for (int j = 1; j < needle.length && match; j++) {
                match = c[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] c, byte[] prefix) {
        if (c.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (c[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
