package fr.mangaki.verdandi.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.core.annotations.ResourceType;
import fr.mangaki.verdandi.resource.command.CommandPackage;
import fr.mangaki.verdandi.resource.digitalocean.DigitalOceanPackage;
import fr.mangaki.verdandi.resource.internal.ResourceClassScanner;
import fr.mangaki.verdandi.resource.internal.SchemaContract;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider plugins are declared the way the Java language host discovers them: a
 * {@code com/pulumi/<package>/plugin.json} resource on the classpath, read by Pulumi's
 * {@code com.pulumi.bootstrap.internal.Main packages} (what {@code pulumi up} runs through Maven),
 * and every resource class names its package version.
 */
class PluginDeclarationTest {
    private static final Map<String, String> VERSIONS = Map.of(
            DigitalOceanPackage.NAME, DigitalOceanPackage.VERSION,
            CommandPackage.NAME, CommandPackage.VERSION);

    @Test
    void pluginJsonFilesAreOnTheClasspathWithNameAndVersion() throws IOException {
        var mapper = new ObjectMapper();
        for (var entry : VERSIONS.entrySet()) {
            String path = "com/pulumi/" + entry.getKey() + "/plugin.json";
            try (var in = getClass().getClassLoader().getResourceAsStream(path)) {
                assertNotNull(in, path + " is not on the classpath");
                JsonNode plugin = mapper.readTree(in);
                assertEquals(true, plugin.path("resource").asBoolean(false), path + " resource");
                assertEquals(entry.getKey(), plugin.path("name").asText(), path + " name");
                assertEquals(entry.getValue(), plugin.path("version").asText(), path + " version");
            }
        }
    }

    @Test
    void packageVersionsAreTheVersionsOfTheSchemaContract() {
        var contract = SchemaContract.load();
        assertEquals(VERSIONS.keySet(), contract.packages().keySet());
        VERSIONS.forEach((name, version) ->
                assertEquals(contract.packages().get(name).version(), version, name + " version"));
        assertEquals("4.76.0", DigitalOceanPackage.VERSION);
        assertEquals("1.2.1", CommandPackage.VERSION);
    }

    @Test
    void pulumiBootstrapDiscoversBothPlugins() throws IOException {
        var captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            com.pulumi.bootstrap.internal.Main.main(new String[]{"packages"});
        } finally {
            System.setOut(original);
        }
        JsonNode plugins = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
        var found = new ArrayList<String>();
        plugins.forEach(p -> found.add(p.path("resource").asBoolean() + " " + p.path("name").asText()
                + " " + p.path("version").asText()));
        assertTrue(found.contains("true digitalocean 4.76.0"), found.toString());
        assertTrue(found.contains("true command 1.2.1"), found.toString());
    }

    @Test
    void everyResourceClassCarriesItsPackageVersion() {
        var classes = ResourceClassScanner.scan("fr.mangaki.verdandi.resource");
        assertTrue(classes.size() >= 10, "found only " + classes);
        for (var resourceClass : classes) {
            ResourceType type = resourceClass.getAnnotation(ResourceType.class);
            String packageName = SchemaContract.packageOf(type.type());
            assertEquals(VERSIONS.get(packageName), type.version(), resourceClass.getSimpleName() + " @ResourceType version");
        }
    }
}
