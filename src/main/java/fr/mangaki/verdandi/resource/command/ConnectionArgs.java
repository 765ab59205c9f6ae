package fr.mangaki.verdandi.resource.command;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.Optional;

/**
 * How a {@link RemoteCommand} reaches its host over SSH ({@code command:remote:Connection}).
 * {@code privateKey}, {@code password} and {@code privateKeyPassword} are always sent as Pulumi
 * secrets, whichever setter is used: they never appear in clear in plans or in the state.
 */
public final class ConnectionArgs extends ResourceArgs {
    private static final String OWNER = "ConnectionArgs";

    @Import(name = "agentSocketPath")
    private Output<String> agentSocketPath;

    @Import(name = "dialErrorLimit")
    private Output<Integer> dialErrorLimit;

    @Import(name = "host", required = true)
    private Output<String> host;

    @Import(name = "hostKey")
    private Output<String> hostKey;

    @Import(name = "password")
    private Output<String> password;

    @Import(name = "perDialTimeout")
    private Output<Integer> perDialTimeout;

    @Import(name = "port")
    private Output<Double> port;

    @Import(name = "privateKey")
    private Output<String> privateKey;

    @Import(name = "privateKeyPassword")
    private Output<String> privateKeyPassword;

    @Import(name = "user")
    private Output<String> user;

    private ConnectionArgs() {
    }

    /** The SSH agent's socket. Default: {@code $SSH_AUTH_SOCK} when set. */
    public Optional<Output<String>> agentSocketPath() {
        return Optional.ofNullable(agentSocketPath);
    }

    /** How many failed dials are tolerated, -1 for no limit. Default: 10. */
    public Optional<Output<Integer>> dialErrorLimit() {
        return Optional.ofNullable(dialErrorLimit);
    }

    /** The host's address, e.g. a droplet's public IPv4 address. Required. */
    public Output<String> host() {
        return host;
    }

    /** The host key expected from the server. Default: none, the host key is not verified. */
    public Optional<Output<String>> hostKey() {
        return Optional.ofNullable(hostKey);
    }

    /** The user's password (secret). Default: none. */
    public Optional<Output<String>> password() {
        return Optional.ofNullable(password);
    }

    /** Seconds per dial attempt, 0 for no limit. Default: 15. */
    public Optional<Output<Integer>> perDialTimeout() {
        return Optional.ofNullable(perDialTimeout);
    }

    /** The SSH port. Default: 22. */
    public Optional<Output<Double>> port() {
        return Optional.ofNullable(port);
    }

    /** The private key's contents (secret); preferred over the password. Default: none. */
    public Optional<Output<String>> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** The passphrase of an encrypted private key (secret). Default: none. */
    public Optional<Output<String>> privateKeyPassword() {
        return Optional.ofNullable(privateKeyPassword);
    }

    /** The user to log in as. Default: {@code root}. */
    public Optional<Output<String>> user() {
        return Optional.ofNullable(user);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ConnectionArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final ConnectionArgs $ = new ConnectionArgs();

        private Builder() {
        }

        public Builder agentSocketPath(Output<String> agentSocketPath) {
            $.agentSocketPath = Inputs.output(OWNER, "agentSocketPath", agentSocketPath);
            return this;
        }

        public Builder agentSocketPath(String agentSocketPath) {
            return agentSocketPath(Inputs.of(OWNER, "agentSocketPath", agentSocketPath));
        }

        public Builder dialErrorLimit(Output<Integer> dialErrorLimit) {
            $.dialErrorLimit = Inputs.output(OWNER, "dialErrorLimit", dialErrorLimit);
            return this;
        }

        public Builder dialErrorLimit(int dialErrorLimit) {
            return dialErrorLimit(Output.of(dialErrorLimit));
        }

        public Builder host(Output<String> host) {
            $.host = Inputs.output(OWNER, "host", host);
            return this;
        }

        public Builder host(String host) {
            return host(Inputs.of(OWNER, "host", host));
        }

        public Builder hostKey(Output<String> hostKey) {
            $.hostKey = Inputs.output(OWNER, "hostKey", hostKey);
            return this;
        }

        public Builder hostKey(String hostKey) {
            return hostKey(Inputs.of(OWNER, "hostKey", hostKey));
        }

        /** Sent as a secret. */
        public Builder password(Output<String> password) {
            $.password = Inputs.output(OWNER, "password", password).asSecret();
            return this;
        }

        /** Sent as a secret. */
        public Builder password(String password) {
            return password(Inputs.secret(OWNER, "password", password));
        }

        public Builder perDialTimeout(Output<Integer> perDialTimeout) {
            $.perDialTimeout = Inputs.output(OWNER, "perDialTimeout", perDialTimeout);
            return this;
        }

        public Builder perDialTimeout(int perDialTimeout) {
            return perDialTimeout(Output.of(perDialTimeout));
        }

        /** The schema types the port as a number. */
        public Builder port(Output<Double> port) {
            $.port = Inputs.output(OWNER, "port", port);
            return this;
        }

        public Builder port(int port) {
            return port(Output.of((double) port));
        }

        /** Sent as a secret. */
        public Builder privateKey(Output<String> privateKey) {
            $.privateKey = Inputs.output(OWNER, "privateKey", privateKey).asSecret();
            return this;
        }

        /** Sent as a secret. */
        public Builder privateKey(String privateKey) {
            return privateKey(Inputs.secret(OWNER, "privateKey", privateKey));
        }

        /** Sent as a secret. */
        public Builder privateKeyPassword(Output<String> privateKeyPassword) {
            $.privateKeyPassword = Inputs.output(OWNER, "privateKeyPassword", privateKeyPassword).asSecret();
            return this;
        }

        /** Sent as a secret. */
        public Builder privateKeyPassword(String privateKeyPassword) {
            return privateKeyPassword(Inputs.secret(OWNER, "privateKeyPassword", privateKeyPassword));
        }

        public Builder user(Output<String> user) {
            $.user = Inputs.output(OWNER, "user", user);
            return this;
        }

        public Builder user(String user) {
            return user(Inputs.of(OWNER, "user", user));
        }

        public ConnectionArgs build() {
            Inputs.Required.of(OWNER).check("host", $.host).done();
            return $;
        }
    }
}
