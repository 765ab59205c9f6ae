package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.FakeLeaks;
import fr.mangaki.verdandi.secrets.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static fr.mangaki.verdandi.secrets.TestText.assertContains;
import static fr.mangaki.verdandi.secrets.TestText.assertNotContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paths around pre-commit, closed for real: a merge (pre-merge-commit), a push of commits
 * made without the hook (pre-push: --no-verify, cherry-pick, rebase, amend), rewritten commits
 * (post-rewrite), and the pre-commit framework's hooks run after Verdandi's when both are
 * installed. Real repositories, a real bare remote, real git commands.
 */
class HooksTest {

    @TempDir
    Path dir;

    GitRepo repoWithRemote() {
        GitRepo repo = GitRepo.init(dir.resolve("work"));
        Path remote = dir.resolve("remote.git");
        assertEquals(0, repo.exec(List.of("git", "init", "-q", "--bare", "-b", "main", remote.toString())).status());
        repo.git("remote", "add", "origin", remote.toString());
        repo.write("README.md", "# app\n");
        assertEquals(0, repo.addAndCommit("first").status());
        assertEquals(0, repo.run("push", "-q", "origin", "main").status());
        return repo;
    }

    @Test
    void refusesMergeThatBringsInALeak() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("README.md", "# app\n");
        assertEquals(0, repo.addAndCommit("first").status());
        repo.git("checkout", "-q", "-b", "side");
        repo.write("settings.py", FakeLeaks.djangoSecretKeyLine() + "\n");
        repo.git("add", "settings.py");
        repo.git("commit", "-q", "--no-verify", "-m", "leak without the hook");
        repo.git("checkout", "-q", "main");
        repo.write("other.txt", "x\n");
        assertEquals(0, repo.addAndCommit("diverge").status());

        GitRepo.Result r = repo.run("merge", "--no-ff", "-m", "merge side", "side");
        assertNotEquals(0, r.status(), r.output());
        assertContains(r.stderr(), "verdandi: commit refused: 1 staged file holds secrets in plaintext\n\n  settings.py\n"
                + "    line 1: Django SECRET_KEY with a literal value");
        assertEquals("diverge", repo.git("log", "-1", "--format=%s").strip(), "no merge commit");
    }

    @Test
    void refusesPushOfCommitsMadeWithoutTheHook() {
        GitRepo repo = repoWithRemote();
        repo.write("deploy/id_ed25519", FakeLeaks.openSshPrivateKey());
        repo.git("add", ".");
        repo.git("commit", "-q", "--no-verify", "-m", "key");
        repo.git("rm", "-q", "deploy/id_ed25519");
        repo.git("commit", "-q", "-m", "remove the key again (it stays in the history)");

        GitRepo.Result r = repo.run("push", "origin", "main");
        assertNotEquals(0, r.status(), r.output());
        String key = repo.git("rev-parse", "HEAD~1").strip().substring(0, 12);
        assertContains(r.stderr(), "verdandi: push refused: 1 file in the commits being pushed holds secrets in plaintext\n\n"
                + "  " + key + " deploy/id_ed25519\n    line 1: OpenSSH private key\n    fix: take it out of commit " + key);
        assertEquals(1, Integer.parseInt(repo.git("rev-list", "--count", "origin/main").strip()), "nothing pushed");
    }

    @Test
    void refusesPushOfCherryPickedAndRebasedLeaks() {
        GitRepo repo = repoWithRemote();
        repo.git("checkout", "-q", "-b", "side");
        repo.write("ci/release.sh", "curl -H 'Authorization: token " + FakeLeaks.githubToken() + "' https://api.github.com\n");
        repo.git("add", ".");
        repo.git("commit", "-q", "--no-verify", "-m", "token");
        repo.git("checkout", "-q", "main");
        assertEquals(0, repo.run("cherry-pick", "side").status(), "cherry-pick runs no pre-commit hook");
        GitRepo.Result pick = repo.run("push", "origin", "main");
        assertNotEquals(0, pick.status(), pick.output());
        assertContains(pick.stderr(), "ci/release.sh\n    line 1: GitHub token");

        repo.git("reset", "-q", "--hard", "origin/main");
        repo.write("b.txt", "b\n");
        assertEquals(0, repo.addAndCommit("b").status());
        repo.git("checkout", "-q", "side");
        assertEquals(0, repo.run("rebase", "-q", "main").status());
        GitRepo.Result rebased = repo.run("push", "origin", "side");
        assertNotEquals(0, rebased.status(), rebased.output());
        assertContains(rebased.stderr(), "ci/release.sh\n    line 1: GitHub token");
        assertNotEquals(0, repo.run("rev-parse", "--verify", "-q", "origin/side").status(), "side not pushed");
    }

    @Test
    void acceptsPushOfCleanCommitsAndDeletions() {
        GitRepo repo = repoWithRemote();
        repo.write("app.py", "import os\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\n");
        assertEquals(0, repo.addAndCommit("settings").status());
        GitRepo.Result r = repo.run("push", "-q", "origin", "main");
        assertEquals(0, r.status(), r.output());
        assertEquals("", r.stderr());
        repo.git("push", "-q", "origin", "main:old");
        GitRepo.Result deletion = repo.run("push", "-q", "origin", ":old");
        assertEquals(0, deletion.status(), deletion.output());
    }

    @Test
    void warnsAfterAnAmendThatKeepsALeak() {
        GitRepo repo = GitRepo.init(dir);
        repo.write("a.txt", "a\n");
        assertEquals(0, repo.addAndCommit("a").status());
        repo.write(".env", "DJANGO_DEBUG=0\n");
        repo.git("add", ".env");
        repo.git("commit", "-q", "--no-verify", "-m", "env");
        repo.write("a.txt", "a2\n");
        repo.git("add", "a.txt");
        GitRepo.Result r = repo.run("commit", "-q", "--amend", "--no-edit");
        assertEquals(0, r.status(), "post-rewrite cannot refuse: " + r.output());
        assertContains(r.stderr(), "verdandi: warning: 1 file in the rewritten commits holds secrets in plaintext (committed"
                + " already: fix them before pushing; pre-push refuses them)");
        assertContains(r.stderr(), " .env\n    env file in plaintext\n");
    }

    @Test
    void runsTheRepositoryOwnHooksAfterwardsAsPreCommitInstalledThem() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.env().put("PRE_COMMIT_HOME", dir.resolve("pre-commit-cache").toString());
        repo.write(".pre-commit-config.yaml", """
                repos:
                  - repo: local
                    hooks:
                      - id: marker
                        name: marker
                        entry: sh -c 'echo framework hook ran > framework-ran.txt'
                        language: system
                        pass_filenames: false
                        always_run: true
                """);
        // the documented way: the framework's hooks first (pre-commit refuses while core.hooksPath is set), then Verdandi's
        String hooksPath = repo.git("config", "core.hooksPath").strip();
        repo.git("config", "--unset", "core.hooksPath");
        GitRepo.Result install = repo.exec(List.of("pre-commit", "install", "--hook-type", "pre-commit",
                "--hook-type", "pre-push"));
        assertEquals(0, install.status(), install.output());
        repo.git("config", "core.hooksPath", hooksPath);

        repo.write(".env", "A=1\n");
        GitRepo.Result refused = repo.addAndCommit("env");
        assertEquals(1, refused.status(), refused.output());
        assertContains(refused.stderr(), "  .env\n    env file in plaintext");
        assertTrue(!Files.exists(repo.root().resolve("framework-ran.txt")), "the framework runs only after the check");

        repo.git("rm", "-q", "--cached", ".env");
        Files.delete(repo.root().resolve(".env"));
        GitRepo.Result accepted = repo.addAndCommit("config");
        assertEquals(0, accepted.status(), accepted.output());
        assertEquals("framework hook ran\n", Files.readString(repo.root().resolve("framework-ran.txt")));
        assertNotContains(accepted.stderr(), "verdandi");
    }

    @Test
    void refusesAWildcardAllowanceStagedWithTheLeakItWouldHide() {
        GitRepo repo = GitRepo.init(dir);
        repo.write(".verdandi-allow", "*   everything is fine\n");
        repo.write("settings.py", FakeLeaks.djangoSecretKeyLine() + "\n");
        GitRepo.Result r = repo.addAndCommit("allow everything");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "verdandi: cannot check for secrets:\n  .verdandi-allow line 1: '*' is a wildcard that"
                + " matches every file");
        assertEquals(0, repo.commitCount());
    }

    @Test
    void checkAllListsTheAllowances() {
        GitRepo repo = GitRepo.init(dir);
        repo.write(".verdandi-allow", "tests/fixtures/**   fake keys for the parser tests\ndocs/old/**  nothing there\n");
        repo.write("tests/fixtures/id_rsa", FakeLeaks.rsaPrivateKey());
        repo.write("tests/fixtures/aws.ini", "key = " + FakeLeaks.awsAccessKeyId() + "\n");
        assertEquals(0, repo.addAndCommit("fixtures").status());
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = CheckMain.run(new String[] {"--all"}, repo.root(), new java.io.PrintStream(err, true));
        assertEquals(0, status);
        assertEquals("""
                verdandi: .verdandi-allow lets 2 tracked files through unchecked:
                  tests/fixtures/**  (2 files)  fake keys for the parser tests
                  docs/old/**  (no file: remove the entry)  nothing there
                """, err.toString());
    }

    @Test
    void refusesTypeChangeFromSymbolicLinkToFile() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write(".env.example", "DJANGO_DEBUG=\n");
        Files.createSymbolicLink(repo.root().resolve(".env"), Path.of(".env.example"));
        assertEquals(0, repo.addAndCommit("link").status());
        Files.delete(repo.root().resolve(".env"));
        repo.write(".env", "DJANGO_DEBUG=0\n");
        GitRepo.Result r = repo.addAndCommit("file");
        assertEquals(1, r.status(), r.output());
        assertContains(r.stderr(), "  .env\n    env file in plaintext\n");
    }
}
