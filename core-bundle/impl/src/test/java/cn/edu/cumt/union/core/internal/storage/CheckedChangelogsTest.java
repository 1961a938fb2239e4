package cn.edu.cumt.union.core.internal.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.edu.cumt.union.core.internal.plugin.ChangelogFence;

/**
 * Liquibase fed only the checked bytes, on a real Derby: what passes the fence runs, what the fence
 * refuses would really have written a file (so the test proves an attack, not a string match), and
 * a file the fence did not check does not exist for Liquibase.
 */
public class CheckedChangelogsTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    /** The start of a changelog file (the XSD reference Liquibase wants); SchemaStateTest uses it too. */
    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
            + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n";

    /** A new in-memory Derby. */
    static EmbeddedDataSource database() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:changelog" + COUNTER.incrementAndGet());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    private static Map<String, byte[]> files(String... pathsAndTexts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static boolean tableExists(EmbeddedDataSource dataSource, String table) throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    @Test
    public void aCheckedChangelogWithARelativeIncludeRuns() throws Exception {
        Map<String, byte[]> jar = files(
                "db/changelog.xml", HEAD + "<include file=\"tables/trips.xml\" relativeToChangelogFile=\"true\"/></databaseChangeLog>",
                "db/tables/trips.xml", HEAD + "<changeSet id=\"1\" author=\"MINING\"><createTable tableName=\"OUTING_TRIP\">"
                        + "<column name=\"ID\" type=\"BIGINT\"><constraints primaryKey=\"true\"/></column>"
                        + "<column name=\"TITLE\" type=\"VARCHAR(200)\"/></createTable>"
                        + "<insert tableName=\"OUTING_TRIP\"><column name=\"ID\" valueNumeric=\"1\"/>"
                        + "<column name=\"TITLE\" value=\"踏青 outing\"/></insert></changeSet></databaseChangeLog>");
        ChangelogFence.Result checked = ChangelogFence.check("db/changelog.xml", jar::get);
        assertEquals(java.util.List.of(), checked.problems());
        EmbeddedDataSource dataSource = database();
        assertEquals(1, SchemaMigrator.run(dataSource, new CheckedChangelogs(checked.files()), "outing", "db/changelog.xml"));
        assertTrue(tableExists(dataSource, "OUTING_TRIP"));
        // the second start finds nothing to do
        assertEquals(0, SchemaMigrator.run(dataSource, new CheckedChangelogs(checked.files()), "outing", "db/changelog.xml"));
    }

    @Test
    public void aFileTheFenceDidNotCheckDoesNotExistForLiquibase() throws Exception {
        Map<String, byte[]> checkedOnly = files("db/changelog.xml",
                HEAD + "<include file=\"db/other.xml\"/></databaseChangeLog>");
        try {
            SchemaMigrator.run(database(), new CheckedChangelogs(checkedOnly), "outing", "db/changelog.xml");
            fail("an unchecked include must not be found");
        } catch (Exception expected) {
            assertTrue(String.valueOf(expected.getMessage()), String.valueOf(expected.getMessage()).contains("other.xml"));
        }
    }

    @Test
    public void theExportRoutineTheFenceRefusesWouldReallyHaveWrittenAFile() throws Exception {
        Path stolen = folder.getRoot().toPath().resolve("stolen.csv");
        String attack = HEAD + "<changeSet id=\"1\" author=\"MINING\"><sql>CALL SYSCS_UTIL.SYSCS_EXPORT_TABLE('SYS', 'SYSTABLES', '"
                + stolen.toString().replace('\\', '/') + "', null, null, null)</sql></changeSet></databaseChangeLog>";
        Map<String, byte[]> jar = files("db/changelog.xml", attack);

        ChangelogFence.Result checked = ChangelogFence.check("db/changelog.xml", jar::get);
        assertFalse(checked.passed());
        assertTrue(checked.problems().toString(), checked.problems().get(0).contains("<sql> is not allowed"));
        assertFalse(Files.exists(stolen));

        // Unfenced, as before this check existed: Derby writes the file.
        Path classes = folder.newFolder("jar").toPath();
        Files.createDirectories(classes.resolve("db"));
        Files.write(classes.resolve("db/changelog.xml"), jar.get("db/changelog.xml"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
            SchemaMigrator.run(database(), loader, "evil", "db/changelog.xml");
        }
        assertTrue("the attack is real: without the fence the routine writes " + stolen, Files.exists(stolen));
    }
}
