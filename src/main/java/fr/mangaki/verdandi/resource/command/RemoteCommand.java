package fr.mangaki.verdandi.resource.command;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import fr.mangaki.verdandi.resource.internal.Options;

import java.util.Objects;

/**
 * Commands run on a remote host over SSH when the resource is created, updated or deleted
 * ({@code command:remote:Command}). Its {@code connection} output is kept secret in the state.
 */
@ResourceType(type = RemoteCommand.TYPE, version = CommandPackage.VERSION)
public class RemoteCommand extends CustomResource {
    /** The provider's type token. */
    public static final String TYPE = "command:remote:Command";

    @Export(name = "stderr", refs = {String.class}, tree = "[0]")
    private Output<String> stderr;

    @Export(name = "stdout", refs = {String.class}, tree = "[0]")
    private Output<String> stdout;

    public RemoteCommand(String name, RemoteCommandArgs args) {
        this(name, args, null);
    }

    /** @param options may be null; the provider version is merged under them */
    public RemoteCommand(String name, RemoteCommandArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "RemoteCommandArgs"),
                Options.withVersion(CommandPackage.VERSION, options, "connection"));
    }

    /** The standard error of the last run. */
    public Output<String> stderr() {
        return stderr;
    }

    /** The standard output of the last run. */
    public Output<String> stdout() {
        return stdout;
    }
}
