package fr.mangaki.verdandi.config;

import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSSH public key line ({@code ssh-ed25519 AAAA... comment}): its type, its key blob
 * (base64, as written) and its comment. Two lines are the same key when type and blob are
 * equal, whatever their comments.
 *
 * <p>The {@link #fingerprint()} is the MD5 fingerprint DigitalOcean identifies account keys by
 * ({@code 3b:16:bf:...}, what {@code doctl compute ssh-key list} and the API show, and what
 * {@code ssh-keygen -l -E md5} prints after {@code MD5:}).
 *
 * @param type    the key type ({@code ssh-ed25519}, {@code ssh-rsa}, ...)
 * @param blob    the key in base64, as written
 * @param comment the comment; empty when there is none
 */
public record PublicKey(String type, String blob, String comment) {
    private static final Pattern LINE = Pattern.compile("(\\S+) ([A-Za-z0-9+/]+={0,3})(?: +(\\S.*))?");
    /** The header of an OpenSSH private key file ({@code PROTOCOL.key} of OpenSSH). */
    private static final String OPENSSH_PRIVATE_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_PRIVATE_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    public PublicKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(comment, "comment");
    }

    /**
     * Reads a public key line; empty when it is not {@code TYPE BASE64 [COMMENT]} or when the
     * blob does not decode to a key of that type (its first field names the type, as in
     * RFC 4253 section 6.6).
     */
    public static Optional<PublicKey> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        PublicKey key = new PublicKey(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3).strip());
        return key.embeddedType().filter(key.type::equals).map(t -> key);
    }

    /**
     * The public half of an OpenSSH private key file's text ({@code -----BEGIN OPENSSH PRIVATE
     * KEY-----}, what {@code ssh-keygen} writes): the file holds its public key in clear before
     * the private part, encrypted or not. Empty for any other text (a PEM key of another format
     * says nothing here: its public half is not read).
     */
    public static Optional<PublicKey> ofPrivateKey(String privateKeyText) {
        if (privateKeyText == null) {
            return Optional.empty();
        }
        int begin = privateKeyText.indexOf(OPENSSH_PRIVATE_BEGIN);
        int end = privateKeyText.indexOf(OPENSSH_PRIVATE_END);
        if (begin < 0 || end < begin) {
            return Optional.empty();
        }
        String body = privateKeyText.substring(begin + OPENSSH_PRIVATE_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(body));
            byte[] magic = new byte[OPENSSH_MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, OPENSSH_MAGIC)) {
                return Optional.empty();
            }
            field(in); // cipher name
            field(in); // KDF name
            field(in); // KDF options
            if (in.getInt() < 1) {
                return Optional.empty();
            }
            byte[] publicBlob = field(in);
            String type = new String(field(ByteBuffer.wrap(publicBlob)), StandardCharsets.US_ASCII);
            return Optional.of(new PublicKey(type, Base64.getEncoder().encodeToString(publicBlob), ""));
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code other} is the same key (type and blob), comments aside. */
    public boolean sameKey(PublicKey other) {
        return type.equals(other.type) && blob.equals(other.blob);
    }

    /** The MD5 fingerprint of the key blob, as DigitalOcean shows it: 16 hex pairs joined by ':'. */
    public String fingerprint() {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(Base64.getDecoder().decode(blob));
            return HexFormat.ofDelimiter(":").formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }

    /** The key as one line, {@code TYPE BLOB [COMMENT]}. */
    public String line() {
        return comment.isEmpty() ? type + " " + blob : type + " " + blob + " " + comment;
    }

    /** A short form for messages: the type, the blob's last 12 characters, the comment. */
    public String shortForm() {
        String tail = blob.length() > 12 ? "..." + blob.substring(blob.length() - 12) : blob;
        return type + " " + tail + (comment.isEmpty() ? "" : " " + comment);
    }

    @Override
    public String toString() {
        return line();
    }

    /** The type named inside the blob, when it decodes. */
    private Optional<String> embeddedType() {
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(blob));
            return Optional.of(new String(field(in), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    /** One SSH wire-format string: a 32-bit length, then the bytes. */
    private static byte[] field(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
