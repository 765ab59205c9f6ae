package fr.mangaki.verdandi.cloudinit;

import fr.mangaki.verdandi.host.HostFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The boot files of a droplet as one gzip-compressed tar archive, base64-encoded for its user
 * data: compressed together, the host scripts take about a sixth less of DigitalOcean's 64 KiB
 * than compressed one by one (they share most of their words). Cloud-init writes the archive
 * ({@link #PATH}), and the first command of its {@code runcmd} ({@link #EXTRACT}) unpacks it
 * at {@code /}: each file with its mode, owned by root. The archive is deterministic: entries
 * in the given order, owner root, no timestamps (the files take the time they are unpacked),
 * gzip without a name or time.
 */
public final class BootArchive {

    /** Where cloud-init writes the archive. */
    public static final String PATH = "/var/lib/verdandi/boot-files.tar.gz";

    /** The command that unpacks it, first in runcmd. */
    public static final String EXTRACT = "tar -xzf " + PATH + " -C / --no-same-owner --touch";

    private BootArchive() {
    }

    /** The archive of {@code files} (absolute paths), base64-encoded. */
    public static String encode(List<HostFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new BestGzip(bytes);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (HostFile f : files) {
                if (!f.path().startsWith("/")) {
                    throw new IllegalArgumentException("a boot file's path is absolute, not " + f.path());
                }
                byte[] content = f.content().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(f.path().substring(1));
                entry.setMode(Integer.parseInt(f.permissions(), 8));
                entry.setSize(content.length);
                entry.setModTime(0);
                entry.setIds(0, 0);
                entry.setNames("root", "root");
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The files of an archive made by {@link #encode}, in its order (the reverse of encode). */
    public static List<HostFile> decode(String base64) {
        List<HostFile> files = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64))),
                StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                files.add(new HostFile("/" + e.getName(), String.format("%04o", e.getMode() & 07777),
                        new String(tar.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(files);
    }

    /** gzip at its best compression (the JDK writes no name and a zero time). */
    private static final class BestGzip extends GZIPOutputStream {
        BestGzip(OutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
