package fr.mangaki.verdandi.resource;

import fr.mangaki.verdandi.resource.command.RemoteCommand;
import fr.mangaki.verdandi.resource.digitalocean.DnsRecord;
import fr.mangaki.verdandi.resource.digitalocean.Domain;
import fr.mangaki.verdandi.resource.digitalocean.Droplet;
import fr.mangaki.verdandi.resource.digitalocean.Firewall;
import fr.mangaki.verdandi.resource.digitalocean.MonitorAlert;
import fr.mangaki.verdandi.resource.digitalocean.SshKey;
import fr.mangaki.verdandi.resource.digitalocean.UptimeAlert;
import fr.mangaki.verdandi.resource.digitalocean.UptimeCheck;
import fr.mangaki.verdandi.resource.digitalocean.Vpc;
import fr.mangaki.verdandi.resource.internal.ResourceClassScanner;
import fr.mangaki.verdandi.resource.internal.SchemaContract;
import fr.mangaki.verdandi.resource.internal.SchemaContractChecker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every resource class sends only what the provider schemas accept, with their types, and every
 * input they require. Bumping a provider: new schema in ../shared/schemas, run
 * scripts/extract-schema-contract, fix what this test names.
 */
class SchemaContractTest {
    private static final List<Class<?>> EXPECTED = List.of(
            Vpc.class, Droplet.class, Firewall.class, Domain.class, DnsRecord.class, SshKey.class,
            MonitorAlert.class, UptimeCheck.class, UptimeAlert.class, RemoteCommand.class);

    @Test
    void scanFindsEveryResourceClass() {
        var found = ResourceClassScanner.scan("fr.mangaki.verdandi.resource");
        var missing = new ArrayList<>(EXPECTED);
        missing.removeAll(found);
        assertEquals(List.of(), missing, "resource classes the scan did not find");
    }

    @Test
    void everyResourceClassMatchesTheSchemaContract() {
        var checker = new SchemaContractChecker(SchemaContract.load());
        var problems = new ArrayList<String>();
        for (var resourceClass : ResourceClassScanner.scan("fr.mangaki.verdandi.resource")) {
            problems.addAll(checker.checkResource(resourceClass));
        }
        assertEquals("", String.join("\n", problems), "schema contract violations");
    }

    @Test
    void contractIsUpToDateWithTheSharedSchemas() throws IOException, InterruptedException {
        var process = new ProcessBuilder("python3", "scripts/extract-schema-contract", "--check")
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "extract-schema-contract --check did not finish");
        assertEquals(0, process.exitValue(), output);
        int resources = SchemaContract.load().resources().size();
        assertTrue(output.contains("are up to date (" + resources + " resources"), output);
    }
}
