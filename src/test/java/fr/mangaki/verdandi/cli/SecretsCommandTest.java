package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.secrets.Editor;
import fr.mangaki.verdandi.secrets.GitRepo;
import fr.mangaki.verdandi.secrets.GnuPG;
import fr.mangaki.verdandi.secrets.KeySource;
import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.PgpData;
import fr.mangaki.verdandi.secrets.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static fr.mangaki.verdandi.secrets.TestText.assertContains;
import static fr.mangaki.verdandi.secrets.TestText.assertNotContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verdandi secrets ...} on real git repositories, with keys made by real GnuPG. */
class SecretsCommandTest {

    static Path keys;
    static GnuPG gpg;
    static GnuPG.Key alice;
    static GnuPG.Key bob;
    static GnuPG.Key carol;
    static Path alicePublic;
    static Path bobPublic;
    static Path aliceSecret;
    static Path bobSecret;
    static Path carolSecret;

    @TempDir
    Path dir;

    GitRepo repo;
    Map<String, String> env;
    Editor editor;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    static final String ENV = "DJANGO_SECRET_KEY=not-a-real-key\nDATABASE_NAME=mangaki\n";

    @BeforeAll
    static void keys() {
        TestKeys k = TestKeys.get();
        gpg = k.gpg;
        keys = k.directory;
        alice = k.alice;
        bob = k.bob;
        carol = k.carol;
        alicePublic = k.write("alice.asc", gpg.exportPublic(alice));
        bobPublic = k.write("bob.asc", gpg.exportPublic(bob));
        aliceSecret = k.write("alice-secret.asc", gpg.exportSecret(alice));
        bobSecret = k.write("bob-secret.asc", gpg.exportSecret(bob));
        carolSecret = k.write("carol-secret.asc", gpg.exportSecret(carol));
    }

    @BeforeEach
    void repository() {
        repo = GitRepo.init(dir.resolve("repo"));
        env = new HashMap<>();
        editor = file -> {
            throw new AssertionError("no editor expected");
        };
    }

    /** Runs {@code verdandi secrets ARGS} in {@code directory}. */
    int secretsIn(Path directory, String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        SecretsCommand.Context ctx = new SecretsCommand.Context(directory, env, new PrintStream(out, true),
                new PrintStream(err, true), KeySource.noPassphrase(), editor, Pgp::bouncyCastle);
        return SecretsCommand.commandLine(ctx).execute(args);
    }

    int secrets(String... args) {
        return secretsIn(repo.root(), args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    void useKey(Path secretKey, GnuPG.Key key) {
        env.put("VERDANDI_PGP_KEY", secretKey.toString());
        env.put("VERDANDI_PGP_PASSPHRASE", key.passphrase());
    }

    // ------------------------------------------------------------------ recipients

    @Test
    void addsRecipientAndPrintsUserIdAndFingerprint() throws Exception {
        assertEquals(0, secrets("recipients", "add", alicePublic.toString()), err());
        Path file = repo.root().resolve("secrets/recipients/" + alice.fingerprint() + ".asc");
        String pretty = alice.fingerprint().replaceAll("(.{4})", "$1 ").strip();
        pretty = pretty.substring(0, 24) + " " + pretty.substring(24);
        assertEquals("added Alice <alice@example.org>\n"
                + "  fingerprint " + pretty + "\n"
                + "  file        secrets/recipients/" + alice.fingerprint() + ".asc\n", out());
        assertEquals(PgpData.PUBLIC_KEY, Pgp.bouncyCastle().inspect(Files.readAllBytes(file)));

        assertEquals(0, secrets("recipients", "add", alicePublic.toString()));
        assertContains(out(), "updated Alice <alice@example.org>");
    }

    @Test
    void addsBinaryPublicKey() throws Exception {
        Path binary = TestKeys.get().write("bob.gpg", gpg.gpg(null, "--export", bob.fingerprint()));
        assertEquals(0, secrets("recipients", "add", binary.toString()), err());
        assertContains(out(), "added Bob <bob@example.org>\n");
        Path file = repo.root().resolve("secrets/recipients/" + bob.fingerprint() + ".asc");
        assertTrue(Files.readString(file).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----"), "stored armored");
        assertEquals(0, repo.addAndCommit("recipient").status());
    }

    @Test
    void rejectsSecretKeyAsRecipient() {
        assertEquals(2, secrets("recipients", "add", aliceSecret.toString()));
        assertContains(err(), "verdandi: " + aliceSecret + " holds a secret key (Alice <alice@example.org> ("
                + alice.fingerprint() + ")): give the public key only");
        assertFalse(Files.exists(repo.root().resolve("secrets/recipients")));
    }

    @Test
    void rejectsMissingKeyFile() {
        assertEquals(2, secrets("recipients", "add", "nope.asc"));
        assertContains(err(), "verdandi: cannot read " + repo.root().resolve("nope.asc"));
    }

    @Test
    void listsRecipientsAndUnusableKeyFiles() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        secrets("recipients", "add", bobPublic.toString());
        assertEquals(0, secrets("recipients", "list"));
        assertEquals(sortLines(alice.fingerprint() + "  Alice <alice@example.org>\n" + bob.fingerprint()
                + "  Bob <bob@example.org>\n"), out()); // listed in file name (fingerprint) order

        repo.write("secrets/recipients/zz-broken.asc", "not a key\n");
        assertEquals(1, secrets("recipients", "list"));
        assertContains(out(), "UNUSABLE  secrets/recipients/zz-broken.asc is not an OpenPGP key");
    }

    @Test
    void listsNoRecipients() {
        assertEquals(0, secrets("recipients", "list"));
        assertEquals("no recipients in secrets/recipients (add one with verdandi secrets recipients add KEYFILE)\n",
                out());
    }

    @Test
    void removesRecipientByFingerprintAsGnupgPrintsIt() {
        secrets("recipients", "add", alicePublic.toString());
        secrets("recipients", "add", bobPublic.toString());
        String[] groups = bob.fingerprint().split("(?<=\\G.{4})");
        List<String> args = new java.util.ArrayList<>(List.of("recipients", "remove"));
        args.addAll(List.of(groups));
        assertEquals(0, secrets(args.toArray(String[]::new)), err());
        assertEquals("removed secrets/recipients/" + bob.fingerprint() + ".asc\n"
                + "Now run verdandi secrets reencrypt so that the encrypted files exclude this key, and rotate the"
                + " secrets it could read (it may have kept copies).\n", out());
        assertFalse(Files.exists(repo.root().resolve("secrets/recipients/" + bob.fingerprint() + ".asc")));
        assertTrue(Files.exists(repo.root().resolve("secrets/recipients/" + alice.fingerprint() + ".asc")));
    }

    @Test
    void rejectsRemovalOfUnknownFingerprint() {
        secrets("recipients", "add", alicePublic.toString());
        assertEquals(2, secrets("recipients", "remove", carol.fingerprint()));
        assertEquals("verdandi: no recipient with fingerprint " + carol.fingerprint()
                + " in secrets/recipients (see verdandi secrets recipients list)\n", err());
        assertEquals(2, secrets("recipients", "remove", "xyz"));
        assertContains(err(), "'xyz' is not a fingerprint");
    }

    // ------------------------------------------------------------------ encrypt / decrypt

    @Test
    void encryptsToEveryRecipientAndIgnoresThePlaintext() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        secrets("recipients", "add", bobPublic.toString());
        repo.write("secrets/production.env", ENV);
        assertEquals(0, secrets("encrypt", "secrets/production.env"), err());
        assertEquals("encrypted secrets/production.env to 2 recipients: secrets/production.env.asc\n"
                + "added /secrets/production.env to .gitignore\n", out());
        assertEquals("", err());
        assertEquals("/secrets/production.env\n", Files.readString(repo.root().resolve(".gitignore")));
        assertEquals(0, repo.run("check-ignore", "-q", "secrets/production.env").status());

        byte[] message = Files.readAllBytes(repo.root().resolve("secrets/production.env.asc"));
        assertArrayEquals(ENV.getBytes(StandardCharsets.UTF_8), gpg.decrypt(message, alice));
        assertArrayEquals(ENV.getBytes(StandardCharsets.UTF_8), gpg.decrypt(message, bob));

        // encrypting again leaves .gitignore alone
        assertEquals(0, secrets("encrypt", "secrets/production.env"));
        assertNotContains(out(), ".gitignore");
        assertEquals("/secrets/production.env\n", Files.readString(repo.root().resolve(".gitignore")));

        // and the commit of the encrypted file passes the hook
        assertEquals(0, repo.addAndCommit("secrets").status());
    }

    @Test
    void encryptsFromASubdirectoryAndWarnsAboutTrackedPlaintext() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        repo.write(".gitignore", "target/");
        repo.write("config/app.env.txt", "A=1\n");
        repo.git("add", "config/app.env.txt");
        assertEquals(0, secretsIn(repo.root().resolve("config"), "encrypt", "app.env.txt"), err());
        assertEquals("encrypted config/app.env.txt to 1 recipient: config/app.env.txt.asc\n"
                + "added /config/app.env.txt to .gitignore\n", out());
        assertEquals("warning: git still tracks the plaintext: git rm --cached config/app.env.txt\n", err());
        assertEquals("target/\n/config/app.env.txt\n", Files.readString(repo.root().resolve(".gitignore")));
    }

    @Test
    void failsToEncryptWithoutRecipients() {
        repo.write("production.env", ENV);
        assertEquals(1, secrets("encrypt", "production.env"));
        assertEquals("verdandi: no recipients in secrets/recipients: add the team's public keys first"
                + " (verdandi secrets recipients add KEYFILE)\n", err());
        assertFalse(Files.exists(repo.root().resolve("production.env.asc")));
    }

    @Test
    void rejectsEncryptionOfMissingOrEncryptedFile() {
        secrets("recipients", "add", alicePublic.toString());
        assertEquals(2, secrets("encrypt", "nope.env"));
        assertEquals("verdandi: no such file: nope.env\n", err());
        repo.write("x.env.asc", "whatever");
        assertEquals(2, secrets("encrypt", "x.env.asc"));
        assertContains(err(), "x.env.asc already ends with .asc: give the plaintext file");
    }

    @Test
    void rejectsFileOutsideTheRepository() {
        secrets("recipients", "add", alicePublic.toString());
        assertEquals(2, secrets("encrypt", keys.resolve("alice.asc").toString()));
        assertContains(err(), "is outside the repository");
    }

    @Test
    void failsOutsideAGitRepository() {
        assertEquals(2, secretsIn(dir, "recipients", "list"));
        assertContains(err(), "verdandi: " + dir + " is not inside a git repository");
    }

    @Test
    void decryptsToStandardOutputWithKeyFromOptionOrEnvironment() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        secrets("recipients", "add", bobPublic.toString());
        repo.write("secrets/staging.env", ENV);
        secrets("encrypt", "secrets/staging.env");

        env.put("VERDANDI_PGP_PASSPHRASE", bob.passphrase());
        assertEquals(0, secrets("decrypt", "secrets/staging.env.asc", "--key", bobSecret.toString()), err());
        assertEquals(ENV, out());
        assertEquals("", err());

        useKey(aliceSecret, alice);
        assertEquals(0, secrets("decrypt", "secrets/staging.env.asc"), err());
        assertEquals(ENV, out());

        env.put("VERDANDI_PGP_KEY", Files.readString(aliceSecret)); // the armored key itself
        assertEquals(0, secrets("decrypt", "secrets/staging.env.asc"), err());
        assertEquals(ENV, out());
    }

    @Test
    void decryptsGnupgMessages() {
        repo.write("secrets/staging.env.asc", gpg.encrypt(ENV.getBytes(StandardCharsets.UTF_8), bob));
        useKey(bobSecret, bob);
        assertEquals(0, secrets("decrypt", "secrets/staging.env.asc"), err());
        assertEquals(ENV, out());
    }

    @Test
    void failsToDecryptWithWrongKey() {
        secrets("recipients", "add", alicePublic.toString());
        repo.write("prod.env", ENV);
        secrets("encrypt", "prod.env");
        useKey(carolSecret, carol);
        assertEquals(1, secrets("decrypt", "prod.env.asc"));
        assertContains(err(), "verdandi: cannot decrypt prod.env.asc: it is not encrypted to Carol <carol@example.org> ("
                + carol.fingerprint() + ") (key file " + carolSecret + " (from VERDANDI_PGP_KEY)); it is encrypted to"
                + " subkey(s) ");
        assertEquals("", out());
    }

    @Test
    void failsToDecryptWithWrongPassphrase() {
        secrets("recipients", "add", alicePublic.toString());
        repo.write("prod.env", ENV);
        secrets("encrypt", "prod.env");
        env.put("VERDANDI_PGP_KEY", aliceSecret.toString());
        env.put("VERDANDI_PGP_PASSPHRASE", "wrong");
        assertEquals(1, secrets("decrypt", "prod.env.asc"));
        assertEquals("verdandi: cannot decrypt prod.env.asc: wrong passphrase for Alice <alice@example.org> ("
                + alice.fingerprint() + ")\n", err());
    }

    @Test
    void failsToDecryptWithoutKey() {
        repo.write("prod.env.asc", gpg.encrypt(ENV.getBytes(StandardCharsets.UTF_8), alice));
        assertEquals(2, secrets("decrypt", "prod.env.asc"));
        assertEquals("verdandi: no secret key to decrypt with: pass --key KEYFILE or set VERDANDI_PGP_KEY to the"
                + " armored secret key or to the path of a key file\n", err());
        env.put("VERDANDI_PGP_KEY", "my passphrase by mistake");
        assertEquals(2, secrets("decrypt", "prod.env.asc"));
        assertContains(err(), "it holds neither (no file at that path; value not shown)");
        assertNotContains(err(), "my passphrase by mistake");
    }

    @Test
    void rejectsTamperedFile() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        repo.write("prod.env", ENV);
        secrets("encrypt", "prod.env");
        Path file = repo.root().resolve("prod.env.asc");
        Files.write(file, fr.mangaki.verdandi.secrets.PgpTestSupport.flipByteNearEnd(Files.readAllBytes(file)));
        useKey(aliceSecret, alice);
        assertEquals(1, secrets("decrypt", "prod.env.asc"));
        assertContains(err(), "verdandi: cannot decrypt prod.env.asc: the message was modified or is corrupt");
        assertEquals("", out());
    }

    @Test
    void rejectsFileThatIsNotPgp() {
        repo.write("prod.env.asc", ENV);
        useKey(aliceSecret, alice);
        assertEquals(2, secrets("decrypt", "prod.env.asc"));
        assertEquals("verdandi: prod.env.asc is not a PGP file (no valid OpenPGP armor or packets)\n", err());
    }

    // ------------------------------------------------------------------ edit

    @Test
    void editCreatesNewEncryptedFileWithoutKey() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        AtomicReference<Path> edited = new AtomicReference<>();
        editor = file -> {
            edited.set(file);
            try {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
                assertEquals("production.env", file.getFileName().toString());
                assertEquals("", Files.readString(file));
                Files.writeString(file, ENV);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(0, secrets("edit", "secrets/production.env.asc"), err());
        assertEquals("created secrets/production.env.asc to 1 recipient\n", out());
        assertFalse(Files.exists(edited.get()), "plaintext deleted");
        assertFalse(Files.exists(edited.get().getParent()), "private directory deleted");
        assertArrayEquals(ENV.getBytes(StandardCharsets.UTF_8),
                gpg.decrypt(Files.readAllBytes(repo.root().resolve("secrets/production.env.asc")), alice));
    }

    @Test
    void editReencryptsChangesWithTheRealEditorCommand() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        repo.write("secrets/staging.env", "DJANGO_DEBUG=old\n");
        secrets("encrypt", "secrets/staging.env");
        useKey(aliceSecret, alice);
        env.put("EDITOR", "sed -i s/old/new/");
        editor = Editor.fromEnvironment(env);
        assertEquals(0, secrets("edit", "secrets/staging.env.asc"), err());
        assertEquals("re-encrypted secrets/staging.env.asc to 1 recipient\n", out());
        assertEquals(0, secrets("decrypt", "secrets/staging.env.asc"));
        assertEquals("DJANGO_DEBUG=new\n", out());
    }

    @Test
    void editLeavesUnchangedFileAlone() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        repo.write("a.env", ENV);
        secrets("encrypt", "a.env");
        byte[] before = Files.readAllBytes(repo.root().resolve("a.env.asc"));
        useKey(aliceSecret, alice);
        env.put("EDITOR", "true");
        editor = Editor.fromEnvironment(env);
        assertEquals(0, secrets("edit", "a.env.asc"), err());
        assertEquals("a.env.asc: unchanged\n", out());
        assertArrayEquals(before, Files.readAllBytes(repo.root().resolve("a.env.asc")));
    }

    @Test
    void failsWhenTheEditorFails() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        repo.write("a.env", ENV);
        secrets("encrypt", "a.env");
        byte[] before = Files.readAllBytes(repo.root().resolve("a.env.asc"));
        useKey(aliceSecret, alice);
        env.put("EDITOR", "sh -c 'echo X=1 >> \"$1\"; exit 3' editor");
        editor = Editor.fromEnvironment(env);
        assertEquals(1, secrets("edit", "a.env.asc"));
        assertContains(err(), "verdandi: the editor (sh -c 'echo X=1 >> \"$1\"; exit 3' editor) exited with status 3");
        assertArrayEquals(before, Files.readAllBytes(repo.root().resolve("a.env.asc")));
    }

    @Test
    void rejectsEditOfPlaintextName() {
        secrets("recipients", "add", alicePublic.toString());
        assertEquals(2, secrets("edit", "secrets/production.env"));
        assertEquals("verdandi: secrets/production.env does not end with .asc: edit the encrypted file (PATH.asc, or"
                + " PATH.gpg for a binary one)\n", err());
    }

    // ------------------------------------------------------------------ reencrypt

    @Test
    void reencryptsEveryMessageToTheCurrentRecipients() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        repo.write("secrets/production.env", ENV);
        repo.write("config/app.env", "A=1\n");
        secrets("encrypt", "secrets/production.env");
        secrets("encrypt", "config/app.env");
        Path production = repo.root().resolve("secrets/production.env.asc");
        Path app = repo.root().resolve("config/app.env.asc");

        secrets("recipients", "add", bobPublic.toString());
        useKey(bobSecret, bob);
        assertEquals(1, secrets("decrypt", "secrets/production.env.asc"));
        assertContains(err(), "it is not encrypted to Bob <bob@example.org>");
        useKey(aliceSecret, alice);
        assertEquals(0, secrets("reencrypt"), err());
        assertEquals("re-encrypted 2 files to 2 recipients:\n  config/app.env.asc\n  secrets/production.env.asc\n",
                out());
        useKey(bobSecret, bob);
        assertEquals(0, secrets("decrypt", "secrets/production.env.asc"));
        assertEquals(ENV, out());

        // Alice leaves: Bob re-encrypts without her
        assertEquals(0, secrets("recipients", "remove", alice.fingerprint()));
        assertEquals(0, secrets("reencrypt"), err());
        assertEquals(1, Pgp.bouncyCastle().messageRecipients(Files.readAllBytes(app), "app").size());
        useKey(aliceSecret, alice);
        assertEquals(1, secrets("decrypt", "config/app.env.asc"));
        assertContains(err(), "cannot decrypt config/app.env.asc: it is not encrypted to Alice <alice@example.org>");
    }

    @Test
    void reencryptWritesNothingWhenAFileCannotBeDecrypted() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        repo.write("a.env", ENV);
        secrets("encrypt", "a.env");
        repo.write("b.env.asc", gpg.encrypt(ENV.getBytes(StandardCharsets.UTF_8), carol));
        byte[] a = Files.readAllBytes(repo.root().resolve("a.env.asc"));
        byte[] b = Files.readAllBytes(repo.root().resolve("b.env.asc"));
        useKey(aliceSecret, alice);
        assertEquals(1, secrets("reencrypt"));
        assertContains(err(), "verdandi: nothing was re-encrypted: 1 of 2 file(s) cannot be decrypted with key file "
                + aliceSecret + " (from VERDANDI_PGP_KEY):\n  cannot decrypt b.env.asc: it is not encrypted to Alice");
        assertArrayEquals(a, Files.readAllBytes(repo.root().resolve("a.env.asc")));
        assertArrayEquals(b, Files.readAllBytes(repo.root().resolve("b.env.asc")));
    }

    @Test
    void reencryptSaysWhenThereIsNothingToDo() {
        assertEquals(0, secrets("reencrypt"));
        assertEquals("no encrypted files (*.asc, *.gpg, *.pgp PGP messages) in this repository\n", out());
    }

    @Test
    void decryptsAFileOutsideAnyRepository() throws Exception {
        Path received = dir.resolve("mail/production.env.asc");
        Files.createDirectories(received.getParent());
        Files.write(received, gpg.encrypt(ENV.getBytes(StandardCharsets.UTF_8), alice));
        useKey(aliceSecret, alice);
        assertEquals(0, secretsIn(dir, "decrypt", "mail/production.env.asc"), err());
        assertEquals(ENV, out());
        assertEquals(2, secretsIn(dir, "decrypt", "mail/missing.asc"));
        assertEquals("verdandi: no such file: mail/missing.asc\n", err());
    }

    @Test
    void refusesRemovingTheLastRecipient() {
        secrets("recipients", "add", alicePublic.toString());
        assertEquals(2, secrets("recipients", "remove", alice.fingerprint()));
        assertContains(err(), "verdandi: cannot remove the last recipient (secrets/recipients/" + alice.fingerprint()
                + ".asc): nobody could decrypt the secrets any more");
        assertTrue(Files.exists(repo.root().resolve("secrets/recipients/" + alice.fingerprint() + ".asc")));
    }

    @Test
    void reencryptsBinaryGpgFilesKeepingThemBinary() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        secrets("recipients", "add", bobPublic.toString());
        Path binary = repo.root().resolve("secrets/ci.env.gpg");
        Files.createDirectories(binary.getParent());
        Files.write(binary, gpg.gpg(ENV.getBytes(StandardCharsets.UTF_8), "--trust-model", "always", "--encrypt",
                "--recipient", alice.fingerprint()));
        useKey(aliceSecret, alice);
        assertEquals(0, secrets("reencrypt"), err());
        assertEquals("re-encrypted 1 file to 2 recipients:\n  secrets/ci.env.gpg\n", out());
        byte[] message = Files.readAllBytes(binary);
        assertTrue((message[0] & 0x80) != 0, "still binary");
        assertArrayEquals(ENV.getBytes(StandardCharsets.UTF_8), gpg.decrypt(message, bob));
        assertEquals(0, repo.addAndCommit("secrets").status());
    }

    @Test
    void editsBinaryGpgFiles() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        useKey(aliceSecret, alice);
        env.put("EDITOR", "sh -c 'echo X=1 >> \"$1\"' editor");
        editor = Editor.fromEnvironment(env);
        assertEquals(0, secrets("edit", "secrets/ci.env.gpg"), err());
        assertEquals("created secrets/ci.env.gpg to 1 recipient\n", out());
        byte[] message = Files.readAllBytes(repo.root().resolve("secrets/ci.env.gpg"));
        assertTrue((message[0] & 0x80) != 0, "binary, as its name says");
        assertArrayEquals("X=1\n".getBytes(StandardCharsets.UTF_8), gpg.decrypt(message, alice));
    }

    @Test
    void reencryptReplacesALegacyCipher() throws Exception {
        secrets("recipients", "add", alicePublic.toString());
        Path old = repo.root().resolve("secrets/old.env.asc");
        Files.createDirectories(old.getParent());
        Files.write(old, gpg.gpg(ENV.getBytes(StandardCharsets.UTF_8), "--trust-model", "always", "--cipher-algo", "3DES",
                "--armor", "--encrypt", "--recipient", alice.fingerprint()));
        useKey(aliceSecret, alice);
        assertEquals(1, secrets("decrypt", "secrets/old.env.asc"));
        assertContains(err(), "it is encrypted with TripleDES, a legacy 64-bit block cipher");
        assertEquals(0, secrets("reencrypt"), err());
        assertEquals(0, secrets("decrypt", "secrets/old.env.asc"), err());
        assertEquals(ENV, out());
        GnuPG.Result r = gpg.run(Files.readAllBytes(old), "--passphrase", alice.passphrase(), "--status-fd", "2", "--decrypt");
        assertContains(r.stderr(), "[GNUPG:] DECRYPTION_INFO 2 9"); // SHA-1 MDC, AES-256
    }

    // ------------------------------------------------------------------ check

    @Test
    void checksStagedOrAllFiles() {
        repo.write("README.md", "# app\n");
        assertEquals(0, secrets("check", "--all"), err());
        assertEquals("", err());
        repo.write(".env", "A=1\n");
        repo.git("add", ".env");
        assertEquals(1, secrets("check"));
        assertContains(err(), "verdandi: commit refused: 1 staged file holds secrets in plaintext\n\n  .env\n"
                + "    env file in plaintext\n    fix: verdandi secrets encrypt .env");
        env.put("VERDANDI_COMMAND", "bin/verdandi");
        assertEquals(1, secrets("check", "--all"));
        assertContains(err(), "verdandi: 1 tracked file holds secrets in plaintext\n\n  .env\n"
                + "    env file in plaintext\n    fix: bin/verdandi secrets encrypt .env");
    }

    @Test
    void rejectsStagedAndAllTogether() {
        assertEquals(2, secrets("check", "--staged", "--all"));
        assertContains(err(), "verdandi: Error: --staged, --all are mutually exclusive");
    }

    @Test
    void failsToCheckOutsideARepository() {
        assertEquals(2, secretsIn(dir, "check", "--all"));
        assertEquals("verdandi: cannot check for secrets: " + dir + " is not inside a git repository (git rev-parse:"
                + " fatal: not a git repository (or any of the parent directories): .git)\n", err());
    }

    private static String sortLines(String s) {
        return String.join("\n", s.lines().sorted().toList()) + "\n";
    }
}
