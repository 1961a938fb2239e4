package cn.edu.cumt.union.core.internal.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import cn.edu.cumt.union.testing.FakeAudit;

/**
 * A backup of a platform home with two embedded databases (the core's, a unit plugin's under
 * data/union), a key file and etc/, and its restore: exactly the backed-up state, the replaced state
 * moved aside; a changed, missing or added file refuses the restore and changes nothing.
 */
public class BackupServiceTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private Path home;
    private Path backups;
    private BackupService.Layout layout;
    private final FakeAudit audit = new FakeAudit();
    private final List<String> urls = new ArrayList<>();
    private DataSource core;
    private DataSource plugin;

    @Before
    public void platformHome() throws Exception {
        home = temp.newFolder("home").toPath();
        backups = temp.newFolder("backups").toPath();
        layout = new BackupService.Layout(home, home.resolve("data"), home.resolve("etc"));
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/cn.edu.cumt.union.cfg"), "setting=before\n");
        Files.createDirectories(home.resolve("data/union/plugins/outing"));
        Files.write(home.resolve("data/union/plugins/outing/outing.jar"), new byte[] { 1, 2, 3 });
        Files.writeString(home.resolve("data/union/token-signing.key"), "key-before");
        core = database(home.resolve("data/derby/union"));
        plugin = database(home.resolve("data/union/plugin-databases/outing"));
        execute(core, "CREATE TABLE MEMBERS (NAME VARCHAR(40))");
        execute(plugin, "CREATE TABLE OUTING_ACTIVITY (TITLE VARCHAR(40))");
    }

    @After
    public void shutdownDatabases() {
        urls.forEach(BackupServiceTest::shutdown);
    }

    private DataSource database(Path folder) {
        EmbeddedDataSource source = new EmbeddedDataSource();
        source.setDatabaseName(folder.toString());
        source.setCreateDatabase("create");
        urls.add("jdbc:derby:" + folder);
        return source;
    }

    private BackupService service() {
        return new BackupService(core, () -> Map.of("outing", plugin), audit, "1.2.3");
    }

    @Test
    public void restoreBringsBackExactlyTheBackedUpState() throws Exception {
        execute(core, "INSERT INTO MEMBERS VALUES ('first')");
        execute(plugin, "INSERT INTO OUTING_ACTIVITY VALUES ('first outing')");

        BackupService.Result result = service().backup(backups, layout);

        assertEquals(List.of("core:data/derby/union", "plugin outing:data/union/plugin-databases/outing"), result.databases());
        assertTrue(result.warnings().toString(), result.warnings().isEmpty());
        BackupManifest manifest = BackupManifest.read(result.folder());
        assertEquals(List.of("1.2.3"), manifest.header("platform.version"));
        assertTrue(manifest.problems(result.folder()).isEmpty());
        assertTrue("no Derby lock file travels", manifest.files().stream().noneMatch(entry -> entry.path().endsWith(".lck")));
        assertTrue(manifest.files().stream().anyMatch(entry -> entry.path().equals("etc/cn.edu.cumt.union.cfg")));
        assertEquals(1, audit.lines.size());
        assertTrue(audit.lines.get(0), audit.lines.get(0).contains("platform.backup"));

        // later writes, then the platform stops
        execute(core, "INSERT INTO MEMBERS VALUES ('later')");
        execute(plugin, "INSERT INTO OUTING_ACTIVITY VALUES ('later outing')");
        Files.writeString(home.resolve("etc/cn.edu.cumt.union.cfg"), "setting=after\n");
        Files.writeString(home.resolve("data/union/token-signing.key"), "key-after");
        Files.writeString(home.resolve("data/union/added-later.txt"), "later");
        shutdownDatabases();

        Path aside = BackupRestore.restore(home, result.folder());

        assertEquals(List.of("first"), rows(home.resolve("data/derby/union"), "SELECT NAME FROM MEMBERS"));
        assertEquals(List.of("first outing"), rows(home.resolve("data/union/plugin-databases/outing"), "SELECT TITLE FROM OUTING_ACTIVITY"));
        assertEquals("setting=before\n", Files.readString(home.resolve("etc/cn.edu.cumt.union.cfg")));
        assertEquals("key-before", Files.readString(home.resolve("data/union/token-signing.key")));
        assertFalse(Files.exists(home.resolve("data/union/added-later.txt")));
        assertEquals("what was replaced is kept aside", "key-after", Files.readString(aside.resolve("data/union/token-signing.key")));
        assertEquals("setting=after\n", Files.readString(aside.resolve("etc/cn.edu.cumt.union.cfg")));
    }

    @Test
    public void aChangedFileRefusesTheRestoreAndChangesNothing() throws Exception {
        BackupService.Result result = service().backup(backups, layout);
        Files.writeString(result.folder().resolve("home/data/union/token-signing.key"), "key-forged");
        assertRefused(result.folder(), "sha256 differs 校验和不符: data/union/token-signing.key");
    }

    @Test
    public void aFileOfAnotherSizeIsRefused() throws Exception {
        BackupService.Result result = service().backup(backups, layout);
        Files.writeString(result.folder().resolve("home/etc/cn.edu.cumt.union.cfg"), "setting=before and more\n");
        assertRefused(result.folder(), "size differs 大小不符: etc/cn.edu.cumt.union.cfg");
    }

    @Test
    public void aMissingFileRefusesTheRestore() throws Exception {
        BackupService.Result result = service().backup(backups, layout);
        Files.delete(result.folder().resolve("home/data/union/plugins/outing/outing.jar"));
        assertRefused(result.folder(), "missing 缺少: data/union/plugins/outing/outing.jar");
    }

    @Test
    public void aFileNotInTheManifestRefusesTheRestore() throws Exception {
        BackupService.Result result = service().backup(backups, layout);
        Files.writeString(result.folder().resolve("home/etc/slipped-in.cfg"), "x=1\n");
        assertRefused(result.folder(), "not in the manifest 清单外的文件: etc/slipped-in.cfg");
    }

    @Test
    public void aFolderWithoutManifestIsNoBackup() throws Exception {
        BackupService.Result result = service().backup(backups, layout);
        Files.delete(result.folder().resolve(BackupManifest.FILE));
        assertRefused(result.folder(), "No manifest.txt");
    }

    @Test
    public void aManifestLineThatPointsOutsideTheBackupIsRefused() throws Exception {
        BackupService.Result result = service().backup(backups, layout);
        Path manifest = result.folder().resolve(BackupManifest.FILE);
        Files.writeString(manifest, Files.readString(manifest) + "file 00 3 ../../outside\n");
        assertRefused(result.folder(), "path outside the backup 路径越界: ../../outside");
    }

    @Test
    public void aBackupInsideDataIsRefused() throws Exception {
        try {
            service().backup(home.resolve("data/backups"), layout);
            fail("a backup inside data/ would copy itself");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("outside data/ and etc/"));
        }
    }

    @Test
    public void aServerDatabaseIsNotCopiedButTheFilesAre() throws Exception {
        assertEquals(null, BackupService.embeddedFolder("PostgreSQL", "jdbc:postgresql://db:5432/union"));
        assertEquals(null, BackupService.embeddedFolder("Apache Derby", "jdbc:derby://db:1527/union"));
        assertEquals(null, BackupService.embeddedFolder("Apache Derby", "jdbc:derby:memory:union"));
        assertEquals(home.resolve("data/derby/union"),
                BackupService.embeddedFolder("Apache Derby", "jdbc:derby:" + home.resolve("data/derby/union") + ";create=true"));
    }

    private void assertRefused(Path backup, String expectedProblem) throws IOException {
        String keyBefore = Files.readString(home.resolve("data/union/token-signing.key"));
        try {
            BackupRestore.restore(home, backup);
            fail("restore accepted a backup that does not match its manifest");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains(expectedProblem));
        }
        assertEquals("nothing was changed", keyBefore, Files.readString(home.resolve("data/union/token-signing.key")));
        try (var listing = Files.list(home)) {
            assertTrue("nothing was moved aside", listing.noneMatch(path -> path.getFileName().toString().startsWith("restore-aside")));
        }
    }

    private static void execute(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> rows(Path folder, String query) throws SQLException {
        String url = "jdbc:derby:" + folder;
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } finally {
            shutdown(url);
        }
        return values;
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            // 08006: shut down; XJ004: not booted (already shut down)
        }
    }
}
