package cn.edu.cumt.union.core.internal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.storage.Storage;
import cn.edu.cumt.union.core.internal.auth.DataDir;

/**
 * Gives every unit plugin a database of its own, published as the DataSource
 * {@code union-plugin-<id>} from the moment its bundle is installed (before it resolves, so Aries
 * JPA and the schema extender find it), and withdrawn, with the database closed, when the bundle is
 * uninstalled. The data stays on disk until a purge. With one database per plugin, even a native
 * query cannot reach the core's tables or another plugin's.
 */
@Component(service = UnitPluginDatabases.class, configurationPid = PluginConfig.PID)
public class UnitPluginDatabases implements BundleTrackerCustomizer<String> {

    private static final Logger LOG = LoggerFactory.getLogger(UnitPluginDatabases.class);

    private final BundleContext context;
    private final DataSourceFactory driver;
    private final PluginConfig config;
    private final Map<String, ServiceRegistration<DataSource>> published = new ConcurrentHashMap<>();
    private final Map<String, DataSource> dataSources = new ConcurrentHashMap<>();
    private final BundleTracker<String> tracker;

    /**
     * The isolation hook is referenced so that no unit plugin database appears before the fence is
     * up. The JDBC driver is chosen in the configuration with {@code driver.target}.
     */
    @Activate
    public UnitPluginDatabases(BundleContext context, PluginConfig config,
            @Reference(name = "driver", target = "(osgi.jdbc.driver.name=derby)") DataSourceFactory driver,
            @Reference UnitPluginIsolation isolation) {
        this.context = context;
        this.config = config;
        this.driver = driver;
        this.tracker = new BundleTracker<>(context, ~Bundle.UNINSTALLED, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        published.keySet().forEach(this::withdraw);
    }

    /** @return the plugin's database, opened if needed (also for a plugin no longer installed) */
    public DataSource dataSource(String pluginId) {
        return dataSources.computeIfAbsent(pluginId, this::open);
    }

    /** @return where an embedded database of this plugin lives on disk, or {@code null} for a server database */
    Path localFolder(String pluginId) {
        String url = url(pluginId);
        if (!url.startsWith("jdbc:derby:") || url.startsWith("jdbc:derby:memory:")) {
            return null;
        }
        String path = url.substring("jdbc:derby:".length());
        int options = path.indexOf(';');
        return Path.of(options < 0 ? path : path.substring(0, options));
    }

    /**
     * Closes the plugin's database and deletes it. Only for a plugin that is not installed.
     *
     * @return whether anything was deleted
     */
    boolean delete(String pluginId) throws IOException {
        withdraw(pluginId);
        Path folder = localFolder(pluginId);
        if (folder == null || !Files.exists(folder)) {
            return false;
        }
        PluginInstaller.deleteFolder(folder);
        return true;
    }

    private DataSource open(String pluginId) {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url(pluginId));
        if (!config.unit_database_user().isBlank()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, config.unit_database_user());
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, config.unit_database_password());
        }
        try {
            return driver.createDataSource(properties);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database of plugin " + pluginId + ": " + e.getMessage(), e);
        }
    }

    String url(String pluginId) {
        Path data = DataDir.resolve(".").normalize().toAbsolutePath();
        return config.unit_database_url().replace("{data}", data.toString().replace('\\', '/')).replace("{id}", pluginId);
    }

    private void publish(String pluginId) {
        published.computeIfAbsent(pluginId, id -> {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("osgi.jndi.service.name", Storage.unitPluginDataSource(id));
            properties.put("dataSourceName", Storage.unitPluginDataSource(id));
            properties.put("union.plugin.id", id);
            return context.registerService(DataSource.class, dataSource(id), properties);
        });
    }

    private void withdraw(String pluginId) {
        ServiceRegistration<DataSource> registration = published.remove(pluginId);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the core is stopping
            }
        }
        if (dataSources.remove(pluginId) != null) {
            shutdownEmbedded(pluginId);
        }
    }

    /** Embedded Derby keeps a database open (and locked) until told to shut it down. */
    private void shutdownEmbedded(String pluginId) {
        String url = url(pluginId);
        if (!url.startsWith("jdbc:derby:")) {
            return;
        }
        int options = url.indexOf(';');
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, (options < 0 ? url : url.substring(0, options)) + ";shutdown=true");
        try {
            driver.createDataSource(properties).getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a successful shutdown with SQL state 08006.
            if (!"08006".equals(expected.getSQLState())) {
                LOG.warn("Database of plugin {} did not shut down cleanly: {}", pluginId, expected.getMessage());
            }
        }
    }

    public static String unitPluginId(Bundle bundle) {
        var headers = bundle.getHeaders("");
        String unit = headers.get(PluginHeaders.OWNER_UNIT);
        String id = headers.get(PluginHeaders.ID);
        if (unit == null || unit.isBlank() || id == null || !PluginRules.PLUGIN_ID.matcher(id.trim()).matches()) {
            return null;
        }
        return id.trim();
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String pluginId = unitPluginId(bundle);
        if (pluginId == null) {
            return null;
        }
        publish(pluginId);
        LOG.debug("Database of unit plugin {} published", pluginId);
        return pluginId;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, String pluginId) {
        // an update keeps the plugin id (the installer refuses a change), so the database stays
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String pluginId) {
        withdraw(pluginId);
    }
}
