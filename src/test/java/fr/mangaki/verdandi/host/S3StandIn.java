package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.host.rehearsal.Proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a DigitalOcean Spaces bucket in tests: moto's S3 server ({@code moto_server},
 * PyPI package {@code moto[server]}) on a free loopback port. It keeps buckets and objects as
 * S3 does (put, list, get, delete) but does not check request signatures. {@link #s3cmd}
 * runs Debian's s3cmd against it, as the host scripts do.
 */
final class S3StandIn implements AutoCloseable {
    static final String ACCESS_KEY = "STANDINACCESSKEY";
    static final String SECRET_KEY = "stand-in-secret-7f3e1a";

    private final Process process;
    private final int port;
    private final Path config;

    S3StandIn(Path dir) {
        try {
            Files.createDirectories(dir);
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            config = dir.resolve("s3cfg");
            Files.writeString(config, "[default]\naccess_key = " + ACCESS_KEY + "\nsecret_key = " + SECRET_KEY
                    + "\nhost_base = " + endpoint() + "\nhost_bucket = " + endpoint() + "\nuse_https = False\n");
            process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("moto.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto_server (pip install 'moto[server]')", e);
        }
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    close();
                    throw new IllegalStateException("moto_server did not listen on 127.0.0.1:" + port);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            }
        }
    }

    /** {@code 127.0.0.1:PORT}, what backup-install takes as {@code --s3-endpoint}. */
    String endpoint() {
        return "127.0.0.1:" + port;
    }

    /** Runs s3cmd against the stand-in; its output. */
    String s3cmd(String... args) {
        List<String> cmd = new ArrayList<>(List.of("s3cmd", "-c", config.toString()));
        cmd.addAll(List.of(args));
        return Proc.run(cmd, Map.of(), null, Duration.ofSeconds(60)).requireSuccess().output();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
