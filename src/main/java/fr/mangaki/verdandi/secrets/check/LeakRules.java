package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.check.LeakRule.Example;
import fr.mangaki.verdandi.secrets.check.LeakRule.Hit;
import fr.mangaki.verdandi.secrets.check.LeakRule.Trigger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static fr.mangaki.verdandi.secrets.check.LeakRule.regex;

/**
 * Finds secret material in a file's content, by a table of rules ({@link #RULES}, one
 * {@link LeakRule} per row, each with its own examples): private keys (PEM, OpenSSH, PGP,
 * PuTTY, base64-encoded, assembled from string pieces, indented), binary key stores, password
 * files, the tokens of DigitalOcean, Slack, AWS, GitHub (checksum verified), GitLab, npm,
 * PyPI, Stripe, SendGrid and Google by their real shapes, Docker registry credentials,
 * database URLs with a password, and any secret-looking name given a literal that looks like
 * a password or a generated key ({@link Assignments}: Python, YAML, TOML, JSON, INI,
 * Dockerfiles, shell and env files, whatever the quoting).
 *
 * <p>What is not a leak: values read from the environment or templated ({@code ${X}},
 * {@code {{ x }}}, {@code %(x)s}), placeholders and documented examples
 * ({@code change-me}, {@code your-secret-key-here}, {@code xxxx}, AWS's {@code ...EXAMPLE}
 * keys, Slack's {@code XXXX} webhook, Stripe's documentation key), Django's
 * {@code django-insecure-} development keys, local services' defaults
 * ({@code postgres:postgres@localhost}), SOPS-encrypted values ({@code ENC[...]}).
 *
 * <p>Text is read as is, UTF-16 decoded; binary files are reduced to their printable runs,
 * where the token rules still run ({@link Contents}).
 *
 * <p>To add a rule, add a row: its triggers, its detector and its examples; the one pass
 * that finds the triggers, the scan and the tests follow from the table.
 */
public final class LeakRules {

    private LeakRules() {
    }

    /** The minimum length of a Django {@code SECRET_KEY} literal considered a real key (Django's are 50). */
    static final int MIN_SECRET_KEY_LENGTH = 16;

    /** The id of the rule on secret-looking names: its finding gives way to a more precise one on the same line. */
    static final String SECRET_ASSIGNMENT = "secret-assignment";

    private static final String B64_BODY = "MIIEowIBAAKCAQEAu7Vq3v1xJ8kXy2cQ5mTq0sLdGfP9aZcW4nYhE2bRtUoK6jIl";
    private static final String DJANGO_KEY = "29326@ml64^%lg2tjf8-^c#z2&+%&k%a7edcmp#b3u2@m7o^s5";
    // the examples are constants (no code runs to build the table when the hook starts)
    /** A classic token whose last six characters are the base62 CRC32 of the 30 before. */
    private static final String GH_TOKEN = "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";
    /** An npm token, with the same checksum. */
    private static final String NPM_TOKEN = "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";
    /** The base64 of an RSA private key (B64_BODY in PEM). */
    private static final String RSA_KEY_BASE64 = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBdTdWcTN2MXhKOGtYeTJjUTVtVHEwc0xkR2ZQOWFaY1c0blloRTJiUnRVb0s2aklsCi0tLS0tRU5EIFJTQSBQUklWQVRFIEtFWS0tLS0tCg==";
    /** The base64 of a certificate (B64_BODY in PEM). */
    private static final String CERTIFICATE_BASE64 = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUVvd0lCQUFLQ0FRRUF1N1ZxM3YxeEo4a1h5MmNRNW1UcTBzTGRHZlA5YVpjVzRuWWhFMmJSdFVvSzZqSWwKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=";

    /** The rules, one row each. */
    public static final List<LeakRule> RULES = List.of(
            new LeakRule("private-key", Finding.Kind.PRIVATE_KEY, "private key (PEM)",
                    List.of(Trigger.of("-----BEGIN "), Trigger.of("PRIVATE ")), true,
                    Detectors::privateKeys,
                    List.of(ex("id_rsa", "-----BEGIN RSA PRIVATE KEY-----\n" + B64_BODY + "\n-----END RSA PRIVATE KEY-----\n"),
                            ex("key.pem", "-----BEGIN PRIVATE KEY-----\n" + B64_BODY + "\n-----END PRIVATE KEY-----\n"),
                            ex("id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"),
                            ex("sa.json", "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + B64_BODY + "\\n\"}"),
                            ex("ops.key", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBF4Hb1cBEADQxyz0123456789abcd\n"),
                            ex("old.key", "-----BEGIN PGP SECRET KEY BLOCK-----\nVersion: GnuPG v1\n\nlQdGBF4Hb1cBEADQxyz0123456789abcd\n"),
                            ex("cloud-init.yaml", "write_files:\n  - path: /root/.ssh/id_ed25519\n    content: |\n"
                                    + "      -----BEGIN OPENSSH PRIVATE KEY-----\n      b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"),
                            ex("keys.py", "KEY = (\"-----BEGIN RSA \" \"PRIVATE KEY-----\\n\"\n       \"" + B64_BODY + "\\n\")\n"),
                            ex("keys.js", "const key = '-----BEGIN RSA ' + 'PRIVATE KEY-----\\n' + '" + B64_BODY + "';\n"),
                            ex("tls.key", "-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + B64_BODY + "\n")),
                    List.of(ex("doc.md", "A key starts with -----BEGIN OPENSSH PRIVATE KEY----- and ends...\n"),
                            ex("Check.java", "if (line.startsWith(\"-----BEGIN RSA PRIVATE KEY-----\")) {\n}\n"),
                            ex("cert.pem", "-----BEGIN CERTIFICATE-----\n" + B64_BODY + "\n-----END CERTIFICATE-----\n"),
                            ex("id_rsa.pub", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 alice@laptop\n"))),
            new LeakRule("private-key-base64", Finding.Kind.PRIVATE_KEY, "base64-encoded private key",
                    List.of(Trigger.of("LS0tLS1CRUdJTi")), true,
                    Detectors::base64PrivateKeys,
                    List.of(ex("secret.yaml", "data:\n  tls.key: " + RSA_KEY_BASE64 + "\n")),
                    List.of(ex("configmap.yaml", "data:\n  ca.crt: " + CERTIFICATE_BASE64 + "\n"))),
            new LeakRule("putty-private-key", Finding.Kind.PRIVATE_KEY, "PuTTY private key",
                    List.of(Trigger.of("PuTTY-User-Key-File-")), true,
                    regex("PuTTY-User-Key-File-[0-9]+: [\\s\\S]{0,3000}?Private-Lines: [0-9]+", m -> "PuTTY private key"),
                    List.of(ex("k.ppk", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 2\nAAAA\nAAAA\n"
                            + "Private-Lines: 1\nAAAA\n")),
                    List.of(ex("doc.md", "PuTTY key files start with PuTTY-User-Key-File-3: and a key type.\n"))),
            new LeakRule("password-file", Finding.Kind.CREDENTIAL, "password file", List.of(), false,
                    Detectors::passwordFiles,
                    List.of(ex(".pgpass", "db.mangaki.fr:5432:mangaki:mangaki:C29GFfm7sFog16\n"),
                            ex("deploy/.netrc", "machine api.example.org\n  login deploy\n  password C29GFfm7sFog16\n")),
                    List.of(ex(".pgpass", "localhost:5432:*:postgres:postgres\n"),
                            ex(".netrc", "machine example.org login me password ${NETRC_PASSWORD}\n"))),
            new LeakRule("digitalocean-token", Finding.Kind.CREDENTIAL, "DigitalOcean token",
                    List.of(Trigger.of("_v1_")), true,
                    regex("(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])", m -> "DigitalOcean token"),
                    List.of(ex("provider.tf", "token = \"dop_v1_01ef56e64dc3cd6089065c3146e80a9c222670bbe4f4c54977656cf2d133187c\"\n")),
                    List.of(ex("doc.md", "Tokens look like dop_v1_... (64 hexadecimal digits).\n"),
                            ex("a", "xdop_v1_01ef56e64dc3cd6089065c3146e80a9c222670bbe4f4c54977656cf2d133187c"))),
            new LeakRule("digitalocean-spaces-key", Finding.Kind.CREDENTIAL, "DigitalOcean Spaces access key",
                    List.of(Trigger.of("DO")), true,
                    regex("(?<![A-Za-z0-9/+])DO([0-9A-Z]{18})(?![A-Za-z0-9/+=])",
                            m -> m.group(1).chars().filter(Character::isDigit).count() >= 2
                                    && m.group(1).chars().filter(Character::isLetter).count() >= 2
                                    && m.group(1).chars().distinct().count() >= 8
                                    && !m.group().endsWith("EXAMPLE") ? "DigitalOcean Spaces access key" : null),
                    List.of(ex(".s3cfg", "[default]\naccess_key = DOQ05S7LEIO49ERNNBER\n"),
                            ex("settings.py", "AWS_ACCESS_KEY_ID = 'DOQ05S7LEIO49ERNNBER'\n")),
                    List.of(ex("notes.txt", "TODO: DOCUMENTATIONSECTIONS in the manual\n"),
                            ex("doc.md", "An access key looks like DO00XXXXXXXXXXXXXXXX.\n"))),
            new LeakRule("slack-webhook", Finding.Kind.CREDENTIAL, "Slack webhook URL",
                    List.of(Trigger.of("hooks.slack.com/")), true,
                    regex("https://hooks\\.slack\\.com/(?:services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/([A-Za-z0-9]{16,})"
                            + "|(?:workflows|triggers)/T[A-Z0-9]{6,}/([A-Za-z0-9/]{20,}))",
                            m -> Values.isPlaceholder(m.group(1) != null ? m.group(1) : m.group(2)) ? null : "Slack webhook URL"),
                    List.of(ex("notify.py", "URL = \"https://hooks.slack.com/services/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\"\n")),
                    List.of(ex("doc.md", "https://hooks.slack.com/services/T000/B000/XXXX\n"),
                            ex("README.md", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n"))),
            new LeakRule("slack-token", Finding.Kind.CREDENTIAL, "Slack token",
                    List.of(Trigger.of("xox"), Trigger.of("xapp-")), true,
                    regex("(?<![A-Za-z0-9])(?:(?:xoxe\\.)?xox[abposer]-[0-9A-Za-z][0-9A-Za-z-]{18,}"
                            + "|xapp-[0-9]+-[A-Z0-9]+-[0-9]+-[a-f0-9]{16,})",
                            m -> Values.isPlaceholder(m.group().substring(5)) ? null : "Slack token"),
                    List.of(ex("bot.js", "const token = 'xoxb-2810937465-4820193746512-NQyyLaMeffOhq4AUvy7VSLDC';\n"),
                            ex("app.txt", "xapp-1-A02B3C4D5E6-2810937465123-39b8868767611088d013782257bffb6a\n"),
                            ex("refresh.json", "{\"refresh_token\": \"xoxe.xoxp-1-Mi0yLTI4MTA5Mzc0NjUtNDgyMDE5Mzc0NjUxMi1OUXl5TGFN\"}\n"),
                            ex("rotate.txt", "xoxe-1-My0xLTI4MTA5Mzc0NjUtNDgyMDE5Mzc0NjUxMi1OUXl5TGFNZWZm\n")),
                    List.of(ex("doc.md", "Bot tokens start with xoxb-... and app tokens with xapp-.\n"),
                            ex("doc.md", "SLACK_BOT_TOKEN=xoxb-your-bot-token-here\n"),
                            ex("doc.md", "xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX\n"))),
            new LeakRule("aws-access-key-id", Finding.Kind.CREDENTIAL, "AWS access key id",
                    List.of(Trigger.of("AKIA"), Trigger.of("ASIA"), Trigger.of("ABIA"), Trigger.of("ACCA")), true,
                    regex("(?<![A-Za-z0-9/+])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9/+=])",
                            m -> m.group().endsWith("EXAMPLE") ? null : "AWS access key id"),
                    List.of(ex("credentials.ini", "[default]\naws_access_key_id = AKIAQYJXJUS9L1XG3UF8\n")),
                    List.of(ex("doc.md", "AWS's documented example key is AKIAIOSFODNN7EXAMPLE.\n"),
                            ex("yarn.lock", "integrity sha512-AKIAQYJXJUS9L1XG3UF80123+abc=\n"))),
            new LeakRule("aws-secret-access-key", Finding.Kind.CREDENTIAL, "AWS secret access key",
                    List.of(Trigger.anyCase("secret_access"), Trigger.anyCase("secretaccess")), true,
                    regex("(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])",
                            m -> m.group(1).contains("EXAMPLE") ? null : "AWS secret access key"),
                    List.of(ex("credentials.ini", "aws_secret_access_key = ak6J0kGODKdinZnLXicaBAg8WY1jzIRlNQb0prFm\n"),
                            ex("app.json", "{\"awsSecretAccessKey\": \"ak6J0kGODKdinZnLXicaBAg8WY1jzIRlNQb0prFm\"}\n")),
                    List.of(ex("doc.md", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"))),
            new LeakRule("github-token", Finding.Kind.CREDENTIAL, "GitHub token",
                    List.of(Trigger.of("ghp_"), Trigger.of("gho_"), Trigger.of("ghu_"), Trigger.of("ghs_"), Trigger.of("ghr_")),
                    true,
                    regex("(?<![A-Za-z0-9_])gh[pousr]_([A-Za-z0-9]{36})(?![A-Za-z0-9_])",
                            m -> TokenChecksums.valid(m.group(1)) ? "GitHub token" : null),
                    List.of(ex("release.sh", "curl -H \"Authorization: token " + GH_TOKEN + "\" https://api.github.com/\n")),
                    List.of(ex("doc.md", "Classic tokens start with ghp_short.\n"),
                            ex("doc.md", "gho_16C7e42F292c6912E7710c838347Ae178B4a (GitHub's documentation example)\n"),
                            ex("a", "mangaki_" + GH_TOKEN))),
            new LeakRule("github-fine-grained-token", Finding.Kind.CREDENTIAL, "GitHub token",
                    List.of(Trigger.of("github_pat_")), true,
                    regex("(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])", m -> "GitHub token"),
                    List.of(ex("deploy.yml", "GH_TOKEN: github_pat_uT11NCue1cr3McRTrKwtPY_"
                            + "KbPizDmbX1rpXjYdOhCgOIPOZx9eRmm0EqlTaWEITclorXwIS8HGNWkz2YS\n")),
                    List.of(ex("doc.md", "Fine-grained tokens start with github_pat_ and are 93 characters long.\n"))),
            new LeakRule("gitlab-token", Finding.Kind.CREDENTIAL, "GitLab token",
                    List.of(Trigger.of("glpat-")), true,
                    regex("(?<![A-Za-z0-9_])glpat-[0-9A-Za-z_-]{20}(?![A-Za-z0-9_-])",
                            m -> Values.isPlaceholder(m.group().substring(6)) ? null : "GitLab token"),
                    List.of(ex(".gitlab-ci.yml", "variables:\n  TOKEN: glpat-Cl0Xq56zaWR7PAmpBFXl\n")),
                    List.of(ex("doc.md", "glpat-xxxxxxxxxxxxxxxxxxxx\n"))),
            new LeakRule("npm-token", Finding.Kind.CREDENTIAL, "npm token",
                    List.of(Trigger.of("npm_")), true,
                    regex("(?<![A-Za-z0-9_])npm_([A-Za-z0-9]{36})(?![A-Za-z0-9_])",
                            m -> Values.isPlaceholder(m.group(1)) || Values.looksLikeWords(m.group(1)) ? null : "npm token"),
                    List.of(ex(".npmrc", "//registry.npmjs.org/:_authToken=" + NPM_TOKEN + "\n")),
                    List.of(ex(".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"),
                            ex("doc.md", "npm_config_cache_dir_is_not_a_token_at_all_xx\n"))),
            new LeakRule("pypi-token", Finding.Kind.CREDENTIAL, "PyPI token",
                    List.of(Trigger.of("pypi-AgE")), true,
                    regex("pypi-AgE[A-Za-z0-9_-]{50,}", m -> "PyPI token"),
                    List.of(ex(".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCJD"
                            + "NPHcSke4R1J_dBi2ewQr8t4-lC4LvGNWAMsI-z0oaWdfZp_lvi60ZIF8-qR38Ony1dHqce\n")),
                    List.of(ex(".pypirc", "[pypi]\nusername = __token__\npassword = pypi-AgE...\n"))),
            new LeakRule("stripe-key", Finding.Kind.CREDENTIAL, "Stripe secret key",
                    List.of(Trigger.of("sk_live_"), Trigger.of("rk_live_"), Trigger.of("sk_test_"), Trigger.of("rk_test_"),
                            Trigger.of("whsec_")), true,
                    regex("(?<![A-Za-z0-9_])(?:[sr]k_(?:live|test)_[0-9A-Za-z]{24,}|whsec_[0-9A-Za-z]{32,})(?![A-Za-z0-9_])",
                            m -> Detectors.STRIPE_DOCUMENTATION_KEYS.contains(m.group()) || Values.isPlaceholder(m.group().substring(8))
                                    ? null : "Stripe secret key"),
                    List.of(ex("payments.py", "stripe.api_key = \"sk_live_mjoaRsuUwpNFgFULh2GNqTmS\"\n"),
                            ex("settings.py", "STRIPE_WEBHOOK_SECRET = 'whsec_hn3dwHjhxCiQADMqOLRAxXVH0i8sUipE'\n")),
                    List.of(ex("doc.md", "stripe.api_key = \"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"  # Stripe's documentation key\n"),
                            ex("doc.md", "STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n"))),
            new LeakRule("sendgrid-key", Finding.Kind.CREDENTIAL, "SendGrid API key",
                    List.of(Trigger.of("SG.")), true,
                    regex("(?<![A-Za-z0-9_])SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])", m -> "SendGrid API key"),
                    List.of(ex("settings.py", "SENDGRID_API_KEY = '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'\n")),
                    List.of(ex("doc.md", "SendGrid keys look like SG.xxxx.yyyy\n"))),
            new LeakRule("google-api-key", Finding.Kind.CREDENTIAL, "Google API key",
                    List.of(Trigger.of("AIza")), true,
                    regex("(?<![A-Za-z0-9_])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])", m -> "Google API key"),
                    List.of(ex("maps.js", "const key = 'AIzaRBZxjX-BpYconEG4ZgzWbmHGJR1m4jfXuX8';\n")),
                    List.of(ex("doc.md", "Google API keys start with AIza.\n"))),
            new LeakRule("google-oauth-secret", Finding.Kind.CREDENTIAL, "Google OAuth client secret",
                    List.of(Trigger.of("GOCSPX-")), true,
                    regex("GOCSPX-[0-9A-Za-z_-]{28}(?![A-Za-z0-9_-])", m -> "Google OAuth client secret"),
                    List.of(ex("client_secret.json", "{\"web\": {\"client_secret\": \"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\"}}\n")),
                    List.of(ex("doc.md", "Client secrets start with GOCSPX-.\n"))),
            new LeakRule("docker-registry-auth", Finding.Kind.CREDENTIAL, "Docker registry credentials",
                    List.of(Trigger.of("\"auth\"")), true,
                    regex("\"auth\"\\s*:\\s*\"([A-Za-z0-9+/]{8,}={0,2})\"",
                            m -> Detectors.isUserColonPassword(m.group(1)) ? "Docker registry credentials" : null),
                    List.of(ex(".docker/config.json", "{\"auths\": {\"registry.digitalocean.com\": {\"auth\": \""
                            + "ZGVwbG95OnZGVmkxM2VaaENaME4xWFhuQ0JW\"}}}\n")),
                    List.of(ex("config.json", "{\"auths\": {\"ghcr.io\": {}}, \"credsStore\": \"desktop\"}\n"),
                            ex("config.json", "{\"auths\": {\"r.example.org\": {\"auth\": \"dXNlcjpwYXNzd29yZA==\"}}}\n"))),
            new LeakRule("database-url", Finding.Kind.CREDENTIAL, "database URL with a password",
                    List.of(Trigger.of("://")), true,
                    Detectors::databaseUrls,
                    List.of(ex("settings.py", "url = 'postgresql+psycopg2://app:Xy7-pass@db/app'\n"),
                            ex("cache.yaml", "redis://:longredispassword@cache:6379/0\n"),
                            ex(".env.prod.txt", "DATABASE_URL=postgres://mangaki:%40C29GFfm7sFog16@db.mangaki.fr/mangaki\n"),
                            ex("mail.py", "EMAIL_URL = 'smtp://mail:C29GFfm7sFog16@smtp.example.org:587'\n")),
                    List.of(ex("a", "postgres://mangaki:${DB_PASSWORD}@localhost/mangaki\n"),
                            ex("a", "https://user:token@example.org/repo.git\n"),
                            ex("a", "postgres://user:%(password)s@localhost/db\n"),
                            ex(".github/workflows/ci.yml", "DATABASE_URL: postgres://postgres:postgres@localhost:5432/test\n"),
                            ex("ci.yml", "BROKER_URL: amqp://guest:guest@localhost:5672//\n"),
                            ex("settings.py", "DATABASE_URL = 'postgres://mangaki:mangaki@db/mangaki'\n"))),
            new LeakRule(SECRET_ASSIGNMENT, Finding.Kind.CREDENTIAL, "literal secret value", List.of(
                    Trigger.anyCase("secret"), Trigger.anyCase("passw"), Trigger.anyCase("pwd"), Trigger.anyCase("token"),
                    Trigger.anyCase("credential"), Trigger.anyCase("auth"), Trigger.anyCase("key"),
                    Trigger.anyCase("pass")), false,
                    Detectors::secretAssignments,
                    List.of(ex("settings.py", "SECRET_KEY = '" + DJANGO_KEY + "'\n"),
                            ex("settings.py", "SECRET_KEY: str = \"" + DJANGO_KEY + "\"\n"),
                            ex("settings.py", "SECRET_KEY = \"\"\"" + DJANGO_KEY + "\"\"\"\n"),
                            ex("settings.py", "SECRET_KEY = (\"29326@ml64^%lg2tjf8-^c#z2\"\n              \"&+%&k%a7edcmp#b3u2@m7o^s5\")\n"),
                            ex("settings.py", "SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', '" + DJANGO_KEY + "')\n"),
                            ex("settings.py", "SECRET_KEY = env('DJANGO_SECRET_KEY', default='" + DJANGO_KEY + "')\n"),
                            ex("settings.py", "SECRET_KEY = '%x9kq2m!v7d@b3^z&w5p#t8r0n6c1y4h-j_e=f+g(s)'\n"),
                            ex("Dockerfile", "FROM python:3.12\nENV DJANGO_SECRET_KEY=" + DJANGO_KEY + "\n"),
                            ex("Dockerfile", "FROM python:3.12\nENV DJANGO_SECRET_KEY " + DJANGO_KEY + "\n"),
                            ex("docker-compose.yml", "services:\n  web:\n    environment:\n      - DJANGO_SECRET_KEY=" + DJANGO_KEY + "\n"),
                            ex("group_vars/all.yml", "django_secret_key: \"" + DJANGO_KEY + "\"\n"),
                            ex("settings.py", "DATABASES = {'default': {'NAME': 'mangaki', 'PASSWORD': 'C29GFfm7sFog16'}}\n"),
                            ex("settings.py", "EMAIL_HOST_PASSWORD = 'C29GFfm7sFog16'\n"),
                            ex("config.toml", "[database]\npassword = \"C29GFfm7sFog16\"\n"),
                            ex("app.ini", "[mail]\npassword = C29GFfm7sFog16\n"),
                            ex("config.json", "{\"api_token\": \"hn3dwHjhxCiQADMqOLRAxXVH0i8sUipE\"}\n"),
                            ex("deploy.sh", "export SPACES_SECRET_KEY=05FhfwKVqlUr5Qrec8TNecj9iNOrjj5VfqRTk8j1d+b\n"),
                            ex(".s3cfg", "[default]\nsecret_key = 05FhfwKVqlUr5Qrec8TNecj9iNOrjj5VfqRTk8j1d+b\n"),
                            ex("settings.py", "AWS_SECRET_ACCESS_KEY = '05FhfwKVqlUr5Qrec8TNecj9iNOrjj5VfqRTk8j1d+b'\n"),
                            ex("settings.py", "MAILGUN_KEY = '39b8868767611088d013782257bffb6a'\n"),
                            ex("dump.sh", "export PGPASSWORD='SoDSdN8vC.6EyVSD'\npg_dump mangaki\n"),
                            ex("gunicorn.service", "[Service]\nEnvironment=\"DJANGO_SECRET_KEY=l1(9p2vr+3rgvs54*mn^m3s)*)o1\"\n"),
                            ex("app.yaml", "database:\n  password: MFqHQmVU-XhJWGw-\n")),
                    List.of(ex("settings.py", "SECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n"),
                            ex("backup-install", "printf '%s ALL=(root) NOPASSWD: %s/env-backup %s --before-migrate *\\n' \"$U\" \"$D\" \"$N\"\n"),
                            ex("sudoers.d/deploy", "deploy ALL=(root) NOPASSWD: /usr/local/lib/verdandi/env-backup\n"),
                            ex("settings.py", "SECRET_KEY = 'django-insecure-5f1e9c0a7b3d2e4f6a8b'\n"),
                            ex("settings.py", "SECRET_KEY = 'changeme'\n"),
                            ex("settings.py", "SECRET_KEY = 'your-secret-key-here-change-me-in-production'\n"),
                            ex("settings.py", "SECRET_KEY = DEFAULT_SECRET_KEY_FROM_VAULT\n"),
                            ex("settings.ini", "[secrets]\nSECRET_KEY = ${DJANGO_SECRET_KEY}\n"),
                            ex("settings.py", "AUTH_PASSWORD_VALIDATORS = [{'NAME': 'UserAttributeSimilarityValidator'}]\n"),
                            ex("settings.py", "PASSWORD_RESET_TIMEOUT = 259200\n"),
                            ex("settings.py", "AUTH_USER_MODEL = 'accounts.CustomUserModelName'\n"),
                            ex("test_settings.py", "DATABASES = {'default': {'USER': 'postgres', 'PASSWORD': 'postgres'}}\n"),
                            ex("forms.py", "password = forms.CharField(widget=forms.PasswordInput)\n"),
                            ex("login.html", "<input type=\"password\" name=\"password\" autocomplete=\"current-password\">\n"),
                            ex("secrets.enc.yaml", "password: ENC[AES256_GCM,data:Tr7o=,iv:1=,tag:2=,type:str]\n"),
                            ex("README.md", "Set `DJANGO_SECRET_KEY` to a random string of 50 characters.\n"),
                            ex("models.py", "cache_key = 'user-profile-%s-%s-v2'\n"),
                            ex("settings.py", "STRIPE_PUBLISHABLE_KEY = 'pk_live_mjoaRsuUwpNFgFULh2GNqTmS'\n"),
                            ex("rules.md", "| `digitalocean-token`, `digitalocean-spaces-key` | tokens |\n"),
                            ex("Names.java", "Set<String> LAST = Set.of(\"token\", \"credential\", \"apikey\");\n"),
                            ex("schema.json", "{\"apiKeys\": \"array<object<digitalocean:index/GenaiAgentApiKey:GenaiAgentApiKey>>\"}\n"),
                            ex("extract", "#!/usr/bin/env python3\ntoken = ref[len(\"#/types/\"):]\n"),
                            ex("nginx.conf", "ssl_certificate_key /etc/letsencrypt/live/mangaki.fr/privkey.pem;\n"))));

    /** Which rules can match a content, found in one pass (built from the table). */
    private static final TriggerTable TRIGGERS = new TriggerTable(RULES);

    private static Example ex(String path, String content) {
        return new Example(path, content);
    }

    /** Whether git would call this content binary (a NUL byte in the first 8000 bytes). */
    public static boolean isBinary(byte[] content) {
        return Contents.isBinary(content);
    }

    /** Every leak in {@code content}, in line order (line 0 for binary content). */
    public static List<Leak> scan(String path, byte[] content) {
        List<Leak> leaks = new ArrayList<>();
        String store = Contents.binaryKeyStore(content);
        if (store != null) {
            leaks.add(new Leak(Finding.Kind.PRIVATE_KEY, store, 0, "key-store"));
            return leaks;
        }
        Contents.Decoded decoded = Contents.decode(content);
        boolean binary = decoded.form() == Contents.Form.BINARY;
        byte[] bytes = decoded.form() == Contents.Form.TEXT ? content
                : decoded.text().getBytes(StandardCharsets.ISO_8859_1);
        long triggered = TRIGGERS.find(bytes);
        if (triggered == 0) {
            return leaks;
        }
        String text = decoded.form() == Contents.Form.TEXT ? new String(content, StandardCharsets.ISO_8859_1) : decoded.text();
        Lines lines = new Lines(text);
        for (int r = 0; r < RULES.size(); r++) {
            LeakRule rule = RULES.get(r);
            if ((triggered & (1L << r)) != 0 && (!binary || rule.inBinary())) {
                rule.detector().find(path, text, new Collector(rule, binary, lines, leaks));
            }
        }
        // a precise finding wins over the generic one on the same line
        leaks.removeIf(l -> l.rule().equals(SECRET_ASSIGNMENT)
                && leaks.stream().anyMatch(o -> o != l && o.line() == l.line() && !o.rule().equals(SECRET_ASSIGNMENT)));
        leaks.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return leaks;
    }

    /** Turns a rule's hits into leaks (a plain class: the hook starts faster without lambdas). */
    private static final class Collector implements java.util.function.Consumer<Hit> {
        private final LeakRule rule;
        private final boolean binary;
        private final Lines lines;
        private final List<Leak> leaks;

        Collector(LeakRule rule, boolean binary, Lines lines, List<Leak> leaks) {
            this.rule = rule;
            this.binary = binary;
            this.lines = lines;
            this.leaks = leaks;
        }

        @Override
        public void accept(Hit hit) {
            leaks.add(new Leak(rule.kind(), hit.reason(), binary ? 0 : lines.of(hit.offset()), rule.id()));
        }
    }

    /** Line numbers of offsets, from an index of the line breaks made when a first line is asked. */
    private static final class Lines {
        private final String text;
        private int[] breaks;

        Lines(String text) {
            this.text = text;
        }

        private void index() {
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            breaks = new int[n];
            int k = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    breaks[k++] = i;
                }
            }
        }

        int of(int offset) {
            if (breaks == null) {
                index();
            }
            int i = Arrays.binarySearch(breaks, offset);
            return (i < 0 ? -i - 1 : i) + 1;
        }
    }
}
