package cn.edu.cumt.union.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.edu.cumt.union.api.plugin.PluginDTO;
import cn.edu.cumt.union.core.internal.plugin.PluginRegistry;

/** {@code union:plugins}: the installed plugins, as {@code GET /api/plugins} shows them. */
@Command(scope = "union", name = "plugins", description = "List installed union plugins 列出已安装的插件")
@Service
public class PluginsCommand implements Action {

    @Reference
    private PluginRegistry registry;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name 名称");
        table.column("Version");
        table.column("Point");
        table.column("Unit");
        table.column("Bundle");
        table.column("State");
        table.column("Last error");
        for (PluginDTO plugin : registry.plugins()) {
            table.addRow().addContent(plugin.id(), plugin.name() + " / " + plugin.nameEn(), plugin.version(),
                    plugin.workPoint() == null ? "" : plugin.workPoint(), plugin.ownerUnit() == null ? "" : plugin.ownerUnit(),
                    plugin.bundleId(), plugin.state(), plugin.lastError() == null ? "" : plugin.lastError());
        }
        table.print(System.out);
        return null;
    }
}
