package fr.mangaki.verdandi.component.internal;

import com.pulumi.core.internal.OutputData;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import fr.mangaki.verdandi.Program;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.config.StackSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of the Mangaki program under Pulumi's mock engine, keeping the inputs of every
 * resource it registers: what {@code pulumi up} would hand to the providers. Droplets get
 * the addresses the caller chooses, so that the remote commands connect where a test listens.
 */
public final class RecordedProgram {

    /** A droplet's public and private IPv4 addresses. */
    public record Addresses(String publicIpv4, String privateIpv4) {
    }

    /** The inputs of one {@code command:remote:Command}, as its provider would receive them. */
    public record RemoteCommandInputs(String name, String host, String user, String privateKey,
                                      String create, String update, String delete, String stdin,
                                      List<Object> triggers) {
        /** No key material when printed. */
        @Override
        public String toString() {
            return "RemoteCommandInputs[" + name + " " + user + "@" + host + "]";
        }
    }

    private final List<Mocks.ResourceArgs> registered;
    private final Map<String, Object> outputs;

    private RecordedProgram(List<Mocks.ResourceArgs> registered, Map<String, Object> outputs) {
        this.registered = List.copyOf(registered);
        this.outputs = Collections.unmodifiableMap(outputs);
    }

    /**
     * Declares the stack of {@code settings} with {@code access}; droplets named in
     * {@code droplets} ({@code mangaki-app}, {@code mangaki-front}) get those addresses.
     *
     * @throws IllegalStateException when the program fails or declares another droplet
     */
    public static RecordedProgram run(StackSettings settings, HostAccess access, Map<String, Addresses> droplets) {
        return run(settings, access, droplets, Map.of());
    }

    /**
     * Declares the stack of {@code settings}, a guest stack reading the outputs of the
     * stacks in {@code stackOutputs} (by their full name, e.g. {@code mangaki/mangaki/production})
     * through its stack reference.
     */
    public static RecordedProgram run(StackSettings settings, HostAccess access, Map<String, Addresses> droplets,
                                      Map<String, Map<String, Object>> stackOutputs) {
        Recorder recorder = new Recorder(droplets, stackOutputs);
        Map<String, Object> outputs = new LinkedHashMap<>();
        try {
            TestResult result = PulumiTest.withMocks(recorder)
                    .withOptions(TestOptions.builder().projectName(Program.PLATFORM).stackName(settings.stack()).build())
                    .runTest(ctx -> Program.declare(ctx, settings, access))
                    .throwOnError();
            result.outputs().forEach((k, v) -> {
                OutputData<?> data = PulumiTestInternal.extractOutputData(v);
                outputs.put(k, data.getValueNullable());
            });
        } finally {
            PulumiTest.cleanup();
        }
        return new RecordedProgram(recorder.registered, outputs);
    }

    /** The stack outputs the program exported, as a stack reference to it reads them. */
    public Map<String, Object> outputs() {
        return outputs;
    }

    /** The inputs of the resource named {@code name}. */
    public Mocks.ResourceArgs resource(String name) {
        return registered.stream().filter(r -> r.name.equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no resource named " + name + " among "
                        + registered.stream().map(r -> r.name).sorted().toList()));
    }

    /** The remote command named {@code name}, e.g. {@code production-app-install}. */
    @SuppressWarnings("unchecked")
    public RemoteCommandInputs remoteCommand(String name) {
        Mocks.ResourceArgs r = resource(name);
        if (!r.type.equals("command:remote:Command")) {
            throw new AssertionError(name + " is a " + r.type + ", not a remote command");
        }
        Map<String, Object> connection = (Map<String, Object>) r.inputs.get("connection");
        return new RemoteCommandInputs(name, (String) connection.get("host"), (String) connection.get("user"),
                (String) connection.get("privateKey"), (String) r.inputs.get("create"), (String) r.inputs.get("update"),
                (String) r.inputs.get("delete"), (String) r.inputs.get("stdin"),
                (List<Object>) r.inputs.getOrDefault("triggers", List.of()));
    }

    /** The user data of the droplet named {@code name}: what cloud-init boots it with. */
    public String userData(String name) {
        return (String) resource(name).inputs.get("userData");
    }

    private static final class Recorder implements Mocks {
        final List<Mocks.ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Addresses> droplets;
        private final Map<String, Map<String, Object>> stackOutputs;
        private final AtomicInteger nextId = new AtomicInteger(1000);

        Recorder(Map<String, Addresses> droplets, Map<String, Map<String, Object>> stackOutputs) {
            this.droplets = Map.copyOf(droplets);
            this.stackOutputs = Map.copyOf(stackOutputs);
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            registered.add(args);
            if (args.type.equals("pulumi:pulumi:StackReference")) {
                String stack = String.valueOf(args.inputs.getOrDefault("name", args.name));
                Map<String, Object> outputs = stackOutputs.get(stack);
                if (outputs == null) {
                    return CompletableFuture.failedFuture(new IllegalStateException("no outputs given for stack " + stack));
                }
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("name", stack);
                state.put("outputs", engineValues(outputs));
                state.put("secretOutputNames", List.of());
                return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(stack), state));
            }
            Map<String, Object> state = new HashMap<>(args.inputs);
            if (args.type.equals("digitalocean:index/droplet:Droplet")) {
                Addresses a = droplets.get(args.name);
                if (a == null) {
                    return CompletableFuture.failedFuture(
                            new IllegalStateException("no addresses given for droplet " + args.name));
                }
                state.put("ipv4Address", a.publicIpv4());
                state.put("ipv4AddressPrivate", a.privateIpv4());
            }
            String id = String.valueOf(nextId.incrementAndGet());
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
        }

        /** The mock engine's serializer takes integers, not longs. */
        private static Object engineValues(Object v) {
            if (v instanceof Long l) {
                return l.intValue();
            }
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), engineValues(x)));
                return out;
            }
            if (v instanceof List<?> l) {
                return l.stream().map(Recorder::engineValues).toList();
            }
            return v;
        }
    }
}
