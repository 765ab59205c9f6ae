package fr.mangaki.verdandi.secrets.check;

/**
 * One reason to refuse a file.
 *
 * @param path        path from the repository root
 * @param renamedFrom the path it was renamed or copied from in the staged commit, or null
 * @param kind        what kind of problem (decides the fix)
 * @param reason      what is wrong, for people (never the secret value)
 * @param line        the 1-based line, or 0 when the whole file is at fault
 */
public record Finding(String path, String renamedFrom, Kind kind, String reason, int line) {

    /** Kinds of findings, each with its fix. */
    public enum Kind {
        /** An env file in clear. */
        PLAINTEXT_ENV,
        /** An env template with values. */
        TEMPLATE_WITH_VALUES,
        /** A {@code .envrc} exporting literal values. */
        ENVRC_EXPORTS,
        /** A file that must be an encrypted OpenPGP message (or a public key under secrets/) and is not. */
        NOT_ENCRYPTED,
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
        boolean encryptedName = path.endsWith(".asc") || path.endsWith(".gpg") || path.endsWith(".pgp");
        return switch (kind) {
            case PLAINTEXT_ENV -> encryptCommand(command, p);
            case TEMPLATE_WITH_VALUES -> "empty every value in " + p + " (keep the NAME= lines), then git add " + p;
            case ENVRC_EXPORTS -> "keep the values out of " + p + ": put them in an env file, encrypt it ("
                    + command + " secrets encrypt FILE) and have direnv load the plaintext (dotenv_if_exists FILE);"
                    + " then git add " + p;
            case NOT_ENCRYPTED -> encryptedName
                    ? "git rm --cached -q " + p + ", then encrypt the plaintext: " + command
                    + " secrets encrypt FILE (writes FILE.asc to every recipient)"
                    : encryptCommand(command, p);
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
