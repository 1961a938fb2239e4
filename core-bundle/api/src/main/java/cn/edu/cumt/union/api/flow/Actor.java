package cn.edu.cumt.union.api.flow;

import java.util.Objects;

/**
 * Who acts at a stage.
 *
 * @param kind  a role ({@link Kind#ROLE}), the administrators of the case's unit ({@link Kind#UNIT_ADMINS}),
 *              or the holders of a duty for the case's unit ({@link Kind#DUTY})
 * @param value the role (see {@code Roles}) or the duty code; {@code null} for unit admins
 */
public record Actor(Kind kind, String value) {

    /** The kinds of actor. */
    public enum Kind {
        ROLE, UNIT_ADMINS, DUTY
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.UNIT_ADMINS && (value == null || value.isBlank())) {
            throw new IllegalArgumentException(kind + " needs a value");
        }
    }

    /** Anyone holding the role, e.g. {@code Roles.UNION_ADMIN}. */
    public static Actor role(String role) {
        return new Actor(Kind.ROLE, role);
    }

    /** The administrators of the case's unit (and of the units above it, union administrators included). */
    public static Actor unitAdmins() {
        return new Actor(Kind.UNIT_ADMINS, null);
    }

    /** The members who hold the duty for the case's unit on the day (see {@code Duties}). */
    public static Actor duty(String dutyCode) {
        return new Actor(Kind.DUTY, dutyCode);
    }
}
