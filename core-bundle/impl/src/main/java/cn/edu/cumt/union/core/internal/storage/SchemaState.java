package cn.edu.cumt.union.core.internal.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * What the schema extender remembers of each changelog it ran to the end: the SHA-256 of the very
 * bytes Liquibase read and how many change sets the changelog has, in the platform's table
 * {@code UNION_SCHEMA_STATE}. Starting Liquibase costs seconds even when there is nothing to do; a
 * start whose changelog hashes the same and whose {@code DBCL<ID>} table still holds that many rows
 * has nothing to do, so Liquibase is not started. Anything else (another byte, a row missing, a
 * purged database, no record) runs Liquibase as before.
 */
final class SchemaState {

    static final String TABLE = "UNION_SCHEMA_STATE";

    private SchemaState() {
    }

    /** SHA-256 over the files, in path order, each as its path, its length and its bytes (no two inputs alike). */
    static String sha256(String changelog, Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, changelog.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                update(digest, file.getKey().getBytes(StandardCharsets.UTF_8));
                update(digest, file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    /**
     * @param platform where the state is kept (the platform's database, which unit plugins cannot reach)
     * @param target   the database the changelog runs in (the platform's, or a unit plugin's own)
     * @return whether the changelog with this hash ran to the end in {@code target} and nothing changed since
     */
    static boolean upToDate(DataSource platform, DataSource target, String schemaId, String sha256) {
        Integer changeSets = recorded(platform, schemaId, sha256);
        return changeSets != null && changeSets.equals(appliedRows(target, schemaId));
    }

    /** The change-set count recorded with this hash, or null (no record, another hash, no table yet). */
    private static Integer recorded(DataSource platform, String schemaId, String sha256) {
        try (Connection connection = platform.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT SHA256, CHANGE_SETS FROM " + TABLE + " WHERE SCHEMA_ID = ?")) {
            select.setString(1, schemaId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && sha256.equals(row.getString(1)) ? row.getInt(2) : null;
            }
        } catch (SQLException noTableYet) {
            return null;
        }
    }

    /** Rows in the changelog table of this schema, or null when it cannot be read (e.g. not created yet). */
    static Integer appliedRows(DataSource target, String schemaId) {
        // schemaId is [a-z][a-z0-9]{0,19} (checked by the extender): safe as part of a table name
        try (Connection connection = target.getConnection();
                Statement count = connection.createStatement();
                ResultSet row = count.executeQuery("SELECT COUNT(*) FROM " + changelogTable(schemaId))) {
            return row.next() ? row.getInt(1) : null;
        } catch (SQLException unreadable) {
            return null;
        }
    }

    static String changelogTable(String schemaId) {
        return "DBCL" + schemaId.toUpperCase(Locale.ROOT);
    }

    /** Records a changelog that ran to the end; replaces the schema's previous record. */
    static void record(DataSource platform, String schemaId, String sha256, int changeSets) throws SQLException {
        try (Connection connection = platform.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE SCHEMA_ID = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                            + " (SCHEMA_ID, SHA256, CHANGE_SETS, RECORDED_AT) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, schemaId);
                delete.executeUpdate();
                insert.setString(1, schemaId);
                insert.setString(2, sha256);
                insert.setInt(3, changeSets);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Forgets a schema's record, so that its next start runs Liquibase. */
    static void forget(DataSource platform, String schemaId) {
        try (Connection connection = platform.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE SCHEMA_ID = ?")) {
            delete.setString(1, schemaId);
            delete.executeUpdate();
        } catch (SQLException noTableYet) {
            // nothing recorded, nothing to forget
        }
    }
}
