package fr.mangaki.verdandi.resource.internal;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds the top-level {@code @ResourceType} classes of a package and its sub-packages on the
 * classpath (directories and jars). Nested classes are not resource classes: tests declare their
 * fakes as nested classes so that they are never taken for real ones.
 */
public final class ResourceClassScanner {
    private ResourceClassScanner() {
    }

    @SuppressWarnings("unchecked")
    public static List<Class<? extends CustomResource>> scan(String packageName) {
        var loader = Thread.currentThread().getContextClassLoader();
        String path = packageName.replace('.', '/');
        var names = new TreeSet<String>();
        try {
            for (URL url : Collections.list(loader.getResources(path))) {
                switch (url.getProtocol()) {
                    case "file" -> {
                        Path root = Path.of(url.toURI());
                        try (Stream<Path> files = Files.walk(root)) {
                            files.filter(f -> f.toString().endsWith(".class"))
                                    .map(f -> path + "/" + root.relativize(f).toString().replace('\\', '/'))
                                    .forEach(names::add);
                        }
                    }
                    case "jar" -> {
                        var connection = (JarURLConnection) url.openConnection();
                        connection.setUseCaches(false);
                        try (var jar = connection.getJarFile()) {
                            jar.stream().map(e -> e.getName())
                                    .filter(n -> n.startsWith(path + "/") && n.endsWith(".class"))
                                    .forEach(names::add);
                        }
                    }
                    default -> throw new IllegalStateException("cannot scan " + url);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan package " + packageName, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot scan package " + packageName, e);
        }
        var classes = new ArrayList<Class<? extends CustomResource>>();
        for (String name : names) {
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            if (className.contains("$") || className.endsWith("package-info")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(className, false, loader);
                if (type.isAnnotationPresent(ResourceType.class) && CustomResource.class.isAssignableFrom(type)) {
                    classes.add((Class<? extends CustomResource>) type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("listed but not loadable: " + className, e);
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        return List.copyOf(classes);
    }
}
