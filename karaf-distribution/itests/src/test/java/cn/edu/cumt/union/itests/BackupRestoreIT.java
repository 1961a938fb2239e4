package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14 for real, on the bin/karaf of the distribution: write core data (a member, an account) and
 * unit plugin data (the outing plugin uploaded, an activity), back up over {@code POST /api/admin/backup}
 * while running, write more, stop, {@code run-platform restore <backup>}, start: exactly the backed-up
 * state (the first writes there, the later ones gone, the plugin and its data back). Plain JUnit driving
 * a Karaf process, like RestartIT.
 */
public class BackupRestoreIT {

    private static final KarafSetup SETUP = KarafSetup.PROCESS;
    private static final String OUTING = "/api/outing/activities";
    private static final String BACKUP = "/api/admin/backup";

    private final Rest rest = new Rest(SETUP.baseUrl());
    private Path home;
    private KarafProcess karaf;

    @Before
    public void unpackWithTestPorts() throws IOException {
        karaf = KarafProcess.unpack("backup-restore");
        home = karaf.home();
    }

    @After
    public void killKaraf() {
        karaf.close();
    }

    @Test
    public void restoreBringsBackExactlyTheBackedUpState() throws Exception {
        start("first start");
        Rest admin = admin();
        long mining = Fixtures.unit(admin, "MINING");
        Fixtures.importMembers(admin, "BK0001,备份一,M,1980-01-02,13800000101,bk1@cumt.edu.cn,MINING,ACTIVE,cadre\n"
                + "BK0003,备份三,F,1982-03-04,13800000103,bk3@cumt.edu.cn,MINING,ACTIVE,cadre\n");
        assertEquals(201, admin.post("/api/accounts/operators", Map.of("username", "backupfirst")).status());
        String unionAdmin = Fixtures.unionAdmin(admin, "BK0001");
        String unitAdmin = Fixtures.account(admin, "BK0003", mining);
        Rest.Reply installed = admin.uploadForm("/api/plugins", "file", "outing.jar", Files.readAllBytes(Distribution.outingJar()));
        assertEquals(installed.toString(), 201, installed.status());
        Await.until("the uploaded plugin answers", Duration.ofSeconds(60), () -> admin.get(OUTING).status() == 200);
        assertEquals(201, admin.post(OUTING, Map.of("title", "备份前的远足", "startsAt", "2026-04-01T08:00:00Z")).status());

        // only operators back up
        assertEquals(401, rest.post(BACKUP, Map.of()).status());
        for (String other : new String[] { unionAdmin, unitAdmin }) {
            Rest.Reply refused = rest.withToken(rest.login(other, Fixtures.PASSWORD)).post(BACKUP, Map.of());
            assertEquals(other + ": " + refused, 403, refused.status());
        }
        try (Stream<Path> made = Files.exists(home.resolve("backups")) ? Files.list(home.resolve("backups")) : Stream.empty()) {
            assertEquals("no backup made by those refused", 0, made.count());
        }

        Rest.Reply backedUp = admin.post(BACKUP, Map.of());
        assertEquals(backedUp.toString(), 200, backedUp.status());
        JsonNode result = backedUp.json();
        System.out.println("BackupRestoreIT: backup " + result);
        Path backup = Paths.get(result.path("folder").asText());
        assertTrue(result.toString(), result.path("databases").toString().contains("plugin outing"));
        assertTrue(result.toString(), result.path("databases").toString().contains("core:data/derby/union"));
        assertEquals(result.toString(), 0, result.path("warnings").size());
        String manifest = Files.readString(backup.resolve("manifest.txt"));
        assertTrue("the uploaded jar is in the backup", manifest.contains(" data/union/plugins/outing/"));
        assertTrue("the token key is in the backup", manifest.contains(" data/union/token-signing.key"));
        assertTrue("etc/ is in the backup", manifest.contains(" etc/org.ops4j.datasource-union.cfg"));

        // later writes
        Fixtures.importMembers(admin, "BK0002,备份二,F,1981-02-03,13800000102,bk2@cumt.edu.cn,MINING,ACTIVE,cadre\n");
        assertEquals(201, admin.post("/api/accounts/operators", Map.of("username", "backuplater")).status());
        assertEquals(201, admin.post(OUTING, Map.of("title", "备份后的远足", "startsAt", "2026-05-01T08:00:00Z")).status());

        Script whileRunning = script("restore", backup.toString());
        assertNotEquals("restore refuses a running platform: " + whileRunning, 0, whileRunning.exit());
        assertTrue(whileRunning.output(), whileRunning.output().contains("stop it first"));
        stop();

        Script restored = script("restore", backup.toString());
        assertEquals(restored.output(), 0, restored.exit());
        try (Stream<Path> aside = Files.list(home)) {
            assertTrue("the replaced data is kept aside", aside.anyMatch(path -> path.getFileName().toString().startsWith("restore-aside-")
                    && Files.isDirectory(path.resolve("data/derby/union"))));
        }

        start("start after the restore");
        Rest after = admin();
        assertEquals(1, after.get("/api/members?q=BK0001").json().path("total").asInt());
        assertEquals("the member added after the backup is gone", 0, after.get("/api/members?q=BK0002").json().path("total").asInt());
        assertEquals(1, after.get("/api/accounts?q=backupfirst").json().path("items").size());
        assertEquals("the account made after the backup is gone", 0, after.get("/api/accounts?q=backuplater").json().path("items").size());
        assertEquals("the union administrator logs in again", 200,
                rest.withToken(rest.login(unionAdmin, Fixtures.PASSWORD)).get("/api/me").status());
        Await.until("the restored plugin answers", Duration.ofSeconds(90), () -> after.get(OUTING).status() == 200);
        String activities = after.get(OUTING).body();
        assertTrue(activities, activities.contains("备份前的远足"));
        assertFalse("the activity made after the backup is gone: " + activities, activities.contains("备份后的远足"));
        stop();
    }

    private Rest admin() {
        return rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
    }

    private record Script(int exit, String output) {
    }

    private Script script(String... arguments) throws IOException, InterruptedException {
        Path script = Paths.get(System.getProperty("union.itests.run-platform"));
        String[] command = Stream.concat(Stream.of(script.toString()), Stream.of(arguments)).toArray(String[]::new);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("UNION_HOME", home.toString());
        builder.environment().put("UNION_DISTRIBUTION", Distribution.archive().toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path output = Files.createTempFile(home.getParent(), "script-", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        assertTrue("run-platform returned", process.waitFor(3, TimeUnit.MINUTES));
        String text = Files.readString(output);
        System.out.println("run-platform " + String.join(" ", arguments) + ":\n" + text);
        return new Script(process.exitValue(), text);
    }

    private void start(String what) throws IOException {
        System.out.println(getClass().getSimpleName() + ": " + what);
        karaf.start();
    }

    private void stop() throws Exception {
        assertTrue("Karaf ended by itself after bin/stop", karaf.stop());
    }
}
