package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.secrets.EncryptedFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code verdandi secrets edit PATH.asc [--key KEYFILE]}. */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Decrypts PATH.asc (or a binary PATH.gpg) into a 0600 file in a private temporary directory,"
                + " opens $EDITOR (default vi) on it, re-encrypts it to the current recipients if it changed (in"
                + " the same format), and deletes the plaintext. A file that does not exist yet is created (no key"
                + " needed).",
                "Key and passphrase as for decrypt."})
final class SecretsEditCommand implements Callable<Integer> {

    @ParentCommand
    SecretsCommand parent;

    @Parameters(paramLabel = "PATH.asc", description = "The encrypted file (created if missing).")
    Path path;

    @Option(names = "--key", paramLabel = "KEYFILE",
            description = "Secret key file. Default: VERDANDI_PGP_KEY.")
    Path key;

    @Override
    public Integer call() {
        SecretsCommand.Context ctx = parent.context();
        return SecretsCommand.execute(ctx, () -> {
            EncryptedFiles files = ctx.files();
            EncryptedFiles.Edited e = files.edit(ctx.resolve(path), ctx.key(key), ctx.editor());
            String name = files.relative(e.encrypted());
            int n = e.recipients().size();
            String to = n + " recipient" + (n == 1 ? "" : "s");
            if (!e.changed()) {
                ctx.out().println(name + ": unchanged");
            } else {
                ctx.out().println((e.created() ? "created " : "re-encrypted ") + name + " to " + to);
            }
            return 0;
        });
    }
}
