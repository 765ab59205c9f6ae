package fr.mangaki.verdandi;

import com.pulumi.Pulumi;
import fr.mangaki.verdandi.stack.PulumiConfig;
import fr.mangaki.verdandi.stack.StackSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The entry point {@code pulumi up} runs (Pulumi.yaml, runtime java), and the program's edge:
 * the one place that reads the process's environment. It reads the stack's configuration the
 * engine hands over, checks it, and declares the stack with the credentials of the
 * environment ({@link Credentials}: the SSH key, the key of the env files of the working
 * directory's {@code secrets/}, and the public keys of its {@code secrets/recipients/}, which
 * the database dumps are encrypted to).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Credentials credentials = Credentials.fromEnvironment(Path.of("").toAbsolutePath(), env);
        Pulumi.run(ctx -> Program.declare(ctx,
                StackSettings.parse(ctx.stackName(), PulumiConfig.fromEnvironment(env)), credentials));
    }
}
