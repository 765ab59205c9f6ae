package fr.mangaki.verdandi.component.internal;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.resource.command.ConnectionArgs;

/** How the components' remote commands reach a droplet. */
public final class Ssh {
    private Ssh() {
    }

    /** An SSH connection to {@code host} as {@code user}, with the private key {@code key} (a secret). */
    public static ConnectionArgs connection(Output<String> host, Output<String> user, Output<String> key) {
        return ConnectionArgs.builder().host(host).user(user).privateKey(key).build();
    }
}
