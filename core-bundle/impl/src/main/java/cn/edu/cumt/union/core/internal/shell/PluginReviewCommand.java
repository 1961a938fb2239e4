package cn.edu.cumt.union.core.internal.shell;

import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.core.internal.plugin.PluginInstallDTO;
import cn.edu.cumt.union.core.internal.plugin.PluginInstaller;
import cn.edu.cumt.union.core.internal.plugin.PluginReviewDTO;

/**
 * {@code union:plugin-review [approve|reject <id>]}: the unit plugin uploads waiting for approval,
 * as {@code /api/plugin-reviews} shows them; the console user is an operator.
 */
@Command(scope = "union", name = "plugin-review",
        description = "List, approve or reject unit plugin uploads waiting for review 审核单位插件上传")
@Service
public class PluginReviewCommand implements Action {

    @Reference
    private PluginInstaller installer;

    @Argument(index = 0, name = "action", required = false, description = "list (default), approve or reject")
    private String action = "list";

    @Argument(index = 1, name = "id", required = false, description = "Plugin id 插件标识")
    private String pluginId;

    @Option(name = "--reason", description = "Why it is rejected (audited) 驳回理由")
    private String reason;

    @Override
    public Object execute() {
        UnionPrincipal console = new UnionPrincipal(0, ConsoleActor.name(), null, null, Set.of(Roles.OPERATOR), Set.of(), null);
        switch (action) {
        case "list" -> {
            ShellTable table = new ShellTable();
            for (String column : new String[] { "Id", "Version", "Unit", "Action", "Uploaded by", "At", "SHA-256" }) {
                table.column(column);
            }
            for (PluginReviewDTO review : ConsoleWork.call(() -> installer.reviews(console))) {
                table.addRow().addContent(review.pluginId(), review.version(), review.ownerUnit(), review.action(),
                        review.uploadedBy(), review.uploadedAt(), review.sha256().substring(0, 16));
            }
            table.print(System.out);
        }
        case "approve" -> {
            PluginInstallDTO done = ConsoleWork.call(() -> installer.approve(console, required()));
            System.out.println("已批准并安装 Approved and " + done.action().toLowerCase(java.util.Locale.ROOT) + ": "
                    + done.plugin().id() + " " + done.plugin().version() + " (" + done.plugin().state() + ")");
        }
        case "reject" -> {
            PluginReviewDTO rejected = ConsoleWork.call(() -> installer.reject(console, required(), reason));
            System.out.println("已驳回 Rejected: " + rejected.pluginId() + " " + rejected.version());
        }
        default -> throw new IllegalArgumentException("操作须为 list、approve 或 reject / the action must be list, approve or reject");
        }
        return null;
    }

    private String required() {
        if (pluginId == null || pluginId.isBlank()) {
            throw new IllegalArgumentException("请给出插件标识 / give the plugin id");
        }
        return pluginId;
    }
}
