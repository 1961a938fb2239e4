package cn.edu.cumt.union.plugin.brand.internal;

import java.sql.Connection;
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
 * The plugin's real persistence unit and changelog on an in-memory Derby, behind a {@link JpaTemplate}
 * that behaves like Aries' RESOURCE_LOCAL one: only {@code Required}, nested calls share the
 * transaction, runtime exceptions roll back and pass through unchanged.
 */
final class TestJpa implements JpaTemplate {

    // Liquibase logs every step at INFO; keep test output readable (a strong reference keeps the level).
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static TestJpa shared;

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    private TestJpa(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** One database per test JVM; tests empty the tables with {@link #clear()}. */
    static synchronized TestJpa get() throws Exception {
        if (shared == null) {
            LIQUIBASE_LOG.setLevel(Level.WARNING);
            long started = System.nanoTime();
            EmbeddedDataSource dataSource = new EmbeddedDataSource();
            dataSource.setDatabaseName("memory:brand-test");
            dataSource.setCreateDatabase("create");
            migrate(dataSource);
            System.out.printf("schema ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            // The shipped persistence.xml names an OSGi JNDI data source; hand it the Derby one instead.
            // -Dbrand.sql=FINE prints every SQL statement.
            shared = new TestJpa(Persistence.createEntityManagerFactory("union-brand",
                    Map.of("javax.persistence.nonJtaDataSource", dataSource,
                            "eclipselink.logging.level.sql", System.getProperty("brand.sql", "WARNING"),
                            "eclipselink.logging.level", System.getProperty("brand.sql", "WARNING"))));
        }
        return shared;
    }

    /** Applies db/changelog.xml the way the core's schema extender does (own changelog table). */
    private static void migrate(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            database.setDatabaseChangeLogTableName("DBCLBRAND");
            database.setDatabaseChangeLogLockTableName("DBCLBRANDLOCK");
            try (Liquibase liquibase = new Liquibase("db/changelog.xml",
                    new ClassLoaderResourceAccessor(TestJpa.class.getClassLoader()), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    void clear() {
        tx(TransactionType.Required, em -> {
            for (String table : new String[] { "BRAND_TRANSITION", "BRAND_DISBURSEMENT", "BRAND_MILESTONE",
                    "BRAND_PROJECT" }) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
        });
        emf.getCache().evictAll();
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        if (type != TransactionType.Required) {
            throw new IllegalArgumentException("Only Required is supported with RESOURCE_LOCAL, as in Karaf");
        }
        EntityManager outer = current.get();
        if (outer != null) {
            return code.apply(outer);
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        try {
            em.getTransaction().begin();
            R result = code.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            current.remove();
            em.close();
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
