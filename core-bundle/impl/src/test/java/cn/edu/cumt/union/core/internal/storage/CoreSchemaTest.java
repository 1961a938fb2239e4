package cn.edu.cumt.union.core.internal.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.time.Instant;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import cn.edu.cumt.union.api.directory.UnitKind;
import cn.edu.cumt.union.core.internal.org.UnitEntity;

/** The real changelog builds a schema the core's entities map onto, including booleans on Derby. */
public class CoreSchemaTest {

    private static EntityManagerFactory emf;

    @BeforeClass
    public static void migrate() throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:core-schema-test");
        dataSource.setCreateDatabase("create");
        assertEquals("four core-1 change sets, core-2-member-search, core-3-schema-state and core-flows-1-duties", 7, SchemaMigrator.run(dataSource,
                CoreSchemaTest.class.getClassLoader(), "core",
                "db/union-core-changelog.xml"));
        assertEquals("a second run applies nothing", 0, SchemaMigrator.run(dataSource,
                CoreSchemaTest.class.getClassLoader(), "core", "db/union-core-changelog.xml"));
        emf = Persistence.createEntityManagerFactory("union-core", Map.of("javax.persistence.nonJtaDataSource", dataSource));
    }

    @AfterClass
    public static void close() {
        emf.close();
    }

    @Test
    public void booleanColumnsCompareWithParameters() {
        // EclipseLink writes boolean JPQL literals as 0/1, which Derby rejects: always bind booleans.
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        UnitEntity root = new UnitEntity("CUMT", "中国矿业大学工会", "CUMT Staff Union", UnitKind.UNIVERSITY, null);
        em.persist(root);
        em.getTransaction().commit();
        assertNotNull(root.getId());
        long active = em.createQuery("select count(u) from UnitEntity u where u.retired = :retired", Long.class)
                .setParameter("retired", false).getSingleResult();
        assertEquals(1, active);
        em.close();
    }

    @Test
    public void auditInsertGetsAnIdentity() {
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        em.persist(new cn.edu.cumt.union.core.internal.audit.AuditEntity(Instant.now(), "test", "local", "x.y", null,
                null, "ok", null));
        em.getTransaction().commit();
        em.close();
    }
}
