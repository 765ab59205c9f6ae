package fr.mangaki.verdandi;

import com.pulumi.Context;
import fr.mangaki.verdandi.component.Environment;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.component.Platform;
import fr.mangaki.verdandi.component.PlatformHandle;
import fr.mangaki.verdandi.component.PlatformReference;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.stack.StackSettings;
import java.util.function.Function;

/**
 * The Mangaki program: stack settings in, DSL calls out. A platform stack declares the
 * {@link Platform} and installs its own environment on it; a guest stack references its
 * platform's stack and installs only its environment. The credentials are given: the program
 * reads nothing of the process's environment.
 */
public final class Program {
    /** The platform's name: the prefix of its resources' names ({@code mangaki-app}, {@code mangaki-vpc}...). */
    public static final String PLATFORM_NAME = "mangaki";

    private Program() {
    }

    /**
     * Declares the stack.
     *
     * @param access the SSH key and env files the environment is installed with
     */
    public static void declare(Context ctx, StackSettings settings, HostAccess access) {
        declare(ctx, settings, access, PlatformReference::of);
    }

    /**
     * Declares the stack, a guest reaching its platform through {@code platformOf}.
     *
     * @param access     the SSH key and env files the environment is installed with
     * @param platformOf the platform of a stack {@code org/project/stack} (a {@link PlatformReference})
     */
    public static void declare(Context ctx, StackSettings settings, HostAccess access,
            Function<String, PlatformHandle> platformOf) {
        PlatformHandle platform;
        Platform local = null;
        if (settings.isPlatform()) {
            local = new Platform(PLATFORM_NAME, settings.platformArgs().access(access).build());
            platform = local;
        } else {
            platform = platformOf.apply(settings.platformStack().orElseThrow());
        }
        Environment environment = new Environment(settings.environmentArgs().platform(platform).access(access).build());

        if (local != null) {
            PlatformReference.stackOutputs(local).forEach(ctx::export);
        }
        ctx.export("url", environment.url());
    }

    /**
     * The cloud-init user data of a platform stack's droplet of {@code role}: what it boots with.
     *
     * @throws ConfigException for a guest stack, which has no droplets
     */
    public static String userData(StackSettings settings, HostRole role) {
        if (!settings.isPlatform()) {
            throw new ConfigException("mangaki:hosting: stack " + settings.stack() + " is a guest of "
                    + settings.platformStack().orElse("another stack") + ": it has no droplets (render its platform's stack)");
        }
        return Platform.userData(role, role == HostRole.FRONT ? settings.front().orElseThrow()
                : settings.app().orElseThrow().size(), settings.sshKeys());
    }
}
