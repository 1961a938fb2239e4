package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.api.directory.Directory;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.duty.Duties;

/**
 * A unit's own plugin, generated from the archetype by this build, through {@code POST /api/plugins}:
 * who may upload what, the checks before anything is installed, upgrade with a migration, disable,
 * enable, uninstall keeping data, reinstall, purge, a plugin that fails to start, and the fence
 * around a unit plugin's data (services and directory seen with the plugin's own bundle context).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginUploadIT extends UnionKarafTestSupport {

    private static final String OUTING_JAR = "union.itests.outing-jar";
    private static final String OUTING_BSN = "cn.edu.cumt.union.unit.mining.outing";
    private static final String ACTIVITIES = "/api/outing/activities";

    @Override
    protected Option[] extraOptions() {
        return new Option[] { systemProperty(OUTING_JAR).value(Distribution.outingJar().toString()) };
    }

    @Test
    public void aUnitInstallsUpgradesRemovesAndPurgesItsOwnPlugin() throws Exception {
        awaitStatus("/api/health", 200, BOOT_TIMEOUT);
        Rest operator = asAdmin();
        long mining = Fixtures.unit(operator, "MINING");
        long other = Fixtures.unit(operator, "ITB");
        Fixtures.importMembers(operator, "PU0001,张矿,M,1980-01-01,13900000101,pu1@cumt.edu.cn,MINING,ACTIVE,\n"
                + "PU0002,李建,F,1981-02-02,13900000102,pu2@cumt.edu.cn,ITB,ACTIVE,\n"
                + "PU0003,王外,M,1982-03-03,13900000103,pu3@cumt.edu.cn,ITB,ACTIVE,\n"
                + "PU0900,周校,F,1975-05-05,13900000190,pu9@cumt.edu.cn,ITB,ACTIVE,\n");
        Rest miningAdmin = withToken(login(Fixtures.account(operator, "PU0001", mining), Fixtures.PASSWORD));
        Rest otherAdmin = withToken(login(Fixtures.account(operator, "PU0002", other), Fixtures.PASSWORD));
        byte[] v1 = Files.readAllBytes(Paths.get(System.getProperty(OUTING_JAR)));
        int bundlesBefore = bundleContext.getBundles().length;

        // Refused before anything reaches the framework.
        assertRefused(otherAdmin.uploadForm("/api/plugins", "file", "outing.jar", v1), 403, "plugin.not-your-unit");
        byte[] forbidden = PluginJars.withHeaders(v1, Map.of("Import-Package",
                "javax.sql,javax.ws.rs;version=\"[2.1,3)\",cn.edu.cumt.union.api.rest;version=\"[1.1,2)\""));
        JsonNode forbiddenReply = assertRefused(miningAdmin.uploadForm("/api/plugins", "file", "outing.jar", forbidden), 400, "plugin.refused");
        assertTrue(forbiddenReply.toString(), forbiddenReply.path("details").toString().contains("javax.sql"));
        byte[] unresolvable = PluginJars.withHeaders(v1, Map.of("Import-Package", "javax.ws.rs;version=\"[9.0,10)\""));
        assertRefused(operator.uploadForm("/api/plugins", "file", "outing.jar", unresolvable), 400, "plugin.unresolved");
        byte[] outsideNamespace = PluginJars.withHeaders(v1, Map.of("Bundle-SymbolicName", "cn.edu.cumt.union.union-core-evil"));
        assertRefused(miningAdmin.uploadForm("/api/plugins", "file", "outing.jar", outsideNamespace), 400, "plugin.refused");
        assertEquals("a refused upload left a bundle behind", bundlesBefore, bundleContext.getBundles().length);
        assertNull(bundle(OUTING_BSN));
        assertFalse(operator.get("/api/plugins").body().contains("\"outing\""));

        // The unit's administrator installs it; it serves.
        long started = System.nanoTime();
        Rest.Reply installed = miningAdmin.uploadForm("/api/plugins", "file", "outing.jar", v1);
        assertEquals(installed.toString(), 201, installed.status());
        assertEquals("MINING", installed.json().path("plugin").path("ownerUnit").asText());
        assertEquals("outing answers", 200, miningAdmin.get(ACTIVITIES).status());
        System.out.printf("upload -> first answer: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Rest.Reply created = miningAdmin.post(ACTIVITIES, Map.of("title", "春季远足", "startsAt", "2026-04-01T08:00:00Z"));
        assertEquals(created.toString(), 201, created.status());
        assertEquals("another unit's administrator may read but not add",
                404, otherAdmin.post(ACTIVITIES, Map.of("title", "x", "startsAt", "2026-04-01T08:00:00Z")).status());

        // The fence, seen with the plugin's own bundle context.
        Bundle outing = bundle(OUTING_BSN);
        assertNotNull(outing);
        BundleContext pluginContext = outing.getBundleContext();
        assertTrue("the core's persistence unit is hidden",
                references(pluginContext, "(osgi.unit.name=union-core)").isEmpty());
        assertTrue("the study plugin's persistence unit is hidden",
                references(pluginContext, "(osgi.unit.name=union-study)").isEmpty());
        assertTrue("the platform's DataSource is hidden",
                references(pluginContext, "(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=union))").isEmpty());
        assertFalse("its own persistence unit is there",
                references(pluginContext, "(&(objectClass=org.apache.aries.jpa.template.JpaTemplate)(osgi.unit.name=union-outing))").isEmpty());
        assertFalse("the platform still sees its DataSource",
                services("(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=union))").isEmpty());
        ServiceReference<Directory> directoryRef = pluginContext.getServiceReference(Directory.class);
        Directory directory = pluginContext.getService(directoryRef);
        try {
            Set<String> codes = directory.units().stream().map(UnitDTO::code).collect(Collectors.toSet());
            assertEquals(Set.of("MINING"), codes);
            long otherMember = Fixtures.memberId(operator, "PU0003");
            assertTrue("another unit's member is invisible to the plugin", directory.findMember(otherMember).isEmpty());
            assertTrue(directory.findMember(Fixtures.memberId(operator, "PU0001")).isPresent());
        } finally {
            pluginContext.ungetService(directoryRef);
        }
        assertDutiesFenced(operator, pluginContext, mining, other);
        assertAuditKeptToItsNamespace(operator, pluginContext);

        // Upgrade with one more change set: data kept, schema migrated; a downgrade is refused.
        byte[] v2 = PluginJars.variant(v1, Map.of("Bundle-Version", "1.1.0"), Map.of("db/changelog.xml",
                changelog -> changelog.replace("</databaseChangeLog>", "  <changeSet id=\"outing-2-capacity\" author=\"MINING\">\n"
                        + "    <addColumn tableName=\"OUTING_ACTIVITY\"><column name=\"CAPACITY\" type=\"INT\"/></addColumn>\n"
                        + "  </changeSet>\n</databaseChangeLog>")));
        Rest.Reply upgraded = miningAdmin.uploadForm("/api/plugins", "file", "outing-1.1.0.jar", v2);
        assertEquals(upgraded.toString(), 200, upgraded.status());
        assertEquals("1.0.0", upgraded.json().path("previousVersion").asText());
        assertEquals("outing answers after the upgrade", 200, miningAdmin.get(ACTIVITIES).status());
        assertEquals(1, miningAdmin.get(ACTIVITIES).json().path("items").size());
        assertTrue("the new change set added CAPACITY", columns("OUTING_ACTIVITY").contains("CAPACITY"));
        assertRefused(miningAdmin.uploadForm("/api/plugins", "file", "outing.jar", v1), 409, "plugin.downgrade");

        // Disable and enable.
        assertEquals(200, miningAdmin.post("/api/plugins/outing/disable", Map.of()).status());
        assertEquals("outing is gone while disabled", 404, miningAdmin.get(ACTIVITIES).status());
        assertEquals(200, miningAdmin.post("/api/plugins/outing/enable", Map.of()).status());
        assertEquals("outing is back", 200, miningAdmin.get(ACTIVITIES).status());

        // Uninstall keeps the data; a reinstall sees it.
        assertEquals(403, otherAdmin.delete("/api/plugins/outing").status());
        Rest.Reply removed = miningAdmin.delete("/api/plugins/outing");
        assertEquals(removed.toString(), 200, removed.status());
        assertEquals("outing is gone", 404, miningAdmin.get(ACTIVITIES).status());
        assertNull(bundle(OUTING_BSN));
        assertTrue(miningAdmin.get("/api/plugins").body().contains("\"UNINSTALLED\""));
        assertEquals(201, miningAdmin.uploadForm("/api/plugins", "file", "outing-1.1.0.jar", v2).status());
        assertEquals("outing answers again", 200, miningAdmin.get(ACTIVITIES).status());
        assertEquals("the reinstalled plugin sees its old data", 1, miningAdmin.get(ACTIVITIES).json().path("items").size());

        // Purge: only uninstalled, only confirmed, export first.
        assertRefused(miningAdmin.post("/api/plugins/outing/purge", Map.of("confirm", "outing")), 409, "plugin.still-installed");
        assertEquals(200, miningAdmin.delete("/api/plugins/outing").status());
        assertRefused(miningAdmin.post("/api/plugins/outing/purge", Map.of()), 400, "plugin.purge-unconfirmed");
        assertEquals(403, otherAdmin.post("/api/plugins/outing/purge", Map.of("confirm", "outing")).status());
        Rest.Reply purged = miningAdmin.post("/api/plugins/outing/purge", Map.of("confirm", "outing"));
        assertEquals(purged.toString(), 200, purged.status());
        Path export = Paths.get(System.getProperty("karaf.data")).resolve(purged.json().path("exportFile").asText());
        assertTrue("the export exists: " + export, Files.size(export) > 0);
        assertTrue(purged.toString(), purged.body().contains("{\"table\":\"OUTING_ACTIVITY\",\"rows\":1}"));
        assertFalse(Files.exists(Paths.get(System.getProperty("karaf.data"), "union", "plugin-databases", "outing")));
        String download = purged.json().path("download").asText();
        assertEquals("the other unit cannot fetch the export", 404, otherAdmin.get(download).status());
        Rest.Reply zip = miningAdmin.get(download);
        assertEquals(200, zip.status());
        assertTrue("a zip", zip.body().startsWith("PK"));
        assertFalse(operator.get("/api/plugins").body().contains("\"outing\""));

        // A plugin that fails to start is reported, and nothing else breaks.
        // A unit plugin may not have an activator at all (the fence); one of the union's own plugins may, and
        // here it names a class that does not exist.
        byte[] failing = PluginJars.withHeaders(v1, Map.of("Bundle-Activator", "cn.edu.cumt.union.plugin.outing.NoSuchActivator"));
        JsonNode activator = assertRefused(miningAdmin.uploadForm("/api/plugins", "file", "outing.jar", failing), 400, "plugin.refused");
        assertTrue(activator.toString(), activator.path("details").toString().contains("Bundle-Activator is not allowed in a unit plugin"));
        byte[] failingOwn = PluginJars.withHeaders(failing, Map.of("Union-Plugin-Unit", ""));
        Rest.Reply broken = operator.uploadForm("/api/plugins", "file", "outing.jar", failingOwn);
        assertEquals(broken.toString(), 201, broken.status());
        assertEquals("FAILED", broken.json().path("plugin").path("state").asText());
        JsonNode listed = find(operator.get("/api/plugins").json(), "outing");
        assertEquals("FAILED", listed.path("state").asText());
        assertTrue(listed.toString(), listed.path("lastError").asText().contains("NoSuchActivator"));
        assertEquals(200, get("/api/health").status());
        assertEquals(200, operator.get("/api/study/sessions").status());
        assertEquals(200, operator.get("/api/units").status());
        assertEquals(200, operator.delete("/api/plugins/outing").status());
    }

    private static JsonNode assertRefused(Rest.Reply reply, int status, String code) {
        assertEquals(reply.toString(), status, reply.status());
        assertEquals(reply.toString(), code, reply.json().path("code").asText());
        return reply.json();
    }

    private static JsonNode find(JsonNode plugins, String id) {
        for (JsonNode plugin : plugins) {
            if (id.equals(plugin.path("id").asText())) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + id + " in " + plugins);
    }

    private static List<ServiceReference<?>> references(BundleContext context, String filter) throws Exception {
        ServiceReference<?>[] found = context.getServiceReferences((String) null, filter);
        return found == null ? List.of() : List.of(found);
    }

    /** The columns of a table in the outing plugin's own database, read through the platform's service. */
    private Set<String> columns(String table) throws Exception {
        ServiceReference<?> reference = services("(&(objectClass=javax.sql.DataSource)(osgi.jndi.service.name=union-plugin-outing))").get(0);
        DataSource dataSource = (DataSource) bundleContext.getService(reference);
        try (Connection connection = dataSource.getConnection();
                ResultSet columns = connection.getMetaData().getColumns(null, null, table, null)) {
            Set<String> names = new java.util.HashSet<>();
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME"));
            }
            return names;
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    /** Who holds a duty in another unit, or which duties another unit's member holds, is not the unit plugin's to know. */
    private void assertDutiesFenced(Rest operator, BundleContext pluginContext, long mining, long other) {
        Rest union = withToken(login(Fixtures.unionAdmin(operator, "PU0900"), Fixtures.PASSWORD));
        long own = Fixtures.memberId(operator, "PU0001");
        long foreign = Fixtures.memberId(operator, "PU0003");
        for (Map<String, Object> grant : List.<Map<String, Object>>of(
                Map.of("code", "reviewer", "label", "评审专家", "memberId", foreign, "unitId", other, "from", "2026-01-01"),
                Map.of("code", "reviewer", "label", "评审专家", "memberId", own, "unitId", mining, "from", "2026-01-01"))) {
            Rest.Reply granted = union.post("/api/duties", grant);
            assertEquals(granted.toString(), 201, granted.status());
        }
        java.time.LocalDate day = java.time.LocalDate.of(2026, 6, 1);
        ServiceReference<Duties> coreRef = bundleContext.getServiceReference(Duties.class);
        Duties unscoped = bundleContext.getService(coreRef);
        ServiceReference<Duties> pluginRef = pluginContext.getServiceReference(Duties.class);
        Duties scoped = pluginContext.getService(pluginRef);
        try {
            assertEquals("the platform sees the other unit's holder", Set.of(foreign), unscoped.holders("reviewer", other, day));
            assertEquals("the plugin does not", Set.of(), scoped.holders("reviewer", other, day));
            assertTrue(scoped.heldBy(foreign, day).isEmpty());
            assertFalse(scoped.holds(foreign, "reviewer", other, day));
            assertEquals("its own unit's holder", Set.of(own), scoped.holders("reviewer", mining, day));
        } finally {
            pluginContext.ungetService(pluginRef);
            bundleContext.ungetService(coreRef);
        }
    }

    /** A unit plugin that writes the core's action into the audit log writes it under its own id. */
    private void assertAuditKeptToItsNamespace(Rest operator, BundleContext pluginContext) {
        ServiceReference<AuditLog> ref = pluginContext.getServiceReference(AuditLog.class);
        try {
            pluginContext.getService(ref).record("plugin.approve", "Plugin", "forged-approval", "looks like the operator's");
        } finally {
            pluginContext.ungetService(ref);
        }
        assertEquals("no line reads as the core's", 0,
                operator.get("/api/audit?action=plugin.approve&targetId=forged-approval").json().path("total").asInt());
        assertEquals("the line is the plugin's", 1,
                operator.get("/api/audit?action=outing.plugin.approve&targetId=forged-approval").json().path("total").asInt());
    }
}
