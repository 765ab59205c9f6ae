package fr.mangaki.verdandi.cloudinit;

import fr.mangaki.verdandi.host.HostFile;
import fr.mangaki.verdandi.host.HostFiles;
import fr.mangaki.verdandi.host.HostRole;
import fr.mangaki.verdandi.host.rehearsal.Proc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootArchiveTest {

    @Test
    void decodesWhatItEncodesInOrderAndTheSameEachTime() {
        List<HostFile> files = HostFiles.bootFiles(HostRole.APP);
        String archive = BootArchive.encode(files);
        assertEquals(files, BootArchive.decode(archive));
        assertEquals(archive, BootArchive.encode(files), "deterministic: the user data changes only with its files");
    }

    @Test
    void takesLessRoomThanTheFilesCompressedOneByOne() {
        List<HostFile> files = HostFiles.bootFiles(HostRole.APP);
        long oneByOne = files.stream().mapToLong(f -> BootArchive.encode(List.of(f)).length()).sum();
        assertTrue(BootArchive.encode(files).length() < oneByOne,
                BootArchive.encode(files).length() + " against " + oneByOne);
    }

    /** GNU tar unpacks it the way the first command of runcmd does, modes included. */
    @Test
    void isUnpackedByTarWithItsModes(@TempDir Path dir) throws Exception {
        List<HostFile> files = List.of(new HostFile("/usr/local/lib/verdandi/deploy", "0755", "#!/usr/bin/env bash\necho é\n"),
                new HostFile("/etc/ssh/sshd_config.d/50-verdandi.conf", "0644", "PasswordAuthentication no\n"));
        Path archive = dir.resolve("boot-files.tar.gz");
        Files.write(archive, Base64.getDecoder().decode(BootArchive.encode(files)));
        Path root = Files.createDirectory(dir.resolve("root"));
        String command = BootArchive.EXTRACT.replace(BootArchive.PATH, archive.toString()).replace(" -C / ", " -C " + root + " ");
        Proc.Result r = Proc.run(List.of("bash", "-c", command), Map.of(), null, Duration.ofSeconds(30));
        assertEquals(0, r.exit(), r.output());
        for (HostFile f : files) {
            Path p = root.resolve(f.path().substring(1));
            assertEquals(f.content(), Files.readString(p));
            assertEquals(PosixFilePermissions.fromString(f.permissions().equals("0755") ? "rwxr-xr-x" : "rw-r--r--"),
                    Files.getPosixFilePermissions(p), f.path());
        }
    }

    @Test
    void rejectsARelativePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BootArchive.encode(List.of(new HostFile("etc/x", "0644", "x"))));
        assertEquals("a boot file's path is absolute, not etc/x", e.getMessage());
    }

    @Test
    void rejectsUserDataWithAnotherFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CloudInit.files("""
                #cloud-config
                write_files:
                  - path: /etc/other
                    content: x
                """));
        assertEquals("user data with a write_files entry other than the boot archive: /etc/other", e.getMessage());
    }
}
