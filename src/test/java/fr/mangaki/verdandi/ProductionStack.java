package fr.mangaki.verdandi;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import fr.mangaki.verdandi.component.Environment;
import fr.mangaki.verdandi.component.EnvironmentArgs;
import fr.mangaki.verdandi.component.HostAccess;
import fr.mangaki.verdandi.component.Platform;
import fr.mangaki.verdandi.component.PlatformArgs;
import fr.mangaki.verdandi.component.PlatformReference;
import fr.mangaki.verdandi.config.Alerts;
import fr.mangaki.verdandi.config.Backups;
import fr.mangaki.verdandi.config.DropletSize;
import java.nio.file.Path;
import java.util.List;

// docs/configuration.md's "The same stack in Java", word for word between the two marks below
// (DocsTest checks the words; ProductionStackTest compiles it, plans it, and compares it with
// Pulumi.production.yaml's plan).
// docs: begin
public final class ProductionStack {
    public static void main(String[] args) {
        HostAccess credentials = Credentials.fromEnvironment(Path.of("").toAbsolutePath(), System.getenv());
        Pulumi.run(ctx -> declare(ctx, credentials));
    }

    /** The production stack: the platform, and the production environment on it. */
    public static void declare(Context ctx, HostAccess credentials) {
        Platform platform = new Platform("mangaki", PlatformArgs.builder()
                .region("ams3")
                .domain("mangaki.fr")
                .front(DropletSize.S_1VCPU_1GB)
                .app(DropletSize.S_1VCPU_1GB, Backups.weekly("SUN", 4))
                .sshKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPX/8lnewja82y3wXInexq4r5mHuLabSj3iMQe6xfPeI admin@mangaki.fr")
                .adminCidrs(List.of("0.0.0.0/0", "::/0"))
                .alerts(Alerts.to("ops@mangaki.fr"))          // CPU 80 %, memory 90 %, disk 85 %
                .access(credentials)
                .build());
        Environment production = new Environment(EnvironmentArgs.builder()
                .name("production")
                .platform(platform)
                .branch("production")
                .domains("mangaki.fr", "www.mangaki.fr")
                .port(8000)
                .repository("https://github.com/mangaki/mangaki.git")
                .gates("pytest")
                .process("worker", "celery -A mangaki worker --loglevel INFO --autoscale 3,1", 600)
                .process("beat", "celery -A mangaki beat --loglevel INFO")
                .postgresExtensions("pg_trgm", "unaccent")
                .redis(true)
                .settingsFile("MANGAKI_SETTINGS_PATH", "settings.ini")
                .trafficAlerts(300, 5)                          // Slack: 300 requests per minute, 5 % of 5xx
                .accessLogDays(30)
                .alertEmails("ops@mangaki.fr")
                .access(credentials)
                .build());
        PlatformReference.stackOutputs(platform).forEach(ctx::export);
        ctx.export("url", production.url());
    }
}
// docs: end
