package fr.mangaki.verdandi.secrets.internal;

/**
 * Git could not be run, failed, or the directory is not in a repository. The message is
 * meant for people (git's own error text included).
 */
public final class GitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean notARepository;

    GitException(String message, boolean notARepository) {
        super(message);
        this.notARepository = notARepository;
    }

    GitException(String message, Throwable cause) {
        super(message, cause);
        this.notARepository = false;
    }

    /** Whether the directory given is not inside a git repository (bad input rather than a failure). */
    public boolean notARepository() {
        return notARepository;
    }
}
