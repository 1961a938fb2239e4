package cn.edu.cumt.union.core.internal.ui;

import java.util.List;

/**
 * {@code GET /api/ui/pages}: the pages the caller may open, by plugin.
 *
 * @param version changes whenever a plugin's pages come or go (the same for every caller)
 */
public record UiPagesDTO(String version, List<UiPluginDTO> plugins) {
}
