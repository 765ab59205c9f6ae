package fr.mangaki.verdandi.secrets.check;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GitIndexTest {

    static final String A = "a".repeat(40);
    static final String B = "b".repeat(40);
    static final String Z = "0".repeat(40);

    @Test
    void parsesRawDiffWithRenamesCopiesAndOddNames() {
        String raw = ":000000 100644 " + Z + " " + A + " A\0new file.txt\0"
                + ":100644 100644 " + A + " " + B + " R087\0old/name.env\0new/näme.env\0"
                + ":100644 100755 " + A + " " + B + " M\0run.sh\0"
                + ":100644 100644 " + A + " " + A + " C100\0src\0dst\0"
                + ":000000 160000 " + Z + " " + B + " A\0sub\0";
        assertEquals(List.of(
                new IndexedFile("new file.txt", "100644", A, null),
                new IndexedFile("new/näme.env", "100644", B, "old/name.env"),
                new IndexedFile("run.sh", "100755", B, null),
                new IndexedFile("dst", "100644", A, "src"),
                new IndexedFile("sub", "160000", B, null)), GitIndex.parseRaw(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesLsFilesStage() {
        String raw = "100644 " + A + " 0\ta b.txt\0" + "120000 " + B + " 0\tlink\0";
        List<IndexedFile> files = GitIndex.parseLsFiles(raw.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new IndexedFile("a b.txt", "100644", A, null), new IndexedFile("link", "120000", B, null)),
                files);
        assertEquals(false, files.get(1).isRegularFile());
    }

    @Test
    void parsesLsTree() {
        String raw = "100644 blob " + A + "\tsecrets/a b.env.asc\0" + "160000 commit " + B + "\tsub\0";
        assertEquals(List.of(new IndexedFile("secrets/a b.env.asc", "100644", A, null), new IndexedFile("sub", "160000", B, null)),
                GitIndex.parseLsTree(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
