package cn.edu.cumt.union.core.internal.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
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
        assertEquals("every change set of the master changelog and the files it includes", changeSets(), SchemaMigrator.run(dataSource,
                CoreSchemaTest.class.getClassLoader(), "core",
                "db/union-core-changelog.xml"));
        assertEquals("a second run applies nothing", 0, SchemaMigrator.run(dataSource,
                CoreSchemaTest.class.getClassLoader(), "core", "db/union-core-changelog.xml"));
        emf = Persistence.createEntityManagerFactory("union-core", Map.of("javax.persistence.nonJtaDataSource", dataSource));
    }

    /** Change sets in the core's changelog files (db/*.xml): the master one and those it includes. */
    private static int changeSets() throws Exception {
        int count = 0;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of(CoreSchemaTest.class.getClassLoader().getResource("db").toURI()))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                count += java.nio.file.Files.readString(file).split("<changeSet ", -1).length - 1;
            }
        }
        assertTrue("the six core change sets at least: " + count, count >= 6);
        return count;
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
