package cn.edu.cumt.union.core.internal.shell;

import java.security.AccessController;
import java.security.Principal;

import javax.security.auth.Subject;

/** Who is typing at the console, for the audit log: the JAAS user of the shell session. */
final class ConsoleActor {

    private ConsoleActor() {
    }

    @SuppressWarnings("removal")
    static String name() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal principal : subject.getPrincipals()) {
                if (principal.getClass().getSimpleName().equals("UserPrincipal")) {
                    return "console:" + principal.getName();
                }
            }
        }
        return "console";
    }
}
