package cn.edu.cumt.union.api.directory;

/** Where a member stands with the union. Only {@link #ACTIVE} members are expected at activities. */
public enum MemberStatus {
    /** 在职会员 */
    ACTIVE,
    /** 退休 */
    RETIRED,
    /** 调出 */
    TRANSFERRED_OUT,
    /** 退会 */
    WITHDRAWN
}
