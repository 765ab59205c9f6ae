package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.SecretsException;
import fr.mangaki.verdandi.secrets.internal.Git;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what git holds: the files staged for the next commit (renames and copies detected),
 * every tracked file, the files of a commit's tree, the files each commit changed, and their
 * contents. A listing or two, then one {@code git cat-file --batch} for every content.
 */
final class GitIndex {

    private final Git git;

    GitIndex(Git git) {
        this.git = git;
    }

    /**
     * Files added, copied, modified, renamed, changed in type (a symbolic link become a file)
     * or deleted in the index relative to HEAD (or all, before the first commit). Deleted
     * files have the mode {@code 000000}.
     */
    List<IndexedFile> staged() {
        return parseRaw(output("diff", "--cached", "--raw", "-z", "--no-abbrev", "-M", "--diff-filter=ACMRTD",
                "--no-ext-diff", "--no-textconv", "--ignore-submodules=all"));
    }

    /** Every file in the index (from the top of the working tree, whatever the directory). */
    List<IndexedFile> all() {
        return tracked(":/");
    }

    /** The files in the index under a pathspec (from the top of the working tree). */
    List<IndexedFile> tracked(String pathspec) {
        return parseLsFiles(output("ls-files", "--stage", "-z", "--full-name", "--", pathspec.startsWith(":/")
                ? pathspec : ":/" + pathspec));
    }

    /** Every file of a commit's tree. */
    List<IndexedFile> tree(String commit) {
        return parseLsTree(output("ls-tree", "-r", "-z", "--full-tree", commit));
    }

    /**
     * The files each commit added, copied, modified, renamed or changed in type, against its
     * first parent (a merge's own changes and what it brings in), in the order given; commits
     * that changed no file are absent.
     */
    java.util.Map<String, List<IndexedFile>> changes(List<String> commits) {
        java.util.Map<String, List<IndexedFile>> byCommit = new java.util.LinkedHashMap<>();
        if (commits.isEmpty()) {
            return byCommit;
        }
        byte[] stdin = (String.join("\n", commits) + "\n").getBytes(StandardCharsets.UTF_8);
        Git.Result r = git.run(stdin, "diff-tree", "--stdin", "-r", "-z", "--raw", "--no-abbrev", "-M", "--root",
                "--diff-merges=first-parent", "--diff-filter=ACMRT", "--no-ext-diff", "--no-textconv");
        if (r.status != 0) {
            throw new SecretsException("git diff-tree failed in " + git.directory() + " (exit " + r.status + "): "
                    + r.errorText().strip());
        }
        List<String> fields = splitNul(r.stdout);
        List<IndexedFile> current = null;
        int i = 0;
        while (i < fields.size()) {
            String field = fields.get(i);
            if (!field.startsWith(":")) {
                current = byCommit.computeIfAbsent(field.strip(), c -> new ArrayList<>());
                i++;
                continue;
            }
            int records = field.split(" ")[4].charAt(0) == 'R' || field.split(" ")[4].charAt(0) == 'C' ? 3 : 2;
            List<IndexedFile> one = parseRaw(fields.subList(i, i + records));
            if (current != null) {
                current.addAll(one);
            }
            i += records;
        }
        return byCommit;
    }

    /** The commits reachable from {@code tips} and not from {@code excluded} (revisions), oldest first. */
    List<String> commits(List<String> tips, List<String> excluded) {
        List<String> args = new ArrayList<>(List.of("rev-list", "--reverse", "--topo-order"));
        args.addAll(tips);
        if (!excluded.isEmpty()) {
            args.add("--not");
            args.addAll(excluded);
        }
        String out = new String(output(args.toArray(String[]::new)), StandardCharsets.UTF_8);
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Runs git; on failure, says first whether the directory is in a repository at all. */
    private byte[] output(String... args) {
        Git.Result r = git.run(null, args);
        if (r.status != 0) {
            Git.topLevel(git.directory()); // throws "... is not inside a git repository"
            throw new SecretsException("git " + String.join(" ", args) + " failed in " + git.directory()
                    + " (exit " + r.status + "): " + r.errorText().strip());
        }
        return r.stdout;
    }

    /** Receives one object's content. */
    @FunctionalInterface
    interface ContentConsumer {
        /**
         * @param name    the name as requested
         * @param content the object's content, or null when git has no such object
         */
        void accept(String name, byte[] content);
    }

    /**
     * Reads objects by name ({@code <object id>} or {@code :<path>} for a path in the
     * index) with one {@code git cat-file --batch}, giving each to {@code consumer} in the
     * order requested as soon as it arrives (one object in memory at a time).
     */
    void contents(List<String> names, ContentConsumer consumer) {
        if (names.isEmpty()) {
            return;
        }
        StringBuilder request = new StringBuilder();
        for (String name : names) {
            request.append(name).append('\n');
        }
        git.stream(request.toString().getBytes(StandardCharsets.UTF_8), stdout -> {
            InputStream in = new BufferedInputStream(stdout, 1 << 16);
            for (String name : names) {
                String header = readLine(in);
                if (header == null) {
                    throw new SecretsException("git cat-file --batch ended early, before " + name);
                }
                if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
                    consumer.accept(name, null);
                    continue;
                }
                String[] parts = header.split(" ");
                if (parts.length != 3) {
                    throw new SecretsException("unexpected git cat-file output: " + header);
                }
                int size = Integer.parseInt(parts[2]);
                byte[] content = in.readNBytes(size);
                if (content.length != size || in.read() != '\n') {
                    throw new SecretsException("truncated git cat-file output for " + name);
                }
                consumer.accept(name, content);
            }
        }, "cat-file", "--batch", "--buffer");
    }

    /** Parses {@code git diff --raw -z} records. */
    static List<IndexedFile> parseRaw(byte[] raw) {
        return parseRaw(splitNul(raw));
    }

    private static List<IndexedFile> parseRaw(List<String> fields) {
        List<IndexedFile> files = new ArrayList<>();
        int i = 0;
        while (i < fields.size()) {
            String meta = fields.get(i++);
            // :<src mode> <dst mode> <src id> <dst id> <status>[score]
            String[] parts = meta.substring(1).split(" ");
            String dstMode = parts[1];
            String dstId = parts[3];
            char status = parts[4].charAt(0);
            if (status == 'R' || status == 'C') {
                String from = fields.get(i++);
                String to = fields.get(i++);
                files.add(new IndexedFile(to, dstMode, dstId, from));
            } else {
                files.add(new IndexedFile(fields.get(i++), dstMode, dstId, null));
            }
        }
        return files;
    }

    /** Parses {@code git ls-files --stage -z} records ({@code <mode> <id> <stage>\t<path>}). */
    static List<IndexedFile> parseLsFiles(byte[] raw) {
        List<IndexedFile> files = new ArrayList<>();
        for (String record : splitNul(raw)) {
            int tab = record.indexOf('\t');
            String[] parts = record.substring(0, tab).split(" ");
            files.add(new IndexedFile(record.substring(tab + 1), parts[0], parts[1], null));
        }
        return files;
    }

    /** Parses {@code git ls-tree -r -z} records ({@code <mode> <type> <id>\t<path>}). */
    static List<IndexedFile> parseLsTree(byte[] raw) {
        List<IndexedFile> files = new ArrayList<>();
        for (String record : splitNul(raw)) {
            int tab = record.indexOf('\t');
            String[] parts = record.substring(0, tab).split(" ");
            files.add(new IndexedFile(record.substring(tab + 1), parts[0], parts[2], null));
        }
        return files;
    }

    private static List<String> splitNul(byte[] raw) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                fields.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            fields.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            sb.append((char) c);
        }
        return c == -1 && sb.length() == 0 ? null : sb.toString();
    }
}
