package cn.edu.cumt.union.core.internal.plugin;

import java.util.List;

/**
 * What a purge saved and deleted.
 *
 * @param pluginId   the plugin
 * @param exportFile the zip (one CSV per table) written before anything was deleted, under Karaf's data folder
 * @param download   where those who manage the plugin download that zip: {@code /api/plugins/exports/<name>}
 * @param tables     each table saved and deleted, with its row count
 */
public record PurgeReportDTO(String pluginId, String exportFile, String download, List<PluginDataExport.TableRows> tables) {
}
