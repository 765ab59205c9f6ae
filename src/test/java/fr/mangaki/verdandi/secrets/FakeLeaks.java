package fr.mangaki.verdandi.secrets;

/**
 * Strings shaped like real secrets, obviously fake (FAKE, zeros, 0123...), for the tests that
 * check they are refused. They are built by concatenation so that no line of this source
 * holds a complete one; .verdandi-allow lists this test tree anyway.
 */
public final class FakeLeaks {

    private FakeLeaks() {
    }

    private static final String BASE64_LINE = "MIIEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE";

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
        return "-----BEGIN PGP " + "PRIVATE KEY BLOCK-----\n\n" + "lFgEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE" + "\n=FAKE\n"
                + "-----END PGP " + "PRIVATE KEY BLOCK-----\n";
    }

    public static String digitalOceanToken() {
        return "dop" + "_v1_" + "0123456789abcdef".repeat(4);
    }

    public static String slackWebhook() {
        return "https://hooks.slack.com" + "/services/T00000000/B00000000/" + "FAKEFAKEFAKEFAKEFAKEFAKE";
    }

    public static String slackToken() {
        return "xox" + "b-000000000000-0000000000000-" + "FAKEFAKEFAKEFAKEFAKEFAKE";
    }

    public static String awsAccessKeyId() {
        return "AKIA" + "FAKEFAKEFAKEFAKE";
    }

    public static String awsSecretAccessKey() {
        return "aws_secret_access_key" + " = " + "fake".repeat(10);
    }

    public static String githubToken() {
        return "gh" + "p_" + "FAKE".repeat(9);
    }

    public static String githubFineGrainedToken() {
        return "github" + "_pat_" + "11FAKE0000_" + "FAKE".repeat(12);
    }

    public static String databaseUrl() {
        return "postgres" + "://mangaki:" + "not-a-real-password" + "@db.example.org:5432/mangaki";
    }

    public static String djangoSecretKeyLine() {
        return "SECRET" + "_KEY = '" + "fake-django-secret-key-".repeat(3) + "'";
    }
}
