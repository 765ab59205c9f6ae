package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.secrets.EncryptedFiles;
import fr.mangaki.verdandi.secrets.Editor;
import fr.mangaki.verdandi.secrets.KeySource;
import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.SecretsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code verdandi secrets}: PGP-encrypted files, their recipients, and the plaintext secrets check. */
@Command(
        name = "secrets",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "PGP-encrypted files (PATH.asc beside a git-ignored PATH), encrypted to every public key in"
                        + " secrets/recipients/, and the check that refuses plaintext secrets in commits.",
                "The repository is the git working tree of the current directory.",
                "",
                "Decryption takes the secret key from --key KEYFILE or VERDANDI_PGP_KEY (the armored key itself,"
                        + " or the path of a key file) and its passphrase from VERDANDI_PGP_PASSPHRASE or a prompt.",
        },
        subcommands = {
                SecretsRecipientsCommand.class,
                SecretsEncryptCommand.class,
                SecretsDecryptCommand.class,
                SecretsEditCommand.class,
                SecretsReencryptCommand.class,
                SecretsCheckCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class SecretsCommand implements Runnable {

    /**
     * What the secrets commands work with: the working directory, the environment, the
     * output streams, how to ask for a passphrase, the editor and the OpenPGP implementation.
     */
    public record Context(Path workingDirectory, Map<String, String> env, PrintStream out, PrintStream err,
                          KeySource.PassphraseSource prompt, Editor editor, Supplier<Pgp> pgp) {

        /** This process's working directory, environment, terminal and {@code $EDITOR}. */
        public static Context system() {
            Map<String, String> env = System.getenv();
            return new Context(Path.of("").toAbsolutePath(), env, System.out, System.err,
                    KeySource.consolePrompt(), Editor.fromEnvironment(env), Pgp::bouncyCastle);
        }

        /** How messages name the command (from {@code VERDANDI_COMMAND}, set by {@code bin/verdandi}). */
        public String command() {
            String c = env.get("VERDANDI_COMMAND");
            return c == null || c.isBlank() ? "verdandi" : c;
        }

        /** The key from {@code --key} if given, else from the environment. */
        KeySource key(Path keyFile) {
            KeySource.PassphraseSource passphrase = KeySource.passphraseFrom(env, prompt);
            return keyFile != null ? KeySource.file(resolve(keyFile), passphrase)
                    : KeySource.fromEnvironment(env, prompt);
        }

        /** A path given on the command line, relative to the working directory. */
        Path resolve(Path path) {
            return workingDirectory.resolve(path).normalize();
        }

        EncryptedFiles files() {
            return EncryptedFiles.forRepositoryAt(workingDirectory, pgp.get());
        }
    }

    private final Context context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public SecretsCommand() {
        this(Context.system());
    }

    public SecretsCommand(Context context) {
        this.context = context;
    }

    Context context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code secrets} command alone, with Verdandi's conventions (for tests and embedding). */
    public static CommandLine commandLine(Context context) {
        CommandLine cli = new CommandLine(new SecretsCommand(context));
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setExitCodeExceptionMapper(e -> VerdandiCli.EXIT_INVALID);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("verdandi: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return VerdandiCli.EXIT_INVALID;
        });
        return cli;
    }

    /** Runs an action, turning a {@link SecretsException} into a message and exit status 1 (2 for invalid input). */
    static int execute(Context context, Callable<Integer> action) {
        try {
            return action.call();
        } catch (SecretsException e) {
            context.err().println("verdandi: " + e.getMessage());
            return e.isInvalidInput() ? VerdandiCli.EXIT_INVALID : 1;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
