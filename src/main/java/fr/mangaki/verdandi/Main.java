package fr.mangaki.verdandi;

import com.pulumi.Pulumi;
import fr.mangaki.verdandi.config.PulumiConfig;
import fr.mangaki.verdandi.config.StackSettings;

/**
 * The entry point {@code pulumi up} runs (Pulumi.yaml, runtime java): reads the stack's
 * configuration from the engine, validates it, and declares the stack; the SSH key and the
 * env files' key come from the environment ({@link Credentials}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> Program.declare(ctx,
                StackSettings.parse(ctx.stackName(), PulumiConfig.fromEnvironment(System.getenv())),
                Credentials.ofProcess()));
    }
}
