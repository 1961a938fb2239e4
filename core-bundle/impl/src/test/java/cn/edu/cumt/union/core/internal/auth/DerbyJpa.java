package cn.edu.cumt.union.core.internal.auth;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;

import cn.edu.cumt.union.core.internal.storage.SchemaMigrator;

/**
 * The core's persistence unit on a fresh in-memory Derby with the real changelog, outside OSGi.
 * Nested calls join the outer transaction, as Aries' template does with {@code Required}.
 */
public final class DerbyJpa implements JpaTemplate, AutoCloseable {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public DerbyJpa(String name) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name);
        dataSource.setCreateDatabase("create");
        SchemaMigrator.run(dataSource, DerbyJpa.class.getClassLoader(), "core", "db/union-core-changelog.xml");
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.nonJtaDataSource", dataSource);
        properties.put("eclipselink.logging.level", "WARNING");
        factory = Persistence.createEntityManagerFactory("union-core", properties);
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager outer = current.get();
        if (outer != null) {
            return code.apply(outer);
        }
        EntityManager em = factory.createEntityManager();
        current.set(em);
        try {
            em.getTransaction().begin();
            R result = code.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
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

    /** Empties every table of the core schema (children first) and EclipseLink's cache. */
    public void wipe() {
        tx(em -> {
            for (String table : new String[] { "UNION_SESSION", "UNION_ROLE_GRANT", "UNION_ACCOUNT", "UNION_AUDIT",
                    "UNION_MEMBER_TRANSFER", "UNION_MEMBER_CATEGORY", "UNION_MEMBER" }) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
            em.createNativeQuery("UPDATE UNION_UNIT SET PARENT_ID = NULL").executeUpdate();
            em.createNativeQuery("DELETE FROM UNION_UNIT").executeUpdate();
        });
        factory.getCache().evictAll();
    }

    @Override
    public void close() {
        factory.close();
    }
}
