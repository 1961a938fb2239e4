package cn.edu.cumt.union.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 server (zonky's binaries from Maven Central) for the tests that run the platform on
 * PostgreSQL, started once in the Pax Exam driver JVM, on the first call of {@link #get()}, and stopped when
 * that JVM ends (a shutdown hook that asks the postmaster for a fast shutdown). Its port is the first free one from 5432 + the port offset, so two builds do not collide.
 * The platform's database {@code union} belongs to the role {@code union}, as central IT would set it up;
 * the superuser {@code postgres} is the administrative connection that creates the unit plugins' roles.
 */
public final class PostgresServer {

    public static final String DATABASE = "union";
    public static final String USER = "union";
    public static final String PASSWORD = "Union-On-Postgres-1";
    public static final String ADMIN_USER = "postgres";
    public static final String ADMIN_PASSWORD = "postgres";

    private static PostgresServer instance;

    private final EmbeddedPostgres server;

    private PostgresServer(EmbeddedPostgres server) {
        this.server = server;
    }

    /** The server, started on the first call (about 5-10 s). */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static PostgresServer start() {
        try {
            Path data = Files.createDirectories(Distribution.workDirectory().resolve("postgres"));
            Path folder = Files.createTempDirectory(data, "pg-");
            long started = System.nanoTime();
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(freePort(5432 + KarafSetup.PORT_OFFSET))
                    .setDataDirectory(folder.resolve("data"))
                    .setOverrideWorkingDirectory(folder.resolve("work").toFile())
                    .setCleanDataDirectory(true)
                    // not zonky's hook: it waits for pg_ctl, and surefire halts the JVM 2 s after System.exit
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    .setServerConfig("max_connections", "200")
                    // a throw-away test server: no waiting for the disk at each commit (every DDL of a migration is one)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            PostgresServer postgres = new PostgresServer(server);
            Path pidFile = folder.resolve("data").resolve("postmaster.pid");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pidFile), "postgres-stop"));
            // "union" is an SQL keyword: quoted
            postgres.admin("CREATE ROLE \"" + USER + "\" LOGIN PASSWORD '" + PASSWORD + "'",
                    // as a Chinese university would make it: names in pinyin order by default (ICU)
                    "CREATE DATABASE \"" + DATABASE + "\" OWNER \"" + USER + "\" TEMPLATE template0 ENCODING 'UTF8'"
                            + " LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'zh-Hans-CN'",
                    "ALTER ROLE " + ADMIN_USER + " PASSWORD '" + ADMIN_PASSWORD + "'");
            System.out.printf("PostgreSQL %s started on port %d in %d ms%n", folder, server.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /**
     * Asks the postmaster for a fast shutdown (SIGINT) and returns at once: it ends by itself, also when this
     * JVM is halted right after (the container's connections end with the container).
     */
    private static void stop(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgreSQL not stopped (" + pidFile + "): " + e);
        }
    }

    private static int freePort(int from) {
        for (int port = from; port < from + 100; port++) {
            try (ServerSocket probe = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IllegalStateException("No free port from " + from);
    }

    public int port() {
        return server.getPort();
    }

    /** JDBC URL of a database of this server. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Runs statements as the superuser on database postgres. */
    public void admin(String... statements) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), ADMIN_USER, ADMIN_PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
