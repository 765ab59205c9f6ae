package fr.mangaki.verdandi.component.internal;

import com.pulumi.core.Output;
import com.pulumi.core.internal.OutputData;
import com.pulumi.core.internal.OutputInternal;
import fr.mangaki.verdandi.plan.internal.PlanPlaceholders;
import java.util.function.Function;

/**
 * Values read from another stack's outputs. When that stack was only planned offline, the
 * values its cloud provider decides (addresses, ids) are the text
 * {@link PlanPlaceholders#UNKNOWN}; they are turned back into unknown values here, as a preview
 * would have them, instead of being mistaken for data.
 */
public final class PlannedValues {
    private PlannedValues() {
    }

    public static <T> Output<T> read(Output<?> raw, Function<Object, T> convert) {
        return raw.apply(v -> PlanPlaceholders.UNKNOWN.equals(v)
                ? new OutputInternal<T>(OutputData.<T>unknown())
                : Output.of(convert.apply(v)));
    }
}
