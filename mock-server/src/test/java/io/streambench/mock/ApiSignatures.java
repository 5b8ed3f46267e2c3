package io.streambench.mock;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The mock's public API as text, read by reflection from its compiled classes: every public or protected type
 * outside the {@code internal} packages, and each one's public and protected constructors, methods and fields.
 * One block per type, types and members sorted by name, so the text changes exactly when the API does.
 */
final class ApiSignatures {

    private static final String ROOT = "io.streambench.mock";
    private static final int VISIBLE = Modifier.PUBLIC | Modifier.PROTECTED;

    private ApiSignatures() {
    }

    /** The API of the classes under {@code classes} (a compiled classes folder), as lines. */
    static List<String> of(Path classes) throws IOException {
        Path base = classes.resolve(ROOT.replace('.', '/'));
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                if (name.startsWith(ROOT + ".internal.") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = load(name);
                if (visible(type)) {
                    types.add(type);
                }
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        List<String> lines = new ArrayList<>();
        for (Class<?> type : types) {
            lines.add(header(type) + " {");
            members(type).forEach(m -> lines.add("    " + m));
            lines.add("}");
            lines.add("");
        }
        return lines;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiSignatures.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("compiled class " + name + " does not load", e);
        }
    }

    /** Public or protected, and so is every class around it; never anonymous, local or synthetic. */
    private static boolean visible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic() || (c.getModifiers() & VISIBLE) == 0) {
                return false;
            }
        }
        return true;
    }

    private static String header(Class<?> type) {
        int mask = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL;
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
        } else if (type.isInterface()) {
            kind = "interface";
        } else if (type.isEnum()) {
            kind = "enum";
        } else if (type.isRecord()) {
            kind = "record";
        } else {
            kind = "class";
            mask |= Modifier.ABSTRACT;
        }
        StringBuilder s = new StringBuilder(Modifier.toString(type.getModifiers() & mask));
        s.append(type.isSealed() ? " sealed " : " ").append(kind).append(' ').append(type.getName())
                .append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            s.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            s.append(type.isInterface() ? " extends " : " implements ").append(names(interfaces));
        }
        return s.toString();
    }

    private static List<String> members(Class<?> type) {
        List<String> members = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (shown(f.getModifiers(), f.isSynthetic())) {
                members.add(Modifier.toString(f.getModifiers() & Modifier.fieldModifiers()) + " "
                        + f.getGenericType().getTypeName() + " " + f.getName());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (shown(c.getModifiers(), c.isSynthetic())) {
                members.add(Modifier.toString(c.getModifiers() & Modifier.constructorModifiers()) + " "
                        + typeParameters(c.getTypeParameters()) + "<init>" + parameters(c));
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (shown(m.getModifiers(), m.isSynthetic() || m.isBridge())) {
                int mask = Modifier.methodModifiers() & ~(type.isInterface() ? Modifier.ABSTRACT : 0);
                members.add(Modifier.toString(m.getModifiers() & mask) + (m.isDefault() ? " default " : " ")
                        + typeParameters(m.getTypeParameters()) + m.getGenericReturnType().getTypeName() + " "
                        + m.getName() + parameters(m));
            }
        }
        members.sort(Comparator.comparing(ApiSignatures::sortKey).thenComparing(Comparator.naturalOrder()));
        return members;
    }

    private static boolean shown(int modifiers, boolean synthetic) {
        return (modifiers & VISIBLE) != 0 && !synthetic;
    }

    /** Members sort by name (the word before the parameters, or a field's last word), then as text. */
    private static String sortKey(String member) {
        int paren = member.indexOf('(');
        String head = paren < 0 ? member : member.substring(0, paren);
        return head.substring(head.lastIndexOf(' ') + 1);
    }

    private static String parameters(Executable e) {
        String params = names(e.getGenericParameterTypes());
        Type[] thrown = e.getGenericExceptionTypes();
        return "(" + params + ")" + (thrown.length == 0 ? "" : " throws " + names(thrown));
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(v -> {
            Type[] bounds = v.getBounds();
            boolean plain = bounds.length == 1 && bounds[0] == Object.class;
            return plain ? v.getName() : v.getName() + " extends " + names(bounds).replace(", ", " & ");
        }).collect(Collectors.joining(", ", "<", "> "));
    }

    private static String names(Type[] types) {
        return Arrays.stream(types).map(Type::getTypeName).collect(Collectors.joining(", "));
    }
}
