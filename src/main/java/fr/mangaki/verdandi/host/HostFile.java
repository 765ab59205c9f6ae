package fr.mangaki.verdandi.host;

/**
 * One file that cloud-init writes on a host.
 *
 * @param path        absolute path on the host
 * @param permissions octal mode, e.g. {@code 0755}
 * @param content     the file's text, exactly as tested by the rehearsal
 */
public record HostFile(String path, String permissions, String content) {
}
