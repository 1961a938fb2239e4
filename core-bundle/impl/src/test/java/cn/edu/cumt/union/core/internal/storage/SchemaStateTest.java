package cn.edu.cumt.union.core.internal.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;

import cn.edu.cumt.union.core.internal.plugin.ChangelogFence;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase is skipped only when the checked bytes ran to the end before and their change sets are
 * all still recorded; every other start runs it. The platform database holds the state, a second
 * in-memory Derby plays a unit plugin's own database.
 */
public class SchemaStateTest {

    private static final String TRIPS = "<changeSet id=\"1\" author=\"MINING\"><createTable tableName=\"OUTING_TRIP\">"
            + "<column name=\"ID\" type=\"BIGINT\"><constraints primaryKey=\"true\"/></column></createTable></changeSet>";
    private static final String GUESTS = "<changeSet id=\"2\" author=\"MINING\"><createTable tableName=\"OUTING_GUEST\">"
            + "<column name=\"ID\" type=\"BIGINT\"><constraints primaryKey=\"true\"/></column></createTable></changeSet>";

    /** The platform database: the core's schema, UNION_SCHEMA_STATE included. */
    private static EmbeddedDataSource platform() throws Exception {
        EmbeddedDataSource platform = CheckedChangelogsTest.database();
        SchemaMigrator.run(platform, SchemaStateTest.class.getClassLoader(), "core", "db/union-core-changelog.xml");
        return platform;
    }

    private static Map<String, byte[]> changelog(String... changeSets) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("db/changelog.xml", (CheckedChangelogsTest.HEAD + String.join("", changeSets) + "</databaseChangeLog>").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static int migrate(EmbeddedDataSource platform, EmbeddedDataSource target, Map<String, byte[]> files)
            throws Exception {
        ChangelogFence.Result checked = ChangelogFence.check("db/changelog.xml", files::get);
        assertEquals(List.of(), checked.problems());
        return SchemaMigrator.runUnlessUpToDate(platform, target, new CheckedChangelogs(checked.files()), "outing",
                "db/changelog.xml", checked.files());
    }

    /** Liquibase given this cannot read the changelog: a run that returns proves Liquibase was not started. */
    private static final ResourceAccessor NOTHING = new ResourceAccessor() {
        @Override
        public List<Resource> search(String path, boolean recursive) {
            throw new AssertionError("Liquibase was started");
        }

        @Override
        public List<Resource> getAll(String path) {
            throw new AssertionError("Liquibase was started for " + path);
        }

        @Override
        public List<String> describeLocations() {
            return List.of();
        }

        @Override
        public void close() {
        }
    };

    @Test
    public void theSameCheckedBytesDoNotStartLiquibaseAgain() throws Exception {
        EmbeddedDataSource platform = platform();
        EmbeddedDataSource own = CheckedChangelogsTest.database();
        Map<String, byte[]> files = changelog(TRIPS);
        assertEquals(1, migrate(platform, own, files));
        assertEquals(0, SchemaMigrator.runUnlessUpToDate(platform, own, NOTHING, "outing", "db/changelog.xml", files));
    }

    @Test
    public void aChangedChangelogAlwaysRuns() throws Exception {
        EmbeddedDataSource platform = platform();
        EmbeddedDataSource own = CheckedChangelogsTest.database();
        assertEquals(1, migrate(platform, own, changelog(TRIPS)));
        assertEquals("the new change set runs", 1, migrate(platform, own, changelog(TRIPS, GUESTS)));
        // one byte more (a comment) is another changelog, with nothing recorded for it
        assertFalse(SchemaState.upToDate(platform, own, "outing",
                SchemaState.sha256("db/changelog.xml", changelog(TRIPS, GUESTS, "<!-- -->"))));
        assertTrue(SchemaState.upToDate(platform, own, "outing", SchemaState.sha256("db/changelog.xml", changelog(TRIPS, GUESTS))));
    }

    @Test
    public void aMissingChangeSetRowOrAPurgedDatabaseRunsLiquibase() throws Exception {
        EmbeddedDataSource platform = platform();
        EmbeddedDataSource own = CheckedChangelogsTest.database();
        Map<String, byte[]> files = changelog(TRIPS, GUESTS);
        assertEquals(2, migrate(platform, own, files));
        String sha256 = SchemaState.sha256("db/changelog.xml", files);
        assertTrue(SchemaState.upToDate(platform, own, "outing", sha256));

        assertFalse("a fresh database of the same plugin (purged, restored) is not up to date",
                SchemaState.upToDate(platform, CheckedChangelogsTest.database(), "outing", sha256));
        assertEquals("and gets its tables", 2, migrate(platform, CheckedChangelogsTest.database(), files));

        try (Connection connection = own.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("DELETE FROM DBCLOUTING WHERE ID = '2'");
        }
        assertFalse("a change set no longer recorded as run", SchemaState.upToDate(platform, own, "outing", sha256));
    }

    @Test
    public void aChangelogThatRunsAlwaysIsNeverSkipped() throws Exception {
        EmbeddedDataSource platform = platform();
        EmbeddedDataSource own = CheckedChangelogsTest.database();
        Map<String, byte[]> files = changelog(TRIPS, "<changeSet id=\"3\" author=\"MINING\" runAlways=\"true\">"
                + "<insert tableName=\"OUTING_TRIP\"><column name=\"ID\" valueNumeric=\"1\"/></insert></changeSet>");
        migrate(platform, own, files);
        assertFalse(SchemaState.upToDate(platform, own, "outing", SchemaState.sha256("db/changelog.xml", files)));
    }

    @Test
    public void theHashCoversPathsAndBytes() {
        Map<String, byte[]> files = changelog(TRIPS);
        String sha256 = SchemaState.sha256("db/changelog.xml", files);
        assertEquals(sha256, SchemaState.sha256("db/changelog.xml", changelog(TRIPS)));
        assertNotEquals(sha256, SchemaState.sha256("db/other.xml", files));
        assertNotEquals(sha256, SchemaState.sha256("db/changelog.xml", Map.of("db/changelog2.xml", files.get("db/changelog.xml"))));
        byte[] changed = files.get("db/changelog.xml").clone();
        changed[changed.length - 3] ^= 1;
        assertNotEquals(sha256, SchemaState.sha256("db/changelog.xml", Map.of("db/changelog.xml", changed)));
    }
}
