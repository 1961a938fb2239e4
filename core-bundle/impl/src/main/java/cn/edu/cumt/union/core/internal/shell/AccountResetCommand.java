package cn.edu.cumt.union.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.edu.cumt.union.core.internal.auth.ConsoleAccountService;

/** {@code union:account-reset <username>}: a new random one-time password; every session of the account ends. */
@Command(scope = "union", name = "account-reset",
        description = "Reset a password to a new one-time password and end all sessions 重置密码为一次性密码并结束所有会话")
@Service
public class AccountResetCommand implements Action {

    @Reference
    private ConsoleAccountService accounts;

    @Argument(index = 0, name = "username", required = true, description = "Login name 用户名")
    private String username;

    @Override
    public Object execute() {
        String password = ConsoleWork.call(() -> accounts.resetPassword(username));
        System.out.println("已重置 Password reset for " + username + "; all sessions ended 所有会话已结束");
        System.out.println("一次性密码 One-time password: " + password);
        System.out.println("下次登录后必须修改 It must be changed at the next login; it is not shown again.");
        return null;
    }
}
