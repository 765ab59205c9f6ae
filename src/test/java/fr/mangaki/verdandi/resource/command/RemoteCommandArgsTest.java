package fr.mangaki.verdandi.resource.command;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The command {@code *Args} builders. */
class RemoteCommandArgsTest {

    @Test
    void rejectsACommandWithoutConnection() {
        var e = assertThrows(IllegalStateException.class, () -> RemoteCommandArgs.builder().create("true").build());
        assertEquals("RemoteCommandArgs is missing required property: connection", e.getMessage());
    }

    @Test
    void rejectsAConnectionWithoutHost() {
        var e = assertThrows(IllegalStateException.class, () -> ConnectionArgs.builder().user("root").build());
        assertEquals("ConnectionArgs is missing required property: host", e.getMessage());
    }

    @Test
    void rejectsAnUnknownLoggingValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> RemoteCommandArgs.builder().logging("all"));
        assertEquals("RemoteCommandArgs.logging is 'all', allowed: stdout, stderr, stdoutAndStderr, none", e.getMessage());
    }

    @Test
    void rejectsANullEnvironmentValueByKey() {
        var environment = new java.util.HashMap<String, String>();
        environment.put("VERDANDI_ENV", null);
        var e = assertThrows(NullPointerException.class, () -> RemoteCommandArgs.builder().environment(environment));
        assertEquals("RemoteCommandArgs.environment[VERDANDI_ENV] must not be null", e.getMessage());
    }

    @Test
    void rejectsANullSecret() {
        var e = assertThrows(NullPointerException.class, () -> ConnectionArgs.builder().privateKey((String) null));
        assertEquals("ConnectionArgs.privateKey must not be null", e.getMessage());
    }
}
