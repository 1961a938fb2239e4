package cn.edu.cumt.union.core.internal.member;

import java.util.regex.Pattern;

/** Field rules shared by the REST API and the import: each check returns a problem, or {@code null} when fine. */
public final class MemberRules {

    static final Pattern STAFF_NO = Pattern.compile("[A-Za-z0-9]{1,32}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{4,30}");
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
    static final int NAME_MAX = 100;
    static final int NOTE_MAX = 500;

    /** A broken rule, in Chinese and English. */
    public record Problem(String zh, String en) {
    }

    private MemberRules() {
    }

    static Problem staffNo(String value) {
        if (value == null || value.isEmpty()) {
            return new Problem("不能为空", "must not be empty");
        }
        return STAFF_NO.matcher(value).matches() ? null
                : new Problem("只能是 1-32 位字母或数字", "1 to 32 letters or digits only");
    }

    static Problem name(String value) {
        if (value == null || value.isEmpty()) {
            return new Problem("不能为空", "must not be empty");
        }
        return value.length() > NAME_MAX ? new Problem("不能超过 100 个字符", "at most 100 characters") : null;
    }

    static Problem phone(String value) {
        return value == null || PHONE.matcher(value).matches() ? null
                : new Problem("手机号格式不正确", "not a valid phone number");
    }

    static Problem email(String value) {
        return value == null || (value.length() <= 200 && EMAIL.matcher(value).matches()) ? null
                : new Problem("邮箱格式不正确", "not a valid e-mail address");
    }
}
