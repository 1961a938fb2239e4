package cn.edu.cumt.union.core.internal.storage;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.POST;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;

/**
 * {@code POST /api/admin/backup}, operators only: the same backup as {@code union:backup}, into the
 * folder {@code backups/} of the platform's home (no caller chooses a path on the server).
 */
@Component(service = BackupResource.class)
@UnionResource
@javax.ws.rs.Path("/admin/backup")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    /** What the backup wrote: the folder to give to {@code run-platform restore}. */
    public record BackupDTO(String folder, int files, long bytes, List<String> databases, List<String> warnings, long frozenMillis) {
    }

    private final BackupService backups;

    @Activate
    public BackupResource(@Reference BackupService backups) {
        this.backups = backups;
    }

    static java.nio.file.Path folder() {
        return Paths.get(System.getProperty("karaf.home", ".")).resolve("backups");
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @RestDoc("在线备份全部数据 Back up every database, data/union and etc/ while running")
    public BackupDTO backup() {
        try {
            BackupService.Result result = backups.backup(folder());
            return new BackupDTO(result.folder().toString(), result.files(), result.bytes(), result.databases(), result.warnings(),
                    result.frozenMillis());
        } catch (IllegalStateException busy) {
            throw new ApiException(409, "backup.failed", "备份未完成：" + busy.getMessage(), "Backup not made: " + busy.getMessage());
        } catch (IOException e) {
            throw new ApiException(503, "backup.io", "备份写入失败：" + e.getMessage(), "Backup could not be written: " + e.getMessage());
        }
    }
}
