package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.secrets.EncryptedFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code verdandi secrets reencrypt [--key KEYFILE]}. */
@Command(name = "reencrypt", mixinStandardHelpOptions = true,
        description = {"Re-encrypts every encrypted file of the repository (*.asc, and binary *.gpg and *.pgp PGP"
                + " messages, each kept in its format) to the current recipients with AES-256: run it after adding"
                + " or removing a recipient.",
                "Every file is decrypted first; if one cannot be, nothing is written.",
                "Key and passphrase as for decrypt."})
final class SecretsReencryptCommand implements Callable<Integer> {

    @ParentCommand
    SecretsCommand parent;

    @Option(names = "--key", paramLabel = "KEYFILE",
            description = "Secret key file. Default: VERDANDI_PGP_KEY.")
    Path key;

    @Override
    public Integer call() {
        SecretsCommand.Context ctx = parent.context();
        return SecretsCommand.execute(ctx, () -> {
            EncryptedFiles files = ctx.files();
            List<Path> done = files.reencrypt(ctx.key(key));
            if (done.isEmpty()) {
                ctx.out().println("no encrypted files (*.asc, *.gpg, *.pgp PGP messages) in this repository");
                return 0;
            }
            int n = files.recipients().entries().size();
            ctx.out().println("re-encrypted " + done.size() + " file" + (done.size() == 1 ? "" : "s") + " to " + n
                    + " recipient" + (n == 1 ? "" : "s") + ":");
            done.forEach(p -> ctx.out().println("  " + files.relative(p)));
            return 0;
        });
    }
}
