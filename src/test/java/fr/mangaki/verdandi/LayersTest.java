package fr.mangaki.verdandi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers of CONTRIBUTING.md ("Layers and the direction of their dependencies"), read from
 * the main sources' imports: each layer uses only the layers its row allows, an
 * {@code internal} package is used only by its own layer, and no two packages use each other,
 * directly or through others.
 */
class LayersTest {
    static final Path MAIN = Path.of("src/main/java/fr/mangaki/verdandi");
    static final String PROGRAM = "program";

    /** CONTRIBUTING.md's table: what each layer may use. */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "resource", Set.of(),
            "config", Set.of(),
            "stack", Set.of("component", "config"),
            "host", Set.of("config"),
            "cloudinit", Set.of("host", "config"),
            "secrets", Set.of(),
            "component", Set.of("resource", "config", "host", "cloudinit"),
            PROGRAM, Set.of("component", "config", "stack", "secrets", "host"),
            "plan", Set.of(PROGRAM, "config", "stack", "component", "secrets"),
            "cli", Set.of(PROGRAM, "resource", "config", "stack", "host", "cloudinit", "secrets", "component", "plan"));

    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?fr\\.mangaki\\.verdandi\\.((?:[a-z][a-z0-9]*\\.)*)[A-Z]", Pattern.MULTILINE);

    @Test
    void everyLayerUsesOnlyWhatItsRowAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> use : packageUses().entrySet()) {
            String from = layer(use.getKey());
            assertTrue(MAY_USE.containsKey(from), "package " + use.getKey() + " is in no layer of CONTRIBUTING.md");
            for (String to : use.getValue()) {
                String target = layer(to);
                if (!target.equals(from) && !MAY_USE.get(from).contains(target)) {
                    violations.add(use.getKey() + " uses " + to);
                }
                if (to.endsWith(".internal") && !use.getKey().startsWith(to.substring(0, to.length() - ".internal".length()))) {
                    violations.add(use.getKey() + " uses another layer's helpers " + to);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noTwoPackagesUseEachOther() throws IOException {
        Map<String, Set<String>> uses = packageUses();
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (reaches(uses, start, start, new TreeSet<>())) {
                cycles.add(start);
            }
        }
        assertEquals(List.of(), cycles, "packages on an import cycle");
    }

    @Test
    void theCheckSeesACycleAndAForbiddenUse() {
        Map<String, Set<String>> cyclic = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));
        assertTrue(reaches(cyclic, "a", "a", new TreeSet<>()));
        assertFalse(reaches(Map.of("a", Set.of("b"), "b", Set.of()), "a", "a", new TreeSet<>()));
        assertEquals("component", layer("component.internal"));
        assertEquals(PROGRAM, layer(""));
        assertFalse(MAY_USE.get("component").contains(layer("plan")));
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(uses, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The layer of a package given relative to {@code fr.mangaki.verdandi} ("" is the program). */
    static String layer(String pkg) {
        return pkg.isEmpty() ? PROGRAM : pkg.split("\\.")[0];
    }

    /** Package (relative, "" for the program) → the other packages its classes import. */
    private static Map<String, Set<String>> packageUses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String to = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                    if (!to.equals(pkg)) {
                        used.add(to);
                    }
                }
            }
        }
        return uses;
    }
}
