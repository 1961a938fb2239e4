package cn.edu.cumt.union.api.table;

/**
 * How contact details are shown where the whole value is not needed (exports, audit lines, lists for
 * staff who only need to recognise a person): one rule for the whole platform, so that a number masked
 * in one place cannot be completed from another.
 */
public final class Masks {

    private Masks() {
    }

    /**
     * {@code 138****5678}: the digits only, the first three and the last four of a number of eight digits
     * or more kept; a shorter number all stars; {@code ""} for none.
     */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return "";
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }

    /** {@code z***@cumt.edu.cn}: the first character of the local part and the domain; {@code ""} for none. */
    public static String email(String email) {
        if (email == null || email.isEmpty()) {
            return "";
        }
        int at = email.indexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
