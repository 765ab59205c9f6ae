package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.MessageInfo;
import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.PgpData;
import fr.mangaki.verdandi.secrets.RecipientKeys;
import fr.mangaki.verdandi.secrets.Recipients;
import fr.mangaki.verdandi.secrets.SecretsException;
import fr.mangaki.verdandi.secrets.openpgp.PacketSniffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rules for one file and its content (see {@link SecretsCheck} for what they refuse):
 * {@code secrets/} and encrypted file names (parsed with OpenPGP, loaded only when needed),
 * env file names and contents, then the content rules of {@link LeakRules}.
 */
final class FileCheck {

    static final String SECRETS_DIR = "secrets/";
    static final String RECIPIENTS_DIR = Recipients.DIRECTORY + "/";
    private static final Set<String> SECRETS_DOCS = Set.of(".gitignore", ".gitattributes");

    private final Supplier<Pgp> pgpSupplier;
    private Pgp pgp;

    /** @param pgp gives the OpenPGP parser, called only when a file needs it */
    FileCheck(Supplier<Pgp> pgp) {
        this.pgpSupplier = pgp;
    }

    /** The recipients' keys (path to certificate), to compare messages with. */
    Keyring keyring(Map<String, byte[]> files) {
        return new Keyring(files);
    }

    /** The recipients' keys, parsed when a message is first compared with them. */
    final class Keyring {
        private final Map<String, byte[]> files;
        private List<RecipientKeys> keys;

        Keyring(Map<String, byte[]> files) {
            this.files = files;
        }

        List<RecipientKeys> keys() {
            if (keys == null) {
                keys = new ArrayList<>();
                files.forEach((path, content) -> {
                    try {
                        keys.add(pgp().recipientKeys(content, path));
                    } catch (SecretsException e) {
                        // the key file itself is reported when it is checked
                    }
                });
            }
            return keys;
        }
    }

    /** The findings for one file with the given content (no recipients to compare messages with). */
    List<Finding> check(IndexedFile file, byte[] content) {
        return check(file, content, new Keyring(Map.of()), null);
    }

    /**
     * The findings for one file.
     *
     * @param recipients the recipients that messages must be encrypted to
     * @param commit     the commit holding the file, or null for the index
     */
    List<Finding> check(IndexedFile file, byte[] content, Keyring recipients, String commit) {
        List<Finding> findings = new ArrayList<>();
        String path = file.path();
        String name = file.name();
        if (isBlank(content)) {
            return findings; // .gitkeep, an empty template: nothing to hide
        }
        EnvFileRules.EnvName envName = EnvFileRules.classify(name);
        boolean binaryMessageName = (name.endsWith(".gpg") || name.endsWith(".pgp"))
                && PacketSniffer.format(content) == PacketSniffer.Format.BINARY;

        if (path.startsWith(SECRETS_DIR) && !isSecretsDoc(name)) {
            PgpData data = pgp().inspect(content);
            if (data == PgpData.PUBLIC_KEY) {
                return findings;
            }
            if (data == PgpData.ENCRYPTED_MESSAGE) {
                messageFindings(file, content, recipients, true, commit, findings);
                return findings;
            }
            if (data == PgpData.SECRET_KEY) {
                findings.add(finding(file, Finding.Kind.SECRET_KEY_FILE, "an OpenPGP secret key under secrets/", commit));
                return findings;
            }
            findings.add(finding(file, Finding.Kind.NOT_ENCRYPTED, "under secrets/ but " + data.description()
                    + (data == PgpData.NOT_PGP ? (Contents.isEncrypted(content) ? " (encrypted otherwise, not by OpenPGP)"
                    : " (plaintext)") : "")
                    + ": only encrypted OpenPGP messages and public keys belong there", commit));
        } else if (envName == EnvFileRules.EnvName.ENCRYPTED || PacketSniffer.startsWithMessageArmor(content)
                || binaryMessageName) {
            PgpData data = pgp().inspect(content);
            if (data == PgpData.ENCRYPTED_MESSAGE) {
                messageFindings(file, content, recipients, envName == EnvFileRules.EnvName.ENCRYPTED, commit, findings);
                return findings;
            }
            if (data == PgpData.SECRET_KEY) {
                findings.add(finding(file, Finding.Kind.SECRET_KEY_FILE, "an OpenPGP secret key", commit));
                return findings;
            }
            if (envName == EnvFileRules.EnvName.ENCRYPTED || PacketSniffer.startsWithMessageArmor(content)) {
                String what = envName == EnvFileRules.EnvName.ENCRYPTED ? "named like an encrypted env file"
                        : "armored like an OpenPGP message";
                findings.add(finding(file, Finding.Kind.NOT_ENCRYPTED, what + " but " + data.description()
                        + (data == PgpData.NOT_PGP ? " (plaintext)" : ""), commit));
            }
        } else if (envName == EnvFileRules.EnvName.PLAINTEXT) {
            if (Contents.isEncrypted(content)) {
                return findings; // SOPS, git-crypt, Ansible Vault
            }
            findings.add(finding(file, Finding.Kind.PLAINTEXT_ENV, "env file in plaintext", commit));
        }
        List<Leak> leaks = LeakRules.scan(path, content);
        if (!leaks.isEmpty() && Contents.isEncrypted(content)) {
            return findings; // encrypted values are not leaks (looked at only when something was found)
        }
        for (Leak leak : leaks) {
            findings.add(new Finding(path, file.renamedFrom(), leak.kind(), leak.reason(), leak.line(), commit));
        }
        if ((envName == EnvFileRules.EnvName.NONE || envName == EnvFileRules.EnvName.TEMPLATE)
                && leaks.stream().anyMatch(l -> l.kind() == Finding.Kind.CREDENTIAL)
                && EnvFileRules.looksLikeEnvFile(content)) {
            findings.add(0, finding(file, Finding.Kind.PLAINTEXT_ENV, envName == EnvFileRules.EnvName.TEMPLATE
                    ? "env template with secret values: templates keep non-secret defaults only"
                    : "env file in plaintext (by its content: NAME=value lines with secrets)", commit));
        }
        return findings;
    }

    /** A message's findings: well-formed, integrity protected, modern cipher, and (when asked) the current recipients. */
    private void messageFindings(IndexedFile file, byte[] content, Keyring recipients, boolean exactRecipients,
                                 String commit, List<Finding> findings) {
        MessageInfo info;
        try {
            info = pgp().examine(content, "it");
        } catch (SecretsException e) {
            findings.add(finding(file, Finding.Kind.MALFORMED_MESSAGE, "not one well-formed OpenPGP message: "
                    + e.getMessage(), commit));
            return;
        }
        if (!info.integrityProtected()) {
            findings.add(finding(file, Finding.Kind.WEAK_MESSAGE, "encrypted without integrity protection ("
                    + info.dataPacket() + " packet): tampering would go unnoticed", commit));
        }
        if (info.legacyCipher()) {
            findings.add(finding(file, Finding.Kind.WEAK_MESSAGE, "encrypted with " + info.cipher()
                    + ", a legacy 64-bit block cipher", commit));
        }
        if (!exactRecipients) {
            return;
        }
        List<RecipientKeys> keys = recipients.keys();
        List<String> problems = new ArrayList<>();
        if (info.passphrases() > 0) {
            problems.add("also to a passphrase");
        }
        if (info.hiddenRecipients() > 0) {
            problems.add("to " + info.hiddenRecipients() + " hidden recipient(s)");
        }
        if (!keys.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (RecipientKeys r : keys) {
                if (info.recipientKeyIds().stream().noneMatch(id -> matches(r, id))) {
                    missing.add(r.name());
                }
            }
            List<String> strangers = info.recipientKeyIds().stream()
                    .filter(id -> keys.stream().noneMatch(r -> matches(r, id))).toList();
            if (!missing.isEmpty()) {
                problems.add("not to " + String.join(", ", missing));
            }
            if (!strangers.isEmpty()) {
                problems.add("to key(s) of no current recipient: " + String.join(", ", strangers));
            }
        }
        if (!problems.isEmpty()) {
            findings.add(finding(file, Finding.Kind.STALE_RECIPIENTS, "encrypted to other recipients than "
                    + Recipients.DIRECTORY + "/ (" + String.join("; ", problems) + "): run `secrets reencrypt`", commit));
        }
    }

    private static boolean matches(RecipientKeys recipient, String id) {
        for (String keyId : recipient.encryptionKeyIds()) {
            if (id.equals(keyId) || id.length() > 16 && (id.endsWith(keyId) || id.startsWith(keyId))) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(IndexedFile file, Finding.Kind kind, String reason, String commit) {
        return new Finding(file.path(), file.renamedFrom(), kind, reason, 0, commit);
    }

    /** A file that may hold an encrypted message the recipients must match: under secrets/, or an encrypted env name. */
    static boolean isMessageCandidate(IndexedFile f) {
        return f.path().startsWith(SECRETS_DIR) && !f.path().startsWith(RECIPIENTS_DIR) && !isSecretsDoc(f.name())
                || EnvFileRules.classify(f.name()) == EnvFileRules.EnvName.ENCRYPTED;
    }

    static boolean isRecipientFile(IndexedFile f) {
        return f.isRegularFile() && f.path().startsWith(RECIPIENTS_DIR) && f.path().endsWith(".asc");
    }

    private static boolean isSecretsDoc(String name) {
        return name.equals("README") || name.startsWith("README.") || SECRETS_DOCS.contains(name);
    }

    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private Pgp pgp() {
        if (pgp == null) {
            pgp = pgpSupplier.get();
        }
        return pgp;
    }
}
