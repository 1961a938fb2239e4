package cn.edu.cumt.union.core.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.storage.Storage;
import cn.edu.cumt.union.core.internal.plugin.UnitPluginDatabases;

/**
 * Backup of everything the platform needs to come back, while it runs: one time-stamped folder with
 * every embedded Derby database (the core's and each open unit plugin's), {@code data/union/} (uploaded
 * plugin jars and records, the unit plugins' databases, the token signing key, the initial accounts
 * files) and {@code etc/}, under {@code home/} as they lie under the platform's home, and a
 * {@link BackupManifest} (sizes, sha256, platform version, time).
 *
 * <p>Consistency: every open database is frozen ({@code SYSCS_FREEZE_DATABASE}) before anything is
 * copied and unfrozen after the last file, so the databases and files are taken at one moment: a
 * writer of any database waits (reads go on) for the copy, and no database can be ahead of another.
 * Derby documents a frozen database's files as safe to copy with the file system; one
 * {@code SYSCS_BACKUP_DATABASE} per database instead would be consistent per database only. The copy
 * holds writers off for as long as it runs (a second or so for a small platform: measured in the
 * manifest as {@code frozen.ms}).
 *
 * <p>On a server database (PostgreSQL) the databases are not copied (a warning in the manifest and
 * the answer says to use pg_dump at the same time); the files still are.
 */
@Component(service = BackupService.class)
public class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Derby's lock files: they mark a database open in this process, and must not travel. */
    private static final Set<String> SKIPPED = Set.of("db.lck", "dbex.lck");
    static final String SERVER_DATABASE = "数据库未包含 databases not included: %s is not embedded Derby;"
            + " back it up with its own tools at the same time (PostgreSQL: pg_dump -Fc), see README \"Backup and restore\"";

    /** What a backup wrote. */
    public record Result(Path folder, int files, long bytes, List<String> databases, List<String> warnings, long frozenMillis) {
    }

    private final DataSource dataSource;
    private final Supplier<Map<String, DataSource>> unitDatabases;
    private final AuditLog audit;
    private final String platformVersion;
    /** One backup at a time. */
    private final ReentrantLock running = new ReentrantLock();

    @Activate
    public BackupService(@Reference(target = "(osgi.jndi.service.name=" + Storage.DATA_SOURCE + ")") DataSource dataSource,
            @Reference UnitPluginDatabases unitDatabases, @Reference AuditLog audit, BundleContext context) {
        this(dataSource, unitDatabases::openDatabases, audit, context.getBundle().getVersion().toString());
    }

    BackupService(DataSource dataSource, Supplier<Map<String, DataSource>> unitDatabases, AuditLog audit, String platformVersion) {
        this.dataSource = dataSource;
        this.unitDatabases = unitDatabases;
        this.audit = audit;
        this.platformVersion = platformVersion;
    }

    /** The platform's home, data and etc folders (Karaf's system properties). */
    record Layout(Path home, Path data, Path etc) {

        static Layout ofKaraf() {
            Path home = Paths.get(System.getProperty("karaf.home", ".")).toAbsolutePath().normalize();
            return new Layout(home, folder("karaf.data", home.resolve("data")), folder("karaf.etc", home.resolve("etc")));
        }

        private static Path folder(String property, Path fallback) {
            String value = System.getProperty(property);
            return value == null ? fallback : Paths.get(value).toAbsolutePath().normalize();
        }
    }

    /**
     * Backs the platform up into a new time-stamped folder under {@code parent}.
     *
     * @throws IllegalArgumentException when the folder cannot hold a backup (inside what is copied)
     */
    public Result backup(Path parent) throws IOException {
        if (!running.tryLock()) {
            throw new IllegalStateException("备份进行中 A backup is already running; try again when it is done");
        }
        try {
            return backup(parent, Layout.ofKaraf());
        } finally {
            running.unlock();
        }
    }

    Result backup(Path parent, Layout layout) throws IOException {
        parent = parent.toAbsolutePath().normalize();
        if (parent.startsWith(layout.data()) || parent.startsWith(layout.etc())) {
            throw new IllegalArgumentException("备份目录不可用 The backup folder must be outside data/ and etc/: " + parent);
        }
        Path target = parent.resolve("union-backup-" + LocalDateTime.now().format(STAMP));
        for (int n = 2; Files.exists(target); n++) {
            target = parent.resolve("union-backup-" + LocalDateTime.now().format(STAMP) + "-" + n);
        }
        Files.createDirectories(target.resolve(BackupManifest.HOME));

        List<String> warnings = new ArrayList<>();
        Map<String, DataSource> databases = new LinkedHashMap<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        databases.put("core", dataSource);
        unitDatabases.get().forEach((id, source) -> databases.put("plugin " + id, source));

        Deque<Connection> frozen = new ArrayDeque<>();
        List<BackupManifest.Entry> files = new ArrayList<>();
        long frozenAt = System.nanoTime();
        long frozenMillis;
        try {
            for (Map.Entry<String, DataSource> database : databases.entrySet()) {
                Connection connection = database.getValue().getConnection();
                String product = connection.getMetaData().getDatabaseProductName();
                String url = connection.getMetaData().getURL();
                Path folder = embeddedFolder(product, url);
                if (folder == null) {
                    connection.close();
                    warnings.add(String.format(SERVER_DATABASE, database.getKey() + " (" + product + ")"));
                    continue;
                }
                if (!folder.startsWith(layout.home())) {
                    connection.close();
                    warnings.add("数据库未包含 database " + database.getKey() + " is outside the platform's home (" + folder
                            + "): copy it yourself");
                    continue;
                }
                call(connection, "CALL SYSCS_UTIL.SYSCS_FREEZE_DATABASE()");
                frozen.push(connection);
                folders.put(database.getKey(), folder);
            }
            Set<Path> roots = new java.util.LinkedHashSet<>(folders.values());
            roots.add(layout.data().resolve("union"));
            roots.add(layout.etc());
            for (Path root : roots) {
                if (!root.startsWith(layout.home())) {
                    warnings.add("未包含 " + root + " is outside the platform's home: copy it yourself");
                } else if (Files.isDirectory(root)) {
                    copyTree(root, layout.home(), target.resolve(BackupManifest.HOME), files);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("备份失败 Backup failed: " + e.getMessage(), e);
        } finally {
            while (!frozen.isEmpty()) {
                try (Connection connection = frozen.pop()) {
                    call(connection, "CALL SYSCS_UTIL.SYSCS_UNFREEZE_DATABASE()");
                } catch (SQLException e) {
                    LOG.error("A database could not be unfrozen after the backup: {}", e.getMessage(), e);
                }
            }
            frozenMillis = (System.nanoTime() - frozenAt) / 1_000_000;
        }
        List<String> listed = new ArrayList<>();
        folders.forEach((name, folder) -> listed.add(name + ":" + BackupManifest.slashes(layout.home().relativize(folder))));
        Map<String, List<String>> header = new LinkedHashMap<>();
        header.put("format", List.of(BackupManifest.FORMAT));
        header.put("platform.version", List.of(platformVersion));
        header.put("created", List.of(Instant.now().toString()));
        header.put("home", List.of(layout.home().toString()));
        header.put("frozen.ms", List.of(Long.toString(frozenMillis)));
        header.put("database", listed);
        header.put("warning", warnings);
        BackupManifest manifest = new BackupManifest(header, files);
        manifest.write(target);
        Result result = new Result(target, files.size(), manifest.totalSize(), listed, warnings, frozenMillis);
        audit.record("platform.backup", "Backup", null, target + ": " + files.size() + " files, " + result.bytes()
                + " bytes, databases " + listed + (warnings.isEmpty() ? "" : ", warnings " + warnings));
        LOG.info("Backup written to {}: {} files, {} bytes, writers held off {} ms", target, files.size(), result.bytes(), frozenMillis);
        return result;
    }

    private static void call(Connection connection, String sql) throws SQLException {
        try (CallableStatement call = connection.prepareCall(sql)) {
            call.execute();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** @return the folder of an embedded Derby database, or {@code null} for any other */
    static Path embeddedFolder(String product, String url) {
        if (product == null || !product.toLowerCase(Locale.ROOT).contains("derby") || url == null
                || !url.startsWith("jdbc:derby:") || url.startsWith("jdbc:derby://") || url.startsWith("jdbc:derby:memory:")) {
            return null;
        }
        String path = url.substring("jdbc:derby:".length());
        int options = path.indexOf(';');
        path = options < 0 ? path : path.substring(0, options);
        if (path.startsWith("directory:")) {
            path = path.substring("directory:".length());
        }
        return Paths.get(path).toAbsolutePath().normalize();
    }

    private static void copyTree(Path root, Path home, Path into, List<BackupManifest.Entry> files) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : all) {
            if (SKIPPED.contains(file.getFileName().toString())) {
                continue;
            }
            String relative = BackupManifest.slashes(home.relativize(file));
            Path copy = into.resolve(relative);
            if (Files.exists(copy)) {
                continue; // a database folder inside data/union was copied already
            }
            Files.createDirectories(copy.getParent());
            String sha256;
            try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(copy)) {
                sha256 = BackupManifest.copy(in, out);
            } catch (NoSuchFileException gone) {
                Files.deleteIfExists(copy);
                continue; // a temporary file removed while the copy ran
            }
            files.add(new BackupManifest.Entry(relative, Files.size(copy), sha256));
        }
    }
}
