package cn.edu.cumt.union.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.edu.cumt.union.core.internal.auth.AccountDTO;
import cn.edu.cumt.union.core.internal.auth.ConsoleAccountService;

/** {@code union:account-unlock <username>}: lifts a lock after failed logins. */
@Command(scope = "union", name = "account-unlock",
        description = "Unlock an account locked after failed logins 解锁因登录失败被锁定的账号")
@Service
public class AccountUnlockCommand implements Action {

    @Reference
    private ConsoleAccountService accounts;

    @Argument(index = 0, name = "username", required = true, description = "Login name 用户名")
    private String username;

    @Override
    public Object execute() {
        AccountDTO account = ConsoleWork.call(() -> accounts.unlock(username));
        System.out.println("已解锁 Unlocked: " + account.username()
                + (account.enabled() ? "" : "（账号仍处于停用状态 the account is still disabled）"));
        return null;
    }
}
