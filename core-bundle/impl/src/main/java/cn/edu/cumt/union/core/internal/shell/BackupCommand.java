package cn.edu.cumt.union.core.internal.shell;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.edu.cumt.union.core.internal.rest.RequestContext;
import cn.edu.cumt.union.core.internal.storage.BackupService;

/** {@code union:backup <folder>}: online backup of the embedded database. */
@Command(scope = "union", name = "backup", description = "Back up the database while running 在线备份数据库")
@Service
public class BackupCommand implements Action {

    @Reference
    private BackupService backups;

    @Argument(index = 0, name = "folder", description = "Folder that receives a new time-stamped backup", required = true)
    private String folder;

    @Override
    public Object execute() throws Exception {
        Path[] done = new Path[1];
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
        System.out.println("备份完成 Backup written to " + done[0]);
        System.out.println("恢复 Restore: stop the platform, replace data/derby/union with " + done[0].resolve("union")
                + ", start again (see README).");
        return null;
    }
}
