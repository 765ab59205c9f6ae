package fr.mangaki.verdandi.secrets;

/**
 * A secrets operation that cannot be done, with a message meant for the person at the
 * terminal: what is wrong, with which file or key, and what to do about it. Never carries
 * secret material.
 */
public class SecretsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean invalidInput;

    /** An operation that failed (wrong key, tampered message, missing recipients...). */
    public SecretsException(String message) {
        this(message, false, null);
    }

    /** An operation that failed because of {@code cause}. */
    public SecretsException(String message, Throwable cause) {
        this(message, false, cause);
    }

    private SecretsException(String message, boolean invalidInput, Throwable cause) {
        super(message, cause);
        this.invalidInput = invalidInput;
    }

    /** The input itself is unusable (not a key, a secret key where a public one is wanted...). */
    public static SecretsException invalidInput(String message) {
        return new SecretsException(message, true, null);
    }

    /**
     * A failure reported by a lower layer (git, the OpenPGP library) with its message for
     * people, as invalid input or as a failed operation.
     */
    public static SecretsException of(String message, boolean invalidInput, Throwable cause) {
        return new SecretsException(message, invalidInput, cause);
    }

    /** Whether the input itself was unusable (the CLI exits with status 2), not the operation. */
    public boolean isInvalidInput() {
        return invalidInput;
    }
}
