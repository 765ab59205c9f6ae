package fr.mangaki.verdandi.secrets.check;

import fr.mangaki.verdandi.secrets.Pgp;
import fr.mangaki.verdandi.secrets.PgpData;
import fr.mangaki.verdandi.secrets.SecretsException;
import fr.mangaki.verdandi.secrets.internal.Git;
import fr.mangaki.verdandi.secrets.internal.GitException;
import fr.mangaki.verdandi.secrets.openpgp.PacketSniffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Refuses plaintext secrets in what git's index holds (the staged content, not the working
 * tree):
 * <ul>
 *   <li>env files in clear ({@link EnvFileRules}), templates with values, {@code .envrc}
 *       exporting literal values;</li>
 *   <li>anything under {@code secrets/} (except {@code README*}, {@code .gitignore},
 *       {@code .gitattributes}) that is not an encrypted OpenPGP message or a public key, and
 *       any encrypted env file name or {@code -----BEGIN PGP MESSAGE-----} armor that does not
 *       hold an encrypted message: the content is parsed, so an armor header around
 *       plaintext is plaintext;</li>
 *   <li>secret material in any text file ({@link LeakRules}).</li>
 * </ul>
 * Paths matched by {@code .verdandi-allow} (as staged) are not checked. OpenPGP parsing
 * (Bouncy Castle) is loaded only when a file needs it.
 */
public final class SecretsCheck {

    /** Which files to check. */
    public enum Scope {
        /** The files staged for the next commit (added, copied, modified, renamed). */
        STAGED,
        /** Every file in the index. */
        ALL
    }

    private static final String SECRETS_DIR = "secrets/";
    private static final Set<String> SECRETS_DOCS = Set.of(".gitignore", ".gitattributes");

    private final Git git;
    private final Supplier<Pgp> pgpSupplier;
    private Pgp pgp;

    /**
     * @param directory a directory inside the repository to check
     * @param pgp       gives the OpenPGP parser, called only when a file needs it
     */
    public SecretsCheck(Path directory, Supplier<Pgp> pgp) {
        this.git = new Git(directory);
        this.pgpSupplier = pgp;
    }

    /**
     * Checks the staged files or every file in the index.
     *
     * @throws SecretsException when git fails or the directory is not in a repository (invalid input)
     */
    public CheckReport run(Scope scope) {
        try {
            return check(scope);
        } catch (GitException e) {
            throw SecretsException.of(e.getMessage(), e.notARepository(), e);
        }
    }

    private CheckReport check(Scope scope) {
        GitIndex index = new GitIndex(git);
        List<IndexedFile> files = new ArrayList<>();
        for (IndexedFile f : scope == Scope.STAGED ? index.staged() : index.all()) {
            if (f.isRegularFile()) {
                files.add(f);
            }
        }
        if (files.isEmpty()) {
            return new CheckReport(scope, List.of(), List.of());
        }
        // the allow list first (as staged), then every blob once, checked as it arrives
        String allowName = ":" + AllowList.FILE;
        Map<String, List<IndexedFile>> byObject = new LinkedHashMap<>();
        files.forEach(f -> byObject.computeIfAbsent(f.objectId(), id -> new ArrayList<>()).add(f));
        List<String> names = new ArrayList<>(byObject.size() + 1);
        names.add(allowName);
        names.addAll(byObject.keySet());

        AllowList[] allow = {AllowList.empty()};
        List<Finding> findings = new ArrayList<>();
        index.contents(names, (name, content) -> {
            if (name.equals(allowName)) {
                allow[0] = content == null ? AllowList.empty() : AllowList.parse(content);
                return;
            }
            if (content == null || !allow[0].problems().isEmpty()) {
                return;
            }
            for (IndexedFile f : byObject.get(name)) {
                if (allow[0].allowing(f.path()).isEmpty()) {
                    findings.addAll(check(f, content));
                }
            }
        });
        if (!allow[0].problems().isEmpty()) {
            return new CheckReport(scope, List.of(), allow[0].problems());
        }
        findings.sort(Comparator.comparing(Finding::path)); // stable: a file's findings keep their order
        return new CheckReport(scope, findings, List.of());
    }

    /** The findings for one file with the given content. */
    List<Finding> check(IndexedFile file, byte[] content) {
        List<Finding> findings = new ArrayList<>();
        String path = file.path();
        String name = file.name();
        EnvFileRules.EnvName envName = EnvFileRules.classify(name);

        if (path.startsWith(SECRETS_DIR) && !isSecretsDoc(name)) {
            PgpData data = pgp().inspect(content);
            if (data == PgpData.ENCRYPTED_MESSAGE || data == PgpData.PUBLIC_KEY) {
                return findings;
            }
            if (data == PgpData.SECRET_KEY) {
                findings.add(finding(file, Finding.Kind.SECRET_KEY_FILE, "an OpenPGP secret key under secrets/"));
                return findings;
            }
            findings.add(finding(file, Finding.Kind.NOT_ENCRYPTED, "under secrets/ but " + data.description()
                    + (data == PgpData.NOT_PGP ? " (plaintext)" : "")
                    + ": only encrypted OpenPGP messages and public keys belong there"));
        } else if (envName == EnvFileRules.EnvName.ENCRYPTED || PacketSniffer.startsWithMessageArmor(content)) {
            PgpData data = pgp().inspect(content);
            if (data == PgpData.ENCRYPTED_MESSAGE) {
                return findings;
            }
            if (data == PgpData.SECRET_KEY) {
                findings.add(finding(file, Finding.Kind.SECRET_KEY_FILE, "an OpenPGP secret key"));
                return findings;
            }
            String what = envName == EnvFileRules.EnvName.ENCRYPTED ? "named like an encrypted env file"
                    : "armored like an OpenPGP message";
            findings.add(finding(file, Finding.Kind.NOT_ENCRYPTED, what + " but " + data.description()
                    + (data == PgpData.NOT_PGP ? " (plaintext)" : "")));
        } else if (envName == EnvFileRules.EnvName.PLAINTEXT) {
            findings.add(finding(file, Finding.Kind.PLAINTEXT_ENV, "env file in plaintext"));
        } else if (envName == EnvFileRules.EnvName.TEMPLATE) {
            List<String> withValues = EnvFileRules.namesWithValues(content);
            if (!withValues.isEmpty()) {
                findings.add(finding(file, Finding.Kind.TEMPLATE_WITH_VALUES,
                        "env template with values (" + String.join(", ", withValues) + "): templates keep values empty"));
            }
        } else if (envName == EnvFileRules.EnvName.ENVRC) {
            List<String> exports = EnvFileRules.literalExports(content);
            if (!exports.isEmpty()) {
                findings.add(finding(file, Finding.Kind.ENVRC_EXPORTS,
                        ".envrc exporting values (" + String.join(", ", exports) + ")"));
            }
        }
        for (Leak leak : LeakRules.scan(path, content)) {
            findings.add(new Finding(path, file.renamedFrom(), leak.kind(), leak.reason(), leak.line()));
        }
        return findings;
    }

    private static Finding finding(IndexedFile file, Finding.Kind kind, String reason) {
        return new Finding(file.path(), file.renamedFrom(), kind, reason, 0);
    }

    private static boolean isSecretsDoc(String name) {
        return name.equals("README") || name.startsWith("README.") || SECRETS_DOCS.contains(name);
    }

    private Pgp pgp() {
        if (pgp == null) {
            pgp = pgpSupplier.get();
        }
        return pgp;
    }
}
