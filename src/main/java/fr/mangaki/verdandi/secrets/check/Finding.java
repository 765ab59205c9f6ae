package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.Recipients;

/**
 * One reason to refuse a file.
 *
 * @param path        path from the repository root
 * @param renamedFrom the path it was renamed or copied from in the staged commit, or null
 * @param kind        what kind of problem (decides the fix)
 * @param reason      what is wrong, for people (never the secret value)
 * @param line        the 1-based line, or 0 when the whole file is at fault
 * @param commit      the commit that holds the file when commits are checked (a push), else null
 */
public record Finding(String path, String renamedFrom, Kind kind, String reason, int line, String commit) {

    /** A finding in what git's index holds. */
    public Finding(String path, String renamedFrom, Kind kind, String reason, int line) {
        this(path, renamedFrom, kind, reason, line, null);
    }

    /** Kinds of findings, each with its fix. */
    public enum Kind {
        /** An env file in clear (by its name, or by its content). */
        PLAINTEXT_ENV,
        /** A file that must be an encrypted OpenPGP message (or a public key under secrets/) and is not. */
        NOT_ENCRYPTED,
        /** An encrypted message that is not exactly one well-formed message (corrupt, cut short, data after it). */
        MALFORMED_MESSAGE,
        /** An encrypted message that is weak: no integrity protection, a legacy cipher, a passphrase or hidden recipient. */
        WEAK_MESSAGE,
        /** An encrypted message whose recipients are not exactly those of secrets/recipients/. */
        STALE_RECIPIENTS,
        /** Every recipient removed while encrypted files remain. */
        NO_RECIPIENT_LEFT,
        /** An OpenPGP secret key where a public key or a message belongs. */
        SECRET_KEY_FILE,
        /** A private key in a file's content. */
        PRIVATE_KEY,
        /** A token, password or key in a file's content. */
        CREDENTIAL
    }

    /** {@code line N: reason}, or the reason alone for a whole file. */
    public String describe() {
        return line > 0 ? "line " + line + ": " + reason : reason;
    }

    /**
     * The command line or steps that fix this finding.
     *
     * @param command how to run Verdandi from here, e.g. {@code bin/verdandi}
     */
    public String fix(String command) {
        String p = quote(path);
        if (commit != null) {
            return "take it out of commit " + commit.substring(0, Math.min(12, commit.length()))
                    + " before pushing (git rebase -i, edit that commit, then fix it as the hook says: "
                    + fixInIndex(command, p) + "); if it was ever pushed, revoke it";
        }
        return fixInIndex(command, p);
    }

    private String fixInIndex(String command, String p) {
        boolean encryptedName = path.endsWith(".asc") || path.endsWith(".gpg") || path.endsWith(".pgp");
        return switch (kind) {
            case PLAINTEXT_ENV -> encryptCommand(command, p);
            case NOT_ENCRYPTED -> encryptedName
                    ? "git rm --cached -q " + p + ", then encrypt the plaintext: " + command
                    + " secrets encrypt FILE (writes FILE.asc to every recipient)"
                    : encryptCommand(command, p);
            case MALFORMED_MESSAGE -> "git rm --cached -q " + p + ", then encrypt the plaintext again: " + command
                    + " secrets encrypt FILE (or " + command + " secrets edit " + p + " from a good copy)";
            case WEAK_MESSAGE -> "encrypt it again: " + command + " secrets reencrypt (AES-256, integrity protected, to"
                    + " every recipient); a message without integrity protection must be made again from a trusted"
                    + " copy: " + command + " secrets encrypt FILE";
            case STALE_RECIPIENTS -> "run " + command + " secrets reencrypt, then git add " + p;
            case NO_RECIPIENT_LEFT -> "git restore --staged " + Recipients.DIRECTORY + " (add the new recipient first,"
                    + " then " + command + " secrets reencrypt, then remove the old one)";
            case SECRET_KEY_FILE -> "git rm --cached -q " + p + ": secret keys never go in the repository"
                    + " (a recipient needs only the public key: " + command + " secrets recipients add PUBLIC_KEYFILE)";
            case PRIVATE_KEY -> "git rm --cached -q " + p + " and keep the key out of the repository (or commit it"
                    + " encrypted: " + command + " secrets encrypt " + p + "); if it was ever pushed, replace the key";
            case CREDENTIAL -> "remove the value from " + p + " and read it from the environment instead; keep it"
                    + " in an encrypted env file (" + command + " secrets edit secrets/ENV.env.asc); then git add "
                    + p + ". If it was ever pushed, revoke it.";
        };
    }

    private static String encryptCommand(String command, String p) {
        return command + " secrets encrypt " + p + " && git rm --cached -q " + p + " && git add " + p
                + ".asc .gitignore";
    }

    private static String quote(String path) {
        return path.matches("[A-Za-z0-9_./@%+=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }
}
