package fr.mangaki.verdandi.component;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import fr.mangaki.verdandi.component.internal.PlannedValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another stack's {@link Platform}, read through a {@link StackReference} to its outputs:
 * how a guest stack ({@code mangaki:hosting: guest}) installs its environment on the
 * production platform.
 */
public final class PlatformReference implements PlatformHandle {
    static final String ZONE = "zone";
    static final String FRONT_IPV4 = "frontIpv4";
    static final String FRONT_DROPLET_ID = "frontDropletId";
    static final String FRONT_PRIVATE_IPV4 = "frontPrivateIpv4";
    static final String APP_IPV4 = "appIpv4";
    static final String APP_PRIVATE_IPV4 = "appPrivateIpv4";
    static final String APP_DROPLET_ID = "appDropletId";
    static final String VPC_ID = "vpcId";
    static final String ADMIN_USER = "adminUser";
    /** The stack output listing the platform's environments: name to {port, domains}. */
    public static final String ENVIRONMENTS = "environments";

    private final StackReference stack;

    private PlatformReference(StackReference stack) {
        this.stack = stack;
    }

    /** References the platform of stack {@code org/project/stack}. */
    public static PlatformReference of(String stackName) {
        return new PlatformReference(new StackReference(stackName,
                StackReferenceArgs.builder().name(stackName).build(), CustomResourceOptions.Empty));
    }

    /** The stack outputs of a platform stack, with its environments' claims. */
    public static Map<String, Output<?>> stackOutputs(Platform platform) {
        Map<String, Output<?>> out = new LinkedHashMap<>(platform.outputs());
        Map<String, Object> environments = new LinkedHashMap<>();
        platform.claims().forEach((name, slot) -> environments.put(name,
                Map.of("port", slot.port(), "domains", slot.domains())));
        out.put(ENVIRONMENTS, Output.of(environments));
        return out;
    }

    private Output<String> string(String key) {
        return PlannedValues.read(stack.requireOutput(key), String::valueOf);
    }

    private Output<Integer> integer(String key) {
        return PlannedValues.read(stack.requireOutput(key), v -> v instanceof Number n ? n.intValue()
                : Integer.valueOf(String.valueOf(v)));
    }

    @Override
    public Output<String> zone() {
        return string(ZONE);
    }

    @Override
    public Output<String> frontIpv4() {
        return string(FRONT_IPV4);
    }

    @Override
    public Output<Integer> frontDropletId() {
        return integer(FRONT_DROPLET_ID);
    }

    @Override
    public Output<String> frontPrivateIpv4() {
        return string(FRONT_PRIVATE_IPV4);
    }

    @Override
    public Output<String> appIpv4() {
        return string(APP_IPV4);
    }

    @Override
    public Output<String> appPrivateIpv4() {
        return string(APP_PRIVATE_IPV4);
    }

    @Override
    public Output<Integer> appDropletId() {
        return integer(APP_DROPLET_ID);
    }

    @Override
    public Output<String> adminUser() {
        return string(ADMIN_USER);
    }

    @Override
    public Output<Map<String, EnvironmentSlot>> environments() {
        return stack.requireOutput(ENVIRONMENTS).applyValue(PlatformReference::slots);
    }

    private static Map<String, EnvironmentSlot> slots(Object value) {
        Map<String, EnvironmentSlot> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((name, slot) -> {
                if (slot instanceof Map<?, ?> s) {
                    Object port = s.get("port");
                    List<String> domains = s.get("domains") instanceof List<?> l
                            ? l.stream().map(String::valueOf).toList() : List.of();
                    out.put(String.valueOf(name), new EnvironmentSlot(
                            port instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(port)), domains));
                }
            });
        }
        return out;
    }
}
