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
