package fr.mangaki.verdandi.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.mangaki.verdandi.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PulumiConfigTest {
    @Test
    void readsStructuredValuesFromJsonText() {
        Map<String, Object> c = PulumiConfig.fromEnvironment(Map.of("PULUMI_CONFIG",
                "{\"mangaki:region\":\"ams3\",\"mangaki:sshKeys\":\"[\\\"ssh-ed25519 AAAA x\\\"]\","
                        + "\"mangaki:app\":\"{\\\"size\\\":\\\"s-1vcpu-1gb\\\"}\",\"mangaki:config:domain\":\"mangaki.fr\"}"));
        assertEquals("ams3", c.get("mangaki:region"));
        assertEquals(List.of("ssh-ed25519 AAAA x"), c.get("mangaki:sshKeys"));
        assertEquals(Map.of("size", "s-1vcpu-1gb"), c.get("mangaki:app"));
        assertEquals("mangaki.fr", c.get("mangaki:domain"));
    }

    @Test
    void hidesSecretValues() {
        Map<String, Object> c = PulumiConfig.fromEnvironment(Map.of(
                "PULUMI_CONFIG", "{\"digitalocean:token\":\"dop_v1_abc\"}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"digitalocean:token\"]"));
        assertEquals(Map.of("secure", "[secret]"), c.get("digitalocean:token"));
    }

    @Test
    void isEmptyWithoutPulumi() {
        assertEquals(Map.of(), PulumiConfig.fromEnvironment(Map.of()));
    }

    @Test
    void rejectsMalformedJson() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> PulumiConfig.fromEnvironment(Map.of("PULUMI_CONFIG", "{not json")));
        assertEquals("PULUMI_CONFIG: not a JSON object of configuration keys", e.getMessage());
    }
}
