package cn.edu.cumt.union.core.internal.shell;

import java.util.function.Supplier;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.core.internal.rest.RequestContext;

/** Runs a command's work as the console user (so the audit log names them) and prints refusals in both languages. */
final class ConsoleWork {

    private ConsoleWork() {
    }

    /** @return the work's result, or {@code null} when it was refused (the reason is printed) */
    static <T> T call(Supplier<T> work) {
        Object[] result = new Object[1];
        ApiException[] refused = new ApiException[1];
        RequestContext.runAs(ConsoleActor.name(), "console", () -> {
            try {
                result[0] = work.get();
            } catch (ApiException e) {
                refused[0] = e;
            }
        });
        if (refused[0] != null) {
            System.err.println("未完成 Refused [" + refused[0].code() + "]: " + refused[0].messageZh() + " / "
                    + refused[0].messageEn());
            return null;
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
