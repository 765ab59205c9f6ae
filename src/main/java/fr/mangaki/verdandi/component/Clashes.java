package fr.mangaki.verdandi.component;

import fr.mangaki.verdandi.component.PlatformHandle.EnvironmentSlot;
import fr.mangaki.verdandi.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Refuses an environment whose port or domains another environment of the platform holds. */
final class Clashes {
    private Clashes() {
    }

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
