package cn.edu.cumt.union.core.internal.member;

/** The columns of member files, in export order: Chinese headers, English names accepted on import. */
public enum MemberColumn {
    STAFF_NO("工号", "staffNo"),
    NAME("姓名", "name"),
    GENDER("性别", "gender"),
    BIRTH_DATE("出生日期", "birthDate"),
    PHONE("手机", "phone"),
    EMAIL("邮箱", "email"),
    UNIT_CODE("单位代码", "unitCode"),
    GROUP_CODE("小组代码", "groupCode"),
    STATUS("状态", "status"),
    JOIN_DATE("入会日期", "joinDate"),
    CATEGORIES("类别", "categories");

    private final String header;
    private final String alias;

    MemberColumn(String header, String alias) {
        this.header = header;
        this.alias = alias;
    }

    public String header() {
        return header;
    }

    /** @return the column a header cell names, or {@code null} */
    public static MemberColumn fromHeader(String text) {
        String value = text == null ? "" : text.trim();
        for (MemberColumn column : values()) {
            if (column.header.equals(value) || column.alias.equalsIgnoreCase(value)) {
                return column;
            }
        }
        return null;
    }
}
