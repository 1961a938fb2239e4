package cn.edu.cumt.union.core.internal.plugin;

import java.time.Instant;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * A unit plugin upload waiting for an operator's approval ({@code unit.upload.review=true}).
 *
 * @param pluginId        the plugin's id, which also names the review (one pending upload per plugin)
 * @param action          {@code INSTALL} or {@code UPGRADE}, as it stood at upload
 * @param installedVersion the version installed at upload, for an upgrade; else {@code null}
 * @param checks          what the platform checked and found in order, bilingual
 */
public record PluginReviewDTO(String pluginId, String symbolicName, String version, @Nullable String ownerUnit, String name,
        @Nullable String nameEn, String action, @Nullable String installedVersion, String uploadedBy, Instant uploadedAt, long bytes,
        String sha256, java.util.List<String> checks) {
}
