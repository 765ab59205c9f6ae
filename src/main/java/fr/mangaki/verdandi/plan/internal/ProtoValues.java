package fr.mangaki.verdandi.plan.internal;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Constants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the engine's protobuf values into plain Java values for display: secrets become
 * {@link PlanPlaceholders#SECRET} (their value is dropped here, never copied), unknowns become
 * {@link PlanPlaceholders#UNKNOWN}, resource references their URN; map keys are sorted so that
 * plans are stable.
 */
public final class ProtoValues {
    private ProtoValues() {
    }

    public static Map<String, Object> toDisplay(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        new TreeMap<>(struct.getFieldsMap()).forEach((k, v) -> out.put(k, toDisplay(v)));
        return out;
    }

    public static Object toDisplay(Value value) {
        switch (value.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return null;
            case BOOL_VALUE:
                return value.getBoolValue();
            case NUMBER_VALUE:
                double d = value.getNumberValue();
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            case STRING_VALUE:
                String s = value.getStringValue();
                return Constants.UnknownValue.equals(s) ? PlanPlaceholders.UNKNOWN : s;
            case LIST_VALUE:
                return list(value.getListValue());
            case STRUCT_VALUE:
                return struct(value.getStructValue());
            default:
                throw new IllegalStateException("unexpected protobuf value " + value.getKindCase());
        }
    }

    private static List<Object> list(ListValue list) {
        List<Object> out = new ArrayList<>();
        for (Value v : list.getValuesList()) {
            out.add(toDisplay(v));
        }
        return out;
    }

    private static Object struct(Struct struct) {
        Map<String, Value> fields = struct.getFieldsMap();
        Value sig = fields.get(Constants.SpecialSigKey);
        if (sig == null) {
            return toDisplay(struct);
        }
        String signature = sig.getStringValue();
        if (signature.equals(Constants.SpecialSecretSig)) {
            return PlanPlaceholders.SECRET;
        }
        if (signature.equals(Constants.SpecialOutputSig)) {
            Value secret = fields.get(Constants.SecretName);
            if (secret != null && secret.getBoolValue()) {
                return PlanPlaceholders.SECRET;
            }
            Value v = fields.get(Constants.SecretValueName);
            return v == null ? PlanPlaceholders.UNKNOWN : toDisplay(v);
        }
        if (signature.equals(Constants.SpecialResourceSig)) {
            Value urn = fields.get(Constants.ResourceUrnName);
            return urn == null ? PlanPlaceholders.UNKNOWN : urn.getStringValue();
        }
        if (signature.equals(Constants.SpecialAssetSig) || signature.equals(Constants.SpecialArchiveSig)) {
            return "[asset]";
        }
        throw new IllegalStateException("unexpected special value signature " + signature);
    }
}
