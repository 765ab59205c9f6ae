package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.stack.StackFile;
import fr.mangaki.verdandi.plan.OfflinePlanner;
import fr.mangaki.verdandi.plan.Plan;
import fr.mangaki.verdandi.plan.PlanDiff;
import fr.mangaki.verdandi.plan.PlanDiffMarkdown;
import fr.mangaki.verdandi.plan.PlanJson;
import fr.mangaki.verdandi.plan.PlanJsonReader;
import fr.mangaki.verdandi.plan.PlanText;
import fr.mangaki.verdandi.plan.SavedPlan;
import fr.mangaki.verdandi.plan.StackPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                "With --diff BASE.json HEAD.json: compares two plans printed by --json (no stack file needed) and "
                        + "prints the difference as Markdown for a pull-request comment: resources to add, change "
                        + "and destroy, changed inputs by path, changed outputs, the monthly cost before and after.",
                "Exit status: 0 planned (or diff printed, with or without changes), 1 the program failed, "
                        + "2 invalid configuration or plan file (one line per problem on stderr)."})
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

        @Option(names = "--diff", arity = "2", paramLabel = "PLAN.json",
                description = "compare two plans written by `plan --json` (BASE then HEAD) and print the "
                        + "difference as Markdown")
        List<Path> diff;
    }

    @Option(names = "--max-chars", paramLabel = "N",
            description = "with --diff: the longest output in characters; what does not fit is counted in a "
                    + "last line (default " + PlanDiffMarkdown.DEFAULT_MAX_CHARS + ", under GitHub's 65536 for a "
                    + "comment; at least " + PlanDiffMarkdown.MIN_MAX_CHARS + ")")
    Integer maxChars;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
            description = "the directory of Pulumi.yaml and the stack files (default: ${DEFAULT-VALUE})")
    Path projectDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (target.diff != null) {
            return diff(out, err);
        }
        if (maxChars != null) {
            return invalid(err, "--max-chars applies to --diff only");
        }
        Path file = target.stackFile != null ? target.stackFile : StackFile.of(projectDir, target.stack);
        Plan plan;
        try {
            plan = new StackPlanner(System.getenv()).plan(file);
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
        if (json) {
            // the JSON object keeps its contract; what could not be checked goes to stderr
            plan.notes().forEach(n -> err.println("verdandi: note: " + n));
            err.flush();
            out.print(PlanJson.write(plan) + "\n");
        } else {
            out.print(PlanText.render(plan));
        }
        out.flush();
        return 0;
    }

    private Integer diff(PrintWriter out, PrintWriter err) {
        if (target.diff.size() != 2) {
            return invalid(err, "--diff takes two plans, BASE.json and HEAD.json, once; got " + target.diff.size());
        }
        if (json) {
            return invalid(err, "--json does not apply to --diff: the diff is Markdown");
        }
        int bound = maxChars == null ? PlanDiffMarkdown.DEFAULT_MAX_CHARS : maxChars;
        if (bound < PlanDiffMarkdown.MIN_MAX_CHARS) {
            return invalid(err, "--max-chars: " + bound + " is too small; at least " + PlanDiffMarkdown.MIN_MAX_CHARS);
        }
        List<String> problems = new ArrayList<>();
        List<SavedPlan> plans = new ArrayList<>();
        for (Path file : target.diff) {
            try {
                plans.add(PlanJsonReader.read(file));
            } catch (PlanJsonReader.InvalidPlanException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("verdandi: " + p));
            err.println("verdandi: nothing compared");
            err.flush();
            return VerdandiCli.EXIT_INVALID;
        }
        out.print(PlanDiffMarkdown.render(PlanDiff.compare(plans.get(0), plans.get(1)), bound));
        out.flush();
        return 0;
    }

    private static Integer invalid(PrintWriter err, String message) {
        err.println("verdandi: " + message);
        err.println("Try 'verdandi plan --help'.");
        err.flush();
        return VerdandiCli.EXIT_INVALID;
    }
}
