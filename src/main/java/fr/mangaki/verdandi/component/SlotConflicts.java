package fr.mangaki.verdandi.component;

import fr.mangaki.verdandi.component.PlatformHandle.EnvironmentSlot;
import fr.mangaki.verdandi.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conflicts between an environment's {@link EnvironmentSlot} (its port and domains) and the
 * slots other environments of the platform already hold: an environment is refused when another
 * holds its port or one of its domains.
 */
final class SlotConflicts {
    private SlotConflicts() {
    }

    /** @throws ConfigException naming each port or domain of {@code slot} another environment holds */
    static void check(String environment, EnvironmentSlot slot, Map<String, EnvironmentSlot> existing) {
        List<String> problems = new ArrayList<>();
        existing.forEach((other, taken) -> {
            if (other.equals(environment)) {
                return;
            }
            if (taken.port() == slot.port()) {
                problems.add("mangaki:environment.port: " + slot.port() + " is already used by environment "
                        + other + " on this platform (ports in use: " + ports(existing) + ")");
            }
            for (String d : slot.domains()) {
                if (taken.domains().contains(d)) {
                    problems.add("mangaki:environment.domains: \"" + d + "\" is already served by environment "
                            + other + " on this platform");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static String ports(Map<String, EnvironmentSlot> existing) {
        return String.join(", ", existing.values().stream().map(s -> String.valueOf(s.port())).sorted().toList());
    }
}
