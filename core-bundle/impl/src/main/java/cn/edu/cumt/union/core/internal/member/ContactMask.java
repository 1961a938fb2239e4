package cn.edu.cumt.union.core.internal.member;

/** Contact details as the audit log shows them: enough to tell a change apart, never the whole value. */
final class ContactMask {

    private ContactMask() {
    }

    /** The first three and the last two characters of a phone number, the rest as {@code *}. */
    static String phone(String value) {
        if (value == null) {
            return "(none)";
        }
        if (value.length() <= 5) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
    }

    /** The first character of the local part and the domain: {@code z***@cumt.edu.cn}. */
    static String email(String value) {
        if (value == null) {
            return "(none)";
        }
        int at = value.indexOf('@');
        if (at < 1) {
            return "***";
        }
        return value.charAt(0) + "***" + value.substring(at);
    }
}
