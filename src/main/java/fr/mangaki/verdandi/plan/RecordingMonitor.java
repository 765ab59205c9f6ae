package fr.mangaki.verdandi.plan;

import com.google.protobuf.Struct;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import fr.mangaki.verdandi.plan.internal.ProtoValues;
import fr.mangaki.verdandi.plan.internal.Urns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * Pulumi's own mock monitor, watched: every registration request is recorded exactly as
 * the engine would receive it (secrets still marked, unknown values still unknown, the
 * parent's URN, the resource options) before the mock monitor answers it.
 */
final class RecordingMonitor extends MockMonitor {
    private final List<PlannedResource> recorded = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks) {
        super(mocks, com.pulumi.test.internal.PulumiTestInternal.mockLog());
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
            RegisterResourceRequest request) {
        Optional<String> parent = request.getParent().isEmpty()
                ? Optional.empty() : Optional.of(Urns.name(request.getParent()));
        Struct inputs = request.getObject();
        recorded.add(new PlannedResource(request.getType(), request.getName(), parent,
                ProtoValues.toDisplay(inputs), request.getCustom(), options(request), dependencies(request)));
        return super.registerResourceAsync(resource, request);
    }

    /** For each input that comes from other resources, their logical names, sorted. */
    static java.util.Map<String, List<String>> dependencies(RegisterResourceRequest request) {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
        request.getPropertyDependenciesMap().forEach((input, d) -> {
            List<String> names = d.getUrnsList().stream().map(Urns::name).distinct().sorted().toList();
            if (!names.isEmpty()) {
                out.put(input, names);
            }
        });
        return out;
    }

    /**
     * The options of a registration. The request lists every resource the new one depends on
     * ({@code dependencies}: those its inputs come from, by property, and its {@code dependsOn});
     * those no input explains are its {@code dependsOn}, by logical name, sorted.
     */
    static ResourceOptions options(RegisterResourceRequest request) {
        java.util.Set<String> fromInputs = new java.util.HashSet<>();
        request.getPropertyDependenciesMap().values().forEach(d -> fromInputs.addAll(d.getUrnsList()));
        List<String> dependsOn = request.getDependenciesList().stream().filter(u -> !fromInputs.contains(u))
                .map(Urns::name).distinct().sorted().toList();
        return new ResourceOptions(request.getProtect(), request.getIgnoreChangesList(), dependsOn,
                request.getDeleteBeforeReplace(), request.getReplaceOnChangesList(),
                request.getAdditionalSecretOutputsList(),
                request.getImportId().isEmpty() ? Optional.empty() : Optional.of(request.getImportId()));
    }

    /** Reads (a stack reference) are shown too, with the id they read, as {@code pulumi up} does. */
    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        Optional<String> parent = request.getParent().isEmpty()
                ? Optional.empty() : Optional.of(Urns.name(request.getParent()));
        java.util.Map<String, Object> inputs = new java.util.LinkedHashMap<>(ProtoValues.toDisplay(request.getProperties()));
        inputs.putIfAbsent("id", request.getId());
        recorded.add(new PlannedResource(request.getType(), request.getName(), parent, inputs, true));
        return super.readResourceAsync(resource, request);
    }

    /** What was registered, in order. */
    List<PlannedResource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }
}
