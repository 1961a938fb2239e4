package cn.edu.cumt.union.core.internal.shell;

import java.util.function.Supplier;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.core.internal.audit.RequestContext;

/**
 * Runs a command's work as the console user (so the audit log names them). A refusal becomes the
 * command's error, in both languages: Karaf prints it as "Error executing command".
 */
final class ConsoleWork {

    private ConsoleWork() {
    }

    /** @throws IllegalArgumentException when the work was refused; its message is for the console user */
    static <T> T call(Supplier<T> work) {
        Object[] result = new Object[1];
        try {
            RequestContext.runAs(ConsoleActor.name(), "console", () -> result[0] = work.get());
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.messageZh() + " / " + e.messageEn() + " [" + e.code() + "]");
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
