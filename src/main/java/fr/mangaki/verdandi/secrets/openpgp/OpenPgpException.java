package fr.mangaki.verdandi.secrets.openpgp;

/**
 * An OpenPGP operation that cannot be done, with a message for people (never secret
 * material): the data is unusable ({@link #invalidInput()}), or the operation failed (wrong
 * key, tampered message...).
 */
public final class OpenPgpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean invalidInput;

    private OpenPgpException(String message, boolean invalidInput, Throwable cause) {
        super(message, cause);
        this.invalidInput = invalidInput;
    }

    /** The data itself is unusable (not a key, not a message, a secret key where a public one is wanted...). */
    static OpenPgpException invalidInput(String message) {
        return new OpenPgpException(message, true, null);
    }

    /** The operation failed. */
    static OpenPgpException failed(String message) {
        return new OpenPgpException(message, false, null);
    }

    /** The operation failed because of {@code cause}. */
    static OpenPgpException failed(String message, Throwable cause) {
        return new OpenPgpException(message, false, cause);
    }

    /** Whether the data itself was unusable rather than the operation. */
    public boolean invalidInput() {
        return invalidInput;
    }
}
