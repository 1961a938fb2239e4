package cn.edu.cumt.union.core.internal.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.storage.Storage;

/**
 * The checks on what a unit plugin's jar holds, before anything of it is installed or written:
 * the jar itself ({@link JarIntegrity}), what its classes reference ({@link ClassReferenceCheck}),
 * what it asks the framework's extenders for ({@link ComponentCheck}), its persistence unit
 * ({@link PersistenceFence}) and its schema changelog ({@link ChangelogFence}). The union's own plugins
 * (installed by operators) are not checked here. Settings from {@link PluginConfig}.
 */
final class UnitPluginFence {

    private final JarIntegrity.Limits limits;
    private final ClassReferenceCheck classes;
    private final ComponentCheck components;

    /** @param libraries where the supertypes of the JDK's and the platform's types are read from */
    UnitPluginFence(PluginConfig config, ClassLoader libraries) {
        this.limits = new JarIntegrity.Limits(config.unit_jar_max_entries(), config.unit_jar_max_entry_bytes(),
                config.unit_jar_max_total_bytes(), config.unit_jar_max_ratio());
        this.classes = new ClassReferenceCheck(new ReferencePolicy(Arrays.asList(config.unit_allowed_references()),
                Arrays.asList(config.unit_denied_references()), Arrays.asList(config.unit_allowed_bootstraps())), libraries);
        this.components = new ComponentCheck();
    }

    /** Reads the jar with bounds; cheap enough for every upload. */
    JarIntegrity.Scan scan(byte[] jar) {
        return JarIntegrity.scan(jar, limits);
    }

    /**
     * @param manifest the manifest the platform read ({@link PluginJar#manifest()})
     * @return every reason to refuse the jar as a unit plugin, bilingual; empty when it stays inside the fence
     */
    List<String> problems(JarIntegrity.Scan scan, Attributes manifest) {
        List<String> problems = new ArrayList<>(scan.problems());
        if (!scan.complete()) {
            // the contents are not known in full: nothing more to judge them by
            return problems;
        }
        problems.addAll(components.problems(manifest, scan.entries()));
        problems.addAll(classes.problems(scan.entries()));
        String pluginId = manifest.getValue(PluginHeaders.ID);
        problems.addAll(PersistenceFence.problems(pluginId == null ? "" : pluginId.trim(), manifest, scan.entries()));
        String changelog = manifest.getValue(Storage.CHANGELOG_HEADER);
        if (changelog != null && !changelog.isBlank()) {
            problems.addAll(ChangelogFence.check(changelog, scan.entries()::get).problems());
        }
        return problems;
    }
}
