package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.FakeLeaks;
import fr.mangaki.verdandi.secrets.GitRepo;
import fr.mangaki.verdandi.secrets.GnuPG;
import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.Recipient;
import fr.mangaki.verdandi.secrets.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static fr.mangaki.verdandi.secrets.TestText.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * hooks/pre-commit for real: repositories made by the test, whose core.hooksPath is this
 * checkout's hooks/, and real {@code git commit}s.
 */
class PreCommitHookTest {

    @TempDir
    Path dir;

    static GnuPG gpg;
    static GnuPG.Key alice;
    static Recipient aliceRecipient;

    @BeforeAll
    static void key() {
        gpg = TestKeys.get().gpg;
        alice = TestKeys.get().alice;
        aliceRecipient = TestKeys.get().aliceRecipient;
    }

    /** A leak: the file staged, its content, and what the refusal must say. */
    record LeakCase(String path, String content, String reason, String fix) {
        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }

    static Stream<LeakCase> leaks() {
        return Stream.of(
                new LeakCase(".env", "DJANGO_DEBUG=1\n", "env file in plaintext",
                        "fix: " + GitRepo.CHECKOUT.resolve("bin/verdandi")
                                + " secrets encrypt .env && git rm --cached -q .env && git add .env.asc .gitignore"),
                new LeakCase("config/.env.production", "DATABASE_NAME=mangaki\n", "env file in plaintext",
                        "secrets encrypt config/.env.production"),
                new LeakCase("deploy/production.env", "export ALLOWED_HOSTS=mangaki.fr\n", "env file in plaintext",
                        "secrets encrypt deploy/production.env"),
                new LeakCase(".envrc", "dotenv_if_exists\nexport DATABASE_PASSWORD=C29GFfm7sFog16\nexport PATH=\"$PWD/bin:$PATH\"\n",
                        "line 2: DATABASE_PASSWORD set to a literal secret", "remove the value from .envrc"),
                new LeakCase(".env.example", "DATABASE_URL=\nDJANGO_SECRET_KEY=" + FakeLeaks.djangoSecretKey() + "\n",
                        "env template with secret values: templates keep non-secret defaults only",
                        "secrets encrypt .env.example"),
                new LeakCase("secrets/production.env", "DJANGO_DEBUG=0\n",
                        "under secrets/ but not OpenPGP data (plaintext): only encrypted OpenPGP messages and public"
                                + " keys belong there",
                        "secrets encrypt secrets/production.env && git rm --cached -q secrets/production.env"),
                new LeakCase("secrets/staging.env.asc",
                        "-----BEGIN PGP MESSAGE-----\n\nDJANGO_DEBUG=0\n-----END PGP MESSAGE-----\n",
                        "under secrets/ but not OpenPGP data (plaintext)",
                        "git rm --cached -q secrets/staging.env.asc, then encrypt the plaintext"),
                new LeakCase("config/app.env.gpg", "DJANGO_DEBUG=0\n",
                        "named like an encrypted env file but not OpenPGP data (plaintext)", "git rm --cached -q config/app.env.gpg"),
                new LeakCase("notes/message.txt", "\n-----BEGIN PGP MESSAGE-----\nComment: looks encrypted\n\nhello\n"
                        + "-----END PGP MESSAGE-----\n", "armored like an OpenPGP message but not OpenPGP data (plaintext)",
                        "git rm --cached -q notes/message.txt"),
                new LeakCase("deploy/id_rsa", FakeLeaks.rsaPrivateKey(), "line 1: RSA private key (PEM)",
                        "git rm --cached -q deploy/id_rsa and keep the key out of the repository"),
                new LeakCase("certs/site.key", "# TLS key\n" + FakeLeaks.pkcs8PrivateKey(), "line 2: private key (PEM)",
                        "git rm --cached -q certs/site.key"),
                new LeakCase("ops/id_ed25519", FakeLeaks.openSshPrivateKey(), "line 1: OpenSSH private key",
                        "git rm --cached -q ops/id_ed25519"),
                new LeakCase("keys/ops.txt", "backup:\n" + FakeLeaks.pgpPrivateKeyBlock(), "line 2: PGP private key block",
                        "git rm --cached -q keys/ops.txt"),
                new LeakCase("infra/provider.tf", "provider \"digitalocean\" {\n  token = \""
                        + FakeLeaks.digitalOceanToken() + "\"\n}\n", "line 2: DigitalOcean token",
                        "remove the value from infra/provider.tf and read it from the environment instead"),
                new LeakCase("app/notify.py", "import requests\nURL = \"" + FakeLeaks.slackWebhook() + "\"\n",
                        "line 2: Slack webhook URL", "If it was ever pushed, revoke it."),
                new LeakCase("app/bot.js", "const token = '" + FakeLeaks.slackToken() + "';\n", "line 1: Slack token",
                        "remove the value from app/bot.js"),
                new LeakCase("aws/credentials.ini", "[default]\naws_access_key_id = " + FakeLeaks.awsAccessKeyId()
                        + "\n" + FakeLeaks.awsSecretAccessKey() + "\n", "line 2: AWS access key id",
                        "remove the value from aws/credentials.ini"),
                new LeakCase("aws/boto.py", "client = boto3.client('s3', " + FakeLeaks.awsSecretAccessKey().replace(" ", "")
                        + ")\n", "line 1: AWS secret access key", "remove the value from aws/boto.py"),
                new LeakCase("ci/release.sh", "#!/bin/sh\ncurl -H \"Authorization: token " + FakeLeaks.githubToken()
                        + "\" https://api.github.com/\n", "line 2: GitHub token", "remove the value from ci/release.sh"),
                new LeakCase("ci/deploy.yml", "env:\n  GH_TOKEN: " + FakeLeaks.githubFineGrainedToken() + "\n",
                        "line 2: GitHub token", "remove the value from ci/deploy.yml"),
                new LeakCase("app/database.yaml", "default:\n  url: " + FakeLeaks.databaseUrl() + "\n",
                        "line 2: database URL with a password", "remove the value from app/database.yaml"),
                new LeakCase("mangaki/settings.py", "import os\n\n" + FakeLeaks.djangoSecretKeyLine() + "\nDEBUG = False\n",
                        "line 3: Django SECRET_KEY with a literal value", "remove the value from mangaki/settings.py"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void refusesLeak(LeakCase leak) {
        GitRepo repo = GitRepo.init(dir);
        repo.write("README.md", "# app\n");
        repo.write(leak.path(), leak.content());
        GitRepo.Result r = repo.addAndCommit("add files");
        assertEquals(1, r.status(), r.output());
        assertEquals(0, repo.commitCount(), "nothing committed");
        assertContains(r.stderr(), "verdandi: commit refused: 1 staged file holds secrets in plaintext\n\n  "
                + leak.path() + "\n");
        assertContains(r.stderr(), "    " + leak.reason());
        assertContains(r.stderr(), leak.fix());
        assertContains(r.stderr(), "Not a secret? Add a line 'GLOB REASON' for it to .verdandi-allow.");
    }

    @Test
    void refusalListsEveryPathWithItsReasonAndFix() {
        GitRepo repo = GitRepo.init(dir);
        List<LeakCase> all = leaks().toList();
        all.forEach(l -> repo.write(l.path(), l.content()));
        GitRepo.Result r = repo.addAndCommit("everything");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "verdandi: commit refused: " + all.size() + " staged files hold secrets in plaintext");
        for (LeakCase l : all) {
            assertContains(r.stderr(), "\n  " + l.path() + "\n");
            assertContains(r.stderr(), l.reason());
            assertContains(r.stderr(), l.fix());
        }
        assertEquals("", r.stdout());
    }

    @Test
    void refusesEveryPathOfIdenticalContent() {
        GitRepo repo = GitRepo.init(dir);
        repo.write(".env", "A=1\n");
        repo.write("config/.env", "A=1\n");
        repo.write("config/copy.env", "A=1\n");
        GitRepo.Result r = repo.addAndCommit("same blob three times");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "3 staged files hold secrets in plaintext\n\n  .env\n    env file in plaintext\n");
        assertContains(r.stderr(), "\n  config/.env\n    env file in plaintext\n");
        assertContains(r.stderr(), "\n  config/copy.env\n    env file in plaintext\n");
    }

    @Test
    void refusesSecretKeyAmongRecipients() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("secrets/recipients/" + alice.fingerprint() + ".asc", gpg.exportSecret(alice));
        GitRepo.Result r = repo.addAndCommit("recipient");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  secrets/recipients/" + alice.fingerprint() + ".asc\n"
                + "    an OpenPGP secret key under secrets/\n"
                + "    fix: git rm --cached -q secrets/recipients/" + alice.fingerprint()
                + ".asc: secret keys never go in the repository");
    }

    @Test
    void refusesUnencryptedPgpMessageUnderSecrets() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("secrets/production.env.asc", gpg.gpg("DJANGO_DEBUG=0\n".getBytes(StandardCharsets.UTF_8),
                "--armor", "--store"));
        GitRepo.Result r = repo.addAndCommit("stored, not encrypted");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "under secrets/ but an OpenPGP message that is not encrypted (its contents are"
                + " readable by anyone)");
    }

    @Test
    void refusesRenameOfPlaintextIntoEnvFile() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("notes.txt", "SITE_NAME=mangaki\nADMIN_EMAIL=ops@mangaki.fr\n");
        assertEquals(0, repo.addAndCommit("notes").status());
        repo.git("mv", "notes.txt", ".env");
        GitRepo.Result r = repo.run("commit", "-q", "-m", "rename");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  .env (renamed from notes.txt)\n    env file in plaintext\n");
        assertEquals(1, repo.commitCount());
    }

    @Test
    void refusesRenameOfPlaintextIntoSecrets() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("deploy/vars.txt", "ALLOWED_HOSTS=mangaki.fr\n");
        repo.write("secrets/README.md", "# Secrets\n");
        assertEquals(0, repo.addAndCommit("vars").status());
        repo.git("mv", "deploy/vars.txt", "secrets/production.env.asc");
        GitRepo.Result r = repo.run("commit", "-q", "-m", "rename");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  secrets/production.env.asc (renamed from deploy/vars.txt)\n"
                + "    under secrets/ but not OpenPGP data (plaintext)");
    }

    @Test
    void acceptsEncryptedContentWhateverItsName() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("config/app.env.asc", Pgp.bouncyCastle().encrypt("A=1\n".getBytes(StandardCharsets.UTF_8),
                List.of(aliceRecipient)));
        assertEquals(0, repo.addAndCommit("encrypted").status());
        repo.git("mv", "config/app.env.asc", "config/app.env");
        GitRepo.Result r = repo.run("commit", "-q", "-m", "rename");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
    }

    @Test
    void checksStagedContentNotTheWorkingTree() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("app/settings.py", FakeLeaks.djangoSecretKeyLine() + "\n");
        repo.git("add", "app/settings.py");
        repo.write("app/settings.py", "import os\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n"); // not staged
        GitRepo.Result refused = repo.run("commit", "-q", "-m", "staged leak");
        assertEquals(1, refused.status(), refused.output());
        assertContains(refused.stderr(), "line 1: Django SECRET_KEY with a literal value");

        repo.git("add", "app/settings.py");
        repo.write("app/settings.py", FakeLeaks.djangoSecretKeyLine() + "\n"); // leak only in the working tree
        GitRepo.Result accepted = repo.run("commit", "-q", "-m", "staged fix");
        assertEquals(0, accepted.status(), accepted.output());
        assertEquals("", accepted.stderr());
    }

    @Test
    void refusesPartialCommitThroughTemporaryIndex() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("README.md", "# app\n");
        repo.write("deploy/prod.env", "A=1\n");
        assertEquals(0, repo.addAndCommit("readme", "README.md").status());
        repo.git("add", "deploy/prod.env");
        repo.write("README.md", "# app, changed\n");
        // `git commit PATH...` commits through a temporary index (GIT_INDEX_FILE)
        GitRepo.Result r = repo.run("commit", "-q", "-m", "partial", "--", "README.md", "deploy/prod.env");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  deploy/prod.env\n    env file in plaintext\n");
    }

    @Test
    void acceptsRealPgpMessagesAndPublicKeys() {
        GitRepo repo = GitRepo.init(dir);
        byte[] env = "DJANGO_SECRET_KEY=placeholder\n".getBytes(StandardCharsets.UTF_8);
        repo.write("secrets/README.md", "# Secrets\nEncrypted env files live here.\n");
        repo.write("secrets/recipients/" + alice.fingerprint() + ".asc", aliceRecipient.armoredPublicKey());
        repo.write("secrets/production.env.asc", Pgp.bouncyCastle().encrypt(env, List.of(aliceRecipient)));
        repo.write("secrets/staging.env.asc", gpg.encrypt(env, alice));
        repo.write("secrets/ci.env.gpg", gpg.gpg(env, "--trust-model", "always", "--encrypt", "--recipient",
                alice.fingerprint()));
        repo.write("config/.env.asc", gpg.encrypt(env, alice));
        repo.write("docs/release.txt.asc", gpg.gpg("release notes\n".getBytes(StandardCharsets.UTF_8),
                "--passphrase", alice.passphrase(), "--local-user", alice.fingerprint(), "--armor", "--detach-sign"));
        GitRepo.Result r = repo.addAndCommit("secrets");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
        assertEquals(1, repo.commitCount());
    }

    @Test
    void acceptsCodeThatReadsTheEnvironment() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("mangaki/settings.py", """
                import os
                import dj_database_url

                SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
                DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
                DATABASES = {"default": dj_database_url.config(default=os.environ.get("DATABASE_URL"))}
                SLACK_WEBHOOK_URL = os.getenv("SLACK_WEBHOOK_URL")
                """);
        repo.write("src/Main.java", """
                class Main {
                    static final String PASSPHRASE = System.getenv("VERDANDI_PGP_PASSPHRASE");
                    static final String KEY = System.getenv().getOrDefault("VERDANDI_PGP_KEY", "");
                }
                """);
        repo.write("web/notify.js", "const hook = process.env.SLACK_WEBHOOK_URL;\nfetch(hook, {method: 'POST'});\n");
        repo.write("bin/backup.sh", """
                #!/usr/bin/env bash
                set -euo pipefail
                : "${DATABASE_URL:?set DATABASE_URL}"
                pg_dump "postgres://mangaki:${DB_PASSWORD}@localhost/mangaki" > backup.sql
                curl -fsS -X POST -d @payload.json "$SLACK_WEBHOOK_URL"
                """);
        repo.write("docs/setup.md", """
                Set `DATABASE_URL=postgres://USER:<password>@localhost/mangaki` and `DJANGO_SECRET_KEY`.
                An SSH key starts with `-----BEGIN OPENSSH PRIVATE KEY-----`: never commit one.
                Tokens look like dop_v1_... and xoxb-...; AWS's documented example key is AKIAIOSFODNN7EXAMPLE.
                """);
        repo.write("deploy/mangaki.service", """
                [Service]
                EnvironmentFile=/srv/mangaki/shared/production.env
                ExecStart=/srv/mangaki/venv/bin/gunicorn mangaki.wsgi
                """);
        repo.write("settings.ini", "[secrets]\nSECRET_KEY = ${DJANGO_SECRET_KEY}\n");
        repo.write(".env.example", "# copy to .env\nDJANGO_SECRET_KEY=\nDATABASE_URL=\"\"\nexport DEBUG=''\n");
        repo.write(".env.sample", "SLACK_WEBHOOK_URL=\n");
        repo.write(".envrc", "dotenv_if_exists .env\nexport PATH=\"$PWD/bin:$PATH\"\nexport VIRTUAL_ENV=$(pwd)/venv\n");
        GitRepo.Result r = repo.addAndCommit("code");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
    }

    @Test
    void acceptsInfrastructureFiles() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("Pulumi.production.yaml", Files.readString(GitRepo.CHECKOUT.resolve("Pulumi.production.yaml")));
        repo.write("Pulumi.staging.yaml", Files.readString(GitRepo.CHECKOUT.resolve("Pulumi.staging.yaml")));
        repo.write("cloud-init/app.yaml", """
                #cloud-config
                users:
                  - name: admin
                    ssh_authorized_keys:
                      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI admin@mangaki.fr
                write_files:
                  - path: /etc/mangaki/deploy.env
                    permissions: '0600'
                    content: |
                      BRANCH=production
                """);
        repo.write("Pulumi.dev.yaml", "config:\n  digitalocean:token:\n    secure: v1:Wx3Jc2s9fQ==:AAABBBCCC\n");
        GitRepo.Result r = repo.addAndCommit("infra");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
    }

    @Test
    void acceptsLockFilesFullOfHashes() {
        GitRepo repo = GitRepo.init(dir);
        Random random = new Random(42);
        StringBuilder lock = new StringBuilder("{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n");
        StringBuilder requirements = new StringBuilder();
        StringBuilder poetry = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            byte[] sha512 = new byte[64];
            byte[] sha256 = new byte[32];
            random.nextBytes(sha512);
            random.nextBytes(sha256);
            lock.append("    \"node_modules/pkg").append(i).append("\": {\"version\": \"1.0.").append(i)
                    .append("\", \"integrity\": \"sha512-").append(java.util.Base64.getEncoder().encodeToString(sha512))
                    .append("\"},\n");
            String hex = java.util.HexFormat.of().formatHex(sha256);
            requirements.append("pkg").append(i).append("==1.0 --hash=sha256:").append(hex).append('\n');
            poetry.append("{file = \"pkg").append(i).append(".whl\", hash = \"sha256:").append(hex).append("\"},\n");
        }
        lock.append("  }\n}\n");
        repo.write("package-lock.json", lock.toString());
        repo.write("requirements.txt", requirements.toString());
        repo.write("poetry.lock", poetry.toString());
        GitRepo.Result r = repo.addAndCommit("locks");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
    }

    @Test
    void acceptsBinaries() {
        GitRepo repo = GitRepo.init(dir);
        byte[] png = new byte[20_000];
        new Random(7).nextBytes(png);
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        System.arraycopy(header, 0, png, 0, header.length);
        repo.write("static/logo.png", png);
        byte[] archive = new byte[5_000];
        new Random(8).nextBytes(archive);
        archive[10] = 0;
        repo.write("vendor/lib.so", archive);
        GitRepo.Result r = repo.addAndCommit("binaries");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
    }

    @Test
    void acceptsPathsAllowedWithAReason() {
        GitRepo repo = GitRepo.init(dir);
        repo.write(".verdandi-allow", """
                # GLOB                REASON
                tests/fixtures/**     fake keys that the parser tests read
                example.env           documents the variables; values are fake
                """);
        repo.write("tests/fixtures/id_rsa", FakeLeaks.rsaPrivateKey());
        repo.write("tests/fixtures/nested/aws.ini", "key = " + FakeLeaks.awsAccessKeyId() + "\n");
        repo.write("docs/example.env", "DJANGO_DEBUG=1\n");
        GitRepo.Result r = repo.addAndCommit("fixtures");
        assertEquals(0, r.status(), r.output());
        assertEquals("""
                verdandi: this commit adds 2 entries to .verdandi-allow (CI's check --all lists them all):
                  tests/fixtures/**  fake keys that the parser tests read
                  example.env  documents the variables; values are fake
                """, r.stderr());

        repo.write("src/aws.ini", "key = " + FakeLeaks.awsAccessKeyId() + "\n");
        GitRepo.Result refused = repo.addAndCommit("not allowed");
        assertEquals(1, refused.status(), refused.output());
        assertContains(refused.stderr(), "  src/aws.ini\n    line 1: AWS access key id\n");
    }

    @Test
    void usesTheStagedAllowListNotTheWorkingTreeOne() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("tests/id_rsa", FakeLeaks.rsaPrivateKey());
        repo.write(".verdandi-allow", "tests/** fake keys\n"); // not staged
        repo.git("add", "tests/id_rsa");
        GitRepo.Result r = repo.run("commit", "-q", "-m", "key");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  tests/id_rsa\n    line 1: RSA private key (PEM)\n");
    }

    @Test
    void failsOnAllowEntryWithoutReason() {
        GitRepo repo = GitRepo.init(dir);
        repo.write(".verdandi-allow", "# fixtures\ntests/**\n");
        repo.write("tests/id_rsa", FakeLeaks.rsaPrivateKey());
        GitRepo.Result r = repo.addAndCommit("fixtures");
        assertEquals(1, r.status(), r.output()); // git reports a failed hook as 1 (the hook exits 2)
        assertContains(r.stderr(), "verdandi: cannot check for secrets:\n  .verdandi-allow line 2: 'tests/**' needs a"
                + " reason (GLOB REASON...");
        assertEquals(0, repo.commitCount());
    }

    @Test
    void acceptsCommitsWithNothingStaged() {
        GitRepo repo = GitRepo.init(dir);
        GitRepo.Result r = repo.run("commit", "-q", "--allow-empty", "-m", "empty");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
        repo.write("gone.txt", "x\n");
        assertEquals(0, repo.addAndCommit("add").status());
        repo.git("rm", "-q", "gone.txt");
        GitRepo.Result deletion = repo.run("commit", "-q", "-m", "delete");
        assertEquals(0, deletion.status(), deletion.output());
    }
}
