package fr.mangaki.verdandi.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.StackReference;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner on small resources of the test's own, to pin down what the mock engine does. */
class OfflinePlannerTest {

    @ResourceType(type = "test:index/box:Box")
    public static final class Box extends CustomResource {
        @Export(name = "address", refs = {String.class}, tree = "[0]")
        private Output<String> address;

        public Box(String name, BoxArgs args, CustomResourceOptions options) {
            super("test:index/box:Box", name, args, options);
        }

        public Output<String> address() {
            return address;
        }
    }

    public static final class BoxArgs extends ResourceArgs {
        @Import(name = "label")
        private Output<String> label;
        @Import(name = "password")
        private Output<String> password;
        @Import(name = "tags")
        private Output<List<String>> tags;

        BoxArgs(Output<String> label, Output<String> password, List<String> tags) {
            this.label = label;
            this.password = password;
            this.tags = tags == null ? null : Output.of(tags);
        }
    }

    static final class Group extends ComponentResource {
        Group(String name) {
            super("test:group:Group", name, ComponentResourceOptions.builder().build());
            Box first = new Box(name + "-first", new BoxArgs(Output.of("one"), null, List.of("a", "b")),
                    CustomResourceOptions.builder().parent(this).build());
            new Box(name + "-second", new BoxArgs(first.address(), Output.ofSecret("hunter2"), null),
                    CustomResourceOptions.builder().parent(this).build());
            registerOutputs(Map.of());
        }
    }

    private final OfflinePlanner planner = new OfflinePlanner("proj");

    @Test
    void recordsTypesNamesParentsAndInputs() {
        Plan plan = planner.plan("dev", ctx -> new Group("g"), Map.of());
        PlannedResource first = plan.named("g-first").orElseThrow();
        assertEquals("test:index/box:Box", first.type());
        assertEquals("g", first.parent().orElseThrow());
        assertEquals(Map.of("label", "one", "tags", List.of("a", "b")), first.inputs());
        PlannedResource group = plan.named("g").orElseThrow();
        assertFalse(group.custom());
        assertEquals("proj-dev", group.parent().orElseThrow());
        assertEquals("pulumi:pulumi:Stack", plan.named("proj-dev").orElseThrow().type());
        assertTrue(plan.named("proj-dev").orElseThrow().parent().isEmpty());
    }

    @Test
    void showsProviderDecidedValuesAsUnknownAndSecretsAsSecret() {
        Plan plan = planner.plan("dev", ctx -> new Group("g"), Map.of());
        PlannedResource second = plan.named("g-second").orElseThrow();
        assertEquals(PlanPlaceholders.UNKNOWN, second.inputs().get("label"));
        assertEquals(PlanPlaceholders.SECRET, second.inputs().get("password"));
        assertFalse(plan.toString().contains("hunter2"));
    }

    @Test
    void exportsStackOutputsWithSecretsHidden() {
        Plan plan = planner.plan("dev", ctx -> {
            Group g = new Group("g");
            ctx.export("plain", Output.of(8000));
            ctx.export("hidden", Output.ofSecret("hunter2"));
        }, Map.of());
        assertEquals(8000L, plan.outputs().get("plain"));
        assertEquals(PlanPlaceholders.SECRET, plan.outputs().get("hidden"));
    }

    @Test
    void answersStackReferencesWithTheGivenOutputs() {
        Plan plan = planner.plan("guest", ctx -> {
            StackReference ref = new StackReference("org/proj/platform");
            ctx.export("seen", ref.requireOutput("port"));
            ctx.export("address", ref.requireOutput("address"));
        }, Map.of("org/proj/platform", Map.of("port", 8000, "address", PlanPlaceholders.UNKNOWN)));
        assertEquals(8000L, plan.outputs().get("seen"));
        assertEquals(PlanPlaceholders.UNKNOWN, plan.outputs().get("address"));
    }

    @Test
    void rethrowsConfigurationProblems() {
        ConfigException e = assertThrows(ConfigException.class, () -> planner.plan("dev", ctx -> {
            throw new ConfigException("mangaki:x: bad");
        }, Map.of()));
        assertEquals(List.of("mangaki:x: bad"), e.problems());
    }
}
