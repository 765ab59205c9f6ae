package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.secrets.SecretsException;
import fr.mangaki.verdandi.secrets.check.CheckReport;
import fr.mangaki.verdandi.secrets.check.SecretsCheck;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code verdandi secrets check [--staged|--all]}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Refuses plaintext secrets in git's index: env files in clear (by name or content), anything"
                + " under secrets/ that is not one well-formed, integrity-protected OpenPGP message encrypted to"
                + " exactly the current recipients (or a public key), and secret material in any file (private"
                + " keys, tokens of DigitalOcean, Slack, AWS, GitHub, GitLab, npm, PyPI, Stripe, SendGrid, Google,"
                + " database URLs with a password, secret-looking names given literal values).",
                "Paths matched by .verdandi-allow (GLOB REASON per line; no wildcard entries) are skipped; --all lists"
                        + " them with their reasons.",
                "Exit status: 0 nothing found (silent), 1 refused (every path, reason and fix on stderr),"
                        + " 2 cannot check."})
final class SecretsCheckCommand implements Callable<Integer> {

    @ParentCommand
    SecretsCommand parent;

    @ArgGroup(exclusive = true)
    Scope scope;

    static final class Scope {
        @Option(names = "--staged", description = "Check the files staged for the next commit (default).")
        boolean staged;

        @Option(names = "--all", description = "Check every file in the index (as CI does).")
        boolean all;
    }

    @Override
    public Integer call() {
        SecretsCommand.Context ctx = parent.context();
        SecretsCheck.Scope s = scope != null && scope.all ? SecretsCheck.Scope.ALL : SecretsCheck.Scope.STAGED;
        try {
            CheckReport report = new SecretsCheck(ctx.workingDirectory(), ctx.pgp()).run(s);
            ctx.err().print(report.render(ctx.command()));
            ctx.err().flush();
            return report.exitStatus();
        } catch (SecretsException e) {
            ctx.err().println("verdandi: cannot check for secrets: " + e.getMessage());
            return CheckReport.ERROR;
        }
    }
}
