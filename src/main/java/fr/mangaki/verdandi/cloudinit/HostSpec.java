package fr.mangaki.verdandi.cloudinit;

import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.DropletSize;
import fr.mangaki.verdandi.host.HostRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the user data of one droplet depends on. Nothing here is secret: SSH keys are
 * public keys.
 *
 * @param role      front or app
 * @param size      the droplet size; droplets of 1 GiB or less get a swap file of 1 GiB
 * @param sshKeys   OpenSSH public keys allowed to log in as the admin user (at least one)
 * @param adminUser the admin user (sudo without password, keys only); {@value #DEFAULT_ADMIN_USER} by default
 */
public record HostSpec(HostRole role, DropletSize size, List<String> sshKeys, String adminUser) {

    /** The admin user that cloud-init creates and that the remote commands log in as. */
    public static final String DEFAULT_ADMIN_USER = "verdandi";

    private static final Pattern SSH_KEY = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com"
                    + "|sk-ecdsa-sha2-nistp256@openssh\\.com) [A-Za-z0-9+/]+={0,3}( [^\\r\\n]*)?");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,30}");

    /** Validates every field and reports every problem at once. */
    public HostSpec {
        List<String> problems = new ArrayList<>();
        if (role == null) {
            problems.add("host role: missing; allowed: front, app");
        }
        if (size == null) {
            problems.add("host size: missing; allowed: " + String.join(", ", DropletSize.slugs()));
        }
        sshKeys = sshKeys == null ? List.of() : List.copyOf(sshKeys);
        if (sshKeys.isEmpty()) {
            problems.add("sshKeys: empty; at least one OpenSSH public key is needed to log in as the admin user");
        }
        for (int i = 0; i < sshKeys.size(); i++) {
            String key = Objects.requireNonNullElse(sshKeys.get(i), "");
            if (!SSH_KEY.matcher(key).matches()) {
                problems.add("sshKeys[" + i + "]: '" + abbreviate(key)
                        + "' is not an OpenSSH public key line (e.g. 'ssh-ed25519 AAAA... name')");
            }
        }
        if (adminUser == null || !USER.matcher(adminUser).matches() || adminUser.equals("root")) {
            problems.add("adminUser: '" + adminUser
                    + "' is not allowed; a Linux user name other than root: lower-case letters, digits, '_' and '-'");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /** A spec with the default admin user ({@value #DEFAULT_ADMIN_USER}). */
    public static HostSpec of(HostRole role, DropletSize size, List<String> sshKeys) {
        return new HostSpec(role, size, sshKeys, DEFAULT_ADMIN_USER);
    }

    /** Whether the droplet gets a swap file: memory of 1 GiB or less. */
    public boolean needsSwap() {
        return size.memoryMb() <= 1024;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
