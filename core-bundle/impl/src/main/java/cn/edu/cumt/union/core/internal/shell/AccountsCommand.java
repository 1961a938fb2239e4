package cn.edu.cumt.union.core.internal.shell;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.edu.cumt.union.core.internal.auth.ConsoleAccountService;

/** {@code union:accounts}: every account with its member, roles, lock and state. */
@Command(scope = "union", name = "accounts", description = "List accounts 列出账号")
@Service
public class AccountsCommand implements Action {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    @Reference
    private ConsoleAccountService accounts;

    @Override
    public Object execute() {
        List<ConsoleAccountService.Row> rows = ConsoleWork.call(accounts::accounts);
        ShellTable table = new ShellTable();
        table.column("Username 用户名");
        table.column("Member 会员");
        table.column("Roles 角色");
        table.column("Locked until 锁定至 (UTC+8)");
        table.column("Enabled 启用");
        for (ConsoleAccountService.Row row : rows) {
            table.addRow().addContent(row.username(), row.member(), String.join(", ", row.roles()),
                    row.lockedUntil() == null ? "" : BEIJING.format(row.lockedUntil()),
                    row.enabled() ? "yes 是" : "no 否");
        }
        table.print(System.out);
        System.out.println(rows.size() + " 个账号 accounts");
        return null;
    }
}
