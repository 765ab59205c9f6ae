package fr.mangaki.verdandi.secrets;

import fr.mangaki.verdandi.secrets.internal.AtomicFile;
import fr.mangaki.verdandi.secrets.internal.Git;
import fr.mangaki.verdandi.secrets.internal.GitException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The encrypted files of a git working tree: {@code PATH.asc} beside its plaintext
 * {@code PATH}, encrypted to every recipient of {@link Recipients}; the plaintext is added
 * to the root {@code .gitignore} when first encrypted. Binary messages ({@code .gpg},
 * {@code .pgp}, as GnuPG writes them) are edited and re-encrypted like armored ones, and stay
 * binary.
 */
public final class EncryptedFiles {

    private static final String MESSAGE_ARMOR = "-----BEGIN PGP MESSAGE-----";
    /** The extensions of encrypted files: armored, and binary as GnuPG writes them. */
    private static final List<String> EXTENSIONS = List.of(".asc", ".gpg", ".pgp");

    private final Path root;
    private final Pgp pgp;
    private final Recipients recipients;
    private final Git git;

    /**
     * @param repositoryRoot the root of the git working tree
     * @param pgp            the OpenPGP implementation
     */
    public EncryptedFiles(Path repositoryRoot, Pgp pgp) {
        this.root = repositoryRoot.toAbsolutePath().normalize();
        this.pgp = pgp;
        this.recipients = new Recipients(root, pgp);
        this.git = new Git(root);
    }

    /** The working tree's root found from {@code directory} (any directory inside it). */
    public static EncryptedFiles forRepositoryAt(Path directory, Pgp pgp) {
        return new EncryptedFiles(git(() -> Git.topLevel(directory)), pgp);
    }

    public Path root() {
        return root;
    }

    public Recipients recipients() {
        return recipients;
    }

    /**
     * A file encrypted.
     *
     * @param encrypted        the {@code .asc} file written
     * @param recipients       who can decrypt it
     * @param ignoreAdded      the line added to {@code .gitignore}, or null when the plaintext was already ignored
     * @param plaintextTracked whether git still tracks the plaintext (it must be removed with {@code git rm --cached})
     */
    public record Encrypted(Path encrypted, List<Recipient> recipients, String ignoreAdded, boolean plaintextTracked) {
    }

    /** Encrypts {@code plaintext} to every recipient into {@code plaintext.asc}, and git-ignores the plaintext. */
    public Encrypted encrypt(Path plaintext) {
        Path file = inside(plaintext);
        if (!Files.isRegularFile(file)) {
            throw SecretsException.invalidInput("no such file: " + relative(file));
        }
        String fileName = file.getFileName().toString();
        if (EXTENSIONS.stream().anyMatch(fileName::endsWith)) {
            throw SecretsException.invalidInput(relative(file) + " already ends with "
                    + fileName.substring(fileName.lastIndexOf('.')) + ": give the plaintext file"
                    + " (verdandi secrets edit " + relative(file) + " changes an encrypted file)");
        }
        List<Recipient> to = recipients.requireValid();
        byte[] content = read(file);
        Path target = file.resolveSibling(file.getFileName() + ".asc");
        try {
            write(target, pgp.encrypt(content, to));
        } finally {
            Arrays.fill(content, (byte) 0);
        }
        String rel = relative(file);
        String ignoreAdded = null;
        if (git(() -> git.run(null, "check-ignore", "-q", "--no-index", "--", rel)).status != 0) {
            ignoreAdded = "/" + rel;
            appendToGitignore(ignoreAdded);
        }
        boolean tracked = git(() -> git.run(null, "ls-files", "--error-unmatch", "--", rel)).status == 0;
        return new Encrypted(target, to, ignoreAdded, tracked);
    }

    /** Decrypts an encrypted file of this repository with the given key. */
    public Sensitive<byte[]> decrypt(Path encrypted, KeySource key) {
        Path file = inside(encrypted);
        if (!Files.isRegularFile(file)) {
            throw SecretsException.invalidInput("no such file: " + relative(file));
        }
        return pgp.decrypt(read(file), relative(file), key);
    }

    /**
     * Decrypts any encrypted file, in a repository or not (a file received by mail, say).
     *
     * @param file the file
     * @param name how messages name it (the path as given)
     */
    public static Sensitive<byte[]> decryptFile(Path file, String name, KeySource key, Pgp pgp) {
        if (!Files.isRegularFile(file)) {
            throw SecretsException.invalidInput("no such file: " + name);
        }
        byte[] message;
        try {
            message = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SecretsException("cannot read " + name + ": " + e.getMessage(), e);
        }
        return pgp.decrypt(message, name, key);
    }

    /** An edit's outcome. */
    public record Edited(Path encrypted, boolean created, boolean changed, List<Recipient> recipients) {
    }

    /**
     * Decrypts {@code encrypted} (or starts from an empty file when it does not exist yet)
     * into a mode 0600 file in a private temporary directory, lets {@code editor} change
     * it, re-encrypts it to the current recipients when it changed, and deletes the
     * plaintext. When the editor fails, nothing is written.
     */
    public Edited edit(Path encrypted, KeySource key, Editor editor) {
        Path file = inside(encrypted);
        String name = file.getFileName().toString();
        String extension = EXTENSIONS.stream().filter(name::endsWith).findFirst().orElse(null);
        if (extension == null || name.length() == extension.length()) {
            throw SecretsException.invalidInput(relative(file) + " does not end with .asc: edit the encrypted"
                    + " file (PATH.asc, or PATH.gpg for a binary one)");
        }
        boolean exists = Files.isRegularFile(file);
        List<Recipient> to = recipients.requireValid();
        byte[] existing = exists ? read(file) : null;
        boolean armored = exists ? startsWithMessageArmor(existing) : extension.equals(".asc");
        byte[] before = exists ? pgp.decrypt(existing, relative(file), key).reveal() : new byte[0];
        Path dir = null;
        Path plain = null;
        byte[] after = null;
        try {
            dir = Files.createTempDirectory(privateTempBase(), "verdandi-edit-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            plain = dir.resolve(name.substring(0, name.length() - extension.length()));
            Files.createFile(plain, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(plain, before);
            editor.edit(plain);
            after = Files.readAllBytes(plain);
            if (exists && Arrays.equals(before, after)) {
                return new Edited(file, false, false, to);
            }
            write(file, pgp.encrypt(after, to, armored));
            return new Edited(file, !exists, true, to);
        } catch (IOException e) {
            throw new SecretsException("cannot edit " + relative(file) + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(before, (byte) 0);
            if (after != null) {
                Arrays.fill(after, (byte) 0);
            }
            wipe(plain, dir);
        }
    }

    /**
     * Re-encrypts every encrypted message ({@link #messages()}: armored {@code *.asc} and
     * binary {@code *.gpg}/{@code *.pgp}, tracked or not ignored) to the current recipients,
     * each in its own format, with AES-256 in integrity-protected packets (a message in a
     * legacy cipher is replaced): run it after adding or removing a recipient. Every file is
     * decrypted before any is written, so a file that cannot be decrypted leaves everything
     * as it was.
     *
     * @return the files re-encrypted
     */
    public List<Path> reencrypt(KeySource key) {
        List<Path> messages = messages();
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Recipient> to = recipients.requireValid();
        Map<Path, byte[]> plaintexts = new LinkedHashMap<>();
        Map<Path, Boolean> armored = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        try {
            for (Path m : messages) {
                try {
                    byte[] message = read(m);
                    armored.put(m, startsWithMessageArmor(message));
                    plaintexts.put(m, pgp.decryptToReencrypt(message, relative(m), key).reveal());
                } catch (SecretsException e) {
                    failures.add(e.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new SecretsException("nothing was re-encrypted: " + failures.size() + " of " + messages.size()
                        + " file(s) cannot be decrypted with " + key.description() + ":\n  "
                        + String.join("\n  ", failures));
            }
            Map<Path, byte[]> ciphertexts = new LinkedHashMap<>();
            plaintexts.forEach((m, p) -> ciphertexts.put(m, pgp.encrypt(p, to, armored.get(m))));
            ciphertexts.forEach(EncryptedFiles::write);
        } finally {
            plaintexts.values().forEach(p -> Arrays.fill(p, (byte) 0));
        }
        return messages;
    }

    /**
     * Every encrypted message of the working tree (tracked, or untracked and not ignored):
     * {@code *.asc} files that start with a message armor, and {@code *.gpg} and
     * {@code *.pgp} files that are binary encrypted messages.
     */
    public List<Path> messages() {
        byte[] out = git(() -> git.output("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.asc",
                "*.gpg", "*.pgp"));
        List<Path> messages = new ArrayList<>();
        for (String rel : new String(out, StandardCharsets.UTF_8).split("\0")) {
            if (rel.isEmpty()) {
                continue;
            }
            Path p = root.resolve(rel);
            if (Files.isRegularFile(p) && !messages.contains(p) && isMessage(p)) {
                messages.add(p);
            }
        }
        messages.sort(null);
        return messages;
    }

    private boolean isMessage(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(256);
            if (startsWithMessageArmor(head)) {
                return true;
            }
            if (head.length == 0 || (head[0] & 0x80) == 0 || file.getFileName().toString().endsWith(".asc")) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return pgp.inspect(read(file)) == PgpData.ENCRYPTED_MESSAGE;
    }

    /** {@code path} relative to the repository root, with {@code /}. */
    public String relative(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private Path inside(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            throw SecretsException.invalidInput(path + " is outside the repository " + root);
        }
        return absolute;
    }

    private byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SecretsException("cannot read " + relative(file) + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWithMessageArmor(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 256), StandardCharsets.ISO_8859_1);
        return head.stripLeading().startsWith(MESSAGE_ARMOR);
    }

    private void appendToGitignore(String line) {
        Path gitignore = root.resolve(".gitignore");
        try {
            String existing = Files.exists(gitignore) ? Files.readString(gitignore) : "";
            String prefix = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
            write(gitignore, (existing + prefix + line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SecretsException("cannot update " + gitignore + ": " + e.getMessage(), e);
        }
    }

    /** Writes a whole file or nothing ({@link AtomicFile}). */
    static void write(Path target, byte[] content) {
        try {
            AtomicFile.write(target, content);
        } catch (IOException e) {
            throw new SecretsException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Runs a git operation, its failures as {@link SecretsException}s (not a repository: invalid input). */
    static <T> T git(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (GitException e) {
            throw SecretsException.of(e.getMessage(), e.notARepository(), e);
        }
    }

    /** A RAM-backed directory when there is one ({@code /dev/shm}), so that plaintext never reaches a disk. */
    private static Path privateTempBase() {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm;
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void wipe(Path plain, Path dir) {
        try {
            if (plain != null && Files.isRegularFile(plain)) {
                long size = Files.size(plain);
                Files.write(plain, new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)]);
            }
        } catch (IOException ignored) {
            // deleted below anyway
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // best effort: the directory is private (0700)
            }
        }
    }
}
