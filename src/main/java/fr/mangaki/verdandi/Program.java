package fr.mangaki.verdandi;

import com.pulumi.Context;
import fr.mangaki.verdandi.component.Environment;
import fr.mangaki.verdandi.component.EnvironmentArgs;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.component.Platform;
import fr.mangaki.verdandi.component.PlatformArgs;
import fr.mangaki.verdandi.component.PlatformHandle;
import fr.mangaki.verdandi.component.PlatformReference;
import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.StackSettings;
import java.util.List;

/**
 * The Mangaki program: stack settings in, DSL calls out. A platform stack declares the
 * {@link Platform} and installs its own environment on it; a guest stack references its
 * platform's stack and installs only its environment.
 */
public final class Program {
    /** The platform's name, and the prefix of its resources' names. */
    public static final String PLATFORM = "mangaki";

    private Program() {
    }

    /** The platform a platform stack's settings describe. */
    public static PlatformArgs platformArgs(StackSettings settings) {
        if (!settings.isPlatform()) {
            throw new ConfigException("mangaki:hosting: stack " + settings.stack() + " is a guest of "
                    + settings.platformStack().orElse("another stack") + ": it has no droplets (render its platform's stack)");
        }
        StackSettings.AppSettings app = settings.app().orElseThrow();
        PlatformArgs.Builder b = PlatformArgs.builder()
                .region(settings.region())
                .domain(settings.domain())
                .front(settings.front().orElseThrow())
                .app(app.size(), app.backups())
                .sshKeys(settings.sshKeys())
                .adminCidrs(settings.adminCidrs());
        settings.alerts().ifPresent(b::alerts);
        return b.build();
    }

    /**
     * Declares the stack.
     *
     * @param access the SSH key and env files the environment is installed with
     */
    public static void declare(Context ctx, StackSettings settings, HostAccess access) {
        PlatformHandle platform;
        Platform local = null;
        if (settings.isPlatform()) {
            local = new Platform(PLATFORM, platformArgs(settings), access, null);
            platform = local;
        } else {
            platform = PlatformReference.of(settings.platformStack().orElseThrow());
        }
        List<String> emails = settings.alerts().map(Alerts::emails).orElse(List.of());
        Environment environment = new Environment(settings.environment().name(),
                EnvironmentArgs.of(settings.environment(), platform, access).withAlertEmails(emails)
                        .withAcme(settings.acme()));

        if (local != null) {
            PlatformReference.stackOutputs(local).forEach(ctx::export);
        }
        ctx.export("url", environment.url());
    }
}
