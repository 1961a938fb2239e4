package cn.edu.cumt.union.itests.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * Builds a one-class plugin bundle at test time from a class of the test classpath: a manifest with
 * the plugin headers, and a DS component description registering the class as a resource of the
 * plugin's own JAX-RS application at /api/<id>, as {@code @UnionResource} would. No bnd: the imports are few and known.
 */
final class FaultBundles {

    private FaultBundles() {
    }

    /**
     * @param id       the plugin id (its REST paths start with it)
     * @param resource the resource class
     * @param activate the name of a method DS calls at activation, or null
     * @return the jar, written into {@code directory} in one move (deploy/ is polled: it must never see half a jar)
     */
    static Path build(Path directory, Path staging, String id, Class<?> resource, String activate) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "cn.edu.cumt.union.itests.fault." + id);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Name", "Reliability fault plugin " + id);
        main.putValue("Import-Package", "javax.annotation.security,javax.ws.rs,javax.ws.rs.core");
        main.putValue("Service-Component", "OSGI-INF/" + id + ".xml");
        main.putValue(PluginHeaders.ID, id);
        main.putValue(PluginHeaders.NAME, "故障插件 " + id);
        main.putValue(PluginHeaders.NAME_EN, "Fault plugin " + id);
        String className = resource.getName();
        String component = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + className + "\""
                + (activate == null ? "" : " activate=\"" + activate + "\" immediate=\"true\"") + ">\n"
                + "  <implementation class=\"" + className + "\"/>\n"
                + "  <service><provide interface=\"" + className + "\"/></service>\n"
                + "  <property name=\"" + UnionRest.RESOURCE_PROPERTY + "\" type=\"Boolean\" value=\"true\"/>\n"
                + "</scr:component>\n";
        Path jar = directory.resolve("fault-" + id + ".jar");
        Path built = staging.resolve("fault-" + id + ".jar");
        try (OutputStream file = Files.newOutputStream(built); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("OSGI-INF/" + id + ".xml"));
            out.write(component.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            String classFile = className.replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(classFile));
            try (InputStream in = resource.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        Files.move(built, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return jar;
    }
}
