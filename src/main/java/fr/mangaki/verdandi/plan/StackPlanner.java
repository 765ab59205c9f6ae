package fr.mangaki.verdandi.plan;

import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import fr.mangaki.verdandi.Program;
import fr.mangaki.verdandi.component.PlatformHandle;
import fr.mangaki.verdandi.component.PlatformReference;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import fr.mangaki.verdandi.stack.StackFile;
import fr.mangaki.verdandi.stack.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import fr.mangaki.verdandi.config.EnvironmentSettings;
import java.util.Map;

/**
 * Plans a stack of the project from its stack file: validates its settings (nothing is
 * planned when they are invalid), plans its platform's stack first when it is a guest, and
 * runs the program under the {@link OfflinePlanner}.
 *
 * <p>A guest reads its platform's planned outputs through its stack reference. Those the
 * platform's plan left unknown (addresses, ids) are read as unknown values, as a preview
 * would have them: the mock engine cannot answer a stack reference with some outputs unknown
 * (the SDK reads an object holding one unknown value as unknown as a whole), so the program's
 * {@link PlatformReference} is given a reader that knows which.
 */
public final class StackPlanner {
    private final OfflinePlanner planner = new OfflinePlanner(StackSettings.PROJECT);
    private final Map<String, String> env;

    /** A planner reading {@code VERDANDI_PGP_KEY} and its passphrase from {@code env}. */
    public StackPlanner(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Plans the stack whose file is {@code stackFile} ({@code Pulumi.<stack>.yaml}). */
    public Plan plan(Path stackFile) {
        StackSettings settings = StackFile.load(stackFile);
        Map<String, Map<String, Object>> references = Map.of();
        StackSettings platform = settings;
        Path platformFile = stackFile;
        if (!settings.isPlatform()) {
            String reference = settings.platformStack().orElseThrow();
            platformFile = platformFile(stackFile, reference);
            platform = StackFile.load(platformFile);
            if (!platform.isPlatform()) {
                throw new ConfigException("mangaki:platformStack: \"" + reference + "\" is not a platform stack ("
                        + platformFile.getFileName() + " says mangaki:hosting: guest)");
            }
            references = Map.of(reference, planSettings(platform, Map.of(), root(stackFile)).outputs());
        }
        return planSettings(settings, references, root(stackFile)).withMemory(memory(platform, platformFile));
    }

    /**
     * The platform's app droplet hosts its own environment and those of the guest stacks
     * beside its stack file that name it (mangaki:platformStack).
     */
    static MemoryEstimate memory(StackSettings platform, Path platformFile) {
        List<EnvironmentSettings> environments = new ArrayList<>(List.of(platform.environment()));
        Path dir = platformFile.toAbsolutePath().getParent();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("Pulumi\\.[^.]+\\.yaml")).sorted().toList()) {
                if (file.equals(platformFile.toAbsolutePath())) {
                    continue;
                }
                StackSettings guest;
                try {
                    guest = StackFile.load(file);
                } catch (ConfigException e) {
                    continue; // planned on its own, where its problems are reported
                }
                String reference = guest.platformStack().orElse("");
                if (!guest.isPlatform() && reference.substring(reference.lastIndexOf('/') + 1).equals(platform.stack())) {
                    environments.add(guest.environment());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return MemoryEstimate.of(platform.app().orElseThrow().size(), environments);
    }

    private Plan planSettings(StackSettings settings, Map<String, Map<String, Object>> references, Path root) {
        OfflineCredentials access = new OfflineCredentials(root, env);
        Plan plan = planner.plan(settings.stack(), ctx -> Program.declare(ctx, settings, access,
                reference -> plannedPlatform(reference, references.get(reference))), references);
        return plan.withNotes(access.notes());
    }

    /** The platform of stack {@code reference}, whose plan gave {@code planned} as its outputs. */
    private static PlatformHandle plannedPlatform(String reference, Map<String, Object> planned) {
        return PlatformReference.of(reference, (stack, name) -> PlanPlaceholders.UNKNOWN.equals(planned.get(name))
                ? stack.requireOutput(name).apply(v -> unknown())
                : stack.requireOutput(name));
    }

    private static <T> Output<T> unknown() {
        return new OutputInternal<>(OutputData.<T>unknown());
    }

    /** The repository of a stack file: where its {@code secrets/} are. */
    private static Path root(Path stackFile) {
        return stackFile.toAbsolutePath().getParent();
    }

    /** The stack file of {@code org/project/stack}, beside the guest's. */
    static Path platformFile(Path guestFile, String reference) {
        String[] parts = reference.split("/");
        String stack = parts[parts.length - 1];
        if (parts.length == 3 && !parts[1].equals(StackSettings.PROJECT)) {
            throw new ConfigException("mangaki:platformStack: \"" + reference + "\" is a stack of project " + parts[1]
                    + "; the offline plan knows only project " + StackSettings.PROJECT);
        }
        Path dir = guestFile.toAbsolutePath().getParent();
        Path file = StackFile.of(dir, stack);
        if (!Files.exists(file)) {
            throw new ConfigException("mangaki:platformStack: \"" + reference + "\" has no stack file "
                    + file.getFileName() + " beside " + guestFile.getFileName() + " to plan it from");
        }
        return file;
    }
}
