package fr.mangaki.verdandi.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.mangaki.verdandi.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Pulumi.<stack>.yaml} file read straight from disk, as the offline plan does; a
 * real {@code pulumi up} reads the same keys through Pulumi's config ({@link PulumiConfig}).
 */
public final class StackFile {
    private static final Pattern NAME = Pattern.compile("Pulumi\\.([A-Za-z0-9_.-]+)\\.ya?ml");

    private StackFile() {
    }

    /** The stack file of stack {@code stack} in {@code projectDir}. */
    public static Path of(Path projectDir, String stack) {
        return projectDir.resolve("Pulumi." + stack + ".yaml");
    }

    /** The stack name a file is for, from its name {@code Pulumi.<stack>.yaml}. */
    public static String stackName(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new ConfigException(file + ": a stack file is named Pulumi.<stack>.yaml");
        }
        return m.group(1);
    }

    /** Reads and validates a stack file. */
    public static StackSettings load(Path file) {
        return StackSettings.parse(stackName(file), readConfig(file));
    }

    /** The raw {@code config:} map of a stack file. */
    public static Map<String, Object> readConfig(Path file) {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such stack file");
        } catch (IOException e) {
            throw new ConfigException(file + ": not readable as YAML: " + firstLine(e.getMessage()));
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new ConfigException(file + ": a stack file is a YAML mapping with a `config:` key");
        }
        Object config = top.get("config");
        if (config == null) {
            return Map.of();
        }
        if (!(config instanceof Map<?, ?> m)) {
            throw new ConfigException(file + ": `config:` is not a mapping of keys to values");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
