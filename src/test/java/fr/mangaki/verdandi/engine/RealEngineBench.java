package fr.mangaki.verdandi.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.mangaki.verdandi.cli.CliRun;
import fr.mangaki.verdandi.engine.internal.EventLog;
import fr.mangaki.verdandi.engine.internal.PreviewComparison;
import fr.mangaki.verdandi.engine.internal.PulumiSandbox;
import fr.mangaki.verdandi.engine.internal.PulumiSandbox.Binaries;
import fr.mangaki.verdandi.engine.internal.PulumiSandbox.Run;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of bench/real-engine: a real preview of production compared with the offline
 * plan, a real {@code up} of production then staging, a second {@code up} of each (no change
 * expected), the preview of a day-two change (a team key added), and a {@code destroy} of
 * both, all under the real CLI, engine and Java language host with the provider stand-in.
 * Prints {@code key=value} figures on one line; progress and problems go to stderr.
 *
 * <p>Usage: {@code RealEngineBench}; bench/real-engine adds the build figures.
 */
public final class RealEngineBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealEngineBench() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Map<String, String> figures = new LinkedHashMap<>();
        Binaries binaries = Binaries.build(repo);
        info("binaries: " + binaries.versions());
        try (PulumiSandbox sb = PulumiSandbox.create(repo, binaries, PulumiSandbox.programClasspath())) {
            info("preview -s production");
            Run preview = sb.pulumi("preview", "-s", "production", "--json").requireSuccess();
            CliRun plan = CliRun.run("plan", "--stack-file", sb.project().resolve("Pulumi.production.yaml").toString(), "--json");
            if (plan.status() != 0) {
                throw new IllegalStateException("verdandi plan failed: " + plan.err());
            }
            PreviewComparison c = PreviewComparison.of(JSON.readTree(preview.out()), JSON.readTree(plan.out()));
            c.differences().forEach(d -> info("preview and plan differ: " + d));
            figures.put("preview_resources", Integer.toString(c.previewResources()));
            figures.put("plan_resources", Integer.toString(c.planResources()));
            figures.put("preview_matches_plan", c.differences().isEmpty() ? "1" : "0");

            figures.put("up_production_s", seconds(up(sb, "production")));
            figures.put("up_staging_s", seconds(up(sb, "staging")));
            int changes = 0;
            for (String stack : new String[] {"production", "staging"}) {
                Path log = sb.file(stack + "-noop.json");
                sb.pulumi("up", "-s", stack, "--yes", "--event-log", log.toString()).requireSuccess();
                EventLog events = EventLog.read(log);
                info("second up -s " + stack + ": " + events.changes());
                changes += events.changed();
            }
            figures.put("noop_changes", Integer.toString(changes));

            sb.pulumi("config", "set", "-s", "production", "--path", "mangaki:sshKeys[1]", sb.keygen("second")).requireSuccess();
            JsonNode dayTwo = JSON.readTree(sb.pulumi("preview", "-s", "production", "--json").requireSuccess().out());
            int dropletReplacements = 0;
            for (JsonNode step : dayTwo.path("steps")) {
                if (step.path("op").asText().equals("replace")
                        && step.path("newState").path("type").asText().equals("digitalocean:index/droplet:Droplet")) {
                    dropletReplacements++;
                    info("a key added: " + step.path("urn").asText() + " replaced (" + step.path("replaceReasons") + ")");
                }
            }

            // the app droplet and the zone are protected: lift it on purpose before destroying
            sb.pulumi("config", "set", "-s", "production", "--path", "mangaki:unprotect[0]", "app").requireSuccess();
            sb.pulumi("config", "set", "-s", "production", "--path", "mangaki:unprotect[1]", "zone").requireSuccess();
            up(sb, "production");
            boolean destroyed = true;
            for (String stack : new String[] {"staging", "production"}) {
                info("destroy -s " + stack);
                Run destroy = sb.pulumi("destroy", "-s", stack, "--yes");
                if (destroy.exit() != 0) {
                    info("destroy -s " + stack + " failed:\n" + destroy.out() + destroy.err());
                    destroyed = false;
                }
            }
            if (sb.cloudResources() != 0) {
                info(sb.cloudResources() + " resources left in the stand-in after destroy");
                destroyed = false;
            }
            figures.put("destroy_ok", destroyed ? "1" : "0");
            figures.put("key_added_droplet_replacements", Integer.toString(dropletReplacements));
        }
        StringBuilder line = new StringBuilder();
        figures.forEach((k, v) -> line.append(line.isEmpty() ? "" : " ").append(k).append('=').append(v));
        System.out.println(line);
    }

    private static Run up(PulumiSandbox sb, String stack) {
        info("up -s " + stack);
        return sb.pulumi("up", "-s", stack, "--yes").requireSuccess();
    }

    private static String seconds(Run run) {
        return String.format(Locale.ROOT, "%.1f", run.took().toMillis() / 1000.0);
    }

    private static void info(String message) {
        System.err.println("real-engine bench: " + message);
    }
}
