package cn.edu.cumt.union.core.internal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.plugin.PluginHeaders;
import cn.edu.cumt.union.api.storage.Storage;
import cn.edu.cumt.union.core.internal.storage.DataDir;
import cn.edu.cumt.union.core.internal.config.LiveConfig;

/**
 * Gives every unit plugin a database of its own, published as the DataSource
 * {@code union-plugin-<id>} from the moment its bundle is installed (before it resolves, so Aries
 * JPA and the schema extender find it), and withdrawn, with the database closed, when the bundle is
 * uninstalled. The data stays on disk until a purge. With one database per plugin, even a native
 * query cannot reach the core's tables or another plugin's. On PostgreSQL with an administrative
 * connection ({@code unit.database.admin.*}) the plugin's "database" is its own schema and role instead
 * ({@link PluginSchemas}), dropped by a purge. A change of the database settings applies
 * in place to every database opened from then on; an open one keeps the URL it was opened with.
 */
@Component(service = UnitPluginDatabases.class, configurationPid = PluginConfig.PID)
public class UnitPluginDatabases implements BundleTrackerCustomizer<String> {

    private static final Logger LOG = LoggerFactory.getLogger(UnitPluginDatabases.class);

    private final BundleContext context;
    private final DataSourceFactory driver;
    private volatile Settings settings;
    private final Map<String, ServiceRegistration<DataSource>> published = new ConcurrentHashMap<>();
    private final Map<String, Opened> dataSources = new ConcurrentHashMap<>();

    /** How a unit plugin's database is reached, swapped whole on a configuration change. */
    record Settings(String url, String user, String password, String adminUrl, String adminUser, String adminPassword) {

        Settings {
            LiveConfig.required("unit.database.url", url);
            // without the id every unit plugin would share one database (or, with a role each, one schema)
            if (!url.startsWith("jdbc:") || !url.contains("{id}")) {
                throw new IllegalArgumentException("unit.database.url must be a jdbc: URL containing {id} (is '" + url + "')");
            }
            adminUrl = adminUrl == null ? "" : adminUrl.strip();
            if (!adminUrl.isEmpty() && !adminUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("unit.database.admin.url must be a jdbc:postgresql: URL (is '" + adminUrl + "')");
            }
        }

        Settings(String url, String user, String password) {
            this(url, user, password, "", "", "");
        }

        /** Whether each plugin gets its own schema and role through the administrative connection. */
        boolean schemaPerPlugin() {
            return !adminUrl.isEmpty();
        }

        /** Also checks the installer's part of the file: a change applies whole or not at all. */
        static Settings of(PluginConfig config) {
            PluginInstaller.Settings.of(config);
            return own(config);
        }

        static Settings own(PluginConfig config) {
            return new Settings(config.unit_database_url() == null ? null : config.unit_database_url().strip(),
                    config.unit_database_user() == null ? "" : config.unit_database_user().strip(),
                    LiveConfig.secret(LOG, PluginConfig.PID, "unit.database.password", config._unit_database_password(),
                            config.unit_database_password()),
                    config.unit_database_admin_url(),
                    config.unit_database_admin_user() == null ? "" : config.unit_database_admin_user().strip(),
                    config._unit_database_admin_password() == null ? "" : config._unit_database_admin_password());
        }

        String url(String pluginId) {
            Path data = DataDir.resolve(".").normalize().toAbsolutePath();
            return url.replace("{data}", data.toString().replace('\\', '/')).replace("{id}", pluginId);
        }
    }

    /** An open database, the URL it was opened with (the settings may have changed since) and, on PostgreSQL with a role per plugin, the administrative connection it was made with. */
    private record Opened(DataSource dataSource, String url, Settings schemaOwner) {
    }
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
        this.settings = LiveConfig.initial(LOG, PluginConfig.PID, () -> Settings.of(config),
                () -> Settings.of(LiveConfig.defaults(PluginConfig.class)));
        this.driver = driver;
        this.tracker = new BundleTracker<>(context, ~Bundle.UNINSTALLED, this);
        tracker.open();
    }

    /** A change of etc/cn.edu.cumt.union.plugins.cfg: applied in place, or refused whole when a value is not valid. */
    @Modified
    void modified(PluginConfig config) {
        settings = LiveConfig.changed(LOG, PluginConfig.PID, settings, () -> Settings.of(config));
    }

    Settings settings() {
        return settings;
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        published.keySet().forEach(this::withdraw);
    }

    /** @return the plugin's database, opened if needed (also for a plugin no longer installed) */
    public DataSource dataSource(String pluginId) {
        return dataSources.computeIfAbsent(pluginId, this::open).dataSource();
    }

    /** @return the databases open now, by plugin id (a backup holds off their writers while it copies them) */
    public Map<String, DataSource> openDatabases() {
        Map<String, DataSource> open = new java.util.TreeMap<>();
        dataSources.forEach((id, opened) -> open.put(id, opened.dataSource()));
        return open;
    }

    /** @return where an embedded database of this plugin lives on disk, or {@code null} for a server database */
    public Path localFolder(String pluginId) {
        Opened open = dataSources.get(pluginId);
        return localFolderOf(open == null ? url(pluginId) : open.url());
    }

    private static Path localFolderOf(String url) {
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
        Opened open = dataSources.get(pluginId);
        Settings schemaOwner = open != null ? open.schemaOwner() : settings.schemaPerPlugin() ? settings : null;
        Path folder = localFolder(pluginId);
        withdraw(pluginId);
        if (schemaOwner != null) {
            try (Connection admin = adminConnection(schemaOwner)) {
                PluginSchemas.drop(admin, pluginId);
                LOG.info("Schema and role {} of unit plugin {} dropped", PluginSchemas.name(pluginId), pluginId);
                return true;
            } catch (SQLException e) {
                throw new IOException("Cannot drop the schema of plugin " + pluginId + ": " + e.getMessage(), e);
            }
        }
        if (folder == null || !Files.exists(folder)) {
            return false;
        }
        PluginInstaller.deleteFolder(folder);
        return true;
    }

    private Opened open(String pluginId) {
        Settings current = settings;
        String url = current.url(pluginId);
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        try {
            if (current.schemaPerPlugin()) {
                String password = PluginSchemas.newPassword();
                try (Connection admin = adminConnection(current)) {
                    PluginSchemas.provision(admin, pluginId, password);
                }
                properties.setProperty(DataSourceFactory.JDBC_USER, PluginSchemas.name(pluginId));
                properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
                LOG.info("Unit plugin {} uses its own schema and role {}", pluginId, PluginSchemas.name(pluginId));
                return new Opened(driver.createDataSource(properties), url, current);
            }
            if (!current.user().isBlank()) {
                properties.setProperty(DataSourceFactory.JDBC_USER, current.user());
                properties.setProperty(DataSourceFactory.JDBC_PASSWORD, current.password());
            }
            return new Opened(driver.createDataSource(properties), url, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the database of plugin " + pluginId + ": " + e.getMessage(), e);
        }
    }

    String url(String pluginId) {
        return settings.url(pluginId);
    }

    private Connection adminConnection(Settings current) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, current.adminUrl());
        if (!current.adminUser().isBlank()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, current.adminUser());
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, current.adminPassword());
        }
        return driver.createDataSource(properties).getConnection();
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
        Opened open = dataSources.remove(pluginId);
        if (open != null) {
            shutdownEmbedded(pluginId, open.url());
        }
    }

    /** Embedded Derby keeps a database open (and locked) until told to shut it down. */
    private void shutdownEmbedded(String pluginId, String url) {
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
