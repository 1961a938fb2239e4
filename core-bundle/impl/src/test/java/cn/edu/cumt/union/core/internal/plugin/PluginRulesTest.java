package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.osgi.framework.Version;

import cn.edu.cumt.union.api.rest.ApiException;

public class PluginRulesTest {

    private static final PluginRules RULES = new PluginRules(List.of("cn.edu.cumt.union.api.*", "javax.ws.rs.*",
            "javax.persistence.*", "org.apache.aries.jpa.template"));
    private static final PluginRules.Uploader OWN_UNIT_ADMIN = new PluginRules.Uploader(false, false, true);
    private static final PluginRules.Uploader OTHER_UNIT_ADMIN = new PluginRules.Uploader(false, false, false);
    private static final PluginRules.Uploader OPERATOR = new PluginRules.Uploader(true, false, false);
    private static final PluginRules.Uploader UNION_ADMIN = new PluginRules.Uploader(false, true, false);

    @Test
    public void aUnitAdministratorInstallsAGoodPluginOfTheirUnit() {
        assertEquals(PluginRules.Action.INSTALL, check(TestJars.unitPlugin().read(), OWN_UNIT_ADMIN, none()));
    }

    @Test
    public void anotherUnitsAdministratorIsRefused() {
        assertRefused(403, "plugin.not-your-unit", () -> check(TestJars.unitPlugin().read(), OTHER_UNIT_ADMIN, none()));
    }

    @Test
    public void onlyOperatorsInstallTheUnionsOwnPlugins() {
        PluginJar own = TestJars.unitPlugin().with("Union-Plugin-Unit", null)
                .with("Bundle-SymbolicName", "cn.edu.cumt.union.union-plugin-outing").read();
        assertRefused(403, "plugin.operator-only", () -> check(own, UNION_ADMIN, none()));
        assertRefused(403, "plugin.operator-only", () -> check(own, OWN_UNIT_ADMIN, none()));
        assertEquals(PluginRules.Action.INSTALL, check(own, OPERATOR, none()));
    }

    @Test
    public void forbiddenImportsAreListedOneByOne() {
        PluginJar jar = TestJars.unitPlugin().with("Import-Package", TestJars.GOOD_IMPORTS
                + ",javax.sql,org.osgi.framework;version=\"[1.9,2)\",cn.edu.cumt.union.core.internal.org").read();
        ApiException refused = assertRefused(400, "plugin.refused", () -> check(jar, OPERATOR, none()));
        assertEquals(refused.details().toString(), 3, refused.details().size());
        assertTrue(refused.details().get(0).contains("javax.sql"));
        assertTrue(refused.details().get(2).contains("cn.edu.cumt.union.core.internal.org"));
    }

    @Test
    public void theFenceHeadersAreChecked() {
        assertRefused(400, "plugin.refused", () -> check(TestJars.unitPlugin()
                .with("Bundle-SymbolicName", "cn.edu.cumt.union.union-core").read(), OPERATOR, none()));
        assertRefused(400, "plugin.refused", () -> check(TestJars.unitPlugin()
                .with("Fragment-Host", "cn.edu.cumt.union.union-core").read(), OPERATOR, none()));
        assertRefused(400, "plugin.refused", () -> check(TestJars.unitPlugin()
                .with("DynamicImport-Package", "*").read(), OPERATOR, none()));
        assertRefused(400, "plugin.refused", () -> check(TestJars.unitPlugin()
                .with("Export-Package", "cn.edu.cumt.union.plugin.outing").read(), OPERATOR, none()));
        assertRefused(400, "plugin.refused", () -> check(TestJars.unitPlugin()
                .with("Union-Plugin-Id", "Outing-1").read(), OPERATOR, none()));
        // what the persistence units may use: PersistenceFenceTest
    }

    @Test
    public void noPluginTakesAPathOfTheCore() {
        for (String coreId : List.of("auth", "members", "plugins", "units", "health", "me")) {
            ApiException unit = assertRefused(400, "plugin.refused", () -> check(TestJars.unitPlugin()
                    .with("Union-Plugin-Id", coreId).with("Union-Schema-Id", coreId).read(), OPERATOR, none()));
            assertTrue(unit.details().toString(), unit.details().toString().contains("/api/" + coreId));
            PluginJar own = TestJars.unitPlugin().with("Union-Plugin-Id", coreId).with("Union-Schema-Id", coreId)
                    .with("Union-Plugin-Unit", null).with("Bundle-SymbolicName", "cn.edu.cumt.union.plugin." + coreId).read();
            assertRefused(400, "plugin.refused", () -> check(own, OPERATOR, none()));
        }
    }

    @Test
    public void anUnknownOwnerUnitIsRefused() {
        ApiException refused = assertRefused(400, "plugin.refused",
                () -> RULES.check(TestJars.unitPlugin().read(), OPERATOR, false, Optional.empty(), Optional.empty()));
        assertTrue(refused.details().get(0).contains("MINING"));
    }

    @Test
    public void versionsOnlyGoUpAndOnlyForTheSamePlugin() {
        var installed = Optional.of(new PluginRules.Installed("outing", "cn.edu.cumt.union.unit.mining.outing",
                Version.parseVersion("1.1.0"), "MINING", true));
        assertEquals(PluginRules.Action.UPGRADE, check(TestJars.unitPlugin().with("Bundle-Version", "1.2.0").read(), OWN_UNIT_ADMIN, installed));
        assertRefused(409, "plugin.downgrade", () -> check(TestJars.unitPlugin().read(), OWN_UNIT_ADMIN, installed));
        assertRefused(409, "plugin.same-version", () -> check(TestJars.unitPlugin().with("Bundle-Version", "1.1.0").read(), OWN_UNIT_ADMIN, installed));
        var otherBundle = Optional.of(new PluginRules.Installed("outing", "cn.edu.cumt.union.unit.arch.outing",
                Version.parseVersion("1.0.0"), "ARCH", true));
        assertRefused(409, "plugin.id-taken", () -> check(TestJars.unitPlugin().with("Bundle-Version", "2.0.0").read(), OWN_UNIT_ADMIN, otherBundle));
        var fromFeature = Optional.of(new PluginRules.Installed("outing", "cn.edu.cumt.union.unit.mining.outing",
                Version.parseVersion("1.0.0"), "MINING", false));
        assertRefused(409, "plugin.not-uploaded", () -> check(TestJars.unitPlugin().with("Bundle-Version", "2.0.0").read(), OPERATOR, fromFeature));
    }

    @Test
    public void importsMatchWholePackageNames() {
        assertTrue(RULES.importAllowed("cn.edu.cumt.union.api"));
        assertTrue(RULES.importAllowed("cn.edu.cumt.union.api.rest"));
        assertFalse(RULES.importAllowed("cn.edu.cumt.union.apix"));
        assertTrue(RULES.importAllowed("org.apache.aries.jpa.template"));
        assertFalse(RULES.importAllowed("org.apache.aries.jpa.template.impl"));
        assertTrue(RULES.importAllowed("java.sql"));
    }

    @Test
    public void notAPluginIsA400() {
        assertRefused(400, "plugin.empty", () -> PluginJar.read(new byte[0]));
        assertRefused(400, "plugin.not-a-plugin", () -> PluginJar.read("PK not really".getBytes()));
        assertRefused(400, "plugin.not-a-plugin", () -> TestJars.unitPlugin().with("Union-Plugin-Id", null).read());
        assertRefused(400, "plugin.not-a-plugin", () -> TestJars.unitPlugin().with("Bundle-Version", "one").read());
    }

    @Test
    public void manifestClausesKeepQuotedCommas() {
        ManifestClauses clauses = ManifestClauses.parse("a.b;version=\"[1.0,2)\",c;d;resolution:=optional,e");
        assertEquals(List.of("a.b", "c", "d", "e"), clauses.names());
        assertEquals("[1.0,2)", clauses.clauses().get(0).attributes().get("version"));
        assertTrue(clauses.clauses().get(1).optional());
        assertFalse(clauses.clauses().get(2).optional());
    }

    private static PluginRules.Action check(PluginJar jar, PluginRules.Uploader uploader, Optional<PluginRules.Installed> installed) {
        return RULES.check(jar, uploader, true, installed, Optional.empty());
    }

    private static Optional<PluginRules.Installed> none() {
        return Optional.empty();
    }

    private static ApiException assertRefused(int status, String code, Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            assertEquals(e.getMessage() + " " + e.details(), status, e.status());
            assertEquals(code, e.code());
            return e;
        }
        fail("expected " + status + " " + code);
        return null;
    }
}
