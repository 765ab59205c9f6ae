package fr.mangaki.verdandi.secrets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static fr.mangaki.verdandi.secrets.TestText.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bouncy Castle's side against real GnuPG, with Curve25519 and RSA keys made by the test. */
class PgpTest {

    static GnuPG gpg;
    static GnuPG.Key alice; // ed25519 + cv25519
    static GnuPG.Key bob;   // rsa3072 + rsa3072
    static GnuPG.Key carol; // cv25519, never a recipient
    static Recipient aliceRecipient;
    static Recipient bobRecipient;

    final Pgp pgp = Pgp.bouncyCastle();

    static final byte[] ENV = ("DJANGO_SECRET_KEY=not-a-real-key-0123456789\n"
            + "DATABASE_URL=postgres://mangaki@localhost/mangaki\n").getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void keys() {
        TestKeys keys = TestKeys.get();
        gpg = keys.gpg;
        alice = keys.alice;
        bob = keys.bob;
        carol = keys.carol;
        aliceRecipient = keys.aliceRecipient;
        bobRecipient = keys.bobRecipient;
    }

    static KeySource keyOf(GnuPG.Key key) {
        return TestKeys.get().keySource(key);
    }

    @Test
    void readsRecipientUserIdAndFingerprint() {
        assertEquals(alice.fingerprint(), aliceRecipient.fingerprint());
        assertEquals("Alice <alice@example.org>", aliceRecipient.userId());
        assertTrue(aliceRecipient.expires().isEmpty());
        assertEquals(PgpData.PUBLIC_KEY,
                pgp.inspect(aliceRecipient.armoredPublicKey().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(bob.fingerprint(), bobRecipient.fingerprint());
    }

    @Test
    void roundTripsToEveryRecipient() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient, bobRecipient));
        String armored = new String(message, StandardCharsets.US_ASCII);
        assertTrue(armored.startsWith("-----BEGIN PGP MESSAGE-----"), armored);
        assertEquals(PgpData.ENCRYPTED_MESSAGE, pgp.inspect(message));
        assertArrayEquals(ENV, pgp.decrypt(message, "m.asc", keyOf(alice)).reveal());
        assertArrayEquals(ENV, pgp.decrypt(message, "m.asc", keyOf(bob)).reveal());
        assertEquals(2, pgp.messageRecipients(message, "m.asc").size());
    }

    @Test
    void roundTripsEmptyAndBinaryContent() {
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 + 7);
        }
        for (byte[] plaintext : List.of(new byte[0], binary)) {
            byte[] message = pgp.encrypt(plaintext, List.of(aliceRecipient));
            assertArrayEquals(plaintext, pgp.decrypt(message, "m.asc", keyOf(alice)).reveal());
        }
    }

    @Test
    void gnupgDecryptsOurMessagesWithCurve25519AndRsa() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient, bobRecipient));
        assertArrayEquals(ENV, gpg.decrypt(message, alice));
        assertArrayEquals(ENV, gpg.decrypt(message, bob));
    }

    @Test
    void encryptsWithAes256InIntegrityProtectedPackets() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient));
        GnuPG.Result r = gpg.run(message, "--passphrase", alice.passphrase(), "--status-fd", "2", "--decrypt");
        assertEquals(0, r.status(), r.stderr());
        // GnuPG's status lines: DECRYPTION_INFO <mdc method> <sym algo>; 2 = SHA-1 MDC, 9 = AES-256
        assertContains(r.stderr(), "[GNUPG:] DECRYPTION_INFO 2 9");
        assertContains(r.stderr(), "[GNUPG:] GOODMDC");
    }

    @Test
    void decryptsGnupgMessagesWithCurve25519AndRsa() {
        byte[] toAlice = gpg.encrypt(ENV, alice);
        byte[] toBob = gpg.encrypt(ENV, bob);
        assertArrayEquals(ENV, pgp.decrypt(toAlice, "a.asc", keyOf(alice)).reveal());
        assertArrayEquals(ENV, pgp.decrypt(toBob, "b.asc", keyOf(bob)).reveal());
    }

    @Test
    void decryptsWithBinaryKeyExport() {
        byte[] binaryKey = gpg.gpg(null, "--passphrase", alice.passphrase(), "--export-secret-keys", alice.fingerprint());
        KeySource key = KeySource.fromEnvironment(Map.of(KeySource.KEY_VARIABLE, TestKeys.get().write("alice.gpg", binaryKey).toString(),
                KeySource.PASSPHRASE_VARIABLE, alice.passphrase()), KeySource.noPassphrase());
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient));
        assertArrayEquals(ENV, pgp.decrypt(message, "m.asc", key).reveal());
    }

    @Test
    void failsOnWrongKey() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient, bobRecipient));
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(message, "prod.env.asc", keyOf(carol)));
        assertContains(e.getMessage(), "cannot decrypt prod.env.asc: it is not encrypted to Carol <carol@example.org> ("
                + carol.fingerprint() + ") (the given armored key); it is encrypted to subkey(s) ");
    }

    @Test
    void failsOnWrongPassphrase() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient));
        KeySource wrong = KeySource.armored(Sensitive.of(new String(gpg.exportSecret(alice), StandardCharsets.US_ASCII)),
                KeySource.fixed(Sensitive.of("not the passphrase".toCharArray())));
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(message, "m.asc", wrong));
        assertEquals("cannot decrypt m.asc: wrong passphrase for Alice <alice@example.org> ("
                + alice.fingerprint() + ")", e.getMessage());
    }

    @Test
    void failsWithoutPassphraseForProtectedKey() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient));
        KeySource noPassphrase = KeySource.armored(
                Sensitive.of(new String(gpg.exportSecret(alice), StandardCharsets.US_ASCII)), KeySource.noPassphrase());
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(message, "m.asc", noPassphrase));
        assertContains(e.getMessage(), "is protected by a passphrase: set VERDANDI_PGP_PASSPHRASE");
    }

    @Test
    void rejectsTamperedCiphertext() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient));
        byte[] tampered = PgpTestSupport.flipByteNearEnd(message);
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(tampered, "prod.env.asc", keyOf(alice)));
        assertContains(e.getMessage(), "cannot decrypt prod.env.asc: the message was modified or is corrupt");
    }

    @Test
    void rejectsTamperedGnupgCiphertext() {
        byte[] tampered = PgpTestSupport.flipByteNearEnd(gpg.encrypt(ENV, bob));
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(tampered, "b.asc", keyOf(bob)));
        assertContains(e.getMessage(), "the message was modified or is corrupt");
    }

    @Test
    void rejectsFileThatIsNotPgp() {
        SecretsException e = assertThrows(SecretsException.class,
                () -> pgp.decrypt("FOO=bar\n".getBytes(StandardCharsets.UTF_8), "prod.env.asc", keyOf(alice)));
        assertEquals("prod.env.asc is not a PGP file (no valid OpenPGP armor or packets)", e.getMessage());
        assertTrue(e.isInvalidInput());
    }

    @Test
    void rejectsArmorHeaderAroundPlaintext() {
        byte[] fake = "-----BEGIN PGP MESSAGE-----\n\nDJANGO_SECRET_KEY=abc\n-----END PGP MESSAGE-----\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(PgpData.NOT_PGP, pgp.inspect(fake));
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(fake, "x.asc", keyOf(alice)));
        assertEquals("x.asc is not a PGP file (no valid OpenPGP armor or packets)", e.getMessage());
    }

    @Test
    void rejectsTextAfterTheArmor() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient));
        byte[] appended = (new String(message, StandardCharsets.US_ASCII) + "\nDJANGO_SECRET_KEY=abc\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(PgpData.NOT_PGP, pgp.inspect(appended));
    }

    @Test
    void rejectsPublicKeyWhereSecretKeyIsNeeded() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient));
        KeySource publicOnly = KeySource.armored(Sensitive.of(aliceRecipient.armoredPublicKey()), KeySource.noPassphrase());
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(message, "m.asc", publicOnly));
        assertContains(e.getMessage(), "is a public key: decryption needs the secret key");
    }

    @Test
    void rejectsEncryptionWithoutRecipients() {
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.encrypt(ENV, List.of()));
        assertEquals("no recipients to encrypt to: add one with verdandi secrets recipients add KEYFILE", e.getMessage());
    }

    @Test
    void rejectsSecretKeyAsRecipient() {
        SecretsException e = assertThrows(SecretsException.class,
                () -> pgp.readRecipient(gpg.exportSecret(alice), "alice-secret.asc"));
        assertContains(e.getMessage(), "alice-secret.asc holds a secret key (Alice <alice@example.org> ("
                + alice.fingerprint() + ")): give the public key only");
    }

    @Test
    void rejectsRevokedKey() {
        GnuPG.Key dave = gpg.generate("Dave <dave@example.org>", "cv25519", "dave passphrase");
        gpg.revoke(dave);
        SecretsException e = assertThrows(SecretsException.class,
                () -> pgp.readRecipient(gpg.exportPublic(dave), "dave.asc"));
        assertEquals("dave.asc: Dave <dave@example.org> (" + dave.fingerprint()
                + ") is revoked: ask its owner for a new key", e.getMessage());
    }

    @Test
    void rejectsExpiredKey() {
        GnuPG.Key erin = gpg.generateExpired("Erin <erin@example.org>", "erin passphrase");
        SecretsException e = assertThrows(SecretsException.class,
                () -> pgp.readRecipient(gpg.exportPublic(erin), "erin.asc"));
        assertContains(e.getMessage(), "erin.asc: Erin <erin@example.org> (" + erin.fingerprint() + ") expired on 2020-01-02");
    }

    @Test
    void rejectsKeyWithoutEncryptionSubkey() {
        GnuPG.Key frank = gpg.generateSigningOnly("Frank <frank@example.org>", "frank passphrase");
        SecretsException e = assertThrows(SecretsException.class,
                () -> pgp.readRecipient(gpg.exportPublic(frank), "frank.asc"));
        assertContains(e.getMessage(), "has no valid encryption-capable subkey");
    }

    @Test
    void rejectsNonKeyAsRecipient() {
        SecretsException e = assertThrows(SecretsException.class,
                () -> pgp.readRecipient("ssh-ed25519 AAAA alice@host\n".getBytes(StandardCharsets.US_ASCII), "id.pub"));
        assertContains(e.getMessage(), "id.pub is not an OpenPGP key");
    }

    @Test
    void inspectsWhatGnupgWrites() {
        byte[] text = "hello\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(PgpData.ENCRYPTED_MESSAGE, pgp.inspect(gpg.encrypt(text, alice)));
        assertEquals(PgpData.ENCRYPTED_MESSAGE, pgp.inspect(gpg.gpg(text, "--trust-model", "always",
                "--encrypt", "--recipient", alice.fingerprint()))); // binary
        assertEquals(PgpData.UNENCRYPTED_MESSAGE, pgp.inspect(gpg.gpg(text, "--armor", "--store")));
        assertEquals(PgpData.UNENCRYPTED_MESSAGE, pgp.inspect(gpg.gpg(text, "--passphrase", alice.passphrase(),
                "--local-user", alice.fingerprint(), "--armor", "--sign")));
        assertEquals(PgpData.UNENCRYPTED_MESSAGE, pgp.inspect(gpg.gpg(text, "--passphrase", alice.passphrase(),
                "--local-user", alice.fingerprint(), "--clearsign")));
        assertEquals(PgpData.SIGNATURE, pgp.inspect(gpg.gpg(text, "--passphrase", alice.passphrase(),
                "--local-user", alice.fingerprint(), "--armor", "--detach-sign")));
        assertEquals(PgpData.PUBLIC_KEY, pgp.inspect(gpg.exportPublic(alice)));
        assertEquals(PgpData.SECRET_KEY, pgp.inspect(gpg.exportSecret(alice)));
        assertEquals(PgpData.NOT_PGP, pgp.inspect("just text".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(PgpData.NOT_PGP, pgp.inspect(new byte[0]));
    }

    @Test
    void armorsWithAChecksumLineThatGnupgNeeds() {
        for (int length : new int[] {0, 1, 2, 3, 30, 48, 57, 300}) {
            byte[] plaintext = new byte[length];
            java.util.Arrays.fill(plaintext, (byte) 'x');
            byte[] message = pgp.encrypt(plaintext, List.of(aliceRecipient));
            List<String> lines = new String(message, StandardCharsets.US_ASCII).lines().toList();
            assertEquals("-----END PGP MESSAGE-----", lines.get(lines.size() - 1));
            assertTrue(lines.get(lines.size() - 2).matches("=[A-Za-z0-9+/]{4}"), "checksum line: " + lines);
            GnuPG.Result r = gpg.run(message, "--passphrase", alice.passphrase(), "--decrypt");
            assertEquals(0, r.status(), length + " bytes: " + r.stderr());
            assertArrayEquals(plaintext, r.stdout());
        }
    }

    @Test
    void reportsACorruptArmorAsCorruption() {
        byte[] message = pgp.encrypt(ENV, List.of(aliceRecipient));
        String text = new String(message, StandardCharsets.US_ASCII);
        int at = text.indexOf("\n\n") + 10; // a character of the first packet (the recipient's key id)
        char c = text.charAt(at);
        String corrupt = text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
        SecretsException e = assertThrows(SecretsException.class,
                () -> pgp.decrypt(corrupt.getBytes(StandardCharsets.US_ASCII), "prod.env.asc", keyOf(alice)));
        assertEquals("prod.env.asc is corrupt: its armor checksum (CRC24) does not match its content (the file was"
                + " damaged or edited)", e.getMessage());
        String badCharacter = text.substring(0, at) + '#' + text.substring(at + 1);
        SecretsException bad = assertThrows(SecretsException.class,
                () -> pgp.decrypt(badCharacter.getBytes(StandardCharsets.US_ASCII), "prod.env.asc", keyOf(alice)));
        assertContains(bad.getMessage(), "prod.env.asc is corrupt: line 3 of its armor has a character that is not base64");
    }

    @Test
    void rejectsAPlaintextPacketAfterTheCiphertext() {
        byte[] binary = pgp.encrypt(ENV, List.of(aliceRecipient), false);
        byte[] literal = gpg.gpg("DJANGO_SECRET_KEY=in clear\n".getBytes(StandardCharsets.US_ASCII), "--compress-algo", "none",
                "--store");
        byte[] both = concat(binary, literal);
        byte[] armored = fr.mangaki.verdandi.secrets.openpgp.Armor.armor(both);
        for (byte[] message : List.of(armored, both)) {
            assertEquals(PgpData.ENCRYPTED_MESSAGE, pgp.inspect(message));
            SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(message, "m.asc", keyOf(alice)));
            assertContains(e.getMessage(), "m.asc has data after its encrypted message (");
            assertContains(e.getMessage(), "packet type 11): a file holds one message and nothing else");
            assertThrows(SecretsException.class, () -> pgp.examine(message, "m.asc"));
        }
        byte[] appended = concat(binary, "DJANGO_SECRET_KEY=in clear\n".getBytes(StandardCharsets.US_ASCII));
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.examine(appended, "m.gpg"));
        assertEquals("m.gpg has data after its encrypted message (" + 27 + " bytes that are not OpenPGP packets): a file"
                + " holds one message and nothing else", e.getMessage());
    }

    @Test
    void examinesRecipientsAndPacketsWithoutAKey() {
        MessageInfo info = pgp.examine(pgp.encrypt(ENV, List.of(aliceRecipient, bobRecipient)), "m.asc");
        assertEquals(List.of(aliceRecipient.encryptionKeyIds().get(0), bobRecipient.encryptionKeyIds().get(0)),
                info.recipientKeyIds());
        assertEquals("SEIPD v1", info.dataPacket());
        assertTrue(info.integrityProtected());
        assertEquals(null, info.cipher(), "SEIPD v1 keeps its cipher inside the session key");
        MessageInfo symmetric = pgp.examine(gpg.gpg(ENV, "--passphrase", "pw", "--symmetric"), "s.gpg");
        assertEquals(1, symmetric.passphrases());
    }

    @Test
    void refusesALegacyCipherButReencryptsIt() {
        byte[] tripleDes = gpg.gpg(ENV, "--trust-model", "always", "--cipher-algo", "3DES", "--armor", "--encrypt",
                "--recipient", alice.fingerprint());
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(tripleDes, "old.asc", keyOf(alice)));
        assertEquals("cannot decrypt old.asc: it is encrypted with TripleDES, a legacy 64-bit block cipher: encrypt it"
                + " again (verdandi secrets reencrypt writes AES-256)", e.getMessage());
        assertArrayEquals(ENV, pgp.decryptToReencrypt(tripleDes, "old.asc", keyOf(alice)).reveal());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void rejectsMessageWithoutIntegrityProtection() throws Exception {
        // a legacy Symmetrically Encrypted Data packet (no modification detection), made with Bouncy Castle's low-level API
        org.bouncycastle.openpgp.PGPPublicKey encryptionKey = null;
        for (org.bouncycastle.openpgp.PGPPublicKey k : new org.bouncycastle.openpgp.PGPPublicKeyRing(
                org.bouncycastle.openpgp.PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(gpg.exportPublic(alice))),
                new org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator())) {
            if (k.isEncryptionKey() && !k.isMasterKey()) {
                encryptionKey = k;
            }
        }
        org.bouncycastle.openpgp.PGPEncryptedDataGenerator generator = new org.bouncycastle.openpgp.PGPEncryptedDataGenerator(
                new org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder(
                        org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(false));
        generator.addMethod(new org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator(encryptionKey));
        java.io.ByteArrayOutputStream armored = new java.io.ByteArrayOutputStream();
        try (org.bouncycastle.bcpg.ArmoredOutputStream armor = new org.bouncycastle.bcpg.ArmoredOutputStream(armored);
             java.io.OutputStream encrypted = generator.open(armor, new byte[1024]);
             java.io.OutputStream literal = new org.bouncycastle.openpgp.PGPLiteralDataGenerator().open(encrypted,
                     org.bouncycastle.openpgp.PGPLiteralData.BINARY, "", ENV.length, new java.util.Date())) {
            literal.write(ENV);
        }
        byte[] message = armored.toByteArray();
        assertEquals(PgpData.ENCRYPTED_MESSAGE, pgp.inspect(message));
        SecretsException e = assertThrows(SecretsException.class, () -> pgp.decrypt(message, "old.asc", keyOf(alice)));
        assertEquals("cannot decrypt old.asc: the message is not integrity protected (legacy SED packet), so tampering"
                + " could not be detected; encrypt it again from a trusted copy", e.getMessage());
    }
}
