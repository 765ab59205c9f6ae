package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.FakeLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakRulesTest {

    static List<String> rulesFound(LeakRule.Example example) {
        return LeakRules.scan(example.path(), example.content().getBytes(StandardCharsets.UTF_8)).stream()
                .map(Leak::rule).toList();
    }

    /** Every row of the table finds its own leaks and none of its look-alikes. */
    @TestFactory
    Stream<DynamicTest> everyRuleFindsItsExamplesAndNotItsLookAlikes() {
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (LeakRule rule : LeakRules.RULES) {
            assertTrue(ids.add(rule.id()), "rule ids are unique: " + rule.id());
            assertTrue(!rule.leaks().isEmpty() && !rule.notLeaks().isEmpty(), rule.id() + " has examples of both kinds");
            for (LeakRule.Example leak : rule.leaks()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " finds " + leak,
                        () -> assertTrue(rulesFound(leak).contains(rule.id()), () -> rule.id() + " missed " + leak
                                + " (found: " + rulesFound(leak) + ")")));
            }
            for (LeakRule.Example notLeak : rule.notLeaks()) {
                tests.add(DynamicTest.dynamicTest(rule.id() + " ignores " + notLeak,
                        () -> assertTrue(!rulesFound(notLeak).contains(rule.id()), () -> rule.id() + " refused " + notLeak)));
            }
        }
        return tests.stream();
    }

    static List<String> reasons(String path, String text) {
        return LeakRules.scan(path, text.getBytes(StandardCharsets.UTF_8)).stream()
                .map(l -> "line " + l.line() + ": " + l.reason()).toList();
    }

    @Test
    void findsPrivateKeysOfEveryKind() {
        assertEquals(List.of("line 1: RSA private key (PEM)"), reasons("a", FakeLeaks.rsaPrivateKey()));
        assertEquals(List.of("line 1: private key (PEM)"), reasons("a", FakeLeaks.pkcs8PrivateKey()));
        assertEquals(List.of("line 1: OpenSSH private key"), reasons("a", FakeLeaks.openSshPrivateKey()));
        assertEquals(List.of("line 1: PGP private key block"), reasons("a", FakeLeaks.pgpPrivateKeyBlock()));
        assertEquals(List.of("line 1: EC private key (PEM)"),
                reasons("a", FakeLeaks.rsaPrivateKey().replace("RSA", "EC")));
        assertEquals(List.of("line 1: ENCRYPTED private key (PEM)"),
                reasons("a", FakeLeaks.pkcs8PrivateKey().replace("BEGIN PRIVATE", "BEGIN ENCRYPTED PRIVATE")));
        assertEquals(List.of("line 1: PuTTY private key"), reasons("k.ppk", "PuTTY-User-Key-File-" + "3: ssh-ed25519\n"
                + "Encryption: none\nPublic-Lines: 2\nAAAA\nAAAA\nPrivate-Lines: 1\nAAAA\n"));
    }

    @Test
    void findsPrivateKeyEscapedInJson() {
        String json = "{\"type\": \"service_account\", \"private_key\": \""
                + FakeLeaks.pkcs8PrivateKey().replace("\n", "\\n") + "\"}";
        assertEquals(List.of("line 1: private key (PEM)"), reasons("sa.json", json));
    }

    @Test
    void ignoresPrivateKeyHeaderWithoutKeyMaterial() {
        assertEquals(List.of(), reasons("doc.md", "A key starts with -----BEGIN OPENSSH " + "PRIVATE KEY----- and ends...\n"));
        assertEquals(List.of(), reasons("Check.java", "if (line.startsWith(\"-----BEGIN RSA " + "PRIVATE KEY-----\")) {\n}\n"));
    }

    @Test
    void findsTokens() {
        assertEquals(List.of("line 2: DigitalOcean token"), reasons("a", "x\nt=" + FakeLeaks.digitalOceanToken()));
        assertEquals(List.of("line 1: Slack webhook URL"), reasons("a", FakeLeaks.slackWebhook()));
        assertEquals(List.of("line 1: Slack token"), reasons("a", "'" + FakeLeaks.slackToken() + "'"));
        assertEquals(List.of("line 1: AWS access key id"), reasons("a", "id=" + FakeLeaks.awsAccessKeyId()));
        assertEquals(List.of("line 1: AWS secret access key"), reasons("a", FakeLeaks.awsSecretAccessKey()));
        assertEquals(List.of("line 1: GitHub token"), reasons("a", FakeLeaks.githubToken()));
        assertEquals(List.of("line 1: GitHub token"), reasons("a", FakeLeaks.githubFineGrainedToken()));
        assertEquals(List.of("line 1: database URL with a password"), reasons("a", FakeLeaks.databaseUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_SECRET_ACCESS_KEY=", "awsSecretAccessKey: \"", "aws_secret_accesskey = '"})
    void findsAwsSecretKeysWhateverTheCase(String prefix) {
        assertEquals(List.of("line 1: AWS secret access key"), reasons("a", prefix + "ak6J0kGODKdinZnLXicaBAg8WY1jzIRlNQb0prFm"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://mangaki:s3cr3t-Pa55@localhost/mangaki",
            "DATABASE_URL=postgres://u:p4ss@db:5432/x",
            "mysql://root:hunter2-long@127.0.0.1/app",
            "url = 'postgresql+psycopg2://app:Xy7-pass@db/app'",
            "redis://:longredispassword@cache:6379/0",
            "mongodb+srv://user:pw123456@cluster0.example.net/db",
            "amqps://guest:guest2@mq/vhost",
    })
    void findsDatabaseUrlsWithPassword(String text) {
        assertEquals(List.of("line 1: database URL with a password"), reasons("a", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgres://mangaki@localhost/mangaki",
            "postgres://localhost/mangaki",
            "postgres://mangaki:${DB_PASSWORD}@localhost/mangaki",
            "postgres://mangaki:$DB_PASSWORD@localhost/mangaki",
            "postgres://USER:<password>@localhost/mangaki",
            "postgres://user:password@localhost/db",
            "postgres://user:****@localhost/db",
            "postgres://user:%(password)s@localhost/db",
            "postgres://user:{password}@localhost/db",
            "postgres://user:changeme@localhost/db",
            "https://user:token@example.org/repo.git",
            "see http://example.org/a:b@c",
            "postgres://host:5432/db",
    })
    void acceptsDatabaseUrlsWithoutRealPassword(String text) {
        assertEquals(List.of(), reasons("a", text));
    }

    @Test
    void findsDjangoSecretKeyLiterals() {
        assertEquals(List.of("line 1: Django SECRET_KEY with a literal value"), reasons("settings.py",
                FakeLeaks.djangoSecretKeyLine()));
        assertEquals(List.of("line 1: Django SECRET_KEY with a literal value"), reasons("settings.py",
                "SECRET_KEY = r\"" + FakeLeaks.djangoSecretKey() + "\""));
        assertEquals(List.of("line 2: Django SECRET_KEY with a literal value"), reasons("compose.yaml",
                "env:\n  DJANGO_SECRET_KEY: \"" + "k3Xq9vB2mZ7wP4tR8yL1nH6c" + "\""));
        assertEquals(List.of("line 2: Django SECRET_KEY with a literal value"), reasons("settings.ini",
                "[secrets]\nSECRET_KEY = " + "k9Fz2Lq8Wm3Xv7Bn4Tp1Rc6Hy0" + "\n"));
        assertEquals(List.of("line 1: Django SECRET_KEY with a literal value"), reasons("config.json",
                "{\"SECRET_KEY\": \"" + FakeLeaks.djangoSecretKey() + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']",
            "SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '')",
            "SECRET_KEY = env('DJANGO_SECRET_KEY')",
            "SECRET_KEY = get_random_secret_key()",
            "SECRET_KEY = 'test'",
            "SECRET_KEY = 'changeme'",
            "SECRET_KEY = ''",
            "AWS_SECRET_KEY_NAME = 'aws-secret-key-name-of-the-parameter'",
            "static final String SECRET_KEY_VARIABLE = \"DJANGO_SECRET_KEY\";",
            "export DJANGO_SECRET_KEY=\"${DJANGO_SECRET_KEY:?}\"",
            "SECRET_KEY = 'django-insecure-5f1e9c0a7b3d2e4f6a8b'",
            "String env = \"DJANGO_SECRET_KEY=\" + SECRET_KEY + \"\\n\";",
    })
    void acceptsSecretKeyReadFromTheEnvironment(String text) {
        assertEquals(List.of(), reasons("settings.py", text));
        assertEquals(List.of(), reasons("settings.ini", text));
    }

    @Test
    void unquotedSecretKeyIsCodeInSourceFiles() {
        assertEquals(List.of(), reasons("settings.py", "SECRET_KEY = DEFAULT_SECRET_KEY_FROM_VAULT\n"));
    }

    @Test
    void acceptsDocumentedExamplesAndLookalikes() {
        assertEquals(List.of(), reasons("a", "AKIAIOSFODNN7EXAMPLE"));
        assertEquals(List.of(), reasons("a", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        assertEquals(List.of(), reasons("a", "sha512-AKIAFAKEFAKEFAKEFAKE0123+abc=")); // inside base64
        assertEquals(List.of(), reasons("a", "dop_v1_xyz and xoxb-... and ghp_short"));
        assertEquals(List.of(), reasons("a", "https://hooks.slack.com/services/T000/B000/XXXX"));
        assertEquals(List.of(), reasons("a", "mangaki_ghp_" + "A".repeat(36))); // no word boundary
    }

    @Test
    void findsTokensInBinaryContentButNotAssignments() {
        byte[] binary = ("\0\0\u0001" + FakeLeaks.awsAccessKeyId() + "\0" + FakeLeaks.djangoSecretKeyLine() + "\0")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(LeakRules.isBinary(binary));
        assertEquals(List.of("line 0: AWS access key id"), LeakRules.scan("a.bin", binary).stream()
                .map(l -> "line " + l.line() + ": " + l.reason()).toList());
    }

    @Test
    void decodesUtf16() {
        byte[] le = ("\uFEFF" + "# settings\n" + FakeLeaks.djangoSecretKeyLine() + "\n").getBytes(StandardCharsets.UTF_16LE);
        assertEquals(List.of("line 2: Django SECRET_KEY with a literal value"), LeakRules.scan("s.py", le).stream()
                .map(l -> "line " + l.line() + ": " + l.reason()).toList());
        byte[] be = (FakeLeaks.githubToken() + "\n").getBytes(StandardCharsets.UTF_16BE);
        assertEquals(List.of("GitHub token"), LeakRules.scan("t.txt", be).stream().map(Leak::reason).toList());
    }

    @Test
    void findsBinaryKeyStores() {
        byte[] pkcs12 = {0x30, (byte) 0x82, 0x0a, 0x3f, 0x02, 0x01, 0x03, 0x30, (byte) 0x82, 0x09, (byte) 0xf5, 0x06,
                0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x07, 0x01, 0, 0, 0};
        assertEquals(List.of("PKCS#12 key store"), LeakRules.scan("site.p12", pkcs12).stream().map(Leak::reason).toList());
        byte[] jks = {(byte) 0xfe, (byte) 0xed, (byte) 0xfe, (byte) 0xed, 0, 0, 0, 2, 0, 0, 0, 1};
        assertEquals(List.of("Java key store"), LeakRules.scan("keystore.jks", jks).stream().map(Leak::reason).toList());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertEquals(List.of(), LeakRules.scan("logo.png", png));
    }

    @Test
    void reportsEveryLeakWithItsLine() {
        String text = "a\n" + FakeLeaks.githubToken() + "\nb\n" + FakeLeaks.databaseUrl() + "\n" + FakeLeaks.slackWebhook();
        assertEquals(List.of("line 2: GitHub token", "line 4: database URL with a password",
                "line 5: Slack webhook URL"), reasons("a", text));
    }
}
