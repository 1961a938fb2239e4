package cn.edu.cumt.union.testing;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A plugin's real persistence unit ({@code union-<id>}) and changelog ({@code db/changelog.xml},
 * recorded in {@code DBCL<ID>} as the platform does) on an in-memory Derby, behind a
 * {@link JpaTemplate} that behaves like the platform's RESOURCE_LOCAL one: only {@code Required},
 * nested calls share the transaction, runtime exceptions roll back and pass through unchanged.
 * One database per plugin and test JVM; tests empty the tables with {@link #clear(String...)}.
 * {@code -D<id>.sql=FINE} prints every SQL statement.
 */
public final class PluginDatabase implements JpaTemplate {

    // Liquibase logs every step at INFO; a strong reference keeps the level.
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static final Map<String, PluginDatabase> OPEN = new HashMap<>();

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    private PluginDatabase(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** The database of the plugin with this id, created and migrated on first use. */
    public static synchronized PluginDatabase forPlugin(String pluginId) throws Exception {
        PluginDatabase open = OPEN.get(pluginId);
        if (open == null) {
            LIQUIBASE_LOG.setLevel(Level.WARNING);
            EmbeddedDataSource dataSource = new EmbeddedDataSource();
            dataSource.setDatabaseName("memory:" + pluginId + "-test");
            dataSource.setCreateDatabase("create");
            migrate(dataSource, pluginId, 0);
            open = unit(pluginId, dataSource);
            OPEN.put(pluginId, open);
        }
        return open;
    }

    /** What a test writes into a database between two migrations, over plain JDBC. */
    @FunctionalInterface
    public interface OldRows {
        void insert(Connection connection) throws Exception;
    }

    /**
     * An upgrade, for testing a new change set on data written before it: a fresh database with the
     * plugin's first {@code changeSets} change sets, the rows {@code oldRows} inserts, then the rest of
     * the changelog, and the persistence unit on the result.
     */
    public static PluginDatabase upgraded(String pluginId, int changeSets, OldRows oldRows) throws Exception {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + pluginId + "-upgrade-" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        migrate(dataSource, pluginId, changeSets);
        try (Connection connection = dataSource.getConnection()) {
            oldRows.insert(connection);
        }
        migrate(dataSource, pluginId, 0);
        return unit(pluginId, dataSource);
    }

    private static PluginDatabase unit(String pluginId, DataSource dataSource) {
        String sqlLevel = System.getProperty(pluginId + ".sql", "WARNING");
        // persistence.xml names the platform's DataSource service; hand it the Derby one instead.
        return new PluginDatabase(Persistence.createEntityManagerFactory("union-" + pluginId,
                Map.of("javax.persistence.nonJtaDataSource", dataSource,
                        "eclipselink.logging.level.sql", sqlLevel, "eclipselink.logging.level", sqlLevel)));
    }

    /** Runs the plugin's changelog: its first {@code changeSets} change sets, or all when 0. */
    @SuppressWarnings("deprecation")
    private static void migrate(DataSource dataSource, String pluginId, int changeSets) throws Exception {
        String table = "DBCL" + pluginId.toUpperCase(Locale.ROOT);
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            database.setDatabaseChangeLogTableName(table);
            database.setDatabaseChangeLogLockTableName(table + "LOCK");
            try (Liquibase liquibase = new Liquibase("db/changelog.xml",
                    new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader()), database)) {
                if (changeSets > 0) {
                    liquibase.update(changeSets, new Contexts(), new LabelExpression());
                } else {
                    liquibase.update(new Contexts(), new LabelExpression());
                }
            }
        }
    }

    /** Deletes every row of the tables, in the order given (children before parents), and empties JPA's cache. */
    public void clear(String... tablesChildrenFirst) {
        tx(TransactionType.Required, em -> {
            for (String table : tablesChildrenFirst) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
        });
        emf.getCache().evictAll();
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        if (type != TransactionType.Required) {
            throw new IllegalArgumentException("Only Required is supported with RESOURCE_LOCAL, as on the platform");
        }
        EntityManager outer = current.get();
        if (outer != null) {
            return code.apply(outer);
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        List<Runnable> actions = new ArrayList<>();
        afterCommit.set(actions);
        R result;
        try {
            em.getTransaction().begin();
            result = code.apply(em);
            em.getTransaction().commit();
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            current.remove();
            afterCommit.remove();
            em.close();
        }
        actions.forEach(Runnable::run);
        return result;
    }

    /**
     * Runs {@code action} once the current transaction of this thread commits, never if it rolls back,
     * and at once outside a transaction: what the platform does with notifications ({@link FakeNotifications}).
     */
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
