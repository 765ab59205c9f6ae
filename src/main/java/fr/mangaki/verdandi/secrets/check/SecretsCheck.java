package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.Recipients;
import fr.mangaki.verdandi.secrets.SecretsException;
import fr.mangaki.verdandi.secrets.internal.Git;
import fr.mangaki.verdandi.secrets.internal.GitException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Refuses plaintext secrets in what git holds: the staged content (not the working tree),
 * every tracked file, or the commits being pushed.
 * <ul>
 *   <li>env files in clear, by name or by content ({@link EnvFileRules});</li>
 *   <li>anything under {@code secrets/} (except {@code README*}, {@code .gitignore},
 *       {@code .gitattributes} and empty files) that is not an encrypted OpenPGP message or a
 *       public key; a message there, or under an encrypted env file name anywhere, must be
 *       exactly one well-formed message (every packet read, nothing after it), integrity
 *       protected, with a modern cipher where the packets show it, and encrypted to exactly
 *       the recipients of {@code secrets/recipients/} (a stale one is refused with "run
 *       {@code secrets reencrypt}"); removing the last recipient is refused;</li>
 *   <li>secret material in any file ({@link LeakRules}); content encrypted with SOPS,
 *       git-crypt or Ansible Vault is recognised as such.</li>
 * </ul>
 * Paths matched by {@code .verdandi-allow} (as staged, or as in the commit) are not checked.
 * OpenPGP parsing (Bouncy Castle) is loaded only when a file needs it.
 */
public final class SecretsCheck {

    /** Which files to check. */
    public enum Scope {
        /** The files staged for the next commit (added, copied, modified, renamed, changed in type). */
        STAGED,
        /** Every file in the index. */
        ALL,
        /** The files changed by commits that are about to be pushed. */
        PUSH,
        /** The files changed by commits just rewritten (amend, rebase): they are committed already. */
        REWRITTEN
    }

    /** A ref being pushed, as git gives it to a pre-push hook: {@code <local ref> <local id> <remote ref> <remote id>}. */
    public record PushedRef(String localRef, String localId, String remoteRef, String remoteId) {
        /** Parses one line of a pre-push hook's standard input. */
        public static PushedRef parse(String line) {
            String[] f = line.strip().split("\\s+");
            if (f.length != 4) {
                throw SecretsException.invalidInput("unexpected pre-push input line: " + line);
            }
            return new PushedRef(f[0], f[1], f[2], f[3]);
        }

        boolean deletes() {
            return localId.chars().allMatch(c -> c == '0');
        }
    }

    static final String RECIPIENTS_DIR = Recipients.DIRECTORY + "/";

    /** Findings by commit, then path (a plain class: the hook starts faster without lambdas). */
    private static final Comparator<Finding> BY_COMMIT_AND_PATH = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int byCommit = (a.commit() == null ? "" : a.commit()).compareTo(b.commit() == null ? "" : b.commit());
            return byCommit != 0 ? byCommit : a.path().compareTo(b.path());
        }
    };

    private final Git git;
    private final FileCheck files;

    /**
     * @param directory a directory inside the repository to check
     * @param pgp       gives the OpenPGP parser, called only when a file needs it
     */
    public SecretsCheck(Path directory, Supplier<Pgp> pgp) {
        this.git = new Git(directory);
        this.files = new FileCheck(pgp);
    }

    /**
     * Checks the staged files or every file in the index.
     *
     * @throws SecretsException when git fails or the directory is not in a repository (invalid input)
     */
    public CheckReport run(Scope scope) {
        if (scope != Scope.STAGED && scope != Scope.ALL) {
            throw new IllegalArgumentException("run(" + scope + "): give the commits");
        }
        try {
            return scope == Scope.STAGED ? staged() : all();
        } catch (GitException e) {
            throw SecretsException.of(e.getMessage(), e.notARepository(), e);
        }
    }

    /** Checks the commits that a push would send (pre-push), every one of them, and the secrets of each tip. */
    public CheckReport runPush(String remote, List<PushedRef> refs) {
        try {
            GitIndex index = new GitIndex(git);
            List<String> tips = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            for (PushedRef ref : refs) {
                if (ref.deletes()) {
                    continue;
                }
                tips.add(ref.localId());
                if (!ref.remoteId().chars().allMatch(c -> c == '0')
                        && git.run(null, "cat-file", "-e", ref.remoteId() + "^{commit}").status == 0) {
                    excluded.add(ref.remoteId());
                }
            }
            if (tips.isEmpty()) {
                return CheckReport.of(Scope.PUSH, List.of(), List.of(), List.of());
            }
            if (remote != null && !remote.isBlank()) {
                excluded.add("--remotes=" + remote);
            }
            return commits(index, Scope.PUSH, index.commits(tips, excluded), tips);
        } catch (GitException e) {
            throw SecretsException.of(e.getMessage(), e.notARepository(), e);
        }
    }

    /** Checks commits just rewritten (post-rewrite: amend, rebase), given as the new commit ids. */
    public CheckReport runRewritten(List<String> commits) {
        try {
            GitIndex index = new GitIndex(git);
            return commits(index, Scope.REWRITTEN, commits, List.of());
        } catch (GitException e) {
            throw SecretsException.of(e.getMessage(), e.notARepository(), e);
        }
    }

    // ------------------------------------------------------------------ what to read

    private CheckReport staged() {
        GitIndex index = new GitIndex(git);
        List<IndexedFile> staged = index.staged();
        List<IndexedFile> files = new ArrayList<>();
        boolean recipientsChanged = false;
        boolean allowChanged = false;
        boolean messagesStaged = false;
        for (IndexedFile f : staged) {
            recipientsChanged |= f.path().startsWith(RECIPIENTS_DIR);
            if (f.isRegularFile()) {
                files.add(f);
                allowChanged |= f.path().equals(AllowList.FILE);
                messagesStaged |= FileCheck.isMessageCandidate(f);
            }
        }
        if (files.isEmpty() && !recipientsChanged) {
            return CheckReport.of(Scope.STAGED, List.of(), List.of(), List.of());
        }
        List<IndexedFile> recipients = List.of();
        List<Finding> extra = new ArrayList<>();
        if (recipientsChanged || messagesStaged) {
            List<IndexedFile> tracked = recipientsChanged ? index.all() : index.tracked(RECIPIENTS_DIR);
            recipients = tracked.stream().filter(FileCheck::isRecipientFile).toList();
            if (recipientsChanged) {
                // every message must now be encrypted to the new recipients, staged or not
                Set<String> present = new HashSet<>();
                files.forEach(f -> present.add(f.path()));
                List<IndexedFile> messages = tracked.stream().filter(f -> f.isRegularFile() && FileCheck.isMessageCandidate(f))
                        .toList();
                messages.stream().filter(f -> !present.contains(f.path())).forEach(files::add);
                if (recipients.isEmpty() && !messages.isEmpty()) {
                    extra.add(new Finding(Recipients.DIRECTORY, null, Finding.Kind.NO_RECIPIENT_LEFT,
                            "the last recipient is removed while " + messages.size() + " encrypted file"
                                    + (messages.size() == 1 ? " remains" : "s remain")
                                    + ": nobody could decrypt them any more", 0));
                }
            }
        }
        Batch batch = new Batch(":" + AllowList.FILE, allowChanged ? "HEAD:" + AllowList.FILE : null, recipients);
        files.forEach(f -> batch.targets.add(new Target(f, null)));
        Result result = batch.read(index);
        if (!result.problems.isEmpty()) {
            return CheckReport.of(Scope.STAGED, List.of(), result.problems, List.of());
        }
        result.findings.addAll(extra);
        List<String> notes = new ArrayList<>();
        if (allowChanged) {
            List<AllowList.Entry> added = result.allow.entriesNotIn(result.previousAllow);
            if (!added.isEmpty()) {
                notes.add("this commit adds " + added.size() + " entr" + (added.size() == 1 ? "y" : "ies") + " to "
                        + AllowList.FILE + " (CI's check --all lists them all):");
                added.forEach(e -> notes.add("  " + e.glob() + "  " + e.reason()));
            }
        }
        return CheckReport.of(Scope.STAGED, result.findings, List.of(), notes);
    }

    private CheckReport all() {
        GitIndex index = new GitIndex(git);
        List<IndexedFile> tracked = index.all();
        List<IndexedFile> recipients = tracked.stream().filter(FileCheck::isRecipientFile).toList();
        Batch batch = new Batch(":" + AllowList.FILE, null, recipients);
        tracked.stream().filter(IndexedFile::isRegularFile).forEach(f -> batch.targets.add(new Target(f, null)));
        Result result = batch.read(index);
        if (!result.problems.isEmpty()) {
            return CheckReport.of(Scope.ALL, List.of(), result.problems, List.of());
        }
        return CheckReport.of(Scope.ALL, result.findings, List.of(), allowanceNotes(result));
    }

    /** What {@code .verdandi-allow} lets through, for CI's log: every entry, its reason and how many files. */
    private static List<String> allowanceNotes(Result result) {
        if (result.allow.entries().isEmpty()) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        int total = result.allowed.values().stream().mapToInt(Integer::intValue).sum();
        notes.add(AllowList.FILE + " lets " + total + " tracked file" + (total == 1 ? "" : "s") + " through unchecked:");
        for (AllowList.Entry e : result.allow.entries()) {
            int n = result.allowed.getOrDefault(e, 0);
            notes.add("  " + e.glob() + "  (" + (n == 0 ? "no file: remove the entry" : n + " file" + (n == 1 ? "" : "s"))
                    + ")  " + e.reason());
        }
        return notes;
    }

    private CheckReport commits(GitIndex index, Scope scope, List<String> commits, List<String> tips) {
        Map<String, List<IndexedFile>> changes = index.changes(commits);
        List<Finding> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<IndexedFile>> e : changes.entrySet()) {
            String commit = e.getKey();
            Batch batch = new Batch(commit + ":" + AllowList.FILE, null, List.of());
            e.getValue().stream().filter(IndexedFile::isRegularFile).forEach(f -> batch.targets.add(new Target(f, commit)));
            Result r = batch.read(index);
            findings.addAll(r.findings);
            r.problems.forEach(p -> problems.add(commit.substring(0, 12) + ": " + p));
        }
        for (String tip : tips) {
            // the tip's secrets must be encrypted to its recipients, whichever commit wrote them
            List<IndexedFile> tree = index.tree(tip);
            List<IndexedFile> recipients = tree.stream().filter(FileCheck::isRecipientFile).toList();
            Batch batch = new Batch(tip + ":" + AllowList.FILE, null, recipients);
            tree.stream().filter(f -> f.isRegularFile() && FileCheck.isMessageCandidate(f))
                    .forEach(f -> batch.targets.add(new Target(f, tip)));
            Result r = batch.read(index);
            for (Finding f : r.findings) {
                if (findings.stream().noneMatch(o -> o.path().equals(f.path()) && o.reason().equals(f.reason()))) {
                    findings.add(f);
                }
            }
        }
        return CheckReport.of(scope, findings, problems, List.of());
    }

    // ------------------------------------------------------------------ reading and checking

    /** A file to check, in the index (commit null) or in a commit. */
    private record Target(IndexedFile file, String commit) {
    }

    private static final class Result {
        AllowList allow = AllowList.empty();
        AllowList previousAllow = AllowList.empty();
        final List<Finding> findings = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final Map<AllowList.Entry, Integer> allowed = new LinkedHashMap<>();
    }

    /** What one {@code git cat-file --batch} reads: the allow list(s), the recipients' keys, then every file once. */
    private final class Batch {
        final String allowName;
        final String previousAllowName;
        final List<IndexedFile> recipientFiles;
        final List<Target> targets = new ArrayList<>();

        Batch(String allowName, String previousAllowName, List<IndexedFile> recipientFiles) {
            this.allowName = allowName;
            this.previousAllowName = previousAllowName;
            this.recipientFiles = recipientFiles;
        }

        Result read(GitIndex index) {
            Result result = new Result();
            Map<String, List<Target>> byObject = new LinkedHashMap<>();
            targets.forEach(t -> byObject.computeIfAbsent(t.file().objectId(), id -> new ArrayList<>()).add(t));
            List<String> names = new ArrayList<>();
            names.add(allowName);
            if (previousAllowName != null) {
                names.add(previousAllowName);
            }
            recipientFiles.forEach(f -> names.add(f.objectId()));
            names.addAll(byObject.keySet());
            Map<String, byte[]> recipientKeys = new LinkedHashMap<>();
            int[] position = {0};
            int recipientsEnd = 1 + (previousAllowName != null ? 1 : 0) + recipientFiles.size();
            FileCheck.Keyring[] recipients = {null};
            index.contents(names, (name, content) -> {
                int at = position[0]++;
                if (at == 0) {
                    result.allow = content == null ? AllowList.empty() : AllowList.parse(content);
                    result.problems.addAll(result.allow.problems());
                    return;
                }
                if (previousAllowName != null && at == 1) {
                    result.previousAllow = content == null ? AllowList.empty() : AllowList.parse(content);
                    return;
                }
                if (at < recipientsEnd) {
                    IndexedFile f = recipientFiles.get(at - 1 - (previousAllowName != null ? 1 : 0));
                    if (content != null && result.allow.allowing(f.path()).isEmpty()) {
                        recipientKeys.put(f.path(), content);
                    }
                    return;
                }
                if (content == null || !result.problems.isEmpty()) {
                    return;
                }
                if (recipients[0] == null) {
                    recipients[0] = files.keyring(recipientKeys);
                }
                for (Target t : byObject.get(name)) {
                    var entry = result.allow.allowing(t.file().path());
                    if (entry.isPresent()) {
                        result.allowed.merge(entry.get(), 1, Integer::sum);
                    } else {
                        result.findings.addAll(files.check(t.file(), content, recipients[0], t.commit()));
                    }
                }
            });
            result.findings.sort(BY_COMMIT_AND_PATH); // stable: a file's findings keep their order
            return result;
        }
    }

}
