package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.GitRepo;
import fr.mangaki.verdandi.secrets.GnuPG;
import fr.mangaki.verdandi.secrets.PgpTestMessages;
import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.Recipient;
import fr.mangaki.verdandi.secrets.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static fr.mangaki.verdandi.secrets.TestText.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What {@code secrets/} accepts, through real commits with the hook: exactly one well-formed,
 * integrity-protected message per file, encrypted to exactly the recipients of
 * {@code secrets/recipients/}; binary {@code .gpg} messages like armored ones; SOPS and
 * git-crypt recognised as encrypted elsewhere.
 */
class SecretsDirectoryTest {

    @TempDir
    Path dir;

    static GnuPG gpg;
    static GnuPG.Key alice;
    static GnuPG.Key bob;
    static Recipient aliceRecipient;
    static Recipient bobRecipient;
    static final Pgp PGP = Pgp.bouncyCastle();
    static final byte[] ENV = "DJANGO_DEBUG=0\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void keys() {
        TestKeys k = TestKeys.get();
        gpg = k.gpg;
        alice = k.alice;
        bob = k.bob;
        aliceRecipient = k.aliceRecipient;
        bobRecipient = k.bobRecipient;
    }

    GitRepo repoWith(Recipient... recipients) {
        GitRepo repo = GitRepo.init(dir);
        for (Recipient r : recipients) {
            repo.write("secrets/recipients/" + r.fingerprint() + ".asc", r.armoredPublicKey());
        }
        return repo;
    }

    @Test
    void acceptsMessagesToExactlyTheRecipientsArmoredOrBinary() {
        GitRepo repo = repoWith(aliceRecipient, bobRecipient);
        repo.write("secrets/.gitkeep", "");
        repo.write("secrets/production.env.asc", PGP.encrypt(ENV, List.of(aliceRecipient, bobRecipient)));
        repo.write("secrets/staging.env.gpg", gpg.gpg(ENV, "--trust-model", "always", "--encrypt", "--recipient",
                alice.fingerprint(), "--recipient", bob.fingerprint()));
        GitRepo.Result r = repo.addAndCommit("secrets");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
    }

    @Test
    void refusesAMessageNotToEveryRecipient() {
        GitRepo repo = repoWith(aliceRecipient, bobRecipient);
        repo.write("secrets/production.env.asc", PGP.encrypt(ENV, List.of(aliceRecipient)));
        GitRepo.Result r = repo.addAndCommit("stale");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  secrets/production.env.asc\n    encrypted to other recipients than secrets/recipients/"
                + " (not to Bob <bob@example.org> (" + bob.fingerprint() + ")): run `secrets reencrypt`\n"
                + "    fix: run " + GitRepo.CHECKOUT.resolve("bin/verdandi") + " secrets reencrypt, then git add"
                + " secrets/production.env.asc");
    }

    @Test
    void refusesRemovingARecipientWithoutReencrypting() {
        GitRepo repo = repoWith(aliceRecipient, bobRecipient);
        repo.write("secrets/production.env.asc", PGP.encrypt(ENV, List.of(aliceRecipient, bobRecipient)));
        assertEquals(0, repo.addAndCommit("secrets").status());
        repo.git("rm", "-q", "secrets/recipients/" + bob.fingerprint() + ".asc");
        GitRepo.Result r = repo.run("commit", "-q", "-m", "bob leaves");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  secrets/production.env.asc\n    encrypted to other recipients than secrets/recipients/"
                + " (to key(s) of no current recipient: " + bobRecipient.encryptionKeyIds().get(0)
                + "): run `secrets reencrypt`");
    }

    @Test
    void refusesRemovingTheLastRecipient() {
        GitRepo repo = repoWith(aliceRecipient);
        repo.write("secrets/production.env.asc", PGP.encrypt(ENV, List.of(aliceRecipient)));
        assertEquals(0, repo.addAndCommit("secrets").status());
        repo.git("rm", "-q", "secrets/recipients/" + alice.fingerprint() + ".asc");
        GitRepo.Result r = repo.run("commit", "-q", "-m", "nobody left");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  secrets/recipients\n    the last recipient is removed while 1 encrypted file"
                + " remains: nobody could decrypt them any more\n    fix: git restore --staged secrets/recipients");
    }

    @Test
    void refusesCiphertextFollowedByPlaintext() {
        GitRepo repo = repoWith(aliceRecipient);
        byte[] binary = PGP.encrypt(ENV, List.of(aliceRecipient), false);
        byte[] literal = gpg.gpg("DJANGO_SECRET_KEY=in clear\n".getBytes(StandardCharsets.US_ASCII), "--compress-algo",
                "none", "--store");
        repo.write("secrets/production.env.asc", fr.mangaki.verdandi.secrets.openpgp.Armor.armor(concat(binary, literal)));
        repo.write("secrets/staging.env.gpg", concat(binary, "DJANGO_SECRET_KEY=in clear\n".getBytes(StandardCharsets.US_ASCII)));
        GitRepo.Result r = repo.addAndCommit("smuggled");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  secrets/production.env.asc\n    not one well-formed OpenPGP message: it has data after"
                + " its encrypted message (");
        assertContains(r.stderr(), "  secrets/staging.env.gpg\n    not one well-formed OpenPGP message: it has data after"
                + " its encrypted message (27 bytes that are not OpenPGP packets)");
    }

    @Test
    void refusesPassphraseMessagesAndMessagesWithoutIntegrityProtection() throws Exception {
        GitRepo repo = repoWith(aliceRecipient);
        repo.write("secrets/shared.env.gpg", gpg.gpg(ENV, "--passphrase", "team", "--symmetric"));
        repo.write("secrets/old.env.asc", PgpTestMessages.withoutIntegrityProtection(gpg.exportPublic(alice), ENV));
        GitRepo.Result r = repo.addAndCommit("weak");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  secrets/old.env.asc\n    encrypted without integrity protection (legacy SED packet):"
                + " tampering would go unnoticed");
        assertContains(r.stderr(), "  secrets/shared.env.gpg\n    encrypted to other recipients than secrets/recipients/"
                + " (also to a passphrase; not to Alice <alice@example.org> (" + alice.fingerprint() + ")): run"
                + " `secrets reencrypt`");
    }

    @Test
    void recognisesSopsAndGitCryptAsEncrypted() {
        GitRepo repo = GitRepo.init(dir);
        repo.write(".env", """
                DJANGO_SECRET_KEY=ENC[AES256_GCM,data:Xb3kfO0J1nUe8Q==,iv:4rWl0Ec2S3o=,tag:9xw2Q==,type:str]
                DATABASE_URL=ENC[AES256_GCM,data:kq2Bv8c=,iv:PzqT5Nw=,tag:Vw1c==,type:str]
                sops_age__list_0__map_recipient=age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
                sops_lastmodified=2026-01-12T10:31:05Z
                sops_mac=ENC[AES256_GCM,data:q7c=,iv:bA==,tag:cg==,type:str]
                sops_version=3.8.1
                """);
        byte[] gitCrypt = new byte[64];
        System.arraycopy("\0GITCRYPT\0".getBytes(StandardCharsets.ISO_8859_1), 0, gitCrypt, 0, 10);
        new java.util.Random(3).ints(54, 1, 255).forEach(new java.util.function.IntConsumer() {
            int i = 10;

            @Override
            public void accept(int b) {
                gitCrypt[i++] = (byte) b;
            }
        });
        repo.write("config/.env.production", gitCrypt);
        GitRepo.Result r = repo.addAndCommit("encrypted env files");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
