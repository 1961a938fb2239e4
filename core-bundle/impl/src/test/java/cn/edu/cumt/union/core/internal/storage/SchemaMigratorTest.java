package cn.edu.cumt.union.core.internal.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.Test;

/** The core changelog on Derby: applied once, then found up to date on every later start. */
public class SchemaMigratorTest {

    private static final String CHANGELOG = "db/union-core-changelog.xml";

    @Test
    public void secondRunFindsTheSchemaUpToDate() throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:schema-migrator-rerun");
        dataSource.setCreateDatabase("create");
        ClassLoader resources = SchemaMigrator.class.getClassLoader();

        int first = SchemaMigrator.run(dataSource, resources, "core", CHANGELOG);
        int second = SchemaMigrator.run(dataSource, resources, "core", CHANGELOG);

        assertTrue("the first run applies the core change sets", first > 0);
        assertEquals("a restart applies nothing again", 0, second);
        assertEquals(first, count(dataSource, "SELECT COUNT(*) FROM " + SchemaMigrator.changeLogTable("core")));
    }

    private static int count(EmbeddedDataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
