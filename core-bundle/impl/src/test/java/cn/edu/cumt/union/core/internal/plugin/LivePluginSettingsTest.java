package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.BundleContext;

import cn.edu.cumt.union.core.internal.config.LiveConfig;

/** etc/cn.edu.cumt.union.plugins.cfg changes in place in the installer and the unit plugins' databases, or not at all. */
public class LivePluginSettingsTest {

    private final Map<String, Object> cfg = new HashMap<>();

    private PluginConfig config() {
        return LiveConfig.of(PluginConfig.class, cfg);
    }

    @Test
    public void theInstallerTakesReviewFenceAndFoldersTogether() {
        PluginInstaller installer = new PluginInstaller(null, config(), null, null, null, null, null, null, null, null, null);
        PluginInstaller.Settings before = installer.settings();
        assertFalse(before.unitUploadReview());

        cfg.put("unit_upload_review", true);
        cfg.put("plugin_folder", "/srv/union/plugins");
        cfg.put("unit_allowed_imports", new String[] { "cn.edu.cumt.union.api.*" });
        installer.modified(config());
        PluginInstaller.Settings after = installer.settings();
        assertTrue(after.unitUploadReview());
        assertEquals(Path.of("/srv/union/plugins/outing"), after.folder("outing"));
        assertNotSame(before.rules(), after.rules());
        assertNotSame(before.fence(), after.fence());
    }

    @Test
    public void anInvalidValueKeepsEveryInstallerSetting() {
        PluginInstaller installer = new PluginInstaller(null, config(), null, null, null, null, null, null, null, null, null);
        PluginInstaller.Settings before = installer.settings();
        cfg.put("unit_upload_review", true); // valid, but in the same change as an invalid value
        cfg.put("review_folder", " ");
        installer.modified(config());
        assertSame(before, installer.settings());
        cfg.remove("review_folder");
        cfg.put("unit_jar_max_entries", 0);
        installer.modified(config());
        assertSame(before, installer.settings());
        cfg.put("unit_jar_max_entries", 100);
        // the databases' part of the same file: refused by the installer too, so that no half of the file applies
        cfg.put("unit_database_url", "jdbc:derby:memory:shared;create=true");
        installer.modified(config());
        assertSame(before, installer.settings());
    }

    @Test
    public void aNewDatabaseUrlAppliesToDatabasesOpenedFromThenOn() {
        UnitPluginDatabases databases = new UnitPluginDatabases(inertContext(), config(), null, null);
        assertTrue(databases.url("outing"), databases.url("outing").endsWith("/union/plugin-databases/outing;create=true"));
        cfg.put("unit_database_url", "jdbc:derby:memory:{id};create=true");
        databases.modified(config());
        assertEquals("jdbc:derby:memory:outing;create=true", databases.url("outing"));
        UnitPluginDatabases.Settings applied = databases.settings();
        // one database for every plugin would undo the fence: refused, the old URL stays
        cfg.put("unit_database_url", "jdbc:derby:memory:shared;create=true");
        databases.modified(config());
        assertSame(applied, databases.settings());
        cfg.put("unit_database_url", "file:{id}");
        databases.modified(config());
        assertSame(applied, databases.settings());
        cfg.put("unit_database_url", "jdbc:derby:memory:{id}-new;create=true");
        cfg.put("unit_jar_max_ratio", 0); // the installer's part of the same file
        databases.modified(config());
        assertSame(applied, databases.settings());
    }

    @Test
    public void anAdministrativeConnectionGivesEachPluginItsOwnSchemaAndOnlyOnPostgres() {
        UnitPluginDatabases databases = new UnitPluginDatabases(inertContext(), config(), null, null);
        assertFalse("none by default", databases.settings().schemaPerPlugin());
        cfg.put("unit_database_url", "jdbc:postgresql://db/union?currentSchema=union_plugin_{id}");
        cfg.put("unit_database_admin_url", "jdbc:postgresql://db/union");
        cfg.put("unit_database_admin_user", "postgres");
        cfg.put("_unit_database_admin_password", "secret");
        databases.modified(config());
        UnitPluginDatabases.Settings applied = databases.settings();
        assertTrue(applied.schemaPerPlugin());
        assertEquals("postgres", applied.adminUser());
        assertEquals("secret", applied.adminPassword());
        assertEquals("jdbc:postgresql://db/union?currentSchema=union_plugin_outing", databases.url("outing"));
        // roles and schemas are PostgreSQL's: an administrative URL of another database is refused whole
        cfg.put("unit_database_admin_url", "jdbc:derby:memory:admin");
        databases.modified(config());
        assertSame(applied, databases.settings());
    }

    /** Enough of a framework for the bundle tracker: no bundles, no events. */
    private static BundleContext inertContext() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> null);
    }
}
