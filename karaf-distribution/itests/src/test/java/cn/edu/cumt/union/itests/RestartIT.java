package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The real bin/karaf, stopped and started again, keeps what was written over REST and does not
 * migrate the schema twice. Plain JUnit (no Pax Exam): the test JVM drives a Karaf process.
 */
public class RestartIT {

    private static final KarafSetup SETUP = KarafSetup.PROCESS;
    /** What SchemaMigrator logs when it applies a bundle's pending change sets. */
    private static final String CORE_MIGRATION = "Schema core: applying";
    /** What it logs when the recorded changelog state shows there is nothing to do (Liquibase not started). */
    private static final String CORE_UP_TO_DATE = "Schema core: up to date";
    /** The list endpoint of the unit plugin the archetype's test build generated. */
    private static final String OUTING = "/api/outing/activities";
    private static final CfgKey DRAIN = new CfgKey("cn.edu.cumt.union.http", "shutdown.drain.seconds");
    private static final int DRAIN_SECONDS = 4;

    private final Rest rest = new Rest(SETUP.baseUrl());
    private Path home;
    private KarafProcess karaf;

    @Before
    public void unpackWithTestPorts() throws IOException {
        karaf = KarafProcess.unpack("restart");
        home = karaf.home();
    }

    @After
    public void killKaraf() {
        karaf.close();
    }

    @Test
    public void dataAndSchemaSurviveARestart() throws Exception {
        start("first start");
        assertTrue("Derby database under data/", Files.isDirectory(home.resolve("data/derby/union")));
        assertEquals("the first start migrates the core schema once", 1, occurrences(CORE_MIGRATION, 0));
        Map<String, String> written = writeDataOverRest();
        String activity = installUnitPluginAndWrite();
        stop();
        List<String> appliedFirst = appliedCoreChangeSets();
        assertFalse("the core schema has change sets", appliedFirst.isEmpty());

        long logMark = Files.size(log());
        start("second start");
        assertEquals("the second start found the schema up to date", 0, occurrences(CORE_MIGRATION, logMark));
        assertEquals("and did not start Liquibase for it", 1, occurrences(CORE_UP_TO_DATE, logMark));
        readDataBackOverRest(written);
        readUnitPluginBack(activity);
        stop();
        assertEquals("no change set was applied again", appliedFirst, appliedCoreChangeSets());

        // What a kill -9 or a power loss in the middle of a migration leaves: Liquibase's lock taken by a
        // process that is gone, and no record that the schema is up to date. Without recovery every later
        // start waits for the lock (five minutes) and gives up.
        leaveTheStateOfAKilledMigration();
        logMark = Files.size(log());
        start("start after a migration was killed");
        assertEquals("the dead run's lock was freed", 1, occurrences("a process that is gone (a crash during a migration): freed", logMark));
        readDataBackOverRest(written);
        stopDrainingFirst();
    }

    /**
     * Behind a load balancer (issue 13): with shutdown.drain.seconds set in place, bin/stop first turns
     * /api/health to 503 STOPPING while the API still answers, and only then does Karaf end.
     */
    private void stopDrainingFirst() throws Exception {
        long logMark = Files.size(log());
        DRAIN.write(home, Integer.toString(DRAIN_SECONDS));
        Await.until("the drain setting applies", Duration.ofSeconds(30),
                () -> occurrences("Configuration " + DRAIN.pid() + " applied in place", logMark) == 1);
        java.util.concurrent.CompletableFuture<Boolean> stopped = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return karaf.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until("/api/health says STOPPING", Duration.ofSeconds(30), () -> {
            Rest.Reply health = rest.get("/api/health");
            return health.status() == 503 && health.body().contains("STOPPING");
        });
        assertEquals("the API still answers while the node drains", 401, rest.get("/api/me").status());
        assertEquals("and so do the plugins", 401, rest.get("/api/study/sessions").status());
        assertTrue("Karaf ended by itself after draining", stopped.get(2, java.util.concurrent.TimeUnit.MINUTES));
        assertEquals(1, occurrences("Drained: stopping the platform", logMark));
    }

    private void leaveTheStateOfAKilledMigration() throws SQLException {
        String url = "jdbc:derby:" + home.resolve("data/derby/union");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE DBCLCORELOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP,"
                    + " LOCKEDBY = 'union-node#union-pid-999999999-1 (127.0.0.1)' WHERE ID = 1"));
            statement.executeUpdate("DELETE FROM UNION_SCHEMA_STATE WHERE SCHEMA_ID = 'core'");
        } finally {
            shutdown(url);
        }
    }

    /** Before the restart: write records over the REST API; returns what to read back. Add more here. */
    private Map<String, String> writeDataOverRest() {
        Rest admin = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        Rest.Reply created = admin.post("/api/accounts/operators", Map.of("username", "restartcheck"));
        assertEquals(created.toString(), 201, created.status());
        return Map.of("/api/accounts/" + created.json().path("id").asLong(), "restartcheck");
    }

    /** A unit plugin uploaded over REST is installed in the framework's cache, and its data is in its own database. */
    private String installUnitPluginAndWrite() throws IOException {
        Rest admin = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        Fixtures.unit(admin, "MINING");
        Rest.Reply installed = admin.uploadForm("/api/plugins", "file", "outing.jar", Files.readAllBytes(Distribution.outingJar()));
        assertEquals(installed.toString(), 201, installed.status());
        Await.until("the uploaded plugin answers", Duration.ofSeconds(60), () -> admin.get(OUTING).status() == 200);
        Rest.Reply created = admin.post(OUTING, Map.of("title", "重启前的远足", "startsAt", "2026-04-01T08:00:00Z"));
        assertEquals(created.toString(), 201, created.status());
        return "重启前的远足";
    }

    /** After the restart the uploaded plugin is back without being uploaded again, with its data. */
    private void readUnitPluginBack(String title) {
        Rest admin = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        Await.until("the uploaded plugin answers after the restart", Duration.ofSeconds(60), () -> admin.get(OUTING).status() == 200);
        Rest.Reply activities = admin.get(OUTING);
        assertTrue(activities.toString(), activities.body().contains(title));
    }

    /** After the restart: every path written before answers with the same username, for a fresh login. */
    private void readDataBackOverRest(Map<String, String> written) {
        Rest admin = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        written.forEach((path, username) -> {
            Rest.Reply reply = admin.get(path);
            assertEquals(reply.toString(), 200, reply.status());
            assertEquals(username, reply.json().path("username").asText());
        });
    }

    private void start(String what) throws IOException {
        System.out.println(getClass().getSimpleName() + ": " + what);
        karaf.start();
    }

    private void stop() throws Exception {
        assertTrue("Karaf ended by itself after bin/stop", karaf.stop());
    }

    private Path log() {
        return home.resolve("data/log/karaf.log");
    }

    /** How often {@code text} occurs in karaf.log from byte {@code from} on. */
    private int occurrences(String text, long from) throws IOException {
        byte[] all = Files.readAllBytes(log());
        String tail = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = tail.indexOf(text); at >= 0; at = tail.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    /** The ids of the core change sets recorded in the stopped platform's database (table named by SchemaMigrator). */
    private List<String> appliedCoreChangeSets() throws SQLException {
        String url = "jdbc:derby:" + home.resolve("data/derby/union");
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT ID FROM DBCLCORE ORDER BY ORDEREXECUTED")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } finally {
            shutdown(url);
        }
        return ids;
    }

    /** Closes the database in this JVM so the next Karaf start can open it. */
    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a successful shutdown of one database as SQLState 08006
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("Derby shutdown failed", expected);
            }
        }
    }
}
