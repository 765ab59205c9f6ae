package fr.mangaki.verdandi.resource.internal;

/**
 * A property type in the contract's notation: {@code string}, {@code integer}, {@code number},
 * {@code boolean}, {@code any}, {@code asset}, {@code archive}, {@code json},
 * {@code array<T>}, {@code map<T>} (string keys) or {@code object<TOKEN>}.
 */
public sealed interface SchemaType {

    record Primitive(String name) implements SchemaType {
        @Override
        public String toString() {
            return name;
        }
    }

    record Array(SchemaType items) implements SchemaType {
        @Override
        public String toString() {
            return "array<" + items + ">";
        }
    }

    record MapOf(SchemaType values) implements SchemaType {
        @Override
        public String toString() {
            return "map<" + values + ">";
        }
    }

    record ObjectRef(String token) implements SchemaType {
        @Override
        public String toString() {
            return "object<" + token + ">";
        }
    }

    /** @throws IllegalArgumentException when the text is not in the notation */
    static SchemaType parse(String text) {
        if (text.startsWith("array<") && text.endsWith(">")) {
            return new Array(parse(text.substring("array<".length(), text.length() - 1)));
        }
        if (text.startsWith("map<") && text.endsWith(">")) {
            return new MapOf(parse(text.substring("map<".length(), text.length() - 1)));
        }
        if (text.startsWith("object<") && text.endsWith(">")) {
            return new ObjectRef(text.substring("object<".length(), text.length() - 1));
        }
        return switch (text) {
            case "string", "integer", "number", "boolean", "any", "asset", "archive", "json" -> new Primitive(text);
            default -> throw new IllegalArgumentException("not a contract type: '" + text + "'");
        };
    }
}
