package fr.mangaki.verdandi.plan;

import com.pulumi.Context;
import com.pulumi.core.internal.OutputData;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.plan.internal.PlanMocks;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program offline, as a preview under Pulumi's own mock engine
 * ({@code com.pulumi.test}): no Pulumi CLI, no cloud. The program registers its resources
 * exactly as under {@code pulumi preview}; the mock engine answers each registration with the
 * inputs it was given, so values that only the provider decides (addresses, ids) stay
 * unknown and show as {@link PlanPlaceholders#UNKNOWN}. Stack references are answered with the
 * outputs given for the referenced stack (for a guest, its platform's planned outputs).
 */
public final class OfflinePlanner {
    /** The engine's own log stays quiet: its errors come back in the result and are rethrown. */
    private static final java.util.logging.Logger QUIET = quiet();

    private final String project;

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    /** A planner for the Pulumi project {@code project} (the {@code name} of Pulumi.yaml). */
    public OfflinePlanner(String project) {
        this.project = project;
    }

    /**
     * Plans {@code program} as stack {@code stack}.
     *
     * @param stackOutputs for each stack the program references ({@code org/project/stack}),
     *                     its outputs as a plan shows them
     * @throws ConfigException when the program refuses its configuration
     * @throws PlanException   when the program fails otherwise
     */
    public Plan plan(String stack, Consumer<Context> program, Map<String, Map<String, Object>> stackOutputs) {
        PlanMocks mocks = new PlanMocks(stackOutputs);
        RecordingMonitor monitor = new RecordingMonitor(mocks);
        TestOptions options = TestOptions.builder().projectName(project).stackName(stack).preview(true).build();
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(options)
                    .mocks(mocks)
                    .monitorDecorator(m -> monitor)
                    .standardLogger(QUIET)
                    .build()
                    .runTest(program);
            rethrow(result);
            List<PlannedResource> resources = treeOrder(monitor.recorded());
            return new Plan(stack, resources, outputs(result), CostEstimator.estimate(resources));
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static void rethrow(TestResult result) {
        for (Exception e : result.exceptions()) {
            Throwable t = e;
            while (t != null) {
                if (t instanceof ConfigException c) {
                    throw c;
                }
                t = t.getCause();
            }
        }
        if (!result.exceptions().isEmpty()) {
            Throwable first = result.exceptions().get(0);
            while ((first instanceof java.util.concurrent.CompletionException
                    || first instanceof java.util.concurrent.ExecutionException) && first.getCause() != null) {
                first = first.getCause();
            }
            throw new PlanException("the program failed: " + first, first);
        }
        if (!result.errors().isEmpty() || result.exitCode() != 0) {
            throw new PlanException("the program failed: " + String.join("; ", result.errors()), null);
        }
    }

    /**
     * Registration order depends on the engine's threads: a plan lists the resources in tree
     * order instead (each parent, then its children by name), so that two plans of the same
     * program are identical.
     */
    static List<PlannedResource> treeOrder(List<PlannedResource> recorded) {
        List<PlannedResource> out = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        recorded.forEach(r -> names.add(r.name()));
        java.util.Comparator<PlannedResource> byName = java.util.Comparator.comparing(PlannedResource::name);
        java.util.Deque<PlannedResource> todo = new java.util.ArrayDeque<>();
        recorded.stream().filter(r -> r.parent().isEmpty() || !names.contains(r.parent().get()))
                .sorted(byName.reversed()).forEach(todo::push);
        while (!todo.isEmpty()) {
            PlannedResource r = todo.pop();
            out.add(r);
            recorded.stream().filter(c -> c.parent().filter(r.name()::equals).isPresent())
                    .sorted(byName.reversed()).forEach(todo::push);
        }
        return out;
    }

    private static Map<String, Object> outputs(TestResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        new TreeMap<>(result.outputs()).forEach((k, v) -> {
            OutputData<?> data = PulumiTestInternal.extractOutputData(v);
            out.put(k, data.isSecret() ? PlanPlaceholders.SECRET
                    : !data.isKnown() ? PlanPlaceholders.UNKNOWN : DisplayValues.of(data.getValueNullable()));
        });
        return out;
    }

    /** The program failed for a reason other than its configuration. */
    public static final class PlanException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlanException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
