package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's forms are checked against CSRF in one place, ConsoleCsrfFilter, which runs for {@link CsrfChecked}
 * resources only: every method of the service that takes a form under /console must be one of them, whichever
 * class serves it, so a new screen's resource cannot forget it. (No container: the compiled classes, read.)
 */
class ConsoleFormsCsrfCheckedTest {

    @Test
    void everyConsoleFormIsCheckedByTheFilter() throws Exception {
        List<String> posts = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (Class<?> type : triageClasses()) {
            Path path = type.getAnnotation(Path.class);
            if (path == null || !path.value().startsWith("/console")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (Stream.of(POST.class, PUT.class, PATCH.class, DELETE.class).anyMatch(m::isAnnotationPresent)) {
                    posts.add(type.getSimpleName() + "." + m.getName());
                    if (!type.isAnnotationPresent(CsrfChecked.class) && !m.isAnnotationPresent(CsrfChecked.class)) {
                        unchecked.add(type.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        // check, decide, approve, allocate, close, step, approve and decline a change, informed
        assertTrue(posts.size() >= 9, "the console's forms were found: " + posts);
        assertEquals(List.of(), unchecked, "forms ConsoleCsrfFilter would not check");
    }

    /** Every class compiled from triage-service's main sources. */
    private static List<Class<?>> triageClasses() throws Exception {
        URL classes = ConsoleResource.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path base = Paths.get(classes.toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(base.resolve("org/frontdoor/triage"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = base.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                found.add(Class.forName(name, false, ConsoleResource.class.getClassLoader()));
            }
        }
        return found;
    }
}
