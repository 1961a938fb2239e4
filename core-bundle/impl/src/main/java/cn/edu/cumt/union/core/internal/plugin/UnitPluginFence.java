package cn.edu.cumt.union.core.internal.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.storage.Storage;
import cn.edu.cumt.union.core.internal.ui.PageParser;
import cn.edu.cumt.union.core.internal.ui.UnitPageFence;

/**
 * The checks on what a unit plugin's jar holds, before anything of it is installed or written:
 * the jar itself ({@link JarIntegrity}), what its classes reference ({@link ClassReferenceCheck}),
 * what it asks the framework's extenders for ({@link ComponentCheck}), its persistence unit
 * ({@link PersistenceFence}), its schema changelog ({@link ChangelogFence}) and its pages ({@link UnitPageFence}). The union's own plugins
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
        problems.addAll(UnitPageFence.problems(scan.entries()));
        return problems;
    }

    /** What the checks looked at in a jar that passed them, for a reviewer; bilingual. */
    List<String> report(JarIntegrity.Scan scan, Attributes manifest) {
        Map<String, byte[]> entries = scan.entries();
        long classes = entries.keySet().stream().filter(name -> name.endsWith(".class")).count();
        List<String> report = new ArrayList<>();
        report.add("jar 包完整、无重复条目：" + entries.size() + " 个条目 / the jar is consistent, no duplicate entries: " + entries.size() + " entries");
        report.add("类引用均在白名单内：" + classes + " 个类 / every reference is on the allow-list: " + classes + " classes");
        report.add("组件与清单头均在围栏内 / components and manifest headers stay inside the fence");
        if (entries.containsKey("META-INF/persistence.xml")) {
            report.add("持久化单元只用本插件的数据库 / the persistence unit uses the plugin's own database only");
        }
        String changelog = manifest.getValue(Storage.CHANGELOG_HEADER);
        if (changelog != null && !changelog.isBlank()) {
            var files = ChangelogFence.check(changelog, entries::get).files().keySet();
            report.add("数据库变更日志只含声明式变更：" + String.join(", ", files) + " / the schema changelog is declarative only: "
                    + String.join(", ", files));
        }
        if (entries.containsKey(PageParser.FILE)) {
            report.add("页面声明只含数据式页面，无脚本 / the page declarations are data only, no script");
        }
        return report;
    }
}
