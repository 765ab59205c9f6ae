package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.SecretsException;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The git hook's entry point, kept small so that a commit pays only for what it uses (no
 * command-line framework, no Pulumi; Bouncy Castle only when an OpenPGP file is staged):
 *
 * <pre>
 * java -cp ... fr.mangaki.verdandi.secrets.check.CheckMain [--staged|--all] [--command VERDANDI]
 * </pre>
 *
 * Checks the repository of the working directory. Prints nothing and exits 0 when nothing is
 * found; otherwise lists every refused path with its reasons and fixes on stderr and exits
 * 1; exits 2 when it cannot check (not a repository, bad {@code .verdandi-allow}...).
 * {@code --command} is how the fixes name Verdandi (default {@code verdandi}).
 */
public final class CheckMain {

    private CheckMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(""), System.err));
    }

    /** Runs the check and returns the exit status. */
    public static int run(String[] args, Path directory, PrintStream err) {
        SecretsCheck.Scope scope = SecretsCheck.Scope.STAGED;
        String command = "verdandi";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--staged" -> scope = SecretsCheck.Scope.STAGED;
                case "--all" -> scope = SecretsCheck.Scope.ALL;
                case "--command" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--command needs a value");
                    }
                    command = args[++i];
                }
                default -> {
                    return usage(err, "unknown argument '" + args[i] + "'");
                }
            }
        }
        try {
            CheckReport report = new SecretsCheck(directory.toAbsolutePath(), Pgp::bouncyCastle).run(scope);
            err.print(report.render(command));
            err.flush();
            return report.exitStatus();
        } catch (SecretsException e) {
            err.println("verdandi: cannot check for secrets: " + e.getMessage());
            return CheckReport.ERROR;
        } catch (NoClassDefFoundError e) {
            err.println("verdandi: cannot check for secrets: Bouncy Castle is missing from the class path ("
                    + e.getMessage() + ")");
            return CheckReport.ERROR;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("verdandi: " + problem);
        err.println("usage: CheckMain [--staged|--all] [--command VERDANDI]");
        return CheckReport.ERROR;
    }
}
