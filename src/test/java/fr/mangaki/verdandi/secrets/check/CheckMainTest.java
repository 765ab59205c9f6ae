package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static fr.mangaki.verdandi.secrets.TestText.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckMainTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Path directory, String... args) {
        return CheckMain.run(args, directory, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void failsOutsideARepository() {
        assertEquals(2, run(dir, "--staged"));
        assertEquals("verdandi: cannot check for secrets: " + dir.toAbsolutePath() + " is not inside a git repository"
                + " (git rev-parse: fatal: not a git repository (or any of the parent directories): .git)\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsUnknownArguments() {
        assertEquals(2, run(dir, "--everything"));
        assertEquals("verdandi: unknown argument '--everything'\nusage: CheckMain [--staged|--all|--push REMOTE|--rewritten]"
                + " [--command VERDANDI]\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checksEveryTrackedFileWithAll() {
        GitRepo repo = GitRepo.init(dir.resolve("repo"));
        repo.write("app/.env.local", "A=1\n");
        repo.git("add", ".");
        repo.git("commit", "-q", "--no-verify", "-m", "bypassing the hook");
        assertEquals(0, run(repo.root(), "--staged"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run(repo.root().resolve("app"), "--all", "--command", "/opt/verdandi/bin/verdandi"));
        assertEquals("""
                verdandi: 1 tracked file holds secrets in plaintext

                  app/.env.local
                    env file in plaintext
                    fix: /opt/verdandi/bin/verdandi secrets encrypt app/.env.local && git rm --cached -q app/.env.local \
                && git add app/.env.local.asc .gitignore

                Not a secret? Add a line 'GLOB REASON' for it to .verdandi-allow.
                """, err.toString(StandardCharsets.UTF_8));
    }
}
