package fr.mangaki.verdandi.secrets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Lets a person edit a file, and returns when they are done. */
@FunctionalInterface
public interface Editor {

    /**
     * Edits {@code file} in place.
     *
     * @throws SecretsException when the editor fails (the edit is then abandoned)
     */
    void edit(Path file);

    /**
     * The editor named by {@code $EDITOR} (default {@code vi}), run through {@code /bin/sh}
     * like git does, so that {@code EDITOR="code --wait"} works, on the current terminal.
     */
    static Editor fromEnvironment(Map<String, String> env) {
        String editor = env.getOrDefault("EDITOR", "");
        String command = editor.isBlank() ? "vi" : editor;
        return file -> {
            ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", command + " \"$@\"", command,
                    file.toString())).inheritIO();
            pb.environment().clear();
            pb.environment().putAll(env);
            try {
                int status = pb.start().waitFor();
                if (status != 0) {
                    throw new SecretsException("the editor (" + command + ") exited with status " + status);
                }
            } catch (IOException e) {
                throw new SecretsException("cannot run the editor (" + command + "): " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SecretsException("interrupted while waiting for the editor");
            }
        };
    }
}
