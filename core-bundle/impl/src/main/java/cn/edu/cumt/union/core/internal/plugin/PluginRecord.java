package cn.edu.cumt.union.core.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What the platform remembers of a plugin installed through it, kept beside its jars in
 * {@code data/union/plugins/<id>/plugin.properties}: it outlives an uninstall (the data is kept), so
 * that the plugin can be listed, reinstalled or purged later.
 */
record PluginRecord(String pluginId, String symbolicName, String version, String ownerUnit, String name,
        String nameEn, boolean installed) {

    static final String FILE = "plugin.properties";

    static PluginRecord read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        String owner = properties.getProperty("ownerUnit", "");
        return new PluginRecord(properties.getProperty("id"), properties.getProperty("symbolicName"),
                properties.getProperty("version"), owner.isEmpty() ? null : owner, properties.getProperty("name", ""),
                properties.getProperty("nameEn", ""), Boolean.parseBoolean(properties.getProperty("installed")));
    }

    PluginRecord withInstalled(boolean now) {
        return new PluginRecord(pluginId, symbolicName, version, ownerUnit, name, nameEn, now);
    }

    /** Written to a temporary file and moved into place: a crash leaves the old record or the new one. */
    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Properties properties = new Properties();
        properties.setProperty("id", pluginId);
        properties.setProperty("symbolicName", symbolicName);
        properties.setProperty("version", version);
        properties.setProperty("ownerUnit", ownerUnit == null ? "" : ownerUnit);
        properties.setProperty("name", name == null ? "" : name);
        properties.setProperty("nameEn", nameEn == null ? "" : nameEn);
        properties.setProperty("installed", Boolean.toString(installed));
        Path temp = folder.resolve(FILE + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            properties.store(out, "Plugin installed through the platform");
        }
        Files.move(temp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
