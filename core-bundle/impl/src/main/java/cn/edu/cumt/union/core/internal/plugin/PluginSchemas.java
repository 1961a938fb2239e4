package cn.edu.cumt.union.core.internal.plugin;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * On PostgreSQL, a unit plugin's fence: its own schema {@code union_plugin_<id>} and its own login role of
 * the same name, the role owning that schema and nothing else, with its {@code search_path} on it, and
 * {@code public} closed to everyone but its owner (the core's role). Made, and dropped at a purge, through
 * the administrative connection central IT configures ({@code unit.database.admin.*}); the plugin's
 * DataSource then logs in as its role, so that even native SQL cannot read the core's or another
 * plugin's tables. The role's password is new at every opening and kept nowhere but in memory.
 */
final class PluginSchemas {

    static final String PREFIX = "union_plugin_";
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PluginSchemas() {
    }

    /** The schema's and the role's name; the plugin id is checked, as it goes into SQL. */
    static String name(String pluginId) {
        if (pluginId == null || !PluginRules.PLUGIN_ID.matcher(pluginId).matches()) {
            throw new IllegalArgumentException("Not a plugin id: " + pluginId);
        }
        return PREFIX + pluginId;
    }

    /** A password of 32 letters and digits (no quoting needed in SQL). */
    static String newPassword() {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return password.toString();
    }

    /** What the administrative connection runs to give the plugin its role (new or existing) and schema. */
    static List<String> provision(String pluginId, String password, boolean roleExists, String databaseOwner) {
        String name = name(pluginId);
        if (!password.chars().allMatch(c -> LETTERS.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("password");
        }
        String role = (roleExists ? "ALTER ROLE " : "CREATE ROLE ") + name
                + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 32"
                + " PASSWORD '" + password + "'";
        return List.of(role,
                "CREATE SCHEMA IF NOT EXISTS " + name + " AUTHORIZATION " + name,
                "ALTER SCHEMA " + name + " OWNER TO " + name,
                "REVOKE ALL ON SCHEMA " + name + " FROM PUBLIC",
                "ALTER ROLE " + name + " SET search_path = " + name,
                // the core's tables live in public: its owner, the database's owner (the core's role), keeps it
                // (before PostgreSQL 15 public belongs to the superuser and the core uses PUBLIC's rights there)
                "GRANT ALL ON SCHEMA public TO " + quoted(databaseOwner),
                // PostgreSQL 15 still leaves USAGE on public to everyone, older versions CREATE too
                "REVOKE ALL ON SCHEMA public FROM PUBLIC");
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** What the administrative connection runs at a purge, after the export. */
    static List<String> drop(String pluginId) {
        String name = name(pluginId);
        return List.of("DROP SCHEMA IF EXISTS " + name + " CASCADE", "DROP ROLE IF EXISTS " + name);
    }

    /** Creates or refreshes the plugin's role (with {@code password}) and schema. */
    static synchronized void provision(Connection admin, String pluginId, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, name(pluginId));
            try (ResultSet row = query.executeQuery()) {
                exists = row.next();
            }
        }
        String owner;
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()");
                ResultSet row = query.executeQuery()) {
            row.next();
            owner = row.getString(1);
        }
        run(admin, provision(pluginId, password, exists, owner));
    }

    /** Ends the role's sessions, then drops its schema (with every table) and the role. */
    static synchronized void drop(Connection admin, String pluginId) throws SQLException {
        try (PreparedStatement end = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ?")) {
            end.setString(1, name(pluginId));
            end.executeQuery().close();
        }
        run(admin, drop(pluginId));
    }

    private static void run(Connection admin, List<String> statements) throws SQLException {
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(false);
        try (Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            admin.commit();
        } catch (SQLException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(autoCommit);
        }
    }
}
