package fr.mangaki.verdandi.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on messages. */
public final class TestText {

    private TestText() {
    }

    public static void assertContains(String actual, String expected) {
        assertTrue(actual != null && actual.contains(expected),
                () -> "expected to find:\n  " + expected + "\nin:\n" + actual);
    }

    public static void assertNotContains(String actual, String unexpected) {
        assertFalse(actual != null && actual.contains(unexpected),
                () -> "expected not to find:\n  " + unexpected + "\nin:\n" + actual);
    }
}
