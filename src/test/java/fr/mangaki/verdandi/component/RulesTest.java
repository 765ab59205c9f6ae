package fr.mangaki.verdandi.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mangaki.verdandi.config.ConfigException;
import fr.mangaki.verdandi.config.Rule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of the components' args holds to its own examples: it accepts the good ones and refuses the bad. */
class RulesTest {
    private static final List<Class<?>> WITH_RULES = List.of(PlatformArgs.class, EnvironmentArgs.class,
            PlatformReference.class);

    @Test
    void everyRuleAcceptsItsGoodExamplesAndRefusesItsBadOnes() throws IllegalAccessException {
        List<String> checked = new ArrayList<>();
        for (Class<?> type : WITH_RULES) {
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Rule.class) {
                    Rule<?> rule = (Rule<?>) field.get(null);
                    holdsToItsExamples(type.getSimpleName() + "." + field.getName(), rule);
                    checked.add(type.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertTrue(checked.containsAll(List.of("PlatformArgs.REGION", "PlatformArgs.SSH_KEY", "PlatformArgs.BACKUP_HOUR",
                "EnvironmentArgs.PORT", "EnvironmentArgs.BRANCH", "EnvironmentArgs.BACKUP_HOUR",
                "EnvironmentArgs.BACKUP_KEEP_DAYS", "EnvironmentArgs.BACKUP_BUCKET", "EnvironmentArgs.BACKUP_BUCKET_REGION",
                "PlatformReference.STACK_NAME")), checked::toString);
    }

    private static <T> void holdsToItsExamples(String name, Rule<T> rule) {
        rule.accepts().forEach(v -> assertTrue(rule.test(v), name + " refuses its good example " + v));
        rule.refuses().forEach(v -> assertFalse(rule.test(v), name + " accepts its bad example " + v));
    }

    @Test
    void rejectsAPlatformReferenceThatIsNotOrgProjectStack() {
        ConfigException e = assertThrows(ConfigException.class, () -> PlatformReference.of("production"));
        assertEquals(List.of("platformStack: \"production\" is not a stack reference org/project/stack"), e.problems());
    }
}
