package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.Program;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.stack.StackFile;
import fr.mangaki.verdandi.stack.StackSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verdandi render}: prints what Verdandi generates for the hosts. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Prints what Verdandi generates for the hosts.",
        subcommands = {RenderCommand.CloudInitCommand.class, CommandLine.HelpCommand.class})
public final class RenderCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code verdandi render cloud-init}: a droplet's exact user data. */
    @Command(name = "cloud-init", mixinStandardHelpOptions = true,
            description = {"Prints the exact cloud-init user data a platform stack's droplet boots with "
                    + "(the droplet's userData in the plan). It carries no secret.",
                    "Exit status: 0 printed, 2 invalid configuration or a guest stack (which has no droplets)."})
    static final class CloudInitCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        static final class Target {
            @Option(names = "--stack", paramLabel = "NAME", description = "the stack, read from Pulumi.NAME.yaml")
            String stack;

            @Option(names = "--stack-file", paramLabel = "PATH", description = "a stack file Pulumi.<stack>.yaml")
            Path stackFile;
        }

        @Option(names = "--host", required = true, paramLabel = "front|app",
                description = "which droplet: front (NGINX) or app (gunicorn, PostgreSQL)")
        String host;

        @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
                description = "the directory of the stack files (default: ${DEFAULT-VALUE})")
        Path projectDir;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            HostRole role;
            try {
                role = HostRole.valueOf(host.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                err.println("verdandi: --host: \"" + host + "\" is not one of front, app");
                err.flush();
                return VerdandiCli.EXIT_INVALID;
            }
            Path file = target.stackFile != null ? target.stackFile : StackFile.of(projectDir, target.stack);
            try {
                StackSettings settings = StackFile.load(file);
                String userData = Program.userData(settings, role);
                PrintWriter out = spec.commandLine().getOut();
                out.print(userData);
                out.flush();
                return 0;
            } catch (ConfigException e) {
                e.problems().forEach(p -> err.println("verdandi: " + p));
                err.flush();
                return VerdandiCli.EXIT_INVALID;
            }
        }
    }
}
