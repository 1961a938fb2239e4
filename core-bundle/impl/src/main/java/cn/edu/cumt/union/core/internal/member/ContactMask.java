package cn.edu.cumt.union.core.internal.member;

import cn.edu.cumt.union.api.table.Masks;

/** Contact details as the audit log shows them: enough to tell a change apart, never the whole value. */
final class ContactMask {

    private ContactMask() {
    }

    /** The platform's phone mask ({@link Masks#phone}), "(none)" when there is none: an audit line says so. */
    static String phone(String value) {
        return value == null ? "(none)" : Masks.phone(value);
    }

    /** The platform's e-mail mask ({@link Masks#email}), "(none)" when there is none. */
    static String email(String value) {
        return value == null ? "(none)" : Masks.email(value);
    }
}
