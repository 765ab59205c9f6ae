package fr.mangaki.verdandi.secrets.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outcome of a secrets check: findings per path, or problems that kept it from running. */
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

    CheckReport(SecretsCheck.Scope scope, List<Finding> findings, List<String> problems) {
        this.scope = scope;
        this.findings = List.copyOf(findings);
        this.problems = List.copyOf(problems);
    }

    public List<Finding> findings() {
        return findings;
    }

    /** Configuration problems that kept the check from running. */
    public List<String> problems() {
        return problems;
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

    /** 0 passed, 1 refused, 2 could not check. */
    public int exitStatus() {
        return !problems.isEmpty() ? ERROR : findings.isEmpty() ? PASSED : REFUSED;
    }

    /**
     * What to print on stderr: empty when the check passed; otherwise every refused path with
     * its reasons and the command that fixes it.
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
        if (findings.isEmpty()) {
            return "";
        }
        Map<String, List<Finding>> byPath = new LinkedHashMap<>();
        for (Finding f : findings) {
            byPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        int n = byPath.size();
        String files = n == 1 ? "file" : "files";
        if (scope == SecretsCheck.Scope.STAGED) {
            out.append("verdandi: commit refused: ").append(n).append(" staged ").append(files)
                    .append(n == 1 ? " holds" : " hold").append(" secrets in plaintext\n");
        } else {
            out.append("verdandi: ").append(n).append(" tracked ").append(files)
                    .append(n == 1 ? " holds" : " hold").append(" secrets in plaintext\n");
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
