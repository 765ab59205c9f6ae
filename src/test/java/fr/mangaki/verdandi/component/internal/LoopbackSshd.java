package fr.mangaki.verdandi.component.internal;

import fr.mangaki.verdandi.host.rehearsal.Proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Debian's OpenSSH server on loopback addresses and a free high port, for tests, with its
 * own host key and configuration: public keys only, no PAM. The authorized keys are one file
 * for every user, or, {@link Builder#authorizedKeysUnder under a temporary root}, each user's
 * own {@code ~/.ssh/authorized_keys} as on a host (the admin user's written from its user
 * data, as cloud-init does), which the host-files command then rewrites. It
 * runs in a private mount namespace ({@code src/test/resources/ssh/sshd-namespace}) where
 * the host scripts appear at {@code /usr/local/lib/verdandi}, the admin user exists with
 * the sudo rule its user data gives it, and sessions get the test's environment (its
 * temporary root and seams), which sudo keeps. Nothing changes outside that namespace and
 * the working directory. Clients are OpenSSH's {@code ssh}, checking the host key strictly.
 *
 * <p>Every wait is bounded; {@link #close()} stops the server and any session left.
 */
public final class LoopbackSshd implements AutoCloseable {

    public static final Path RESOURCES = Path.of("src/test/resources/ssh").toAbsolutePath();
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@+=,-]+");
    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration COMMAND = Duration.ofMinutes(2);

    /** The admin user as a droplet's user data declares it ({@code sudo} null: no sudo rule). */
    public record AdminUser(String name, String shell, List<String> groups, String sudo, List<String> authorizedKeys) {
    }

    /** An OpenSSH key pair made by {@code ssh-keygen}: the private key file and the public key line. */
    public record KeyPair(Path privateKey, String publicKey) {
    }

    private final Path dir;
    private final int port;
    private final List<String> addresses;
    private final Process process;
    private final Path knownHosts;

    private LoopbackSshd(Path dir, int port, List<String> addresses, Process process, Path knownHosts) {
        this.dir = dir;
        this.port = port;
        this.addresses = addresses;
        this.process = process;
        this.knownHosts = knownHosts;
    }

    /** A server whose files live in {@code dir} (made if missing). */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** Makes an ed25519 key pair without passphrase at {@code file} and {@code file.pub}. */
    public static KeyPair keygen(Path file, String comment) {
        Proc.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file.toString()),
                Map.of(), null, Duration.ofSeconds(30)).requireSuccess();
        return new KeyPair(file, read(Path.of(file + ".pub")).trim());
    }

    public int port() {
        return port;
    }

    /** The client's known hosts: the server's host key for each of its addresses. */
    public Path knownHosts() {
        return knownHosts;
    }

    /** What the server logged so far ({@code -e}: its log goes to this file). */
    public String log() {
        return read(dir.resolve("sshd.log"));
    }

    /**
     * The OpenSSH client's command line (without the remote command) for {@code user} at
     * {@code host}, no configuration file, no agent, in batch mode (no prompt), with
     * {@code identity} as its only key, or with no key at all, offering passwords, when null.
     */
    public List<String> client(String user, String host, Path identity, Path knownHostsFile) {
        return client(port, user, host, identity, knownHostsFile);
    }

    /**
     * {@link #client(String, String, Path, Path)} for a server on {@code port}, started or not
     * (its known hosts file is {@link Builder#knownHosts()}).
     */
    public static List<String> client(int port, String user, String host, Path identity, Path knownHostsFile) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p", Integer.toString(port),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + knownHostsFile, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "IdentityAgent=none", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=10"));
        if (identity == null) {
            cmd.addAll(List.of("-o", "PubkeyAuthentication=no",
                    "-o", "PreferredAuthentications=password,keyboard-interactive"));
        } else {
            cmd.addAll(List.of("-i", identity.toString()));
        }
        cmd.addAll(List.of("-l", user, host));
        return cmd;
    }

    /** {@link #client(String, String, Path, Path)} with the server's known host key. */
    public List<String> client(String user, String host, Path identity) {
        return client(user, host, identity, knownHosts);
    }

    /**
     * Runs {@code command} through {@code client}: the string goes to the remote user's
     * shell exactly as given ({@code shell -c command}), {@code stdin} (may be null) to its
     * standard input, then end of file. Output is stdout and stderr merged.
     */
    public Proc.Result ssh(List<String> client, String command, String stdin) {
        List<String> cmd = new ArrayList<>(client);
        cmd.add(command);
        return Proc.run(cmd, Map.of(), stdin, COMMAND);
    }

    /** Stops the server (TERM, then KILL after 10 s) and any session process left. */
    @Override
    public void close() {
        List<ProcessHandle> sessions = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        for (ProcessHandle p : sessions) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** Builds and starts a {@link LoopbackSshd}. */
    public static final class Builder {
        private final Path dir;
        private final List<String> addresses = new ArrayList<>();
        private AdminUser admin;
        private Path scriptsParent;
        private final List<Path> includes = new ArrayList<>();
        private final Map<String, String> sessionEnvironment = new LinkedHashMap<>();
        private Path keysRoot;
        private Integer port;

        private Builder(Path dir) {
            this.dir = dir;
        }

        /** The port to listen on. Default: a free one, chosen at start. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The known hosts file the server's clients will check its host key with, written at start. */
        public Path knownHosts() {
            return dir.resolve("known_hosts");
        }

        /**
         * Each user's keys are {@code root + HOME/.ssh/authorized_keys} (sshd's {@code %h}), as on
         * a host, the admin user's written from its user data at start. Default: one file of the
         * admin's keys for every user.
         */
        public Builder authorizedKeysUnder(Path root) {
            this.keysRoot = root;
            return this;
        }

        /** A loopback address to listen on (127.0.0.0/8). At least one is required. */
        public Builder listen(String address) {
            if (!address.startsWith("127.")) {
                throw new IllegalArgumentException("not a loopback address: " + address);
            }
            addresses.add(address);
            return this;
        }

        /** The admin user that logs in, its sudo rule and authorized keys. Required. */
        public Builder admin(AdminUser admin) {
            this.admin = admin;
            return this;
        }

        /** The directory holding {@code verdandi/}: shown as {@code /usr/local/lib/verdandi}. Required. */
        public Builder hostScripts(Path parent) {
            this.scriptsParent = parent;
            return this;
        }

        /** A configuration file (or glob) read before the test's own settings, which it thus overrides. */
        public Builder include(Path config) {
            includes.add(config);
            return this;
        }

        /** A variable set in every session ({@code SetEnv}) and kept by sudo ({@code env_keep}). */
        public Builder sessionEnvironment(String name, String value) {
            if (!PLAIN.matcher(name).matches() || !PLAIN.matcher(value).matches()) {
                throw new IllegalArgumentException("session variables are plain words: " + name + "=" + value);
            }
            sessionEnvironment.put(name, value);
            return this;
        }

        public LoopbackSshd start() {
            Objects.requireNonNull(admin, "admin");
            Objects.requireNonNull(scriptsParent, "hostScripts");
            if (addresses.isEmpty()) {
                throw new IllegalStateException("listen(...) at least one loopback address");
            }
            if (!Files.isExecutable(SSHD)) {
                throw new IllegalStateException(SSHD + " is missing: apt-get install openssh-server");
            }
            try {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                int port = this.port != null ? this.port : freePort();
                KeyPair hostKey = keygen(dir.resolve("ssh_host_ed25519_key"), "verdandi-test-host");
                Path knownHosts = knownHosts();
                String names = addresses.stream().map(a -> "[" + a + "]:" + port).collect(Collectors.joining(","));
                Files.writeString(knownHosts, names + " " + hostKey.publicKey() + "\n");
                int uid = writeAccounts();
                String authorized;
                if (keysRoot == null) {
                    Path file = dir.resolve("authorized_keys");
                    Files.writeString(file, String.join("\n", admin.authorizedKeys()) + "\n");
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                    authorized = file.toString();
                } else {
                    Path home = dir.resolve("home/" + admin.name());
                    Path sshDir = Files.createDirectories(Path.of(keysRoot + home.toString() + "/.ssh"));
                    Path file = sshDir.resolve("authorized_keys");
                    Files.writeString(file, String.join("\n", admin.authorizedKeys()) + "\n");
                    Files.setPosixFilePermissions(sshDir, PosixFilePermissions.fromString("rwx------"));
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    for (Path p : List.of(sshDir, file)) {
                        Files.setAttribute(p, "unix:uid", uid);
                        Files.setAttribute(p, "unix:gid", uid);
                    }
                    authorized = keysRoot + "%h/.ssh/authorized_keys";
                }
                writeSudoers();
                Files.writeString(dir.resolve("sshd_config"), config(port, hostKey, authorized));

                ProcessBuilder pb = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "--",
                        "bash", RESOURCES.resolve("sshd-namespace").toString(), dir.toString(), scriptsParent.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("sshd.log").toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                Process process = pb.start();
                LoopbackSshd sshd = new LoopbackSshd(dir, port, List.copyOf(addresses), process, knownHosts);
                awaitListening(sshd);
                return sshd;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void awaitListening(LoopbackSshd sshd) {
            long end = System.nanoTime() + START.toNanos();
            while (true) {
                String log = sshd.log();
                if (addresses.stream().allMatch(a -> log.contains("Server listening on " + a + " port " + sshd.port + "."))) {
                    return;
                }
                if (!sshd.process.isAlive() || System.nanoTime() > end) {
                    sshd.close();
                    throw new IllegalStateException("sshd did not start listening on " + addresses + " port "
                            + sshd.port + " within " + START + ":\n" + sshd.log());
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    sshd.close();
                    throw new IllegalStateException(e);
                }
            }
        }

        /**
         * Copies of this host's passwd, group and shadow with the admin user added (mounted over
         * the originals inside the namespace only). Its password field is {@code *}: no password,
         * and not "locked", which sshd without PAM would refuse. Returns its uid (and gid).
         */
        private int writeAccounts() throws IOException {
            Path etc = dir.resolve("etc");
            Files.createDirectories(etc);
            List<String> passwd = withoutUser(Files.readAllLines(Path.of("/etc/passwd")));
            List<String> group = withoutUser(Files.readAllLines(Path.of("/etc/group")));
            List<String> shadow = withoutUser(Files.readAllLines(Path.of("/etc/shadow")));
            Set<Integer> taken = new TreeSet<>();
            passwd.forEach(l -> taken.add(Integer.parseInt(l.split(":")[2])));
            group.forEach(l -> taken.add(Integer.parseInt(l.split(":")[2])));
            int id = 1000;
            while (taken.contains(id)) {
                id++;
            }
            Path home = dir.resolve("home/" + admin.name());
            Files.createDirectories(home);
            Files.setAttribute(home, "unix:uid", id);
            Files.setAttribute(home, "unix:gid", id);
            passwd.add(admin.name() + ":x:" + id + ":" + id + ":Verdandi administrator:" + home + ":" + admin.shell());
            List<String> groups = new ArrayList<>();
            for (String line : group) {
                String[] f = line.split(":", -1);
                if (admin.groups().contains(f[0])) {
                    f[3] = f[3].isEmpty() ? admin.name() : f[3] + "," + admin.name();
                }
                groups.add(String.join(":", f));
            }
            groups.add(admin.name() + ":x:" + id + ":");
            shadow.add(admin.name() + ":*:19000:0:99999:7:::");
            Files.write(etc.resolve("passwd"), passwd);
            Files.write(etc.resolve("group"), groups);
            Files.write(etc.resolve("shadow"), shadow);
            Files.setPosixFilePermissions(etc.resolve("passwd"), PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(etc.resolve("group"), PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(etc.resolve("shadow"), PosixFilePermissions.fromString("rw-r-----"));
            Files.setAttribute(etc.resolve("shadow"), "unix:gid", Files.getAttribute(Path.of("/etc/shadow"), "unix:gid"));
            return id;
        }

        private List<String> withoutUser(List<String> lines) {
            return new ArrayList<>(lines.stream().filter(l -> !l.isBlank() && !l.startsWith(admin.name() + ":")).toList());
        }

        /**
         * The sudoers drop-ins: the admin user's rule as cloud-init writes it from the user data,
         * and the test's seams kept through sudo's {@code env_reset}. Both checked by visudo.
         */
        private void writeSudoers() throws IOException {
            Path d = dir.resolve("sudoers.d");
            Files.createDirectories(d);
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> files = new LinkedHashMap<>();
            files.put("10-verdandi-test", "# The SSH test's temporary root and seams survive env_reset.\n"
                    + "Defaults env_keep += \"" + String.join(" ", sessionEnvironment.keySet()) + "\"\n");
            if (admin.sudo() != null) {
                files.put("90-cloud-init-users", "# User rules for " + admin.name() + "\n"
                        + admin.name() + " " + admin.sudo() + "\n");
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = d.resolve(f.getKey());
                Files.writeString(p, f.getValue());
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r-----"));
                Proc.run(List.of("visudo", "-c", "-q", "-f", p.toString()), Map.of(), null, Duration.ofSeconds(30))
                        .requireSuccess();
            }
        }

        private String config(int port, KeyPair hostKey, String authorized) {
            StringBuilder sb = new StringBuilder("# sshd of the SSH test: loopback only, public keys only.\n");
            for (Path include : includes) {
                sb.append("Include ").append(include).append('\n');
            }
            sb.append("Port ").append(port).append('\n');
            for (String a : addresses) {
                sb.append("ListenAddress ").append(a).append('\n');
            }
            sb.append("HostKey ").append(hostKey.privateKey()).append('\n')
                    .append("PidFile none\n")
                    .append("AuthorizedKeysFile ").append(authorized).append('\n')
                    .append("PubkeyAuthentication yes\n")
                    .append("PasswordAuthentication no\n")
                    .append("KbdInteractiveAuthentication no\n")
                    .append("UsePAM no\n")
                    // the working directory is under /tmp, which is world-writable
                    .append("StrictModes no\n")
                    .append("UseDNS no\n")
                    .append("PrintMotd no\n")
                    .append("PrintLastLog no\n")
                    .append("X11Forwarding no\n")
                    .append("AllowTcpForwarding no\n")
                    .append("AllowAgentForwarding no\n")
                    .append("PermitTunnel no\n")
                    .append("LogLevel VERBOSE\n");
            if (!sessionEnvironment.isEmpty()) {
                sb.append("SetEnv");
                sessionEnvironment.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
                sb.append('\n');
            }
            return sb.toString();
        }
    }

    /** A free port of the loopback interface. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
