package cn.edu.cumt.union.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;

/**
 * The README's first command runs the platform from a run folder that no build touches
 * ({@code karaf-distribution/run-platform}), and installs a newer distribution over it keeping what the
 * platform holds: the database (a changed admin password, accounts), the plugins uploaded through the
 * platform and their data, and the operator's changes to etc/. Plain JUnit driving the real script.
 */
public class RunFolderUpgradeIT {

    private static final KarafSetup SETUP = KarafSetup.PROCESS;
    private static final String OUTING = "/api/outing/activities";
    private static final String NEW_PASSWORD = "Upgrade-Operator-2026";

    private final Rest rest = new Rest(SETUP.baseUrl());
    private final Path work = Distribution.workDirectory().resolve("run-folder");
    private final Path runFolder = work.resolve("run");

    @After
    public void stopPlatform() throws Exception {
        if (Files.isExecutable(runFolder.resolve("bin/stop"))) {
            script(Distribution.archive(), "stop");
            awaitStopped();
        }
    }

    @Test
    public void aNewerDistributionKeepsDataPluginsAndChangedSettings() throws Exception {
        Distribution.deleteTree(work);
        Files.createDirectories(work);
        assertEquals(0, script(Distribution.archive(), "install").exit());
        assertTrue(Files.isExecutable(runFolder.resolve("bin/karaf")));
        // the operator's own settings: the test ports and the first password
        SETUP.settings().forEach((key, value) -> key.write(runFolder, value));

        assertEquals(0, script(Distribution.archive(), "start").exit());
        awaitHealthy("first start");
        Rest admin = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, KarafSetup.ADMIN_PASSWORD));
        Rest.Reply changed = admin.post("/api/auth/password",
                Map.of("oldPassword", KarafSetup.ADMIN_PASSWORD, "newPassword", NEW_PASSWORD));
        assertEquals(changed.toString(), 200, changed.status());
        admin = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, NEW_PASSWORD));
        Rest.Reply operator = admin.post("/api/accounts/operators", Map.of("username", "upgradecheck"));
        assertEquals(operator.toString(), 201, operator.status());
        Fixtures.unit(admin, "MINING");
        Rest.Reply uploaded = admin.uploadForm("/api/plugins", "file", "outing.jar", Files.readAllBytes(Distribution.outingJar()));
        assertEquals(uploaded.toString(), 201, uploaded.status());
        Rest plugin = admin;
        Await.until("the uploaded plugin answers", Duration.ofSeconds(60), () -> plugin.get(OUTING).status() == 200);
        Rest.Reply activity = admin.post(OUTING, Map.of("title", "升级前的远足", "startsAt", "2026-04-01T08:00:00Z"));
        assertEquals(activity.toString(), 201, activity.status());

        Script refused = script(newerDistribution(), "install");
        assertTrue("no upgrade under a running platform: " + refused.output(), refused.output().contains("is running"));
        assertTrue("and the running one was left alone", rest.get("/api/health").status() == 200);

        script(Distribution.archive(), "stop");
        awaitStopped();
        Script upgrade = script(newerDistribution(), "start");
        assertEquals(upgrade.output(), 0, upgrade.exit());
        assertTrue(upgrade.output(), upgrade.output().contains("upgrading"));
        awaitHealthy("start after the upgrade");

        String httpCfg = Files.readString(runFolder.resolve(CfgKey.HTTP_PORT.file()));
        assertTrue("the operator's port is kept: " + httpCfg, httpCfg.contains(Integer.toString(SETUP.http())));
        assertTrue("the new default is put beside it",
                Files.exists(runFolder.resolve(CfgKey.HTTP_PORT.file() + ".dist")));
        assertTrue(upgrade.output(), upgrade.output().contains(CfgKey.HTTP_PORT.file() + ".dist"));
        assertFalse("what Karaf writes into etc/ itself is not taken for the operator's change: " + upgrade.output(),
                Files.exists(runFolder.resolve("etc/config.properties.dist")));
        assertFalse(upgrade.output(), Files.exists(runFolder.resolve("etc/org.ops4j.pax.logging.cfg.dist")));
        assertTrue("an unchanged file takes the new default",
                Files.readString(runFolder.resolve("etc/cn.edu.cumt.union.demo.cfg")).contains("# newer distribution"));
        assertTrue("a new file is added", Files.exists(runFolder.resolve("etc/union-upgrade-note.txt")));

        Rest upgraded = rest.withToken(rest.login(KarafSetup.ADMIN_USERNAME, NEW_PASSWORD));
        assertEquals("the changed password is the one that works", 401,
                rest.send("POST", "/api/auth/login", Map.of("username", KarafSetup.ADMIN_USERNAME,
                        "password", KarafSetup.ADMIN_PASSWORD)).status());
        Rest.Reply account = upgraded.get("/api/accounts/" + operator.json().path("id").asLong());
        assertEquals(account.toString(), 200, account.status());
        Await.until("the uploaded plugin is back without an upload", Duration.ofSeconds(90),
                () -> upgraded.get(OUTING).status() == 200);
        assertTrue("with its data", upgraded.get(OUTING).body().contains("升级前的远足"));
    }

    /** The archive never carries a server's state: the run folder holds it. */
    @Test
    public void theArchiveHoldsNoServerState() throws Exception {
        Process list = new ProcessBuilder("tar", "-tzf", Distribution.archive().toString()).redirectErrorStream(true).start();
        List<String> entries = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(list.waitFor(1, TimeUnit.MINUTES));
        List<String> state = entries.stream().filter(entry -> entry.matches("[^/]+/data/(?!tmp/(README)?$).+")).toList();
        assertTrue("server state in the archive: " + state, state.isEmpty());
        assertFalse(entries.isEmpty());
    }

    /** The same distribution with a changed default in etc/ and a new file: a new checksum, as a rebuild gives. */
    private Path newerDistribution() throws IOException, InterruptedException {
        Path newer = work.resolve("newer/union-karaf-distribution.tar.gz");
        if (Files.exists(newer)) {
            return newer;
        }
        Path home = Distribution.unpack(work.resolve("newer/unpacked"));
        Files.writeString(home.resolve("etc/cn.edu.cumt.union.demo.cfg"), "\n# newer distribution\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(home.resolve(CfgKey.HTTP_PORT.file()), "\n# newer distribution\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(home.resolve("etc/union-upgrade-note.txt"), "added by the newer distribution\n");
        Process tar = new ProcessBuilder("tar", "-czf", newer.toString(), "-C", home.getParent().toString(),
                home.getFileName().toString()).inheritIO().start();
        assertTrue(tar.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, tar.exitValue());
        return newer;
    }

    private record Script(int exit, String output) {
    }

    private Script script(Path distribution, String command) throws IOException, InterruptedException {
        Path script = Paths.get(System.getProperty("union.itests.run-platform"));
        ProcessBuilder builder = new ProcessBuilder(script.toString(), command).redirectErrorStream(true);
        builder.environment().put("UNION_HOME", runFolder.toString());
        builder.environment().put("UNION_DISTRIBUTION", distribution.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path output = Files.createTempFile(work, "script-", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        assertTrue(command + " returned", process.waitFor(3, TimeUnit.MINUTES));
        String text = Files.readString(output);
        System.out.println("run-platform " + command + ":\n" + text);
        return new Script(process.exitValue(), text);
    }

    private void awaitHealthy(String what) {
        Duration took = Await.until("GET /api/health -> 200 (" + what + ", see " + runFolder.resolve("data/log/karaf.log") + ")",
                Duration.ofMinutes(3), () -> rest.get("/api/health").status() == 200);
        System.out.println("RunFolderUpgradeIT: " + what + ": /api/health 200 after " + took.toMillis() + " ms");
    }

    private void awaitStopped() {
        Await.until("the platform stopped", Duration.ofMinutes(1), () -> {
            try {
                return script(Distribution.archive(), "status").exit() != 0;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
