package fr.mangaki.verdandi.host;

import fr.mangaki.verdandi.host.rehearsal.Proc;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A throwaway PostgreSQL 15 cluster on loopback standing for the managed database: TCP on
 * 127.0.0.1 with password authentication (scram-sha-256) for one role owning one database, as
 * DigitalOcean's clusters give; its superuser reached over its own socket directory only. The
 * password is made for each run, with characters that need percent-encoding in a URL. Needs
 * root (the cluster runs as postgres).
 */
final class PasswordPostgres implements AutoCloseable {
    static final String PG_BIN = "/usr/lib/postgresql/15/bin";
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final Path dir;
    private final int port;
    private final String role;
    private final String password;

    private PasswordPostgres(Path dir, int port, String role, String password) {
        this.dir = dir;
        this.port = port;
        this.role = role;
        this.password = password;
    }

    /** Starts a cluster under {@code dir} (made, then given to postgres) with role and database {@code name}. */
    static PasswordPostgres start(Path dir, String name) throws IOException {
        String password = HexFormat.of().formatHex(SecureRandom.getSeed(8)) + "/p@ss%";
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("sock"));
        Proc.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), Map.of(), null, LIMIT).requireSuccess();
        PasswordPostgres pg = new PasswordPostgres(dir, port, name, password);
        pg.asPostgres(PG_BIN + "/initdb", "-D", dir.resolve("data").toString(), "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8");
        pg.asPostgres(PG_BIN + "/pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                "-w", "-o", "-p " + port + " -k " + dir.resolve("sock") + " -c listen_addresses=127.0.0.1", "start");
        pg.sql("postgres", "CREATE ROLE \"" + name + "\" LOGIN PASSWORD '" + password + "'");
        pg.sql("postgres", "CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\"");
        return pg;
    }

    /** The libpq URL of the role's database, as env-install --managed-database writes it to runtime.env. */
    String url() {
        return "postgresql://" + encode(role) + ":" + encode(password) + "@127.0.0.1:" + port + "/" + encode(role)
                + "?sslmode=disable";
    }

    /** The password, to check that it shows on no command line. */
    String password() {
        return password;
    }

    int port() {
        return port;
    }

    private static String encode(String s) {
        return s.replace("%", "%25").replace("/", "%2F").replace("@", "%40");
    }

    private void asPostgres(String... command) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        Proc.run(full, Map.of(), null, LIMIT).requireSuccess();
    }

    /** Runs SQL as the superuser on {@code database}; its unaligned, tuples-only output. */
    String sql(String database, String statement) {
        Proc.Result r = Proc.run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-A", "-t", "-v",
                "ON_ERROR_STOP=1", "-h", dir.resolve("sock").toString(), "-p", String.valueOf(port), "-d", database,
                "-c", statement), Map.of(), null, LIMIT);
        r.requireSuccess();
        return r.output().strip();
    }

    /** SQL as the superuser on the role's database. */
    String sql(String statement) {
        return sql(role, statement);
    }

    @Override
    public void close() {
        Proc.run(List.of("runuser", "-u", "postgres", "--", PG_BIN + "/pg_ctl", "-D", dir.resolve("data").toString(),
                "-m", "immediate", "-w", "stop"), Map.of(), null, LIMIT);
    }
}
