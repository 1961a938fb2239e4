package cn.edu.cumt.union.core.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.api.storage.Storage;
import cn.edu.cumt.union.core.internal.plugin.ChangelogFence;
import cn.edu.cumt.union.core.internal.plugin.UnitPluginDatabases;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.lockservice.LockServiceFactory;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.util.NetUtil;

/**
 * The schema extender: for every bundle whose manifest names a Liquibase changelog, it runs the
 * changelog while the bundle is starting (the tracker is synchronous, so this happens before the
 * bundle's components activate), then registers {@link SchemaReady} for it. Each bundle records its
 * applied changes in its own table {@code DBCL<ID>} (no underscore: Liquibase looks the table up
 * with a LIKE pattern, where "_" is a wildcard, and then misses it), so plugins migrate independently.
 */
@Component(immediate = true)
// Registered by hand, not by DS, so tell the resolver this bundle provides it.
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=cn.edu.cumt.union.api.storage.SchemaReady",
        uses = SchemaReady.class)
public class SchemaMigrator implements BundleTrackerCustomizer<ServiceRegistration<SchemaReady>> {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    static {
        // before Liquibase's lock statement loads: each lock this process takes names it
        StaleSchemaLock.nameThisProcess();
    }
    private static final Pattern SCHEMA_ID = Pattern.compile("[a-z][a-z0-9]{0,19}");

    private final BundleContext context;
    private final DataSource dataSource;
    private final UnitPluginDatabases unitPluginDatabases;
    private final BundleTracker<ServiceRegistration<SchemaReady>> tracker;

    @Activate
    public SchemaMigrator(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=" + Storage.DATA_SOURCE + ")") DataSource dataSource,
            @Reference UnitPluginDatabases unitPluginDatabases) {
        this.context = context;
        this.dataSource = dataSource;
        this.unitPluginDatabases = unitPluginDatabases;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public ServiceRegistration<SchemaReady> addingBundle(Bundle bundle, BundleEvent event) {
        String changelog = bundle.getHeaders("").get(Storage.CHANGELOG_HEADER);
        if (changelog == null) {
            return null;
        }
        String schemaId = bundle.getHeaders("").get(Storage.SCHEMA_ID_HEADER);
        if (schemaId == null || !SCHEMA_ID.matcher(schemaId).matches()) {
            LOG.error("Bundle {} names a changelog but no valid {} header (lower-case letters and digits); not migrated",
                    bundle.getSymbolicName(), Storage.SCHEMA_ID_HEADER);
            return null;
        }
        try {
            int applied = migrate(bundle, schemaId, changelog.trim());
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(SchemaReady.SCHEMA_ID, schemaId);
            properties.put("union.schema.bundle", bundle.getSymbolicName());
            return context.registerService(SchemaReady.class, new Ready(schemaId, applied), properties);
        } catch (Exception e) {
            // The bundle's components stay unsatisfied: better no service than one on a wrong schema.
            LOG.error("Schema migration of {} ({}) failed", bundle.getSymbolicName(), changelog, e);
            return null;
        }
    }

    /**
     * Runs the changelog; returns how many changesets were applied. A unit plugin's runs in its own
     * database, and only after {@link ChangelogFence} passed it (again: the upload checked it, but a
     * bundle can also come from elsewhere), with Liquibase reading nothing but the checked bytes.
     * Liquibase is not started when {@link SchemaState} shows that these bytes ran to the end already.
     */
    int migrate(Bundle bundle, String schemaId, String changelog) throws Exception {
        String unitPluginId = UnitPluginDatabases.unitPluginId(bundle);
        if (unitPluginId == null) {
            ClassLoader bundleLoader = bundle.adapt(BundleWiring.class).getClassLoader();
            return runUnlessUpToDate(dataSource, dataSource, new ClassLoaderResourceAccessor(bundleLoader), schemaId,
                    changelog, platformChangelogFiles(bundle, changelog));
        }
        ChangelogFence.Result checked = ChangelogFence.check(changelog, path -> ownEntry(bundle, path));
        if (!checked.passed()) {
            throw new IllegalStateException("the changelog of unit plugin " + unitPluginId + " is refused: "
                    + String.join("; ", checked.problems()));
        }
        // the hash is of the checked bytes, the very ones CheckedChangelogs gives Liquibase
        return runUnlessUpToDate(dataSource, unitPluginDatabases.dataSource(unitPluginId),
                new CheckedChangelogs(checked.files()), schemaId, ChangelogFence.normalise(changelog), checked.files());
    }

    /**
     * The files a platform bundle's changelog can include: its own jar's entries in the changelog's
     * folder and below (the platform's changelogs include nothing else).
     */
    private static Map<String, byte[]> platformChangelogFiles(Bundle bundle, String changelog) throws IOException {
        int slash = changelog.lastIndexOf('/');
        String folder = slash < 0 ? "/" : changelog.substring(0, slash);
        Map<String, byte[]> files = new TreeMap<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL entry = entries.nextElement();
            if (!entry.getPath().endsWith("/")) {
                try (InputStream in = entry.openStream()) {
                    files.put(entry.getPath(), in.readAllBytes());
                }
            }
        }
        return files;
    }

    /**
     * @param platform the platform's database, where {@link SchemaState} is kept
     * @param target   where the changelog runs
     * @param files    every file Liquibase may read for this changelog, hashed
     */
    static synchronized int runUnlessUpToDate(DataSource platform, DataSource target, ResourceAccessor resources,
            String schemaId, String changelog, Map<String, byte[]> files) throws Exception {
        String sha256 = SchemaState.sha256(changelog, files);
        if (SchemaState.upToDate(platform, target, schemaId, sha256)) {
            LOG.info("Schema {}: up to date (changelog SHA-256 {} as recorded), Liquibase not started", schemaId, sha256);
            return 0;
        }
        Outcome outcome = update(target, resources, schemaId, changelog);
        // A skip must mean "Liquibase would do nothing": only when every change set is recorded as run
        // and none runs always (a skipped precondition or another dbms leaves rows missing: no skip).
        Integer rows = SchemaState.appliedRows(target, schemaId);
        try {
            if (!outcome.runsAlways() && rows != null && rows == outcome.changeSets()) {
                SchemaState.record(platform, schemaId, sha256, outcome.changeSets());
            } else {
                SchemaState.forget(platform, schemaId);
            }
        } catch (SQLException e) {
            LOG.warn("Schema {}: could not record its state; Liquibase runs again at the next start", schemaId, e);
        }
        return outcome.applied();
    }

    /** A file of the bundle's own jar (not of its imports, not of fragments), or null. */
    private static byte[] ownEntry(Bundle bundle, String path) {
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return null;
        }
        try (InputStream in = entry.openStream()) {
            // one byte over the limit is enough for the fence to refuse it
            return in.readNBytes(ChangelogFence.MAX_BYTES + 1);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** The OSGi-free part, also used by unit tests on an in-memory Derby. */
    public static int run(DataSource dataSource, ClassLoader resources, String schemaId, String changelog) throws Exception {
        return run(dataSource, new ClassLoaderResourceAccessor(resources), schemaId, changelog);
    }

    static int run(DataSource dataSource, ResourceAccessor resources, String schemaId, String changelog)
            throws Exception {
        return update(dataSource, resources, schemaId, changelog).applied();
    }

    /** What a Liquibase run did: change sets applied, change sets in the changelog, whether one runs always. */
    record Outcome(int applied, int changeSets, boolean runsAlways) {
    }

    private static synchronized Outcome update(DataSource dataSource, ResourceAccessor resources, String schemaId,
            String changelog) throws Exception {
        // Liquibase caches its history and lock services per database URL, not per changelog table:
        // without a reset the next bundle would reuse the previous bundle's view of its table.
        ChangeLogHistoryServiceFactory.getInstance().resetAll();
        LockServiceFactory.getInstance().resetAll();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase looks its own services up through the context class loader.
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (database instanceof DerbyDatabase derby) {
                // Liquibase would shut the whole embedded Derby down when it closes: others use it.
                derby.setShutdownEmbeddedDerby(false);
            }
            String table = SchemaState.changelogTable(schemaId);
            database.setDatabaseChangeLogTableName(table);
            database.setDatabaseChangeLogLockTableName(table + "LOCK");
            String url = connection.getMetaData().getURL();
            boolean embedded = url != null && url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
            StaleSchemaLock.releaseIfStale(connection, table + "LOCK", embedded, NetUtil.getLocalHostName());
            try (Liquibase liquibase = new Liquibase(changelog, resources, database)) {
                int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
                if (pending > 0) {
                    LOG.info("Schema {}: applying {} change set(s) from {}", schemaId, pending, changelog);
                    liquibase.update(new Contexts(), new LabelExpression());
                }
                List<ChangeSet> changeSets = liquibase.getDatabaseChangeLog().getChangeSets();
                return new Outcome(pending, changeSets.size(), changeSets.stream().anyMatch(ChangeSet::isAlwaysRun));
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<SchemaReady> registration) {
        // STARTING -> ACTIVE: nothing to do, the schema is ready already.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<SchemaReady> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered with our own bundle context: nothing left to do
        }
    }

    private record Ready(String schemaId, int changesApplied) implements SchemaReady {
    }
}
