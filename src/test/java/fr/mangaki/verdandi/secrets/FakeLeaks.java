package fr.mangaki.verdandi.secrets;

/**
 * Strings shaped like real secrets (random-looking made-up values, and GitHub tokens with a
 * valid checksum), for the tests that check they are refused. They are built by
 * concatenation so that no line of this source holds a complete one; .verdandi-allow lists
 * this test tree anyway.
 */
public final class FakeLeaks {

    private FakeLeaks() {
    }

    private static final String BASE64_LINE = "MIIEowIBAAKCAQEAu7Vq3v1xJ8kXy2cQ5mTq0sLd" + "GfP9aZcW4nYhE2bRtUoK6jIl";

    public static String rsaPrivateKey() {
        return "-----BEGIN RSA " + "PRIVATE KEY-----\n" + BASE64_LINE + "\n" + BASE64_LINE + "\n"
                + "-----END RSA " + "PRIVATE KEY-----\n";
    }

    public static String pkcs8PrivateKey() {
        return "-----BEGIN " + "PRIVATE KEY-----\n" + BASE64_LINE + "\n-----END " + "PRIVATE KEY-----\n";
    }

    public static String openSshPrivateKey() {
        return "-----BEGIN OPENSSH " + "PRIVATE KEY-----\n" + "b3BlbnNzaC1rZXktdjEAAAAAFAKEFAKEFAKEFAKE" + "\n"
                + "-----END OPENSSH " + "PRIVATE KEY-----\n";
    }

    public static String pgpPrivateKeyBlock() {
        return "-----BEGIN PGP " + "PRIVATE KEY BLOCK-----\n\n" + "lFgEZ4Hb1cWCSsGAQQB2kcPAQEHQK8" + "xR2vN0mJt5sQ" + "\n=Xq3L\n"
                + "-----END PGP " + "PRIVATE KEY BLOCK-----\n";
    }

    public static String digitalOceanToken() {
        return "dop" + "_v1_" + "7c1e0f93b2a84d65" + "e9f0a1b2c3d4e5f6" + "0a9b8c7d6e5f4a3b" + "2c1d0e9f8a7b6c5d";
    }

    public static String slackWebhook() {
        return "https://hooks.slack.com" + "/services/T02AB3CD4/B05EF6GH7/" + "NQyyLaMeffOhq4AUvy7VSLDC";
    }

    public static String slackToken() {
        return "xox" + "b-2810937465-4820193746512-" + "Zq8Rst9UvW0xYz1Ab2Cd3Ef4";
    }

    public static String awsAccessKeyId() {
        return "AKIA" + "QYJXJUS9L1XG3UF8";
    }

    public static String awsSecretAccessKey() {
        return "aws_secret_access_key" + " = " + "ak6J0kGODKdinZnLXica" + "BAg8WY1jzIRlNQb0prFm";
    }

    /** A classic personal access token whose last six characters are the CRC32 of the rest, in base62. */
    public static String githubToken() {
        String random = "D1IfHWGbtMfEbo9Sh" + "FXNQ6Fq5axtjR";
        return "gh" + "p_" + random + base62Crc32(random);
    }

    public static String githubFineGrainedToken() {
        return "github" + "_pat_" + "uT11NCue1cr3McRTrKwtPY" + "_KbPizDmbX1rpXjYdOhCgOIPOZx9eR" + "mm0EqlTaWEITclorXwIS8HGNWkz2YS";
    }

    public static String databaseUrl() {
        return "postgres" + "://mangaki:" + "C29GFfm7sFog16" + "@db.example.org:5432/mangaki";
    }

    /** A 50-character key as Django's get_random_secret_key() makes them. */
    public static String djangoSecretKey() {
        return "29326@ml64^%lg2tjf8-^c#z2" + "&+%&k%a7edcmp#b3u2@m7o^s5";
    }

    public static String djangoSecretKeyLine() {
        return "SECRET" + "_KEY = '" + djangoSecretKey() + "'";
    }

    private static String base62Crc32(String random) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(random.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long v = crc.getValue();
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            out.insert(0, digits.charAt((int) (v % 62)));
            v /= 62;
        }
        return out.toString();
    }
}
