package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.StackFile;
import fr.mangaki.verdandi.plan.OfflinePlanner;
import fr.mangaki.verdandi.plan.Plan;
import fr.mangaki.verdandi.plan.PlanJson;
import fr.mangaki.verdandi.plan.PlanText;
import fr.mangaki.verdandi.plan.StackPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code verdandi plan}: what {@code pulumi up} would do, offline, with the monthly cost. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {
                "Plans a stack offline under Pulumi's mock engine (no cloud, no Pulumi CLI): every resource "
                        + "`pulumi up` would register, with its inputs, the stack outputs and the estimated "
                        + "monthly cost.",
                "Secrets show as [secret]; values only the cloud decides show as (known after apply). "
                        + "A guest stack is planned with its platform stack's planned outputs.",
                "Exit status: 0 planned, 1 the program failed, 2 invalid configuration (one line per problem on stderr)."})
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--stack", paramLabel = "NAME", description = "the stack, read from Pulumi.NAME.yaml")
        String stack;

        @Option(names = "--stack-file", paramLabel = "PATH",
                description = "a stack file Pulumi.<stack>.yaml (its stack name comes from the file name)")
        Path stackFile;
    }

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "the directory of Pulumi.yaml and the stack files (default: ${DEFAULT-VALUE})")
    Path projectDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = target.stackFile != null ? target.stackFile : StackFile.of(projectDir, target.stack);
        Plan plan;
        try {
            plan = new StackPlanner().plan(file);
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("verdandi: " + p));
            err.println("verdandi: nothing planned: " + e.problems().size() + " problem"
                    + (e.problems().size() > 1 ? "s" : "") + " in " + file);
            err.flush();
            return VerdandiCli.EXIT_INVALID;
        } catch (OfflinePlanner.PlanException e) {
            err.println("verdandi: " + e.getMessage());
            err.flush();
            return 1;
        }
        out.print(json ? PlanJson.write(plan) + "\n" : PlanText.render(plan));
        out.flush();
        return 0;
    }
}
