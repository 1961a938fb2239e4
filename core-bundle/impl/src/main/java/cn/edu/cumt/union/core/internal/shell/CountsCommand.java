package cn.edu.cumt.union.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.edu.cumt.union.core.internal.plugin.PluginRegistry;
import cn.edu.cumt.union.core.internal.storage.CoreStatistics;

/** {@code union:counts}: how many units, members, accounts... the platform holds. */
@Command(scope = "union", name = "counts", description = "Show record counts 显示数据统计")
@Service
public class CountsCommand implements Action {

    @Reference
    private CoreStatistics statistics;

    @Reference
    private PluginRegistry plugins;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("What 项目");
        table.column("Count 数量").alignRight();
        statistics.counts().forEach((label, count) -> table.addRow().addContent(label, count));
        table.addRow().addContent("plugins 插件", plugins.plugins().size());
        table.print(System.out);
        return null;
    }
}
