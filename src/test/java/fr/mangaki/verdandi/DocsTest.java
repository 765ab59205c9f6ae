package fr.mangaki.verdandi;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's documents: the README is short and opens with the two commands (CI reads the
 * test command there), every other document is linked from it, every relative link and
 * anchor resolves (anchors as GitHub makes them from headings), and comments and documents
 * cite only documents of this repository.
 */
class DocsTest {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final int README_MAX_BYTES = 10_000;

    /** The README's first lines, exactly. */
    static final String README_OPENING = """
            # Verdandi

            ```sh
            bin/verdandi plan --stack production     # offline plan of production: resources, outputs, monthly cost
            bash .ci/run                              # the tests: installs what they need, then runs `mvn -B -ntp verify`
            ```
            """;

    @Test
    void theReadmeIsShortAndOpensWithTheTwoCommands() throws IOException {
        byte[] readme = Files.readAllBytes(ROOT.resolve("README.md"));
        assertTrue(readme.length <= README_MAX_BYTES, "README.md is " + readme.length + " bytes, over " + README_MAX_BYTES);
        assertTrue(new String(readme, StandardCharsets.UTF_8).startsWith(README_OPENING), "README.md's opening changed");
    }

    @Test
    void everyDocumentIsLinkedFromTheReadme() throws IOException {
        Set<Path> linked = new LinkedHashSet<>();
        for (String target : links(ROOT.resolve("README.md"))) {
            if (isRelative(target)) {
                linked.add(ROOT.resolve(pathPart(target)).normalize());
            }
        }
        List<Path> unlinked = new ArrayList<>();
        for (Path doc : documents()) {
            if (!doc.getFileName().toString().equals("README.md") || !doc.getParent().equals(ROOT)) {
                if (!linked.contains(doc)) {
                    unlinked.add(ROOT.relativize(doc));
                }
            }
        }
        assertEquals(List.of(), unlinked, "documents the README does not link to");
    }

    @Test
    void theJavaStackInTheDocsIsTheOneProductionStackTestPlans() throws IOException {
        String source = Files.readString(ROOT.resolve("src/test/java/fr/mangaki/verdandi/ProductionStack.java"));
        String compiled = source.split("// docs: begin\n", 2)[1].split("// docs: end", 2)[0];
        String doc = Files.readString(ROOT.resolve("docs/configuration.md"));
        int heading = doc.indexOf("## The same stack in Java");
        assertTrue(heading >= 0, "docs/configuration.md has no \"The same stack in Java\" section");
        int start = doc.indexOf("```java\n", heading) + "```java\n".length();
        String shown = doc.substring(start, doc.indexOf("```\n", start));
        assertEquals(compiled, shown, "docs/configuration.md's Java stack differs from ProductionStack.java's");
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            for (String target : links(doc)) {
                if (!isRelative(target)) {
                    continue;
                }
                String path = pathPart(target);
                Path file = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
                if (!Files.exists(file)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
                    continue;
                }
                int hash = target.indexOf('#');
                if (hash >= 0) {
                    String anchor = target.substring(hash + 1);
                    if (!file.toString().endsWith(".md")) {
                        broken.add(ROOT.relativize(doc) + ": " + target + " (an anchor into a file that is not Markdown)");
                    } else if (!anchors(file).contains(anchor)) {
                        broken.add(ROOT.relativize(doc) + ": " + target + " (no heading makes #" + anchor
                                + "; there are " + anchors(file) + ")");
                    }
                }
            }
        }
        assertEquals("", String.join("\n", broken), "broken links");
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() throws IOException {
        Path doc = Files.createTempFile("docs-test", ".md");
        try {
            Files.writeString(doc, """
                    # Running `pulumi up` for real
                    ## Memory: two environments and PostgreSQL on one 1 GiB droplet
                    ## `verdandi plan --diff`
                    ## Tracing a script (`VERDANDI_TRACE`)
                    ## Tests
                    ## Tests
                    """);
            assertEquals(List.of("running-pulumi-up-for-real", "memory-two-environments-and-postgresql-on-one-1-gib-droplet",
                    "verdandi-plan---diff", "tracing-a-script-verdandi_trace", "tests", "tests-1"), anchors(doc));
        } finally {
            Files.delete(doc);
        }
    }

    /** Comments and documents cite this repository's documents, never one kept beside it. */
    @Test
    void nothingCitesADesignDocumentOutsideTheRepository() throws IOException {
        // spelled in pieces so that this file does not cite them either
        List<String> outside = List.of("DESIGN" + " §", "DESIGN" + ".md", "MANGAKI" + ".md", "design" + " document",
                "shared/" + "DESIGN");
        Set<String> found = new LinkedHashSet<>();
        for (String dir : List.of("src", "docs", "bin", "bench", "scripts", "hooks", ".ci", ".github/workflows", "secrets")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = readText(f);
                    for (String citation : outside) {
                        if (text.toLowerCase().contains(citation.toLowerCase())) {
                            found.add(ROOT.relativize(f) + ": " + citation);
                        }
                    }
                }
            }
        }
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            for (String citation : outside) {
                if (text.toLowerCase().contains(citation.toLowerCase())) {
                    found.add(ROOT.relativize(doc) + ": " + citation);
                }
            }
        }
        assertEquals(List.of(), List.copyOf(found));
    }

    /** The project's Markdown documents: the README, CONTRIBUTING.md, docs/ and secrets/README.md. */
    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"),
                ROOT.resolve("secrets/README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    static List<String> links(Path doc) throws IOException {
        List<String> links = new ArrayList<>();
        parse(doc).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }
        });
        return links;
    }

    /** The anchors GitHub gives the headings of a document, in order. */
    static List<String> anchors(Path doc) throws IOException {
        IdGenerator ids = IdGenerator.builder().build();
        List<String> anchors = new ArrayList<>();
        parse(doc).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code c) {
                        text.append(c.getLiteral());
                    }
                });
                anchors.add(ids.generateId(text.toString()));
            }
        });
        return anchors;
    }

    private static Node parse(Path doc) throws IOException {
        return Parser.builder().build().parse(Files.readString(doc));
    }

    private static boolean isRelative(String target) {
        return !URI.create(target.replace(" ", "%20").replace("|", "%7C")).isAbsolute() && !target.startsWith("//");
    }

    private static String pathPart(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    /** A file's text, or nothing for a binary file. */
    private static String readText(Path f) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return "";
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
