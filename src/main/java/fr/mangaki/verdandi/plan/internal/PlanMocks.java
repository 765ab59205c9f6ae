package fr.mangaki.verdandi.plan.internal;

import com.pulumi.test.Mocks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The mock engine's answers for an offline plan: a resource's state is the inputs it was
 * given, its id unknown (as in a preview), and a stack reference returns the outputs
 * given for that stack, its secrets still secret. The referenced stack's values that are
 * known only after its own apply are passed on as the text {@link PlanPlaceholders#UNKNOWN}
 * rather than as unknowns: a deployed stack's outputs are all known, and one unknown
 * would make the whole reference unknown.
 */
public final class PlanMocks implements Mocks {
    static final String STACK_REFERENCE = "pulumi:pulumi:StackReference";

    private final Map<String, Map<String, Object>> stackOutputs;

    public PlanMocks(Map<String, Map<String, Object>> stackOutputs) {
        this.stackOutputs = Map.copyOf(stackOutputs);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (STACK_REFERENCE.equals(args.type)) {
            String stack = String.valueOf(args.inputs.getOrDefault("name", args.name));
            Map<String, Object> outputs = stackOutputs.get(stack);
            if (outputs == null) {
                throw new IllegalStateException("no plan of stack " + stack + " to read its outputs from");
            }
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("name", stack);
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> secretNames = new ArrayList<>();
            outputs.forEach((k, v) -> {
                if (PlanPlaceholders.SECRET.equals(v)) {
                    secretNames.add(k);
                }
                values.put(k, engineValue(v));
            });
            state.put("outputs", values);
            state.put("secretOutputNames", secretNames);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(stack), state));
        }
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), args.inputs));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        throw new UnsupportedOperationException("the offline plan has no answer for function " + args.token
                + ": the program must not call provider functions");
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
            return l.stream().map(PlanMocks::engineValue).toList();
        }
        return v;
    }
}
