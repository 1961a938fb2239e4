package cn.edu.cumt.union.core.internal.plugin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small plugin jars in memory: a unit plugin "outing" of unit MINING that follows every rule, changed per test. */
final class TestJars {

    static final String GOOD_IMPORTS = "cn.edu.cumt.union.api.rest;version=\"[1.1,2)\",javax.ws.rs;version=\"[2.1,3)\","
            + "javax.persistence;version=\"[2.2,3)\",java.util,org.apache.aries.jpa.template;version=\"[1.0,2)\"";

    final Map<String, String> headers = new LinkedHashMap<>();
    String persistenceXml = persistence("union-plugin-outing");

    static TestJars unitPlugin() {
        TestJars jar = new TestJars();
        jar.headers.put("Manifest-Version", "1.0");
        jar.headers.put("Bundle-ManifestVersion", "2");
        jar.headers.put("Bundle-SymbolicName", "cn.edu.cumt.union.unit.mining.outing;singleton:=true");
        jar.headers.put("Bundle-Version", "1.0.0");
        jar.headers.put("Union-Plugin-Id", "outing");
        jar.headers.put("Union-Plugin-Unit", "MINING");
        jar.headers.put("Union-Schema-Id", "outing");
        jar.headers.put("Meta-Persistence", "META-INF/persistence.xml");
        jar.headers.put("Import-Package", GOOD_IMPORTS);
        return jar;
    }

    /** A persistence.xml that passes {@link PersistenceFence} when the data source is the plugin's own. */
    static String persistence(String dataSource) {
        return "<persistence><persistence-unit name=\"union-outing\" transaction-type=\"RESOURCE_LOCAL\">\n  <non-jta-data-source>"
                + "osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=" + dataSource + ")</non-jta-data-source>\n"
                + "  <properties><property name=\"eclipselink.jpql.validation\" value=\"JPA 2.0\"/></properties>\n"
                + "</persistence-unit></persistence>";
    }

    TestJars with(String header, String value) {
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value);
        }
        return this;
    }

    byte[] bytes() {
        Manifest manifest = new Manifest();
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("META-INF/persistence.xml"));
            jar.write(persistenceXml.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    PluginJar read() {
        return PluginJar.read(bytes());
    }
}
