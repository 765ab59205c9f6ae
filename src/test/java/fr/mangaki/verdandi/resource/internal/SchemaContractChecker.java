package fr.mangaki.verdandi.resource.internal;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks resource classes against the {@link SchemaContract}: every {@code @Import} property the
 * class sends is known, not deprecated and of the schema's type (nested {@code *Args} checked
 * against their object type, recursively); every input the schema requires is declared
 * {@code @Import(required = true)}; every {@code @Export} is an output of the schema's type with
 * matching {@code refs}/{@code tree}; the {@code @ResourceType} version is the contract's.
 * Each problem is one message naming the class, the property and both types.
 */
public final class SchemaContractChecker {
    private final SchemaContract contract;

    public SchemaContractChecker(SchemaContract contract) {
        this.contract = contract;
    }

    /** Every problem of one {@code @ResourceType} class, its inputs class and nested inputs; empty when it matches. */
    public List<String> checkResource(Class<? extends CustomResource> resourceClass) {
        var problems = new ArrayList<String>();
        String owner = resourceClass.getSimpleName();
        ResourceType annotation = resourceClass.getAnnotation(ResourceType.class);
        if (annotation == null) {
            problems.add(owner + ": has no @ResourceType");
            return problems;
        }
        String token = annotation.type();
        var resource = contract.resources().get(token);
        if (resource == null) {
            problems.add(owner + ": type token '" + token + "' is not in the contract");
            return problems;
        }
        String packageName = SchemaContract.packageOf(token);
        var providerPackage = contract.packages().get(packageName);
        if (providerPackage == null) {
            problems.add(owner + ": package '" + packageName + "' is not in the contract");
        } else if (!providerPackage.version().equals(annotation.version())) {
            problems.add(owner + ": @ResourceType version '" + annotation.version() + "' but the contract has "
                    + packageName + " " + providerPackage.version());
        }
        var argsClass = argsClassOf(resourceClass);
        if (argsClass == null) {
            problems.add(owner + ": no public constructor (String, *Args, CustomResourceOptions)");
        } else {
            problems.addAll(checkArgs(token, argsClass));
        }
        checkExports(owner, token, resourceClass, resource.outputs(), problems);
        return problems;
    }

    /** Every problem of an inputs class of the resource type {@code token}; empty when it matches. */
    public List<String> checkArgs(String token, Class<? extends ResourceArgs> argsClass) {
        var problems = new ArrayList<String>();
        var resource = contract.resources().get(token);
        if (resource == null) {
            problems.add(argsClass.getSimpleName() + ": type token '" + token + "' is not in the contract");
            return problems;
        }
        checkProperties(argsClass, token, resource.inputs(), resource.required(), resource.deprecated(),
                new HashSet<>(), problems);
        return problems;
    }

    /** The inputs class of a resource: the second parameter of its (String, Args, CustomResourceOptions) constructor. */
    @SuppressWarnings("unchecked")
    public static Class<? extends ResourceArgs> argsClassOf(Class<? extends CustomResource> resourceClass) {
        for (Constructor<?> constructor : resourceClass.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 3 && parameters[0] == String.class
                    && ResourceArgs.class.isAssignableFrom(parameters[1])
                    && parameters[2] == CustomResourceOptions.class) {
                return (Class<? extends ResourceArgs>) parameters[1];
            }
        }
        return null;
    }

    private void checkProperties(Class<?> argsClass, String token, Map<String, String> properties,
                                 List<String> required, List<String> deprecated,
                                 Set<String> visited, List<String> problems) {
        if (!visited.add(argsClass.getName() + "|" + token)) {
            return;
        }
        String owner = argsClass.getSimpleName();
        var imports = new LinkedHashMap<String, Field>();
        for (Field field : fieldsOf(argsClass)) {
            Import annotation = field.getAnnotation(Import.class);
            if (annotation == null) {
                continue;
            }
            String name = annotation.name();
            imports.put(name, field);
            String schemaType = properties.get(name);
            if (schemaType == null) {
                problems.add(owner + ": sends '" + name + "', which " + token + " does not have");
                continue;
            }
            if (deprecated.contains(name)) {
                problems.add(owner + ": sends '" + name + "', which " + token + " deprecates");
            }
            Type valueType = outputValueType(field.getGenericType());
            if (valueType == null) {
                problems.add(owner + "." + field.getName() + ": an @Import field must be an Output<...>, is "
                        + field.getGenericType().getTypeName());
                continue;
            }
            match(SchemaType.parse(schemaType), valueType, owner + "." + name, token, visited, problems);
        }
        for (String name : required) {
            Field field = imports.get(name);
            if (field == null) {
                problems.add(owner + ": omits '" + name + "', which " + token + " requires");
            } else if (!field.getAnnotation(Import.class).required()) {
                problems.add(owner + ": '" + name + "' is required by " + token + " but not @Import(required = true)");
            }
        }
    }

    private void match(SchemaType expected, Type actual, String path, String token,
                       Set<String> visited, List<String> problems) {
        boolean matches;
        if (expected instanceof SchemaType.Primitive primitive) {
            matches = switch (primitive.name()) {
                case "any" -> true;
                case "string" -> actual == String.class;
                case "integer" -> actual == Integer.class;
                case "number" -> actual == Double.class;
                case "boolean" -> actual == Boolean.class;
                default -> false; // asset, archive, json: no resource class of ours sends them
            };
        } else if (expected instanceof SchemaType.Array array) {
            Type element = typeArgument(actual, List.class, 0);
            matches = element != null;
            if (matches) {
                match(array.items(), element, path + "[]", token, visited, problems);
            }
        } else if (expected instanceof SchemaType.MapOf map) {
            Type value = typeArgument(actual, Map.class, 1);
            matches = value != null && typeArgument(actual, Map.class, 0) == String.class;
            if (matches) {
                match(map.values(), value, path + "{}", token, visited, problems);
            }
        } else {
            var ref = (SchemaType.ObjectRef) expected;
            matches = actual instanceof Class<?> nested && ResourceArgs.class.isAssignableFrom(nested);
            if (matches) {
                var type = contract.types().get(ref.token());
                if (type == null) {
                    problems.add(path + ": object type " + ref.token() + " is not in the contract");
                } else {
                    checkProperties((Class<?>) actual, ref.token(), type.properties(), type.required(),
                            type.deprecated(), visited, problems);
                }
            }
        }
        if (!matches) {
            problems.add(path + ": is " + describe(actual) + " in Java, " + expected + " in " + token);
        }
    }

    private void checkExports(String owner, String token, Class<?> resourceClass, Map<String, String> outputs,
                              List<String> problems) {
        for (Field field : fieldsOf(resourceClass)) {
            Export annotation = field.getAnnotation(Export.class);
            if (annotation == null) {
                continue;
            }
            String name = annotation.name();
            String schemaType = outputs.get(name);
            if (schemaType == null) {
                problems.add(owner + ": exports '" + name + "', which " + token + " does not output");
                continue;
            }
            Type valueType = outputValueType(field.getGenericType());
            if (valueType == null) {
                problems.add(owner + "." + field.getName() + ": an @Export field must be an Output<...>, is "
                        + field.getGenericType().getTypeName());
                continue;
            }
            var outputProblems = new ArrayList<String>();
            match(SchemaType.parse(schemaType), valueType, owner + "." + name, token + " outputs",
                    new HashSet<>(), outputProblems);
            problems.addAll(outputProblems);
            var shape = Shape.of(valueType);
            var declared = new Shape(List.of(annotation.refs()), annotation.tree().replace(" ", ""));
            if (!shape.equals(declared)) {
                problems.add(owner + "." + name + ": @Export says " + declared + " but the field is " + shape);
            }
        }
    }

    /** The {@code refs} and {@code tree} of an {@code @Export} that describe a value type. */
    record Shape(List<Class<?>> refs, String tree) {
        static Shape of(Type type) {
            var refs = new ArrayList<Class<?>>();
            String tree = tree(type, refs);
            return new Shape(List.copyOf(refs), tree.startsWith("[") ? tree : "[" + tree + "]");
        }

        private static String tree(Type type, List<Class<?>> refs) {
            if (type instanceof ParameterizedType parameterized) {
                var parts = new ArrayList<String>();
                parts.add(index((Class<?>) parameterized.getRawType(), refs));
                for (Type argument : parameterized.getActualTypeArguments()) {
                    parts.add(tree(argument, refs));
                }
                return "[" + String.join(",", parts) + "]";
            }
            return index(type instanceof Class<?> c ? c : Object.class, refs);
        }

        private static String index(Class<?> type, List<Class<?>> refs) {
            if (!refs.contains(type)) {
                refs.add(type);
            }
            return String.valueOf(refs.indexOf(type));
        }

        @Override
        public String toString() {
            return "refs=" + refs.stream().map(Class::getSimpleName).toList() + " tree=" + tree;
        }
    }

    /** The instance fields of a class and its superclasses up to (not including) Pulumi's own classes. */
    private static List<Field> fieldsOf(Class<?> type) {
        var fields = new ArrayList<Field>();
        for (Class<?> c = type; c != null && !c.getName().startsWith("com.pulumi."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Type outputValueType(Type fieldType) {
        return typeArgument(fieldType, Output.class, 0);
    }

    private static Type typeArgument(Type type, Class<?> raw, int index) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == raw) {
            return parameterized.getActualTypeArguments()[index];
        }
        return null;
    }

    /** A Java value type in the contract's notation, for messages. */
    static String describe(Type type) {
        if (type == String.class) {
            return "string";
        }
        if (type == Integer.class) {
            return "integer";
        }
        if (type == Double.class) {
            return "number";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == Object.class) {
            return "any";
        }
        Type element = typeArgument(type, List.class, 0);
        if (element != null) {
            return "array<" + describe(element) + ">";
        }
        Type value = typeArgument(type, Map.class, 1);
        if (value != null && typeArgument(type, Map.class, 0) == String.class) {
            return "map<" + describe(value) + ">";
        }
        if (type instanceof Class<?> c && ResourceArgs.class.isAssignableFrom(c)) {
            return "object<" + c.getSimpleName() + ">";
        }
        return type.getTypeName();
    }
}
