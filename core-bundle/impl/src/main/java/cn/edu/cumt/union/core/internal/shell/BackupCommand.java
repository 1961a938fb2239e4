package cn.edu.cumt.union.core.internal.shell;

import java.nio.file.Paths;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.edu.cumt.union.core.internal.audit.RequestContext;
import cn.edu.cumt.union.core.internal.storage.BackupService;

/**
 * {@code union:backup <folder>}: online backup of everything (every database, data/union, etc/),
 * consistent at one moment; restore with {@code run-platform restore <backup>} while stopped.
 */
@Command(scope = "union", name = "backup", description = "Back up databases, plugins, keys and etc/ while running 在线备份全部数据")
@Service
public class BackupCommand implements Action {

    @Reference
    private BackupService backups;

    @Argument(index = 0, name = "folder", description = "Folder that receives a new time-stamped backup", required = true)
    private String folder;

    @Override
    public Object execute() throws Exception {
        BackupService.Result[] done = new BackupService.Result[1];
        Exception[] failure = new Exception[1];
        RequestContext.runAs(ConsoleActor.name(), "console", () -> {
            try {
                done[0] = backups.backup(Paths.get(folder));
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            System.err.println("备份失败 Backup failed: " + failure[0].getMessage());
            return null;
        }
        BackupService.Result result = done[0];
        System.out.println("备份完成 Backup written to " + result.folder() + ": " + result.files() + " files, " + result.bytes()
                + " bytes; databases " + result.databases() + "; writers held off " + result.frozenMillis() + " ms");
        result.warnings().forEach(warning -> System.err.println("注意 Warning: " + warning));
        System.out.println("恢复 Restore: karaf-distribution/run-platform stop, then karaf-distribution/run-platform restore "
                + result.folder() + " (see README \"Backup and restore\").");
        return null;
    }
}
