package cn.edu.cumt.union.api.security;

/**
 * The platform's roles, as used in {@code @RolesAllowed}. Roles are cumulative: a union
 * administrator is also granted {@link #UNIT_ADMIN} over every unit, and every account linked to a
 * member holds {@link #MEMBER}.
 */
public final class Roles {

    /** 会员: a staff member of the union; sees their own data and public data. */
    public static final String MEMBER = "member";

    /** 二级单位工会管理员: manages the units they are granted, and the units below them. */
    public static final String UNIT_ADMIN = "unit-admin";

    /** 校工会管理员: manages the whole university union. */
    public static final String UNION_ADMIN = "union-admin";

    /** 平台运维 (central IT): runs the platform, its plugins and accounts. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
