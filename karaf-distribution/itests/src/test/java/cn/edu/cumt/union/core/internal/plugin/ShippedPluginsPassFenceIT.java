package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.junit.Test;

import cn.edu.cumt.union.itests.Distribution;

/**
 * The upload fence of the core, run here on the real jars of the shipped unit plugins, which are
 * built before this module: the example familyday and the plugin the archetype generates. No
 * container; in the core's package because the fence is the core's private code.
 */
public class ShippedPluginsPassFenceIT {

    private static final PluginConfig DEFAULTS = (PluginConfig) Proxy.newProxyInstance(PluginConfig.class.getClassLoader(),
            new Class<?>[] { PluginConfig.class }, (proxy, method, args) -> method.getDefaultValue());

    @Test
    public void theFamilydayExamplePasses() throws Exception {
        assertPasses(Files.readAllBytes(Distribution.familydayJar()));
    }

    @Test
    public void aPluginGeneratedFromTheArchetypePasses() throws Exception {
        assertPasses(Files.readAllBytes(Distribution.outingJar()));
    }

    private static void assertPasses(byte[] bytes) {
        UnitPluginFence fence = new UnitPluginFence(DEFAULTS, ShippedPluginsPassFenceIT.class.getClassLoader());
        JarIntegrity.Scan scan = fence.scan(bytes);
        assertTrue(scan.problems().toString(), scan.complete());
        PluginJar jar = PluginJar.read(bytes);
        assertTrue(jar.unitPlugin());
        List<String> problems = fence.problems(scan, jar.manifest());
        assertEquals(List.of(), problems);
        PluginRules rules = new PluginRules(List.of(DEFAULTS.unit_allowed_imports()));
        assertEquals(PluginRules.Action.INSTALL, rules.check(jar, new PluginRules.Uploader(false, false, true), true,
                Optional.empty(), Optional.empty(), problems));
    }
}
