package cn.edu.cumt.union.core.internal.plugin;

import cn.edu.cumt.union.api.plugin.PluginDTO;

/**
 * The answer to an upload.
 *
 * @param action          {@code INSTALLED} or {@code UPGRADED}
 * @param previousVersion the version replaced by an upgrade, else {@code null}
 * @param plugin          the plugin as installed now (its components may still be starting)
 */
public record PluginInstallDTO(String action, String previousVersion, PluginDTO plugin) {
}
