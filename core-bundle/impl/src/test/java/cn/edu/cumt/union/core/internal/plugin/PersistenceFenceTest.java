package cn.edu.cumt.union.core.internal.plugin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;

/** A unit plugin's persistence.xml as an attacker writes it: other databases, other units, files, scripts, SQL. */
public class PersistenceFenceTest {

    private static final String OWN_DATA_SOURCE = "osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=union-plugin-outing)";

    static String unit(String inside) {
        return "<persistence version=\"2.2\" xmlns=\"http://xmlns.jcp.org/xml/ns/persistence\">\n"
                + "<persistence-unit name=\"union-outing\" transaction-type=\"RESOURCE_LOCAL\">\n" + inside + "\n</persistence-unit>\n</persistence>";
    }

    static final String PROVIDER = "<provider>org.eclipse.persistence.jpa.PersistenceProvider</provider>";
    static final String OWN = "<non-jta-data-source>" + OWN_DATA_SOURCE + "</non-jta-data-source>";
    static final String STANDARD_JPQL = "<property name=\"eclipselink.jpql.validation\" value=\"JPA 2.0\"/>";

    static String good(String extraProperties) {
        return unit(PROVIDER + OWN + "<class>cn.edu.cumt.union.plugin.outing.internal.TripEntity</class>"
                + "<class>cn.edu.cumt.union.api.storage.InstantConverter</class><exclude-unlisted-classes>true</exclude-unlisted-classes>"
                + "<properties>" + STANDARD_JPQL + "<property name=\"eclipselink.ddl-generation\" value=\"none\"/>" + extraProperties
                + "</properties>");
    }

    private static List<String> problems(String xml, String... moreEntries) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/persistence.xml", xml.getBytes(StandardCharsets.UTF_8));
        entries.put("cn/edu/cumt/union/plugin/outing/internal/TripEntity.class", new byte[0]);
        for (String entry : moreEntries) {
            entries.put(entry, "<entity-mappings/>".getBytes(StandardCharsets.UTF_8));
        }
        Attributes manifest = new Attributes();
        manifest.putValue("Meta-Persistence", "META-INF/persistence.xml");
        return PersistenceFence.problems("outing", manifest, entries);
    }

    private static void refused(String xml, String expected, String... moreEntries) {
        String report = String.join("\n", problems(xml, moreEntries));
        assertTrue("expected \"" + expected + "\" in:\n" + report, report.contains(expected));
    }

    @Test
    public void theOwnDatabaseWithStandardJpqlPasses() {
        assertEquals(List.of(), problems(good("<property name=\"eclipselink.logging.level\" value=\"WARNING\"/>")));
    }

    @Test
    public void theShippedUnitPluginsPersistenceUnitPasses() throws Exception {
        byte[] familyday = Files.readAllBytes(Path.of("../../plugins/examples/familyday/src/main/resources/META-INF/persistence.xml"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/persistence.xml", familyday);
        entries.put("cn/edu/cumt/union/plugin/familyday/internal/ActivityEntity.class", new byte[0]);
        entries.put("cn/edu/cumt/union/plugin/familyday/internal/SignupEntity.class", new byte[0]);
        assertEquals(List.of(), PersistenceFence.problems("familyday", new Attributes(), entries));
    }

    @Test
    public void anotherDatabaseIsRefused() {
        refused(unit(PROVIDER + "<non-jta-data-source>osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=union)</non-jta-data-source>"
                + "<properties>" + STANDARD_JPQL + "</properties>"), "may only use " + OWN_DATA_SOURCE);
        refused(unit(PROVIDER + "<jta-data-source>osgi:service/javax.sql.DataSource/(osgi.jndi.service.name=union)</jta-data-source>"),
                "<jta-data-source> is not allowed");
        refused(good("<property name=\"javax.persistence.jdbc.url\" value=\"jdbc:derby:data/union/derby\"/>"),
                "javax.persistence.jdbc.url is not allowed");
        refused(good("<property name=\"javax.persistence.nonJtaDataSource\" value=\"osgi:service/jdbc/union\"/>"), "is not allowed");
        refused(unit(PROVIDER + "<properties>" + STANDARD_JPQL + "</properties>"), "must name its data source");
    }

    @Test
    public void theCoresUnitNameIsRefused() {
        // a second "union-core" would offer the core's components a JpaTemplate on the plugin's database
        refused(good("").replace("union-outing", "union-core"), "must be named union-outing, not union-core");
        refused(good("").replace("RESOURCE_LOCAL", "JTA"), "RESOURCE_LOCAL");
        refused(good("").replace("</persistence>", "<persistence-unit name=\"union-outing\"/></persistence>"), "at most one persistence unit");
    }

    @Test
    public void filesScriptsAndSqlAreRefused() {
        refused(good("<property name=\"javax.persistence.sql-load-script-source\" value=\"META-INF/evil.sql\"/>"),
                "javax.persistence.sql-load-script-source is not allowed");
        refused(good("<property name=\"eclipselink.logging.file\" value=\"../../etc/users.properties\"/>"), "eclipselink.logging.file is not allowed");
        refused(good("<property name=\"eclipselink.ddl-generation\" value=\"create-tables\"/>"), "eclipselink.ddl-generation=create-tables is not allowed");
        refused(good("<property name=\"eclipselink.create-ddl-jdbc-file-name\" value=\"/tmp/x\"/>"), "is not allowed");
        refused(good("<property name=\"eclipselink.session.customizer\" value=\"x.Evil\"/>"), "is not allowed");
        refused(good("").replace("<class>", "<mapping-file>META-INF/native.xml</mapping-file><class>"), "<mapping-file> is not allowed");
        refused(good("").replace("<class>", "<jar-file>../../lib/evil.jar</jar-file><class>"), "<jar-file> is not allowed");
        refused(good(""), "META-INF/orm.xml", "META-INF/orm.xml");
        refused(good("").replace("org.eclipse.persistence.jpa.PersistenceProvider", "x.EvilProvider"), "the provider must be");
        refused(good("").replace("cn.edu.cumt.union.plugin.outing.internal.TripEntity", "cn.edu.cumt.union.core.internal.auth.AccountEntity"),
                "neither the plugin's own class nor the core API's");
        refused(good("").replace(STANDARD_JPQL, ""), "must set <property name=\"eclipselink.jpql.validation\"");
        refused("<!DOCTYPE persistence [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + good(""), "cannot be parsed safely");
    }

    @Test
    public void onlyTheStandardPersistenceFileIsRead() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Attributes manifest = new Attributes();
        manifest.putValue("Meta-Persistence", "META-INF/persistence.xml, OSGI-INF/other-persistence.xml");
        String report = String.join("\n", PersistenceFence.problems("outing", manifest, entries));
        assertTrue(report, report.contains("not OSGI-INF/other-persistence.xml"));
    }

    /** Why standard JPQL is required: EclipseLink's own grammar takes SQL text through SQL(…), JPA 2.1's through FUNCTION(…). */
    @Test
    public void standardJpqlRefusesSqlTextThatEclipseLinksGrammarTakes() {
        refusedByStandardJpql("SELECT a FROM AuditEntity a WHERE SQL('1 = 1')", "SQL");
        refusedByStandardJpql("SELECT a FROM AuditEntity a WHERE FUNCTION('ABS', a.id) > 0", "FUNCTION");
    }

    private static void refusedByStandardJpql(String query, String word) {
        EntityManagerFactory eclipseLinkGrammar = factory(Map.of());
        EntityManagerFactory standard = factory(Map.of(PersistenceFence.JPQL_VALIDATION, PersistenceFence.STANDARD_JPQL));
        try {
            EntityManager em = eclipseLinkGrammar.createEntityManager();
            em.createQuery(query).getResultList();
            em.close();
            EntityManager fenced = standard.createEntityManager();
            try {
                fenced.createQuery(query);
                fail(word + "() must not parse with " + PersistenceFence.STANDARD_JPQL);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains(word));
            } finally {
                fenced.close();
            }
        } finally {
            eclipseLinkGrammar.close();
            standard.close();
        }
    }

    private static EntityManagerFactory factory(Map<String, String> properties) {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:jpql" + System.nanoTime());
        dataSource.setCreateDatabase("create");
        Map<String, Object> all = new LinkedHashMap<>(properties);
        all.put("javax.persistence.nonJtaDataSource", dataSource);
        // the table the query reads, made by EclipseLink for this test only
        all.put("eclipselink.ddl-generation", "create-tables");
        all.put("eclipselink.logging.level", "OFF");
        return Persistence.createEntityManagerFactory("union-core", all);
    }
}
