package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class PluginSchemasTest {

    @Test
    public void theSchemaAndTheRoleAreNamedAfterTheCheckedPluginId() {
        assertEquals("union_plugin_familyday", PluginSchemas.name("familyday"));
        for (String bad : new String[] { "x; DROP ROLE postgres", "Family", "a", "", "fam-ily", null }) {
            assertThrows(String.valueOf(bad), IllegalArgumentException.class, () -> PluginSchemas.name(bad));
        }
    }

    @Test
    public void theRoleMayOnlyLogInAndOwnsItsSchemaAlone() {
        List<String> sql = PluginSchemas.provision("familyday", PluginSchemas.newPassword(), false, "union");
        String role = sql.get(0);
        assertTrue(role, role.startsWith("CREATE ROLE union_plugin_familyday WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"));
        assertTrue(role, role.contains("NOINHERIT") && role.contains("NOBYPASSRLS"));
        assertTrue(sql.contains("CREATE SCHEMA IF NOT EXISTS union_plugin_familyday AUTHORIZATION union_plugin_familyday"));
        assertTrue(sql.contains("ALTER ROLE union_plugin_familyday SET search_path = union_plugin_familyday"));
        assertTrue("the core's schema is closed to others", sql.contains("REVOKE ALL ON SCHEMA public FROM PUBLIC"));
        assertTrue("but not to the core's role, the database's owner, first",
                sql.indexOf("GRANT ALL ON SCHEMA public TO \"union\"") < sql.indexOf("REVOKE ALL ON SCHEMA public FROM PUBLIC")
                        && sql.contains("GRANT ALL ON SCHEMA public TO \"union\""));
        assertTrue(sql.contains("REVOKE ALL ON SCHEMA union_plugin_familyday FROM PUBLIC"));
        assertFalse("no grant to the plugin's role", sql.stream().anyMatch(s -> s.contains("GRANT ") && s.contains("TO union_plugin")));
        assertEquals("\"a\"\"b\"", PluginSchemas.quoted("a\"b"));
        assertTrue(PluginSchemas.provision("familyday", PluginSchemas.newPassword(), true, "union").get(0).startsWith("ALTER ROLE union_plugin_familyday WITH LOGIN"));
    }

    @Test
    public void passwordsAreNewEachTimeAndNeverQuoted() {
        String one = PluginSchemas.newPassword();
        assertEquals(32, one.length());
        assertNotEquals(one, PluginSchemas.newPassword());
        assertThrows(IllegalArgumentException.class, () -> PluginSchemas.provision("familyday", "x' SUPERUSER --", false, "union"));
    }

    @Test
    public void purgeDropsTheSchemaWithItsTablesAndTheRole() {
        assertEquals(List.of("DROP SCHEMA IF EXISTS union_plugin_outing CASCADE", "DROP ROLE IF EXISTS union_plugin_outing"),
                PluginSchemas.drop("outing"));
    }
}
