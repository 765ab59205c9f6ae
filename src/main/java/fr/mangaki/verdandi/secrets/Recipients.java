package fr.mangaki.verdandi.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The recipients of a repository's secrets: the public keys in {@code secrets/recipients/},
 * one {@code <FINGERPRINT>.asc} file per key.
 */
public final class Recipients {

    /** Where the public keys live, relative to the repository root. */
    public static final String DIRECTORY = "secrets/recipients";

    private final Path root;
    private final Path directory;
    private final Pgp pgp;

    /**
     * @param repositoryRoot the root of the git working tree
     * @param pgp            reads and validates the keys
     */
    public Recipients(Path repositoryRoot, Pgp pgp) {
        this.root = repositoryRoot;
        this.directory = repositoryRoot.resolve(DIRECTORY);
        this.pgp = pgp;
    }

    /** {@code secrets/recipients} under the repository root. */
    public Path directory() {
        return directory;
    }

    /** A key file and what it holds: a valid recipient, or the problem that makes it unusable. */
    public record Entry(Path file, Recipient recipient, String problem) {
        public boolean isValid() {
            return recipient != null;
        }
    }

    /** A recipient added: the file written and whether it replaced the same key (refreshed). */
    public record Added(Recipient recipient, Path file, boolean replaced) {
    }

    /**
     * Adds the public key in {@code keyFile} (validated: see {@link Pgp#readRecipient}); a key
     * already present (same fingerprint) is replaced, e.g. after its expiry was extended.
     */
    public Added add(Path keyFile) {
        byte[] data;
        try {
            data = Files.readAllBytes(keyFile);
        } catch (IOException e) {
            throw SecretsException.invalidInput("cannot read " + keyFile + ": " + e.getMessage());
        }
        Recipient recipient = pgp.readRecipient(data, keyFile.toString());
        Path file = directory.resolve(recipient.fingerprint() + ".asc");
        boolean replaced = Files.exists(file);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SecretsException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        EncryptedFiles.write(file, recipient.armoredPublicKey().getBytes(StandardCharsets.US_ASCII));
        return new Added(recipient, file, replaced);
    }

    /** Every {@code *.asc} file in the directory, sorted by name, valid or not. */
    public List<Entry> entries() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(directory)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".asc") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new SecretsException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (Path file : files) {
            String name = root.relativize(file).toString();
            try {
                entries.add(new Entry(file, pgp.readRecipient(Files.readAllBytes(file), name), null));
            } catch (SecretsException e) {
                entries.add(new Entry(file, null, e.getMessage()));
            } catch (IOException e) {
                entries.add(new Entry(file, null, "cannot read " + name + ": " + e.getMessage()));
            }
        }
        return entries;
    }

    /**
     * The recipients to encrypt to: at least one, and every key file valid.
     *
     * @throws SecretsException when there is none, or when a key file is unusable (an
     *                          expired key must be refreshed or removed, not silently skipped)
     */
    public List<Recipient> requireValid() {
        List<Entry> entries = entries();
        if (entries.isEmpty()) {
            throw new SecretsException("no recipients in " + DIRECTORY + ": add the team's public keys first"
                    + " (verdandi secrets recipients add KEYFILE)");
        }
        List<String> problems = new ArrayList<>();
        List<Recipient> recipients = new ArrayList<>();
        for (Entry e : entries) {
            if (e.isValid()) {
                recipients.add(e.recipient());
            } else {
                problems.add(e.problem());
            }
        }
        if (!problems.isEmpty()) {
            throw new SecretsException("unusable recipient key(s) in " + DIRECTORY + "; refresh or remove them"
                    + " (verdandi secrets recipients remove FINGERPRINT):\n  " + String.join("\n  ", problems));
        }
        return recipients;
    }

    /**
     * Removes the recipient with this fingerprint (spaces and case ignored; its last 16 hex
     * digits, the long key id, are enough when unambiguous). The last recipient cannot be
     * removed: nobody could decrypt the secrets any more.
     *
     * @return the file removed
     */
    public Path remove(String fingerprint) {
        String wanted = Recipient.normalizeFingerprint(fingerprint);
        if (!wanted.matches("[0-9A-F]{16,}")) {
            throw SecretsException.invalidInput("'" + fingerprint + "' is not a fingerprint (40 hexadecimal"
                    + " digits, or at least the last 16)");
        }
        List<Path> matches = new ArrayList<>();
        for (Entry e : entries()) {
            String name = e.file().getFileName().toString();
            String fromName = Recipient.normalizeFingerprint(name.substring(0, name.length() - ".asc".length()));
            String fpr = e.isValid() ? e.recipient().fingerprint() : fromName;
            if (fpr.endsWith(wanted) || fromName.endsWith(wanted)) {
                matches.add(e.file());
            }
        }
        if (matches.isEmpty()) {
            throw SecretsException.invalidInput("no recipient with fingerprint " + wanted + " in " + DIRECTORY
                    + " (see verdandi secrets recipients list)");
        }
        if (matches.size() > 1) {
            throw SecretsException.invalidInput(wanted + " matches " + matches.size()
                    + " recipients: give the full fingerprint");
        }
        if (entries().size() == 1) {
            throw SecretsException.invalidInput("cannot remove the last recipient (" + DIRECTORY + "/"
                    + matches.get(0).getFileName() + "): nobody could decrypt the secrets any more. Add the new"
                    + " recipient first (verdandi secrets recipients add KEYFILE), re-encrypt (verdandi secrets"
                    + " reencrypt), then remove this one");
        }
        try {
            Files.delete(matches.get(0));
        } catch (IOException e) {
            throw new SecretsException("cannot remove " + matches.get(0) + ": " + e.getMessage(), e);
        }
        return matches.get(0);
    }
}
