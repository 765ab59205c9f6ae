package fr.mangaki.verdandi.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code verdandi} command line: parses, routes and prints; the work lives in the
 * library packages.
 */
@Command(
        name = "verdandi",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Mangaki's infrastructure: offline plans, cloud-init rendering and PGP secrets.",
        subcommands = {
                CommandLine.HelpCommand.class,
                PlanCommand.class,
                RenderCommand.class,
                SecretsCommand.class,
        })
public final class VerdandiCli implements Runnable {

    /** Exit status for invalid input or configuration (nothing was done). */
    public static final int EXIT_INVALID = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with Verdandi's conventions (exit 2 on usage errors). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VerdandiCli());
        cli.setExitCodeExceptionMapper(e -> EXIT_INVALID);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("verdandi: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_INVALID;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
