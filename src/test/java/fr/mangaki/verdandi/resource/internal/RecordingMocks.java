package fr.mangaki.verdandi.resource.internal;

import com.pulumi.test.Mocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Pulumi mocks that record every registered resource with the inputs the engine received, and
 * answer like DigitalOcean would: droplets get numeric IDs and addresses derived from their name
 * (registration order is not deterministic), SSH keys a fingerprint, records an FQDN; any other
 * resource gets the ID {@code <name>-id}. The state echoes the inputs.
 */
public final class RecordingMocks implements Mocks {
    private final List<Mocks.ResourceArgs> registered = Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        registered.add(args);
        var state = new HashMap<String, Object>(args.inputs);
        String id = args.name + "-id";
        switch (args.type) {
            case "digitalocean:index/droplet:Droplet" -> {
                id = dropletId(args.name);
                state.putIfAbsent("name", args.name);
                state.put("ipv4Address", ipv4Address(args.name));
                state.put("ipv4AddressPrivate", "10.110.0." + dropletNumber(args.name));
                state.put("dropletUrn", "do:droplet:" + id);
            }
            case "digitalocean:index/sshKey:SshKey" -> state.put("fingerprint", "SHA256:fingerprint-of-" + args.name);
            case "digitalocean:index/dnsRecord:DnsRecord" ->
                    state.put("fqdn", args.inputs.get("name") + "." + args.inputs.get("domain"));
            case "command:remote:Command" -> {
                state.put("stdout", "");
                state.put("stderr", "");
            }
            default -> {
            }
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    private static int dropletNumber(String name) {
        return Math.floorMod(name.hashCode(), 250) + 1;
    }

    /** The ID a droplet of this name gets. */
    public static String dropletId(String name) {
        return String.valueOf(400000 + dropletNumber(name));
    }

    /** The public address a droplet of this name gets. */
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
}
