package fr.mangaki.verdandi.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.mangaki.verdandi.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stack configuration as the Pulumi engine hands it to a program: the
 * {@code PULUMI_CONFIG} JSON object of {@code "namespace:key"} to string values, where
 * structured values (lists, objects) are JSON text. Secret values are not Verdandi's: only
 * their presence is looked at.
 */
public final class PulumiConfig {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PulumiConfig() {
    }

    /**
     * Reads {@code PULUMI_CONFIG}; an empty map when it is not set. The values of the keys
     * listed in {@code PULUMI_CONFIG_SECRET_KEYS} are replaced by a {@code {secure: ...}}
     * marker, as in a stack file: they never reach the settings.
     */
    public static Map<String, Object> fromEnvironment(Map<String, String> env) {
        String json = env.get("PULUMI_CONFIG");
        Map<String, Object> config = json == null || json.isBlank() ? new LinkedHashMap<>() : parse(json);
        String secretKeys = env.get("PULUMI_CONFIG_SECRET_KEYS");
        if (secretKeys != null && !secretKeys.isBlank()) {
            try {
                for (Object key : JSON.readValue(secretKeys, java.util.List.class)) {
                    String k = normalise(String.valueOf(key));
                    if (config.containsKey(k)) {
                        config.put(k, Map.of("secure", "[secret]"));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new ConfigException("PULUMI_CONFIG_SECRET_KEYS: not a JSON list of keys");
            }
        }
        return config;
    }

    static Map<String, Object> parse(String json) {
        Map<String, Object> raw;
        try {
            raw = JSON.readValue(json, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        } catch (JsonProcessingException e) {
            throw new ConfigException("PULUMI_CONFIG: not a JSON object of configuration keys");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((key, value) -> out.put(normalise(key), structured(value)));
        return out;
    }

    /** Older engines send {@code ns:config:key}; the namespace form is {@code ns:key}. */
    private static String normalise(String key) {
        return key.replaceFirst("^([^:]+):config:", "$1:");
    }

    private static Object structured(Object value) {
        if (value instanceof String s) {
            String t = s.strip();
            if (t.startsWith("[") || t.startsWith("{")) {
                try {
                    return JSON.readValue(t, Object.class);
                } catch (JsonProcessingException e) {
                    return s;
                }
            }
        }
        return value;
    }
}
