package cn.edu.cumt.union.core.internal.plugin;

import cn.edu.cumt.union.api.plugin.PluginDTO;
import cn.edu.cumt.union.api.rest.Nullable;

/**
 * The answer to an upload.
 *
 * @param action          {@code INSTALLED}, {@code UPGRADED}, or {@code PENDING_REVIEW} when an operator must approve it first
 * @param previousVersion the version replaced by an upgrade (or to be replaced), else {@code null}
 * @param plugin          the plugin as installed now (its components may still be starting); {@code null} while pending
 * @param review          the upload waiting for approval, with what was checked; else {@code null}
 */
public record PluginInstallDTO(String action, @Nullable String previousVersion, @Nullable PluginDTO plugin, @Nullable PluginReviewDTO review) {

    PluginInstallDTO(String action, String previousVersion, PluginDTO plugin) {
        this(action, previousVersion, plugin, null);
    }
}
