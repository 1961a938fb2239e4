package cn.edu.cumt.union.core.internal.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.storage.Storage;

/**
 * Online backup of the embedded Derby database while the platform runs (Derby copies a consistent
 * snapshot; writers wait only briefly). For PostgreSQL, back up with the database's own tools.
 */
@Component(service = BackupService.class)
public class BackupService {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final AuditLog audit;

    @Activate
    public BackupService(@Reference(target = "(osgi.jndi.service.name=" + Storage.DATA_SOURCE + ")") DataSource dataSource,
            @Reference AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /**
     * Backs the database up into a new time-stamped folder under {@code parent}.
     *
     * @return the folder that holds the copy (Derby puts the database folder inside it)
     * @throws IllegalStateException when the database is not Derby
     */
    public Path backup(Path parent) throws Exception {
        Path target = parent.toAbsolutePath().resolve("union-backup-" + LocalDateTime.now().format(STAMP));
        Files.createDirectories(target);
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.toLowerCase(Locale.ROOT).contains("derby")) {
                throw new IllegalStateException("Online backup is built in for Derby only; this database is " + product
                        + ". Use its own tools (for PostgreSQL: pg_dump).");
            }
            try (CallableStatement call = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                call.setString(1, target.toString());
                call.execute();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Backup failed: " + e.getMessage(), e);
        }
        audit.record("platform.backup", "Database", null, target.toString());
        return target;
    }
}
