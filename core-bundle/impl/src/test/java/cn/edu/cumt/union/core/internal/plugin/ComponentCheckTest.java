package cn.edu.cumt.union.core.internal.plugin;

import static cn.edu.cumt.union.core.internal.plugin.FenceJars.utf8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;

import org.junit.Test;

public class ComponentCheckTest {

    private static final String OWN = "cn.edu.cumt.union.plugin.outing.internal.ActivityResource";
    private static final ComponentCheck CHECK = new ComponentCheck();

    @Test
    public void aResourceAsUnionResourceWritesItPasses() {
        assertEquals(List.of(), problems(headers(), component(OWN, OWN, property("union.resource", "Boolean", "true"))));
    }

    @Test
    public void aWhiteboardResourceOfItsOwnIsRefused() {
        // the whiteboard's own marker would join an application the plugin chooses, e.g. the core's
        String problems = String.join("\n", problems(headers(), component(OWN, OWN, property("osgi.jaxrs.resource", "Boolean", "true")
                + property("osgi.jaxrs.application.select", "String", "(osgi.jaxrs.name=union)"))));
        assertTrue(problems, problems.contains("may not set the property osgi.jaxrs.resource=true"));
        assertTrue(problems, problems.contains("osgi.jaxrs.application.select=(osgi.jaxrs.name=union)"));
    }

    @Test
    public void aJaxRsExtensionIsRefused() {
        String problems = String.join("\n", problems(headers(), component("Evil", OWN, property("osgi.jaxrs.extension", "Boolean", "true"))));
        assertTrue(problems, problems.contains("the component Evil (OSGI-INF/Evil.xml) may not set the property osgi.jaxrs.extension=true"));
    }

    @Test
    public void whiteboardRankingAndOtherApplicationsAreRefused() {
        for (String name : List.of("osgi.http.whiteboard.filter.pattern", "service.ranking", "osgi.jaxrs.application.base",
                "osgi.jaxrs.name")) {
            String problems = String.join("\n", problems(headers(), component("Evil", OWN, property(name, "String", "/*"))));
            assertTrue(problems, problems.contains("may not set the property " + name));
        }
        String other = String.join("\n", problems(headers(), component("Evil", OWN,
                property("osgi.jaxrs.resource", "Boolean", "true") + property("osgi.jaxrs.application.select", "String", "(osgi.jaxrs.name=*)"))));
        assertTrue(other, other.contains("osgi.jaxrs.application.select=(osgi.jaxrs.name=*)"));
    }

    @Test
    public void propertiesFromAFileAreReadToo() {
        Map<String, byte[]> entries = component("Evil", OWN, "<properties entry=\"OSGI-INF/evil.properties\"/>");
        entries.put("OSGI-INF/evil.properties", utf8("osgi.jaxrs.extension=true\n"));
        String problems = String.join("\n", problems(headers(), entries));
        assertTrue(problems, problems.contains("may not set the property osgi.jaxrs.extension=true"));
    }

    @Test
    public void platformServiceTypesAreRefused() {
        for (String type : List.of("javax.ws.rs.container.ContainerRequestFilter", "javax.servlet.Filter",
                "org.osgi.service.http.context.ServletContextHelper", "org.osgi.framework.hooks.service.FindHook",
                "org.osgi.service.cm.ManagedService", "org.osgi.service.event.EventHandler", "java.lang.Runnable",
                "cn.edu.cumt.union.api.notify.NotificationChannel")) {
            Map<String, byte[]> entries = component("Evil", OWN, "");
            String xml = new String(entries.get("OSGI-INF/Evil.xml"), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("<provide interface=\"" + OWN + "\"/>", "<provide interface=\"" + type + "\"/>");
            entries.put("OSGI-INF/Evil.xml", utf8(xml));
            String problems = String.join("\n", problems(headers(), entries));
            assertTrue(problems, problems.contains("may not provide the service " + type));
        }
    }

    @Test
    public void anImplementationFromAnotherBundleIsRefused() {
        String problems = String.join("\n", problems(headers(), component("Evil", "java.lang.Thread", "")));
        assertTrue(problems, problems.contains("is implemented by java.lang.Thread, which is not the plugin's own class"));
    }

    @Test
    public void descriptorsWithDtdsAreNotParsed() {
        Map<String, byte[]> entries = component("Evil", OWN, "");
        entries.put("OSGI-INF/Evil.xml", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<component name=\"Evil\"><property name=\"a\" value=\"&x;\"/></component>"));
        String problems = String.join("\n", problems(headers(), entries));
        assertTrue(problems, problems.contains("cannot be parsed safely"));
        assertTrue("the file was not read", !problems.contains("root:"));
    }

    @Test
    public void descriptorsNamedByTheHeaderAnywhereAreRead() {
        Attributes headers = headers();
        headers.putValue("Service-Component", "elsewhere/*.xml");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(OWN.replace('.', '/') + ".class", new byte[] { 1 });
        entries.put("elsewhere/evil.xml", utf8("<components><scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\" name=\"Hidden\">"
                + "<implementation class=\"" + OWN + "\"/>" + property("osgi.jaxrs.extension", "Boolean", "true") + "</scr:component></components>"));
        String problems = String.join("\n", problems(headers, entries));
        assertTrue(problems, problems.contains("the component Hidden (elsewhere/evil.xml) may not set the property osgi.jaxrs.extension"));
    }

    @Test
    public void headersThatMakeExtendersRunCodeAreRefused() {
        for (String header : List.of("Bundle-Activator", "Bundle-Blueprint", "Karaf-Commands", "SPI-Provider", "SPI-Consumer", "Web-ContextPath")) {
            Attributes headers = headers();
            headers.putValue(header, "cn.edu.cumt.union.plugin.outing.internal.X");
            String problems = String.join("\n", problems(headers, Map.of()));
            assertTrue(problems, problems.contains(header + " is not allowed in a unit plugin"));
        }
        Attributes capability = headers();
        capability.putValue("Provide-Capability", "osgi.service;objectClass:List<String>=\"a.B\",osgi.extender;osgi.extender=evil");
        String problems = String.join("\n", problems(capability, Map.of()));
        assertTrue(problems, problems.contains("may provide only osgi.service capabilities, not osgi.extender"));
        assertEquals("osgi.service alone is fine", 1, problems.lines().count());
    }

    @Test
    public void classPathAndMultiReleaseAreRefused() {
        Attributes classPath = headers();
        classPath.putValue("Bundle-ClassPath", ".,lib/inner.jar");
        assertTrue(String.join("\n", problems(classPath, Map.of())).contains("Bundle-ClassPath must be \".\""));
        Attributes plain = headers();
        plain.putValue("Bundle-ClassPath", ".");
        assertEquals(List.of(), problems(plain, Map.of()));
        Attributes multiRelease = headers();
        multiRelease.putValue("Multi-Release", "true");
        assertTrue(String.join("\n", problems(multiRelease, Map.of())).contains("Multi-Release: true is not allowed"));
    }

    @Test
    public void nativeSqlInMappingFilesIsRefused() {
        Map<String, byte[]> entries = Map.of("META-INF/orm.xml", utf8("<entity-mappings><named-native-query name=\"evil\">"
                + "<query>CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE(null, 'X', '/tmp/x', null, null, null)</query></named-native-query></entity-mappings>"));
        String problems = String.join("\n", problems(headers(), entries));
        assertTrue(problems, problems.contains("META-INF/orm.xml defines a native SQL or stored procedure query"));
    }

    private static List<String> problems(Attributes headers, Map<String, byte[]> entries) {
        return CHECK.problems(headers, entries);
    }

    private static Attributes headers() {
        return new Attributes(FenceJars.unitManifest().getMainAttributes());
    }

    private static String property(String name, String type, String value) {
        return "<property name=\"" + name + "\" type=\"" + type + "\" value=\"" + value + "\"/>";
    }

    /** A descriptor as bnd writes it, with the implementation class present in the jar. */
    private static Map<String, byte[]> component(String name, String implementation, String properties) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(OWN.replace('.', '/') + ".class", new byte[] { 1 });
        entries.put("OSGI-INF/" + name + ".xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\" name=\"" + name + "\">\n"
                + "  <implementation class=\"" + implementation + "\"/>\n"
                + "  <service><provide interface=\"" + OWN + "\"/></service>\n  " + properties + "\n</scr:component>\n"));
        return entries;
    }
}
