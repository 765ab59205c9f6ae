package fr.mangaki.verdandi.cli;

import fr.mangaki.verdandi.secrets.EncryptedFiles;
import fr.mangaki.verdandi.secrets.Recipient;
import fr.mangaki.verdandi.secrets.Recipients;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code verdandi secrets recipients add|list|remove}. */
@Command(
        name = "recipients",
        mixinStandardHelpOptions = true,
        description = "The public keys that secrets are encrypted to (secrets/recipients/<FINGERPRINT>.asc).",
        subcommands = {
                SecretsRecipientsCommand.Add.class,
                SecretsRecipientsCommand.ListRecipients.class,
                SecretsRecipientsCommand.Remove.class,
                CommandLine.HelpCommand.class,
        })
final class SecretsRecipientsCommand implements Runnable {

    @ParentCommand
    SecretsCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a recipient's OpenPGP public key (with an encryption-capable subkey; not a secret,"
                    + " expired or revoked key) and prints its user id and fingerprint.",
                    "Export a key with: gpg --armor --export FINGERPRINT > KEYFILE.",
                    "Then run 'verdandi secrets reencrypt' so that existing files are encrypted to it too."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        SecretsRecipientsCommand recipients;

        @Parameters(paramLabel = "KEYFILE", description = "The public key, armored or binary.")
        Path keyFile;

        @Override
        public Integer call() {
            SecretsCommand.Context ctx = recipients.parent.context();
            return SecretsCommand.execute(ctx, () -> {
                EncryptedFiles files = ctx.files();
                Recipients.Added added = files.recipients().add(ctx.resolve(keyFile));
                Recipient r = added.recipient();
                ctx.out().println((added.replaced() ? "updated " : "added ")
                        + (r.userId().isEmpty() ? "(no user id)" : r.userId()));
                ctx.out().println("  fingerprint " + r.prettyFingerprint());
                r.expires().ifPresent(e -> ctx.out().println("  expires     " + e));
                ctx.out().println("  file        " + files.relative(added.file()));
                if (!files.messages().isEmpty()) {
                    ctx.out().println("The encrypted files are not readable by this key yet: run "
                            + ctx.command() + " secrets reencrypt");
                }
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the recipients: fingerprint, user id, expiry; and key files that are unusable.")
    static final class ListRecipients implements Callable<Integer> {
        @ParentCommand
        SecretsRecipientsCommand recipients;

        @Override
        public Integer call() {
            SecretsCommand.Context ctx = recipients.parent.context();
            return SecretsCommand.execute(ctx, () -> {
                EncryptedFiles files = ctx.files();
                List<Recipients.Entry> entries = files.recipients().entries();
                if (entries.isEmpty()) {
                    ctx.out().println("no recipients in " + Recipients.DIRECTORY + " (add one with "
                            + ctx.command() + " secrets recipients add KEYFILE)");
                    return 0;
                }
                int unusable = 0;
                for (Recipients.Entry e : entries) {
                    if (e.isValid()) {
                        Recipient r = e.recipient();
                        ctx.out().println(r.fingerprint() + "  " + (r.userId().isEmpty() ? "(no user id)" : r.userId())
                                + r.expires().map(x -> "  (expires " + x + ")").orElse(""));
                    } else {
                        unusable++;
                        ctx.out().println("UNUSABLE  " + e.problem());
                    }
                }
                return unusable == 0 ? 0 : 1;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Removes a recipient by fingerprint (spaces ignored; the last 16 hex digits suffice). The last"
                    + " recipient cannot be removed.",
                    "Then run 'verdandi secrets reencrypt', and rotate the secrets that the key could read."})
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        SecretsRecipientsCommand recipients;

        @Parameters(paramLabel = "FINGERPRINT", arity = "1..*",
                description = "The fingerprint (may be given in groups, as GnuPG prints it).")
        List<String> fingerprint;

        @Override
        public Integer call() {
            SecretsCommand.Context ctx = recipients.parent.context();
            return SecretsCommand.execute(ctx, () -> {
                EncryptedFiles files = ctx.files();
                Path removed = files.recipients().remove(String.join("", fingerprint));
                ctx.out().println("removed " + files.relative(removed));
                ctx.out().println("Now run " + ctx.command() + " secrets reencrypt so that the encrypted files"
                        + " exclude this key, and rotate the secrets it could read (it may have kept copies).");
                return 0;
            });
        }
    }
}
