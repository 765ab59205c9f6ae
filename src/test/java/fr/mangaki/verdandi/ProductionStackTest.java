package fr.mangaki.verdandi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.plan.OfflinePlanner;
import fr.mangaki.verdandi.plan.Plan;
import fr.mangaki.verdandi.plan.PlanJson;
import fr.mangaki.verdandi.stack.StackFile;
import fr.mangaki.verdandi.stack.StackSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The documentation's Java example ({@link ProductionStack}) is the production stack: planned
 * offline, it declares exactly what {@code Pulumi.production.yaml} declares through the
 * program, resource for resource, input for input, output for output.
 */
class ProductionStackTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void theJavaExampleDeclaresTheProductionStack() {
        OfflinePlanner planner = new OfflinePlanner(StackSettings.PROJECT);
        StackSettings settings = StackFile.load(StackFile.of(PROJECT, "production"));
        Plan fromYaml = planner.plan("production",
                ctx -> Program.declare(ctx, settings, new ProgramTest.TestAccess()), Map.of());
        Plan fromJava = planner.plan("production",
                ctx -> ProductionStack.declare(ctx, new ProgramTest.TestAccess()), Map.of());

        assertTrue(fromJava.named("production-app-install").isPresent(), fromJava::toString);
        assertEquals(PlanJson.write(fromYaml), PlanJson.write(fromJava),
                "the Java example (docs: The same stack in Java) no longer declares Pulumi.production.yaml's stack");
    }
}
