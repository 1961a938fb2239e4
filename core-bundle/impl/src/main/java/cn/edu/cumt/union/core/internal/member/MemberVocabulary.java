package cn.edu.cumt.union.core.internal.member;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.edu.cumt.union.api.directory.MemberStatus;

/** The one place that lists the member categories and the Chinese labels of codes users read and type. */
public final class MemberVocabulary {

    /** Category code to its Chinese label, in display order. */
    public static final Map<String, String> CATEGORIES;

    static {
        Map<String, String> categories = new LinkedHashMap<>();
        categories.put("veteran", "复转军人");
        categories.put("female", "女教职工");
        categories.put("cadre", "干部");
        categories.put("delegate", "教代会代表");
        categories.put("model-worker", "劳模");
        categories.put("single", "单身");
        categories.put("young", "青年");
        CATEGORIES = Collections.unmodifiableMap(categories);
    }

    private static final Map<MemberStatus, String> STATUS_LABELS = Map.of(MemberStatus.ACTIVE, "在职会员",
            MemberStatus.RETIRED, "退休", MemberStatus.TRANSFERRED_OUT, "调出", MemberStatus.WITHDRAWN, "退会");

    private MemberVocabulary() {
    }

    public static Set<String> categoryCodes() {
        return CATEGORIES.keySet();
    }

    /** @return the code for a code or a Chinese label (case-insensitive code), or {@code null} */
    public static String category(String text) {
        String value = text.trim();
        for (Map.Entry<String, String> entry : CATEGORIES.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(value) || entry.getValue().equals(value)) {
                return entry.getKey();
            }
        }
        return null;
    }

    public static String categoryLabel(String code) {
        return CATEGORIES.getOrDefault(code, code);
    }

    /** @return the status for its name or Chinese label, or {@code null} */
    public static MemberStatus status(String text) {
        String value = text.trim();
        for (MemberStatus status : MemberStatus.values()) {
            if (status.name().equalsIgnoreCase(value) || STATUS_LABELS.get(status).equals(value)) {
                return status;
            }
        }
        return null;
    }

    public static String statusLabel(MemberStatus status) {
        return STATUS_LABELS.get(status);
    }

    /** @return {@code M} or {@code F} for M/F/男/女, or {@code null} */
    public static String gender(String text) {
        return switch (text.trim().toUpperCase()) {
        case "M", "男" -> "M";
        case "F", "女" -> "F";
        default -> null;
        };
    }
}
