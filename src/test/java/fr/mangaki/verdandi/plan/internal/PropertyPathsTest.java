package fr.mangaki.verdandi.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyPathsTest {
    @Test
    void splitsNamesIndicesAndQuotedKeys() {
        assertEquals(List.of("inboundRules", "2", "portRange"), PropertyPaths.segments("inboundRules[2].portRange"));
        assertEquals(List.of("labels", "a b", "x"), PropertyPaths.segments("labels[\"a b\"].x"));
        assertEquals(List.of("rules", "*", "inner", "flag"), PropertyPaths.segments("rules[*].inner.flag"));
        assertEquals(List.of("a", "]x"), PropertyPaths.segments("a[\"]x\"]"));
        assertEquals(List.of("a", "b"), PropertyPaths.segments("a[b"), "an unclosed bracket ends the path");
    }

    @Test
    void aPatternCoversThePathsUnderIt() {
        assertTrue(PropertyPaths.covers("userData", "userData"));
        assertTrue(PropertyPaths.covers("sshKeys", "sshKeys[1]"));
        assertTrue(PropertyPaths.covers("rules[*].port", "rules[3].port"));
        assertFalse(PropertyPaths.covers("rules[*].port", "rules[3].protocol"));
        assertFalse(PropertyPaths.covers("rules[*].port", "rules"), "a whole list is more than what the pattern names");
        assertFalse(PropertyPaths.covers("user", "userData"));
    }

    @Test
    void aChangeTouchesWhatItHoldsToo() {
        assertTrue(PropertyPaths.touches("nodePool.size", "nodePool"));
        assertTrue(PropertyPaths.touches("region", "region"));
        assertFalse(PropertyPaths.touches("nodePool.size", "nodePool.name"));
        assertEquals("inboundRules", PropertyPaths.top("inboundRules[2].portRange"));
    }
}
