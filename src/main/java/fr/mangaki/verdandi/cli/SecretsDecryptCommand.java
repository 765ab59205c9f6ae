package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.secrets.EncryptedFiles;
import fr.mangaki.verdandi.secrets.Sensitive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code verdandi secrets decrypt FILE [--key KEYFILE]}. */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = {"Decrypts an OpenPGP message (armored PATH.asc or binary PATH.gpg, in a repository or anywhere)"
                + " to standard output.",
                "Key: --key KEYFILE, else VERDANDI_PGP_KEY (the armored secret key, or a key file's path).",
                "Passphrase: VERDANDI_PGP_PASSPHRASE, else asked on the terminal."})
final class SecretsDecryptCommand implements Callable<Integer> {

    @ParentCommand
    SecretsCommand parent;

    @Parameters(paramLabel = "FILE", description = "The encrypted file (any path).")
    Path path;

    @Option(names = "--key", paramLabel = "KEYFILE",
            description = "Secret key file (gpg --armor --export-secret-keys). Default: VERDANDI_PGP_KEY.")
    Path key;

    @Override
    public Integer call() {
        SecretsCommand.Context ctx = parent.context();
        return SecretsCommand.execute(ctx, () -> {
            Sensitive<byte[]> plaintext = EncryptedFiles.decryptFile(ctx.resolve(path), path.toString(), ctx.key(key),
                    ctx.pgp().get());
            try {
                ctx.out().write(plaintext.reveal());
                ctx.out().flush();
            } finally {
                Arrays.fill(plaintext.reveal(), (byte) 0);
            }
            return 0;
        });
    }
}
