package fr.mangaki.verdandi.secrets.check;

/**
 * A file as git's index holds it.
 *
 * @param path        path from the repository root, with {@code /} separators
 * @param mode        git's octal mode ({@code 100644}, {@code 100755}, {@code 120000} for a
 *                    symbolic link, {@code 160000} for a submodule)
 * @param objectId    the blob's object id
 * @param renamedFrom the path it was renamed or copied from in this commit, or null
 */
public record IndexedFile(String path, String mode, String objectId, String renamedFrom) {

    /** Whether the entry holds file contents (not a symbolic link or a submodule). */
    public boolean isRegularFile() {
        return mode.startsWith("100");
    }

    /** The last path segment. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
