package fr.mangaki.verdandi.resource.command;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import fr.mangaki.verdandi.resource.internal.Inputs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The inputs of a {@link RemoteCommand} ({@code command:remote:Command}). */
public final class RemoteCommandArgs extends ResourceArgs {
    private static final String OWNER = "RemoteCommandArgs";
    /** The values of the schema's {@code command:remote:Logging} enum. */
    public static final List<String> LOGGING_VALUES = List.of("stdout", "stderr", "stdoutAndStderr", "none");

    @Import(name = "addPreviousOutputInEnv")
    private Output<Boolean> addPreviousOutputInEnv;

    @Import(name = "connection", required = true)
    private Output<ConnectionArgs> connection;

    @Import(name = "create")
    private Output<String> create;

    @Import(name = "delete")
    private Output<String> delete;

    @Import(name = "environment")
    private Output<Map<String, String>> environment;

    @Import(name = "logging")
    private Output<String> logging;

    @Import(name = "stdin")
    private Output<String> stdin;

    @Import(name = "triggers")
    private Output<List<Object>> triggers;

    @Import(name = "update")
    private Output<String> update;

    private RemoteCommandArgs() {
    }

    /**
     * Whether the previous run's stdout and stderr are given to the next run as
     * {@code PULUMI_COMMAND_STDOUT} and {@code PULUMI_COMMAND_STDERR}. Default: true.
     */
    public Optional<Output<Boolean>> addPreviousOutputInEnv() {
        return Optional.ofNullable(addPreviousOutputInEnv);
    }

    /** How to reach the host. Required. */
    public Output<ConnectionArgs> connection() {
        return connection;
    }

    /**
     * The command run once when the resource is created (and on changes when there is no
     * {@code update}). Default: nothing runs at creation.
     */
    public Optional<Output<String>> create() {
        return Optional.ofNullable(create);
    }

    /** The command run when the resource is deleted. Default: nothing runs at deletion. */
    public Optional<Output<String>> delete() {
        return Optional.ofNullable(delete);
    }

    /**
     * Environment variables of the command; the SSH server must accept them ({@code AcceptEnv}).
     * Default: none.
     */
    public Optional<Output<Map<String, String>>> environment() {
        return Optional.ofNullable(environment);
    }

    /**
     * What is logged: {@code stdout}, {@code stderr}, {@code stdoutAndStderr} or {@code none}
     * (the outputs are captured either way). Default: {@code stdoutAndStderr}.
     */
    public Optional<Output<String>> logging() {
        return Optional.ofNullable(logging);
    }

    /** Text given to the command on standard input. Default: none. */
    public Optional<Output<String>> stdin() {
        return Optional.ofNullable(stdin);
    }

    /**
     * Values of any type whose change updates the resource (runs {@code update}, or replaces it
     * with {@code create} when there is none). Default: none.
     */
    public Optional<Output<List<Object>>> triggers() {
        return Optional.ofNullable(triggers);
    }

    /** The command run when the inputs change. Default: {@code create} runs instead. */
    public Optional<Output<String>> update() {
        return Optional.ofNullable(update);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RemoteCommandArgs}; {@link #build()} fails naming every missing required property. */
    public static final class Builder {
        private final RemoteCommandArgs $ = new RemoteCommandArgs();

        private Builder() {
        }

        public Builder addPreviousOutputInEnv(Output<Boolean> addPreviousOutputInEnv) {
            $.addPreviousOutputInEnv = Inputs.output(OWNER, "addPreviousOutputInEnv", addPreviousOutputInEnv);
            return this;
        }

        public Builder addPreviousOutputInEnv(boolean addPreviousOutputInEnv) {
            return addPreviousOutputInEnv(Output.of(addPreviousOutputInEnv));
        }

        public Builder connection(Output<ConnectionArgs> connection) {
            $.connection = Inputs.output(OWNER, "connection", connection);
            return this;
        }

        public Builder connection(ConnectionArgs connection) {
            return connection(Inputs.of(OWNER, "connection", connection));
        }

        public Builder create(Output<String> create) {
            $.create = Inputs.output(OWNER, "create", create);
            return this;
        }

        public Builder create(String create) {
            return create(Inputs.of(OWNER, "create", create));
        }

        public Builder delete(Output<String> delete) {
            $.delete = Inputs.output(OWNER, "delete", delete);
            return this;
        }

        public Builder delete(String delete) {
            return delete(Inputs.of(OWNER, "delete", delete));
        }

        public Builder environment(Output<Map<String, String>> environment) {
            $.environment = Inputs.output(OWNER, "environment", environment);
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            return environment(Inputs.map(OWNER, "environment", environment));
        }

        public Builder logging(Output<String> logging) {
            $.logging = Inputs.output(OWNER, "logging", logging);
            return this;
        }

        /** @throws IllegalArgumentException unless one of {@link #LOGGING_VALUES} */
        public Builder logging(String logging) {
            if (!LOGGING_VALUES.contains(Inputs.nonNull(OWNER, "logging", logging))) {
                throw new IllegalArgumentException(OWNER + ".logging is '" + logging + "', allowed: "
                        + String.join(", ", LOGGING_VALUES));
            }
            return logging(Output.of(logging));
        }

        public Builder stdin(Output<String> stdin) {
            $.stdin = Inputs.output(OWNER, "stdin", stdin);
            return this;
        }

        public Builder stdin(String stdin) {
            return stdin(Inputs.of(OWNER, "stdin", stdin));
        }

        public Builder triggers(Output<List<Object>> triggers) {
            $.triggers = Inputs.output(OWNER, "triggers", triggers);
            return this;
        }

        /** Values or outputs (e.g. another resource's {@code id()}). */
        public Builder triggers(List<?> triggers) {
            return triggers(Output.of(List.<Object>copyOf(Inputs.copy(OWNER, "triggers", triggers))));
        }

        /** Values or outputs (e.g. another resource's {@code id()}). */
        public Builder triggers(Object... triggers) {
            return triggers(java.util.Arrays.asList(Inputs.nonNull(OWNER, "triggers", triggers)));
        }

        public Builder update(Output<String> update) {
            $.update = Inputs.output(OWNER, "update", update);
            return this;
        }

        public Builder update(String update) {
            return update(Inputs.of(OWNER, "update", update));
        }

        public RemoteCommandArgs build() {
            Inputs.Required.of(OWNER).check("connection", $.connection).done();
            return $;
        }
    }
}
