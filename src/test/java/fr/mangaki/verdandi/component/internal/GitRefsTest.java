package fr.mangaki.verdandi.component.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GitRefsTest {
    /** Compares with git itself on names that exercise every rule. */
    @Test
    void agreesWithGitCheckRefFormat() throws Exception {
        for (String name : List.of("production", "staging", "feature/x-1", "v1.2", "a..b", "-x", "x/", "x.lock",
                "x//y", "a b", "a~1", "a^", "a:b", "a?", "a*", "a[", "a\\b", "x@{1}", ".x", "x/.y", "x.")) {
            Process p = new ProcessBuilder("git", "check-ref-format", "--branch", name)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            boolean gitSays = p.waitFor() == 0;
            assertEquals(gitSays, GitRefs.isValidBranch(name), name);
        }
    }
}
