package cn.edu.cumt.union.plugin.welfare.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;

/** Stateless input checks and the masks of exports; every mistake is a 400 naming the field. */
final class WelfareInputs {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 2000;
    static final int MAX_SHORT = 500;
    static final int MAX_CATEGORIES = 20;
    static final int MAX_CATEGORY = 50;
    static final int MAX_QUOTAS = 200;
    static final BigDecimal MAX_MONEY = new BigDecimal("1000000.00");
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{0,49}");

    private WelfareInputs() {
    }

    /** A positive amount of yuan with at most 2 decimals, at most {@link #MAX_MONEY}. */
    static BigDecimal money(String field, BigDecimal value) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value.signum() <= 0 || value.compareTo(MAX_MONEY) > 0 || value.stripTrailingZeros().scale() > 2) {
            throw ApiException.invalidField(field, "应为 0.01 至 1000000 元，最多两位小数",
                    "must be 0.01 to 1000000 yuan with at most 2 decimals");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Like {@link #money} but absent is allowed. */
    static BigDecimal optionalMoney(String field, BigDecimal value) {
        return value == null ? null : money(field, value);
    }

    /** 身份证号: 18 characters, the last a digit or X; absent is allowed. */
    static String idNumber(String value) {
        String id = Fields.text("idNumber", value, 18, false);
        if (id == null) {
            return null;
        }
        id = id.toUpperCase();
        if (!ID_NUMBER.matcher(id).matches()) {
            throw ApiException.invalidField("idNumber", "应为 18 位身份证号", "must be an 18-character ID number");
        }
        return id;
    }

    static String phone(String value) {
        String phone = Fields.text("phone", value, 20, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw ApiException.invalidField("phone", "应为电话号码", "must be a phone number");
        }
        return phone;
    }

    /** Member categories (directory tags such as {@code model-worker}), in the order given, each once. */
    static List<String> categories(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_CATEGORIES) {
            throw ApiException.invalidField(field, "最多 " + MAX_CATEGORIES + " 个", "at most " + MAX_CATEGORIES + " entries");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String value : values) {
            String category = Fields.text(field, value, MAX_CATEGORY, true);
            if (!CATEGORY.matcher(category).matches()) {
                throw ApiException.invalidField(field, "类别代码应为小写字母、数字和连字符", "categories are lower-case codes such as model-worker");
            }
            seen.add(category);
        }
        return List.copyOf(seen);
    }

    static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.copyOf(new ArrayList<>(Arrays.asList(stored.split(","))));
    }

    /** 320***********123X: the first 3 and the last 4 characters stay. */
    static String maskIdNumber(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.length() <= 7) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }
}
