package fr.mangaki.verdandi.secrets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static fr.mangaki.verdandi.secrets.TestText.assertNotContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the Pulumi program uses: decrypting secrets/ENV.env.asc with a key from the environment. */
class EnvFilesTest {

    @TempDir
    Path repo;

    static GnuPG gpg;
    static GnuPG.Key ci;
    static Recipient ciRecipient;

    static final String ENV = """
            # production
            DJANGO_SECRET_KEY='not-a-real-key'
            export DATABASE_URL="postgres://mangaki@localhost/mangaki"
            SLACK_WEBHOOK_URL=https://example.invalid/hook # where deploys report
            EMPTY=
            """;

    @BeforeAll
    static void key() {
        gpg = TestKeys.get().gpg;
        ci = TestKeys.get().bob; // RSA, as a CI key might be
        ciRecipient = TestKeys.get().bobRecipient;
    }

    @Test
    void decryptsWithArmoredKeyOrKeyPathFromTheEnvironment() throws Exception {
        Files.createDirectories(repo.resolve("secrets"));
        Files.write(repo.resolve("secrets/production.env.asc"),
                Pgp.bouncyCastle().encrypt(ENV.getBytes(StandardCharsets.UTF_8), List.of(ciRecipient)));
        String armored = new String(gpg.exportSecret(ci), StandardCharsets.US_ASCII);
        Path keyFile = TestKeys.get().write("ci-secret.asc", armored.getBytes(StandardCharsets.US_ASCII));

        for (String keyValue : List.of(armored, keyFile.toString())) {
            KeySource key = KeySource.fromEnvironment(
                    Map.of("VERDANDI_PGP_KEY", keyValue, "VERDANDI_PGP_PASSPHRASE", ci.passphrase()),
                    KeySource.noPassphrase());
            Sensitive<String> env = EnvFiles.decrypt(repo, "production", key);
            assertEquals("[secret]", env.toString());
            assertEquals(ENV, env.reveal());
        }
    }

    @Test
    void parsesVariables() {
        Map<String, Sensitive<String>> vars = EnvFiles.parse(Sensitive.of(ENV));
        assertEquals(List.of("DJANGO_SECRET_KEY", "DATABASE_URL", "SLACK_WEBHOOK_URL", "EMPTY"),
                List.copyOf(vars.keySet()));
        assertEquals("not-a-real-key", vars.get("DJANGO_SECRET_KEY").reveal());
        assertEquals("postgres://mangaki@localhost/mangaki", vars.get("DATABASE_URL").reveal());
        assertEquals("https://example.invalid/hook", vars.get("SLACK_WEBHOOK_URL").reveal());
        assertEquals("", vars.get("EMPTY").reveal());
        assertEquals("{DJANGO_SECRET_KEY=[secret], DATABASE_URL=[secret], SLACK_WEBHOOK_URL=[secret], EMPTY=[secret]}",
                vars.toString());
    }

    @Test
    void rejectsLineThatIsNotAnAssignmentWithoutShowingIt() {
        SecretsException e = assertThrows(SecretsException.class,
                () -> EnvFiles.parse(Sensitive.of("A=1\nthe-password-alone\n")));
        assertEquals("env file line 2 is not NAME=value (content not shown)", e.getMessage());
        assertNotContains(e.getMessage(), "the-password-alone");
    }

    @Test
    void failsOnMissingEnvFile() {
        KeySource key = KeySource.fromEnvironment(Map.of(), KeySource.noPassphrase());
        SecretsException e = assertThrows(SecretsException.class, () -> EnvFiles.decrypt(repo, "staging", key));
        assertEquals("secrets/staging.env.asc does not exist: create it with verdandi secrets edit"
                + " secrets/staging.env.asc", e.getMessage());
    }

    @Test
    void rejectsInvalidEnvironmentName() {
        SecretsException e = assertThrows(SecretsException.class, () -> EnvFiles.path(repo, "../prod"));
        assertEquals("environment name '../prod' is invalid: lower-case letters, digits and '-', starting with a"
                + " letter or digit", e.getMessage());
        assertEquals(repo.resolve("secrets/staging.env.asc"), EnvFiles.path(repo, "staging"));
    }
}
