package fr.mangaki.verdandi.secrets.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of a secrets check: findings per path, problems that kept it from running, and
 * notes for the log (what {@code .verdandi-allow} lets through).
 */
public final class CheckReport {

    /** Exit status when nothing was found. */
    public static final int PASSED = 0;
    /** Exit status when a file was refused. */
    public static final int REFUSED = 1;
    /** Exit status when the check could not run (bad {@code .verdandi-allow}, not a repository...). */
    public static final int ERROR = 2;

    private final SecretsCheck.Scope scope;
    private final List<Finding> findings;
    private final List<String> problems;
    private final List<String> notes;

    private CheckReport(SecretsCheck.Scope scope, List<Finding> findings, List<String> problems, List<String> notes) {
        this.scope = scope;
        this.findings = List.copyOf(findings);
        this.problems = List.copyOf(problems);
        this.notes = List.copyOf(notes);
    }

    static CheckReport of(SecretsCheck.Scope scope, List<Finding> findings, List<String> problems, List<String> notes) {
        return new CheckReport(scope, findings, problems, notes);
    }

    public List<Finding> findings() {
        return findings;
    }

    /** Configuration problems that kept the check from running. */
    public List<String> problems() {
        return problems;
    }

    /** Lines for the log that are not refusals (the allowances, for CI). */
    public List<String> notes() {
        return notes;
    }

    /** The paths refused, in order. */
    public Set<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        findings.forEach(f -> paths.add(f.path()));
        return paths;
    }

    public boolean passed() {
        return findings.isEmpty() && problems.isEmpty();
    }

    /** 0 passed, 1 refused, 2 could not check; rewritten commits are reported, never refused (they exist already). */
    public int exitStatus() {
        if (!problems.isEmpty()) {
            return ERROR;
        }
        return findings.isEmpty() || scope == SecretsCheck.Scope.REWRITTEN ? PASSED : REFUSED;
    }

    /**
     * What to print on stderr: the notes, then (when something was found) every refused path
     * with its reasons and the command that fixes it.
     *
     * @param command how to run Verdandi, for the fixes (e.g. {@code bin/verdandi})
     */
    public String render(String command) {
        StringBuilder out = new StringBuilder();
        if (!problems.isEmpty()) {
            out.append("verdandi: cannot check for secrets:\n");
            problems.forEach(p -> out.append("  ").append(p).append('\n'));
            return out.toString();
        }
        for (String note : notes) {
            out.append(note.startsWith(" ") ? note : "verdandi: " + note).append('\n');
        }
        if (findings.isEmpty()) {
            return out.toString();
        }
        Map<String, List<Finding>> byPath = new LinkedHashMap<>();
        for (Finding f : findings) {
            String key = (f.commit() == null ? "" : f.commit().substring(0, Math.min(12, f.commit().length())) + " ")
                    + f.path();
            byPath.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        int n = byPath.size();
        String files = n == 1 ? "file" : "files";
        String hold = n == 1 ? " holds" : " hold";
        switch (scope) {
            case STAGED -> out.append("verdandi: commit refused: ").append(n).append(" staged ").append(files).append(hold)
                    .append(" secrets in plaintext\n");
            case ALL -> out.append("verdandi: ").append(n).append(" tracked ").append(files).append(hold)
                    .append(" secrets in plaintext\n");
            case PUSH -> out.append("verdandi: push refused: ").append(n).append(' ').append(files)
                    .append(" in the commits being pushed").append(hold).append(" secrets in plaintext\n");
            case REWRITTEN -> out.append("verdandi: warning: ").append(n).append(' ').append(files)
                    .append(" in the rewritten commits").append(hold)
                    .append(" secrets in plaintext (committed already: fix them before pushing; pre-push refuses them)\n");
        }
        for (Map.Entry<String, List<Finding>> e : byPath.entrySet()) {
            List<Finding> list = e.getValue();
            out.append('\n').append("  ").append(e.getKey());
            String from = list.get(0).renamedFrom();
            if (from != null) {
                out.append(" (renamed from ").append(from).append(')');
            }
            out.append('\n');
            for (Finding f : list) {
                out.append("    ").append(f.describe()).append('\n');
            }
            Set<String> fixes = new LinkedHashSet<>();
            for (Finding f : list) {
                fixes.add(f.fix(command));
            }
            for (String fix : fixes) {
                out.append("    fix: ").append(fix).append('\n');
            }
        }
        out.append("\nNot a secret? Add a line 'GLOB REASON' for it to ").append(AllowList.FILE).append(".\n");
        return out.toString();
    }
}
