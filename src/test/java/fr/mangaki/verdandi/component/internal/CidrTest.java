package fr.mangaki.verdandi.component.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "203.0.113.0/24", "10.1.2.3", "::/0", "2001:db8::/32",
            "fe80::1", "1:2:3:4:5:6:7:8/128", "::ffff:192.0.2.1/128"})
    void acceptsNetworks(String cidr) {
        assertTrue(Cidr.isValid(cidr), cidr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "300.0.0.0/8", "10.0.0.0/33", "10.0.0/8", "1::2::3", "2001:db8::/129",
            "1:2:3:4:5:6:7:8:9", "example.org/24", "10.0.0.0/x"})
    void rejectsNonNetworks(String cidr) {
        assertFalse(Cidr.isValid(cidr), cidr);
    }
}
