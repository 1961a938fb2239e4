package cn.edu.cumt.union.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.edu.cumt.union.core.internal.auth.ConsoleAccountService;

/** {@code union:account-create <username> [--member <staffNo>] [--role <role> [--unit <code>]]}. */
@Command(scope = "union", name = "account-create",
        description = "Create an operator account, or a member's with --member, and print its one-time password"
                + " 创建运维账号（或用 --member 创建会员账号）并显示一次性密码")
@Service
public class AccountCreateCommand implements Action {

    @Reference
    private ConsoleAccountService accounts;

    @Argument(index = 0, name = "username", required = true,
            description = "Login name; for a member, their staff number 用户名（会员账号即工号）")
    private String username;

    @Option(name = "--member", description = "Staff number of the member the account belongs to 会员工号")
    private String staffNo;

    @Option(name = "--role", description = "operator (default without --member), union-admin or unit-admin 角色")
    private String role;

    @Option(name = "--unit", description = "Unit code, with --role unit-admin 单位代码（unit-admin 必填）")
    private String unitCode;

    @Override
    public Object execute() {
        ConsoleAccountService.Created created = ConsoleWork.call(() -> accounts.create(username, staffNo, role, unitCode));
        System.out.println("已创建账号 Account created: " + created.account().username() + " (id "
                + created.account().id() + ")");
        System.out.println("一次性密码 One-time password: " + created.oneTimePassword());
        System.out.println("首次登录后必须修改 It must be changed at the first login; it is not shown again.");
        return null;
    }
}
