package fr.mangaki.verdandi.component;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import fr.mangaki.verdandi.config.Acme;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.Rule;
import fr.mangaki.verdandi.config.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
    /** How many app droplets the platform has (its pool's maximum included); absent before docs/growth.md: one. */
    static final String APP_HOST_COUNT = "appHostCount";
    static final String VPC_ID = "vpcId";
    static final String ADMIN_USER = "adminUser";
    /** The stack output naming the front's ACME server: {@code {directory, email}}, no e-mail when it has none. */
    public static final String ACME = "acme";
    /** The stack output listing the platform's environments: name to {port, domains}. */
    public static final String ENVIRONMENTS = "environments";

    /** The referenced stack's full name. */
    public static final Rule<String> STACK_NAME = Rule.matching(
            Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"), "a stack reference org/project/stack",
            List.of("mangaki/mangaki/production", "my-org/site_2/prod.eu"),
            List.of("production", "mangaki/production", "a/b/c/d", "a b/c/d"));

    /** How a platform reference reads one output of the referenced stack. */
    @FunctionalInterface
    public interface OutputReader {
        /** The stack reference's own answer: the output, and a failed run when the stack has no such output. */
        OutputReader REQUIRE = StackReference::requireOutput;

        Output<?> read(StackReference stack, String name);
    }

    private final String stackName;
    private final StackReference stack;
    private final OutputReader reader;

    private PlatformReference(String stackName, StackReference stack, OutputReader reader) {
        this.stackName = stackName;
        this.stack = stack;
        this.reader = reader;
    }

    /**
     * References the platform of stack {@code org/project/stack}.
     *
     * @throws ConfigException when {@code stackName} is not of that form
     */
    public static PlatformReference of(String stackName) {
        return of(stackName, OutputReader.REQUIRE);
    }

    /**
     * References the platform of stack {@code org/project/stack}, reading its outputs with
     * {@code reader} (which may, say, read as unknown the outputs of a platform not deployed yet).
     *
     * @throws ConfigException when {@code stackName} is not of that form
     */
    public static PlatformReference of(String stackName, OutputReader reader) {
        new Validation().check("platformStack", Objects.requireNonNull(stackName, "stackName"), STACK_NAME)
                .throwIfAny();
        return new PlatformReference(stackName, new StackReference(stackName,
                StackReferenceArgs.builder().name(stackName).build(), CustomResourceOptions.Empty),
                Objects.requireNonNull(reader, "reader"));
    }

    /** The referenced stack's full name, {@code org/project/stack}. */
    public String stackName() {
        return stackName;
    }

    /** The referenced stack's name within its project ({@code production}): what {@code pulumi up -s} takes. */
    public String stack() {
        return stackName.substring(stackName.lastIndexOf('/') + 1);
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

    /** The {@link #ACME} output of a platform whose front gets its certificates from {@code acme}. */
    static Map<String, String> acmeOutput(Acme acme) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("directory", acme.directory());
        acme.email().ifPresent(email -> out.put("email", email));
        return out;
    }

    private Output<String> string(String key) {
        return reader.read(stack, key).applyValue(String::valueOf);
    }

    private Output<Integer> integer(String key) {
        return reader.read(stack, key).applyValue(v -> v instanceof Number n ? n.intValue()
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

    /**
     * How many app droplets the platform has (its pool's maximum included). A platform stack
     * that predates {@code app.count} has no such output: like the host files' version, the
     * platform goes up first (docs/day-two.md, the order of the stacks).
     */
    public Output<Integer> appHostCount() {
        return reader.read(stack, APP_HOST_COUNT).applyValue(v -> v == null ? 1
                : v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v)));
    }

    @Override
    public Output<String> adminUser() {
        return string(ADMIN_USER);
    }

    @Override
    public Output<Acme> acme() {
        return reader.read(stack, ACME).applyValue(PlatformReference::acme);
    }

    private static Acme acme(Object value) {
        if (!(value instanceof Map<?, ?> m) || !(m.get("directory") instanceof String directory)) {
            throw new IllegalStateException("the platform's stack output " + ACME + " is not {directory, email}: " + value);
        }
        return new Acme(directory, Optional.ofNullable(m.get("email")).map(String::valueOf));
    }

    @Override
    public Output<Map<String, EnvironmentSlot>> environments() {
        return reader.read(stack, ENVIRONMENTS).applyValue(PlatformReference::slots);
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
