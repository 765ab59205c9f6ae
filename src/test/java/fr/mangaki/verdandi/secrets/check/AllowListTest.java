package fr.mangaki.verdandi.secrets.check;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowListTest {

    static AllowList parse(String text) {
        return AllowList.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void matchesGitignoreStyleGlobs() {
        AllowList allow = parse("""
                # comment
                tests/fixtures/**   fake keys
                certs/*.pem         test certificates
                /docs/example.env   documents the variables
                vendor/             third-party code
                src/**/Fake?.java   fake leaks
                """);
        assertEquals(List.of(), allow.problems());
        assertTrue(allow.allowing("tests/fixtures/a/b/id_rsa").isPresent());
        assertTrue(allow.allowing("tests/fixtures/id_rsa").isPresent());
        assertFalse(allow.allowing("tests/id_rsa").isPresent());
        assertTrue(allow.allowing("certs/server.pem").isPresent());
        assertFalse(allow.allowing("server.pem").isPresent());
        assertTrue(allow.allowing("docs/example.env").isPresent());
        assertFalse(allow.allowing("other/docs/example.env").isPresent());
        assertTrue(allow.allowing("vendor/x/y.js").isPresent());
        assertTrue(allow.allowing("src/FakeA.java").isPresent());
        assertTrue(allow.allowing("src/a/b/FakeB.java").isPresent());
        assertFalse(allow.allowing("src/a/FakeAB.java").isPresent());
        assertEquals("test certificates", allow.allowing("certs/server.pem").orElseThrow().reason());
        assertEquals(3, allow.allowing("certs/server.pem").orElseThrow().line());
    }

    @Test
    void rejectsWildcardEntries() {
        AllowList allow = parse("""
                *                  everything
                **                 everything too
                /**/*              and again
                *.pem              certificates anywhere
                **/*.env           env files anywhere
                tests/**           ok: a directory
                **/fixtures/**     ok: a directory at any depth
                src/**/Fake?.java  ok: named files
                """);
        assertEquals(List.of(
                ".verdandi-allow line 1: '*' is a wildcard that matches every file: name a directory or the files"
                        + " themselves (e.g. 'tests/fixtures/**')",
                ".verdandi-allow line 2: '**' is a wildcard that matches every file: name a directory or the files"
                        + " themselves (e.g. 'tests/fixtures/**')",
                ".verdandi-allow line 3: '/**/*' is a wildcard that matches every file: name a directory or the files"
                        + " themselves (e.g. 'tests/fixtures/**')",
                ".verdandi-allow line 4: '*.pem' is a wildcard that matches such files anywhere: name a directory or"
                        + " the files themselves (e.g. 'tests/fixtures/**')",
                ".verdandi-allow line 5: '**/*.env' is a wildcard that matches such files anywhere: name a directory"
                        + " or the files themselves (e.g. 'tests/fixtures/**')"), allow.problems());
        assertEquals(List.of("tests/**", "**/fixtures/**", "src/**/Fake?.java"),
                allow.entries().stream().map(AllowList.Entry::glob).toList());
    }

    @Test
    void rejectsEntriesWithoutReason() {
        AllowList allow = parse("ok/**  reason\nno-reason/**\n\nalso-none   \n");
        assertEquals(List.of(
                ".verdandi-allow line 2: 'no-reason/**' needs a reason (GLOB REASON..., e.g. 'tests/fixtures/** fake"
                        + " keys used by the tests')",
                ".verdandi-allow line 4: 'also-none' needs a reason (GLOB REASON..., e.g. 'tests/fixtures/** fake"
                        + " keys used by the tests')"), allow.problems());
    }
}
