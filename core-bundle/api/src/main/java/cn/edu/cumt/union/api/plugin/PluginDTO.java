package cn.edu.cumt.union.api.plugin;

import cn.edu.cumt.union.api.rest.Nullable;

/**
 * An installed plugin as {@code GET /api/plugins} reports it.
 *
 * @param id           the plugin id
 * @param name         the Chinese name
 * @param nameEn       the English name
 * @param version      the bundle version
 * @param workPoint    the work point (1–10), or {@code null}
 * @param ownerUnit    the owning unit's code for a unit plugin, or {@code null}
 * @param bundleId     the OSGi bundle id
 * @param symbolicName the bundle's symbolic name
 * @param state        {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, {@code STARTING}, {@code FAILED}
 * @param lastError    the last error while starting it, or {@code null}
 */
public record PluginDTO(String id, String name, @Nullable String nameEn, String version, @Nullable Integer workPoint, @Nullable String ownerUnit,
        long bundleId, String symbolicName, String state, @Nullable String lastError) {
}
