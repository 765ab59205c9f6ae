package fr.mangaki.verdandi.secrets.openpgp;

import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Parses OpenPGP data (armored or binary) far enough to say what it is, without any key. */
public final class PacketInspector {

    /** What the data holds. */
    public enum Content {
        /** An encrypted message (session keys for recipients, then encrypted data). */
        ENCRYPTED_MESSAGE,
        /** Certificates: public key material only. */
        PUBLIC_KEY,
        /** A transferable secret key (alone or among certificates). */
        SECRET_KEY,
        /** A message whose contents are not encrypted (literal, compressed or signed data). */
        UNENCRYPTED_MESSAGE,
        /** A detached signature. */
        SIGNATURE,
        /** Anything else, including an armor header around text that is not OpenPGP data. */
        NOT_PGP
    }

    private PacketInspector() {
    }

    /**
     * Says what {@code data} is. An armor header around text that is not OpenPGP packets,
     * or text outside the armor, is {@link Content#NOT_PGP}.
     */
    public static Content inspect(byte[] data) {
        PacketSniffer.Format format = PacketSniffer.format(data);
        if (format == PacketSniffer.Format.OTHER) {
            return Content.NOT_PGP;
        }
        if (format == PacketSniffer.Format.ARMORED) {
            String type = PacketSniffer.armorType(data);
            if (type == null) {
                return Content.NOT_PGP;
            }
            if (type.equals("SIGNED MESSAGE")) {
                return Content.UNENCRYPTED_MESSAGE; // cleartext signature: the text is in clear
            }
        }
        try {
            InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data));
            BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
            Object first = nextMeaningful(factory);
            Content kind;
            if (first instanceof PGPEncryptedDataList list) {
                kind = list.isEmpty() || list.getEncryptedData() == null ? Content.NOT_PGP : Content.ENCRYPTED_MESSAGE;
            } else if (first instanceof PGPPublicKeyRing) {
                kind = Content.PUBLIC_KEY;
            } else if (first instanceof PGPSecretKeyRing) {
                return Content.SECRET_KEY;
            } else if (first instanceof PGPLiteralData || first instanceof PGPCompressedData
                    || first instanceof PGPOnePassSignatureList) {
                return Content.UNENCRYPTED_MESSAGE;
            } else if (first instanceof PGPSignatureList) {
                kind = Content.SIGNATURE;
            } else {
                return Content.NOT_PGP;
            }
            if (kind == Content.PUBLIC_KEY) {
                // a key file may hold several certificates; a secret one among them makes it secret
                for (Object next = nextMeaningful(factory); next != null; next = nextMeaningful(factory)) {
                    if (next instanceof PGPSecretKeyRing) {
                        return Content.SECRET_KEY;
                    }
                    if (!(next instanceof PGPPublicKeyRing)) {
                        return Content.NOT_PGP;
                    }
                }
            }
            // read to the end: the whole armor must decode (base64 and checksum)
            in.transferTo(OutputStream.nullOutputStream());
            return kind;
        } catch (IOException | RuntimeException e) {
            return Content.NOT_PGP;
        }
    }

    /**
     * The session-key packets of an encrypted message.
     *
     * @throws OpenPgpException (invalid input) when the data is not an encrypted message
     */
    static PGPEncryptedDataList encryptedDataList(byte[] message, String source) {
        Content kind = inspect(message);
        if (kind == Content.NOT_PGP) {
            throw OpenPgpException.invalidInput(source + " is not a PGP file (no valid OpenPGP armor or packets)");
        }
        if (kind != Content.ENCRYPTED_MESSAGE) {
            throw OpenPgpException.invalidInput(source + " is " + description(kind) + ", not an encrypted message");
        }
        try {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(message)));
            return (PGPEncryptedDataList) nextMeaningful(factory);
        } catch (IOException e) {
            throw OpenPgpException.invalidInput(source + " is not a valid OpenPGP message: " + Names.describe(e));
        }
    }

    /** A phrase for messages, e.g. "an OpenPGP public key". */
    static String description(Content kind) {
        return switch (kind) {
            case ENCRYPTED_MESSAGE -> "an encrypted OpenPGP message";
            case PUBLIC_KEY -> "an OpenPGP public key";
            case SECRET_KEY -> "an OpenPGP secret key";
            case UNENCRYPTED_MESSAGE -> "an OpenPGP message that is not encrypted (its contents are readable by anyone)";
            case SIGNATURE -> "an OpenPGP signature";
            case NOT_PGP -> "not OpenPGP data";
        };
    }

    private static Object nextMeaningful(BcPGPObjectFactory factory) throws IOException {
        Object o = factory.nextObject();
        while (o instanceof PGPMarker || o instanceof PGPPadding) {
            o = factory.nextObject();
        }
        return o;
    }
}
