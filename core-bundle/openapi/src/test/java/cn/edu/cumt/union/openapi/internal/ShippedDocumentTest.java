package cn.edu.cumt.union.openapi.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

import org.junit.BeforeClass;
import org.junit.Test;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.openapi.check.OpenApiCompleteness;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import io.swagger.v3.core.util.Json;

/**
 * The document of the core and every shipped plugin (study, brand, the unit plugin familyday), built
 * at build time from their jars as the running platform builds it: it must pass the completeness
 * check, so a new endpoint without a tag, summary, status or error answers fails the build.
 */
public class ShippedDocumentTest {

    private static String document;
    private static int operations;

    @BeforeClass
    public static void buildTheDocument() throws IOException {
        Map<String, Set<Class<?>>> byApplication = new HashMap<>();
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().acceptPackages("cn.edu.cumt.union").scan()) {
            for (ClassInfo resource : scan.getClassesWithAnnotation("javax.ws.rs.Path")) {
                File jar = resource.getClasspathElementFile();
                if (!jar.isFile()) {
                    continue; // this module's own classes and test fixtures
                }
                String pluginId;
                try (JarFile file = new JarFile(jar)) {
                    pluginId = file.getManifest().getMainAttributes().getValue(PluginHeaders.ID);
                }
                byApplication.computeIfAbsent(pluginId == null ? "" : "/" + pluginId, prefix -> new HashSet<>())
                        .add(resource.loadClass());
            }
        }
        byApplication.get("").add(OpenApiResource.class);
        document = Json.pretty(OpenApiBuilder.build(byApplication, "http://localhost:8181/api"));
        long start = System.nanoTime();
        operations = OpenApiBuilder.build(byApplication, "/api").getPaths().values().stream()
                .mapToInt(item -> item.readOperations().size()).sum();
        // for reading and for client generators: target/openapi.json
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document);
        System.out.println("ShippedDocumentTest: " + operations + " operations from " + byApplication.keySet() + ", built in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    public void theShippedDocumentIsComplete() {
        List<String> problems = OpenApiCompleteness.problems(document, true);
        assertEquals(String.join("\n", problems), List.of(), problems);
    }

    @Test
    public void everyShippedApplicationIsIn() {
        for (String path : List.of("/members", "/auth/login", "/study/sessions", "/brand/projects", "/familyday/activities")) {
            assertTrue(path, document.contains("\"" + path + "\""));
        }
        assertTrue("the core and three plugins have more than 60 operations: " + operations, operations > 60);
    }
}
