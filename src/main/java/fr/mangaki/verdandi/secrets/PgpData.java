package fr.mangaki.verdandi.secrets;

/** What a file holds, as far as OpenPGP is concerned (see {@link Pgp#inspect(byte[])}). */
public enum PgpData {
    /** An encrypted OpenPGP message (session keys for recipients, then encrypted data). */
    ENCRYPTED_MESSAGE("an encrypted OpenPGP message"),
    /** A certificate: public key material only. */
    PUBLIC_KEY("an OpenPGP public key"),
    /** A transferable secret key. */
    SECRET_KEY("an OpenPGP secret key"),
    /** A valid OpenPGP message whose contents are not encrypted (literal, compressed or signed data). */
    UNENCRYPTED_MESSAGE("an OpenPGP message that is not encrypted (its contents are readable by anyone)"),
    /** A detached signature. */
    SIGNATURE("an OpenPGP signature"),
    /** Anything else, including an armor header around text that is not OpenPGP data. */
    NOT_PGP("not OpenPGP data");

    private final String description;

    PgpData(String description) {
        this.description = description;
    }

    /** A phrase for messages, e.g. "an encrypted OpenPGP message". */
    public String description() {
        return description;
    }
}
