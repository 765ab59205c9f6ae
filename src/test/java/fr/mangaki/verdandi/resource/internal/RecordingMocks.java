package fr.mangaki.verdandi.resource.internal;

import com.pulumi.Context;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one recording mock of the program tests: Pulumi mocks that record every registered
 * resource with the inputs the engine received (what {@code pulumi up} would hand to the
 * providers), and answer like DigitalOcean would: droplets get numeric IDs and addresses
 * derived from their name (registration order is not deterministic), or the addresses a test
 * gives them so that remote commands connect where it listens; SSH keys a fingerprint,
 * records an FQDN, managed database clusters and users a password (clusters a private host
 * and port too); a stack reference reads the outputs a test gives for that stack (those of
 * the platform stack's own run, say: {@link #stackOutputs(TestResult)}), none for a stack it
 * was given nothing of (reading one fails, as for a stack without that output); any other
 * resource gets the ID {@code <name>-id}. The state echoes the inputs.
 */
public final class RecordingMocks implements Mocks {

    /** A droplet's public and private IPv4 addresses. */
    public record Addresses(String publicIpv4, String privateIpv4) {
    }

    /**
     * The inputs of one {@code command:remote:Command}, as its provider would receive them;
     * {@code dialErrorLimit} and {@code perDialTimeout} are null when the connection leaves
     * them to the provider's defaults.
     */
    public record RemoteCommandInputs(String name, String host, String user, String privateKey,
                                      String create, String update, String delete, String stdin,
                                      List<Object> triggers, Integer dialErrorLimit, Integer perDialTimeout) {
        /** No key material when printed. */
        @Override
        public String toString() {
            return "RemoteCommandInputs[" + name + " " + user + "@" + host + "]";
        }
    }

    private final List<Mocks.ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final Map<String, Addresses> droplets;
    private final Map<String, Map<String, Object>> stackOutputs;

    /** Droplets get addresses derived from their name. */
    public RecordingMocks() {
        this(Map.of());
    }

    /** Droplets named in {@code droplets} ({@code mangaki-app}, ...) get those addresses. */
    public RecordingMocks(Map<String, Addresses> droplets) {
        this(droplets, Map.of());
    }

    /**
     * Droplets named in {@code droplets} get those addresses, and a stack reference to a stack
     * of {@code stackOutputs} (by its full name, {@code mangaki/mangaki/production}) reads its outputs.
     */
    public RecordingMocks(Map<String, Addresses> droplets, Map<String, Map<String, Object>> stackOutputs) {
        this.droplets = Map.copyOf(droplets);
        this.stackOutputs = Map.copyOf(stackOutputs);
    }

    /** The stack outputs of a run, as plain values: what a stack reference to that stack reads. */
    public static Map<String, Object> stackOutputs(TestResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        result.outputs().forEach((name, output) -> {
            OutputData<?> data = PulumiTestInternal.extractOutputData(output);
            out.put(name, data.getValueNullable());
        });
        return out;
    }

    /**
     * Runs {@code program} as stack {@code stack} of project {@code project} under these mocks,
     * then resets the mock engine (the result keeps its outputs).
     *
     * @throws RuntimeException when the program fails
     */
    public TestResult run(String project, String stack, Consumer<Context> program) {
        try {
            return PulumiTest.withMocks(this)
                    .withOptions(TestOptions.builder().projectName(project).stackName(stack).build())
                    .runTest(program)
                    .throwOnError();
        } finally {
            PulumiTest.cleanup();
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        if (args.type.equals("pulumi:pulumi:StackReference")) {
            return stackReference(args);
        }
        var state = new HashMap<String, Object>(args.inputs);
        String id = args.name + "-id";
        switch (args.type) {
            case "digitalocean:index/droplet:Droplet" -> {
                id = dropletId(args.name);
                Addresses addresses = droplets.getOrDefault(args.name,
                        new Addresses(ipv4Address(args.name), "10.110.0." + dropletNumber(args.name)));
                state.putIfAbsent("name", args.name);
                state.put("ipv4Address", addresses.publicIpv4());
                state.put("ipv4AddressPrivate", addresses.privateIpv4());
                state.put("dropletUrn", "do:droplet:" + id);
            }
            case "digitalocean:index/sshKey:SshKey" -> state.put("fingerprint", "SHA256:fingerprint-of-" + args.name);
            case "digitalocean:index/dnsRecord:DnsRecord" ->
                    state.put("fqdn", args.inputs.get("name") + "." + args.inputs.get("domain"));
            case "command:remote:Command" -> {
                state.put("stdout", "");
                state.put("stderr", "");
            }
            case "digitalocean:index/databaseCluster:DatabaseCluster" -> {
                // what DigitalOcean reports of a cluster: its private host, port, default user and password
                state.put("privateHost", "private-" + args.name + ".db.ondigitalocean.com");
                state.put("port", 25060);
                state.put("user", "doadmin");
                state.put("password", "cluster-password-of-" + args.name);
            }
            case "digitalocean:index/databaseUser:DatabaseUser" -> state.put("password", "user-password-of-" + args.name);
            default -> {
            }
        }
        ids.put(args.name, id);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** The referenced stack's outputs, none of them secret (as the mock engine's {@code outputs} state holds them). */
    private CompletableFuture<ResourceResult> stackReference(ResourceArgs args) {
        String stack = String.valueOf(args.inputs.getOrDefault("name", args.name));
        Map<String, Object> outputs = stackOutputs.getOrDefault(stack, Map.of());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", stack);
        state.put("outputs", engineValue(outputs));
        state.put("secretOutputNames", List.of());
        ids.put(args.name, stack);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(stack), state));
    }

    /** The mock engine's serializer takes integers and doubles, not longs. */
    private static Object engineValue(Object v) {
        if (v instanceof Long l) {
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) l.intValue() : (Object) l.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), engineValue(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(RecordingMocks::engineValue).toList();
        }
        return v;
    }

    private static int dropletNumber(String name) {
        return Math.floorMod(name.hashCode(), 250) + 1;
    }

    /** The ID a droplet of this name gets. */
    public static String dropletId(String name) {
        return String.valueOf(400000 + dropletNumber(name));
    }

    /** The public address a droplet of this name gets, unless the test gave it one. */
    public static String ipv4Address(String name) {
        return "203.0.113." + dropletNumber(name);
    }

    /** Every resource registered so far, in registration order. */
    public List<Mocks.ResourceArgs> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    /** The inputs the engine received for one resource. */
    public Map<String, Object> inputs(String type, String name) {
        return registered().stream()
                .filter(r -> r.type.equals(type) && r.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " was registered"))
                .inputs;
    }

    /** The registration of the resource named {@code name}. */
    public Mocks.ResourceArgs named(String name) {
        return registered().stream().filter(r -> r.name.equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no resource named " + name + " among " + names()));
    }

    /** The registrations of type {@code type}, in registration order. */
    public List<Mocks.ResourceArgs> ofType(String type) {
        return registered().stream().filter(r -> r.type.equals(type)).toList();
    }

    /** The names of every registered resource, sorted. */
    public List<String> names() {
        return registered().stream().map(r -> r.name).sorted().toList();
    }

    /** The ID the resource named {@code name} was given. */
    public String id(String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new AssertionError("no resource named " + name + " among " + names());
        }
        return id;
    }

    /** The remote command named {@code name}, e.g. {@code production-app-install}. */
    @SuppressWarnings("unchecked")
    public RemoteCommandInputs remoteCommand(String name) {
        Mocks.ResourceArgs r = named(name);
        if (!r.type.equals("command:remote:Command")) {
            throw new AssertionError(name + " is a " + r.type + ", not a remote command");
        }
        Map<String, Object> connection = (Map<String, Object>) r.inputs.get("connection");
        return new RemoteCommandInputs(name, (String) connection.get("host"), (String) connection.get("user"),
                (String) connection.get("privateKey"), (String) r.inputs.get("create"), (String) r.inputs.get("update"),
                (String) r.inputs.get("delete"), (String) r.inputs.get("stdin"),
                (List<Object>) r.inputs.getOrDefault("triggers", List.of()), integer(connection.get("dialErrorLimit")),
                integer(connection.get("perDialTimeout")));
    }

    /** A whole number the mock engine passed as a double, or null. */
    private static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    /** The user data of the droplet named {@code name}: what cloud-init boots it with. */
    public String userData(String name) {
        return (String) named(name).inputs.get("userData");
    }
}
