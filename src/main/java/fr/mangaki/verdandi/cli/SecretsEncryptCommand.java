package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.secrets.EncryptedFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code verdandi secrets encrypt PATH}. */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Encrypts PATH to every recipient into PATH.asc (ASCII-armored OpenPGP, AES-256 with"
                + " integrity protection) and adds PATH to .gitignore if it is not ignored yet.",
                "The plaintext is kept; commit PATH.asc."})
final class SecretsEncryptCommand implements Callable<Integer> {

    @ParentCommand
    SecretsCommand parent;

    @Parameters(paramLabel = "PATH", description = "The plaintext file, inside the repository.")
    Path path;

    @Override
    public Integer call() {
        SecretsCommand.Context ctx = parent.context();
        return SecretsCommand.execute(ctx, () -> {
            EncryptedFiles files = ctx.files();
            EncryptedFiles.Encrypted e = files.encrypt(ctx.resolve(path));
            String plain = files.relative(ctx.resolve(path));
            ctx.out().println("encrypted " + plain + " to " + e.recipients().size() + " recipient"
                    + (e.recipients().size() == 1 ? "" : "s") + ": " + files.relative(e.encrypted()));
            if (e.ignoreAdded() != null) {
                ctx.out().println("added " + e.ignoreAdded() + " to .gitignore");
            }
            if (e.plaintextTracked()) {
                ctx.err().println("warning: git still tracks the plaintext: git rm --cached " + plain);
            }
            return 0;
        });
    }
}
