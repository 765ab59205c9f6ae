package fr.mangaki.verdandi.plan;

import fr.mangaki.verdandi.Program;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.StackFile;
import fr.mangaki.verdandi.config.StackSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Plans a stack of the project from its stack file: validates its settings (nothing is
 * planned when they are invalid), plans its platform's stack first when it is a guest, and
 * runs the program under the {@link OfflinePlanner}.
 */
public final class StackPlanner {
    /** The Pulumi project name (Pulumi.yaml). */
    public static final String PROJECT = "mangaki";

    private final OfflinePlanner planner = new OfflinePlanner(PROJECT);

    /** Plans the stack whose file is {@code stackFile} ({@code Pulumi.<stack>.yaml}). */
    public Plan plan(Path stackFile) {
        StackSettings settings = StackFile.load(stackFile);
        Map<String, Map<String, Object>> references = Map.of();
        if (!settings.isPlatform()) {
            String reference = settings.platformStack().orElseThrow();
            Path platformFile = platformFile(stackFile, reference);
            StackSettings platform = StackFile.load(platformFile);
            if (!platform.isPlatform()) {
                throw new ConfigException("mangaki:platformStack: \"" + reference + "\" is not a platform stack ("
                        + platformFile.getFileName() + " says mangaki:hosting: guest)");
            }
            references = Map.of(reference, planSettings(platform).outputs());
        }
        return planSettings(settings, references);
    }

    private Plan planSettings(StackSettings settings) {
        return planSettings(settings, Map.of());
    }

    private Plan planSettings(StackSettings settings, Map<String, Map<String, Object>> references) {
        return planner.plan(settings.stack(), ctx -> Program.declare(ctx, settings), references);
    }

    /** The stack file of {@code org/project/stack}, beside the guest's. */
    static Path platformFile(Path guestFile, String reference) {
        String[] parts = reference.split("/");
        String stack = parts[parts.length - 1];
        if (parts.length == 3 && !parts[1].equals(PROJECT)) {
            throw new ConfigException("mangaki:platformStack: \"" + reference + "\" is a stack of project " + parts[1]
                    + "; the offline plan knows only project " + PROJECT);
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
