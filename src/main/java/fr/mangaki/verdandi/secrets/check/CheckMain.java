package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.SecretsException;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The git hooks' entry point, kept small so that a commit pays only for what it uses (no
 * command-line framework, no Pulumi; Bouncy Castle only when an OpenPGP file is staged):
 *
 * <pre>
 * java -cp ... fr.mangaki.verdandi.secrets.check.CheckMain [--staged|--all] [--command VERDANDI]
 * java -cp ... fr.mangaki.verdandi.secrets.check.CheckMain --push REMOTE [--command VERDANDI]  &lt; pre-push input
 * java -cp ... fr.mangaki.verdandi.secrets.check.CheckMain --rewritten [--command VERDANDI]    &lt; post-rewrite input
 * </pre>
 *
 * Checks the repository of the working directory. Prints nothing and exits 0 when nothing is
 * found; otherwise lists every refused path with its reasons and fixes on stderr and exits
 * 1; exits 2 when it cannot check (not a repository, bad {@code .verdandi-allow}...).
 * {@code --push} reads git's pre-push lines ({@code <local ref> <local id> <remote ref>
 * <remote id>}) and checks every commit not yet on the remote; {@code --rewritten} reads
 * post-rewrite lines ({@code <old id> <new id>}) and reports (exit 0) what the new commits
 * hold. {@code --command} is how the fixes name Verdandi (default {@code verdandi}).
 */
public final class CheckMain {

    private CheckMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(""), System.in, System.err));
    }

    /** Runs the check with no standard input and returns the exit status. */
    public static int run(String[] args, Path directory, PrintStream err) {
        return run(args, directory, InputStream.nullInputStream(), err);
    }

    /** Runs the check and returns the exit status. */
    public static int run(String[] args, Path directory, InputStream in, PrintStream err) {
        SecretsCheck.Scope scope = SecretsCheck.Scope.STAGED;
        String command = "verdandi";
        String remote = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--staged" -> scope = SecretsCheck.Scope.STAGED;
                case "--all" -> scope = SecretsCheck.Scope.ALL;
                case "--rewritten" -> scope = SecretsCheck.Scope.REWRITTEN;
                case "--push" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--push needs the remote's name (git gives it to pre-push as $1)");
                    }
                    scope = SecretsCheck.Scope.PUSH;
                    remote = args[++i];
                }
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
            SecretsCheck check = new SecretsCheck(directory.toAbsolutePath(), Pgp::bouncyCastle);
            CheckReport report = switch (scope) {
                case STAGED, ALL -> check.run(scope);
                case PUSH -> {
                    List<SecretsCheck.PushedRef> refs = new ArrayList<>();
                    for (String line : lines(in)) {
                        refs.add(SecretsCheck.PushedRef.parse(line));
                    }
                    yield check.runPush(remote, refs);
                }
                case REWRITTEN -> {
                    List<String> commits = new ArrayList<>();
                    for (String line : lines(in)) {
                        String[] f = line.strip().split("\\s+");
                        if (f.length >= 2) {
                            commits.add(f[1]);
                        }
                    }
                    yield check.runRewritten(commits);
                }
            };
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

    private static List<String> lines(InputStream in) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(l -> !l.isBlank()).toList();
        } catch (UncheckedIOException e) {
            throw new SecretsException("cannot read the hook's standard input: " + e.getMessage(), e);
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("verdandi: " + problem);
        err.println("usage: CheckMain [--staged|--all|--push REMOTE|--rewritten] [--command VERDANDI]");
        return CheckReport.ERROR;
    }
}
