package fr.mangaki.verdandi.secrets;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SensitiveTest {

    @Test
    void printsAsSecretWherever() {
        Sensitive<String> s = Sensitive.of("postgres-password");
        assertEquals("[secret]", s.toString());
        assertEquals("[secret]", String.valueOf(s));
        assertEquals("key=[secret]", "key=" + s);
        assertEquals("[[secret]]", List.of(s).toString());
        assertEquals("{DATABASE_URL=[secret]}", Map.of("DATABASE_URL", s).toString());
        assertEquals("x [secret]", String.format("x %s", s));
    }

    @Test
    void revealsOnlyExplicitly() {
        Sensitive<String> s = Sensitive.of("value");
        assertEquals("value", s.reveal());
        Sensitive<Integer> length = s.map(String::length);
        assertEquals(5, length.reveal());
        assertEquals("[secret]", length.toString());
    }

    @Test
    void comparesByIdentityOnly() {
        Sensitive<String> a = Sensitive.of("same");
        assertNotEquals(a, Sensitive.of("same"));
        assertEquals(a, a);
    }

    @Test
    void rejectsNull() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Sensitive.of(null));
        assertEquals("value", e.getMessage());
    }
}
