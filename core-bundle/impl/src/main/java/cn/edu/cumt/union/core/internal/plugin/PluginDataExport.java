package cn.edu.cumt.union.core.internal.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.Tables;

/**
 * Writes a plugin's tables to a zip of CSV files (one per table, with a header row), and drops them
 * afterwards: what a purge does, in that order, so that nothing is deleted that was not saved first.
 */
final class PluginDataExport {

    /** One exported table. */
    record TableRows(String table, long rows) {
    }

    private PluginDataExport() {
    }

    /**
     * @return the user tables of the connection's own schema whose names (upper-cased: PostgreSQL folds
     *         them to lower case) the filter accepts, in name order. Only that schema: on PostgreSQL the
     *         catalogue lists every schema's tables, also those the connection may not read.
     */
    static List<String> tables(DataSource dataSource, Predicate<String> wanted) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
            while (found.next()) {
                String schema = found.getString("TABLE_SCHEM");
                String name = found.getString("TABLE_NAME");
                if (!isSystemSchema(schema) && wanted.test(name.toUpperCase(Locale.ROOT))) {
                    tables.add(name);
                }
            }
        }
        tables.sort(String::compareTo);
        return tables;
    }

    private static boolean isSystemSchema(String schema) {
        return schema != null && (schema.startsWith("SYS") || schema.equalsIgnoreCase("information_schema")
                || schema.equalsIgnoreCase("pg_catalog"));
    }

    /** Writes every table to {@code target} (a new zip file); the file is complete or absent. */
    static List<TableRows> export(DataSource dataSource, List<String> tables, Tables csv, Path target)
            throws IOException, SQLException {
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        List<TableRows> counts = new ArrayList<>();
        try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file);
                Connection connection = dataSource.getConnection()) {
            for (String table : tables) {
                zip.putNextEntry(new ZipEntry(table + ".csv"));
                counts.add(new TableRows(table, writeTable(connection, table, csv, zip)));
                zip.closeEntry();
            }
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return counts;
    }

    private static long writeTable(Connection connection, String table, Tables csv, OutputStream out)
            throws SQLException, IOException {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + quoted(connection, table))) {
            ResultSetMetaData columns = result.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                header.add(columns.getColumnName(i));
            }
            while (result.next()) {
                List<String> row = new ArrayList<>(header.size());
                for (int i = 1; i <= header.size(); i++) {
                    String value = result.getString(i);
                    row.add(value == null ? "" : value);
                }
                rows.add(row);
            }
        }
        csv.write(TableFormat.CSV, table, header, rows, out);
        return rows.size();
    }

    /**
     * Drops the tables; foreign keys between them decide the order, so tables that cannot be dropped
     * yet are tried again after the others.
     */
    static void drop(DataSource dataSource, List<String> tables) throws SQLException {
        List<String> left = new ArrayList<>(tables);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            SQLException last = null;
            for (int pass = 0; pass < tables.size() && !left.isEmpty(); pass++) {
                for (String table : List.copyOf(left)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("DROP TABLE " + quoted(connection, table));
                        left.remove(table);
                    } catch (SQLException referenced) {
                        last = referenced;
                    }
                }
            }
            if (!left.isEmpty()) {
                throw last;
            }
        }
    }

    private static String quoted(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString();
        return quote + table.replace(quote, quote + quote) + quote;
    }
}
