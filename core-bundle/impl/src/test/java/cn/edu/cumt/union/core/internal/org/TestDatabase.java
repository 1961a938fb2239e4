package cn.edu.cumt.union.core.internal.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.derby.jdbc.EmbeddedDataSource;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.core.internal.storage.SchemaMigrator;

/**
 * A fresh in-memory Derby with the real changelog, the real persistence unit, a JpaTemplate that
 * runs each call in its own transaction (as Aries does for RESOURCE_LOCAL), and an audit log that
 * remembers what it was told.
 */
public final class TestDatabase implements JpaTemplate {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final EntityManagerFactory emf;
    public final List<String> audit = new ArrayList<>();
    public final AuditLog auditLog = new AuditLog() {
        @Override
        public void record(String action, String targetType, String targetId, String detail) {
            audit.add(action + " " + targetId + " " + detail);
        }

        @Override
        public void denied(String action, String targetType, String targetId, String detail) {
            audit.add("denied " + action + " " + targetId + " " + detail);
        }
    };

    private static TestDatabase shared;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    private TestDatabase() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:members" + COUNTER.incrementAndGet());
        dataSource.setCreateDatabase("create");
        SchemaMigrator.run(dataSource, getClass().getClassLoader(), "core", "db/union-core-changelog.xml");
        // No shared cache: reset() empties the tables behind EclipseLink's back.
        emf = Persistence.createEntityManagerFactory("union-core", Map.of("javax.persistence.nonJtaDataSource",
                dataSource, "eclipselink.cache.shared.default", "false"));
    }

    /**
     * The database of this test run, emptied. Liquibase takes seconds to build the schema, so the
     * schema is built once and each test starts from empty tables instead.
     */
    public static synchronized TestDatabase fresh() throws Exception {
        if (shared == null) {
            shared = new TestDatabase();
        }
        shared.reset();
        return shared;
    }

    private void reset() {
        audit.clear();
        tx(em -> {
            for (String sql : List.of("delete from UNION_BALLOT_VOTE", "delete from UNION_BALLOT_VOTER",
                    "delete from UNION_BALLOT_OPTION", "delete from UNION_BALLOT", "delete from UNION_DUTY", "delete from UNION_MEMBER_TRANSFER", "delete from UNION_MEMBER_CATEGORY",
                    "delete from UNION_SESSION", "delete from UNION_ROLE_GRANT", "delete from UNION_ACCOUNT",
                    "delete from UNION_MEMBER", "update UNION_UNIT set PARENT_ID = null", "delete from UNION_UNIT",
                    "delete from UNION_AUDIT", "delete from UNION_NOTIFICATION", "delete from UNION_ATTACHMENT_CONTENT", "delete from UNION_ATTACHMENT")) {
                em.createNativeQuery(sql).executeUpdate();
            }
        });
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        if (type != TransactionType.Required) {
            throw new IllegalArgumentException("Only Required, as with Aries RESOURCE_LOCAL");
        }
        EntityManager outer = current.get();
        if (outer != null) {
            // Required joins the caller's transaction, as Aries' template does.
            return code.apply(outer);
        }
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        current.set(em);
        tx.begin();
        try {
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
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

    public <T> T count(String jpql, Class<T> type) {
        return txExpr(em -> em.createQuery(jpql, type).getSingleResult());
    }
}
