package cn.edu.cumt.union.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Version;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.rest.ApiException;

/**
 * An uploaded plugin jar, read but not installed: its manifest. Reading it never runs any of its
 * code; what a unit plugin's contents may hold is {@link UnitPluginFence}'s business.
 */
record PluginJar(byte[] bytes, Attributes manifest, String symbolicName, Version version, String pluginId,
        String ownerUnit) {

    static PluginJar read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest("plugin.empty", "未收到插件文件", "No plugin file was sent");
        }
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(bytes))) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw notAPlugin("文件不是 OSGi 插件包（没有 MANIFEST.MF）", "The file is not an OSGi bundle (no manifest)");
            }
            Attributes main = manifest.getMainAttributes();
            String symbolicName = firstName(main.getValue("Bundle-SymbolicName"));
            if (symbolicName == null) {
                throw notAPlugin("插件包缺少 Bundle-SymbolicName", "The bundle has no Bundle-SymbolicName");
            }
            String pluginId = trimToNull(main.getValue(PluginHeaders.ID));
            if (pluginId == null) {
                throw notAPlugin("插件包缺少 " + PluginHeaders.ID + " 头，不是工会平台插件",
                        "The bundle has no " + PluginHeaders.ID + " header: it is not a union plugin");
            }
            Version version;
            try {
                version = Version.parseVersion(trimToNull(main.getValue("Bundle-Version")));
            } catch (IllegalArgumentException badVersion) {
                throw notAPlugin("Bundle-Version 格式错误", "Bundle-Version is not a valid version");
            }
            return new PluginJar(bytes, main, symbolicName, version, pluginId,
                    trimToNull(main.getValue(PluginHeaders.OWNER_UNIT)));
        } catch (IOException | SecurityException unreadable) {
            throw notAPlugin("文件不是有效的 jar 包", "The file is not a readable jar: " + unreadable.getMessage());
        }
    }

    boolean unitPlugin() {
        return ownerUnit != null;
    }

    String header(String name) {
        return trimToNull(manifest.getValue(name));
    }

    private static ApiException notAPlugin(String zh, String en) {
        return ApiException.badRequest("plugin.not-a-plugin", zh, en);
    }

    private static String firstName(String header) {
        if (header == null) {
            return null;
        }
        List<String> names = ManifestClauses.parse(header).names();
        return names.isEmpty() ? null : names.get(0);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
