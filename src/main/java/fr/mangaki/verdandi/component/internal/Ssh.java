package fr.mangaki.verdandi.component.internal;

import com.pulumi.core.Output;
import fr.mangaki.verdandi.resource.command.ConnectionArgs;

/**
 * How the components' remote commands reach a droplet.
 *
 * <p>DigitalOcean reports a droplet active before its sshd listens, and a droplet replaced or
 * created by the same {@code pulumi up} is reached at once. The command provider dials again
 * after a failed dial, waiting 100 ms, then 1.5 times longer each time, at most 5 s
 * (pulumi-command v1.2.1, provider/pkg/provider/remote/connection.go, {@code dialWithRetry}
 * over pulumi's sdk/go/common/util/retry {@code Until} and its defaults), and gives up after
 * {@code dialErrorLimit} failed dials (10 by default: about 11 s of refused connections, too
 * short for a droplet's first boot). Each dial waits at most {@code perDialTimeout} seconds
 * (15 by default).
 */
public final class Ssh {
    /**
     * Failed dials tolerated: with connections refused, about 4 minutes 20 s (11 s of growing
     * waits, then one dial every 5 s); with dials timing out, at most about 15 minutes.
     */
    public static final int DIAL_ERROR_LIMIT = 60;
    /** Seconds one dial may take (TCP connection, SSH handshake and authentication). */
    public static final int PER_DIAL_TIMEOUT_SECONDS = 10;

    private Ssh() {
    }

    /**
     * An SSH connection to {@code host} as {@code user}, with the private key {@code key} (a
     * secret), dialing {@link #DIAL_ERROR_LIMIT} times at most.
     */
    public static ConnectionArgs connection(Output<String> host, Output<String> user, Output<String> key) {
        return ConnectionArgs.builder().host(host).user(user).privateKey(key)
                .dialErrorLimit(DIAL_ERROR_LIMIT)
                .perDialTimeout(PER_DIAL_TIMEOUT_SECONDS)
                .build();
    }
}
