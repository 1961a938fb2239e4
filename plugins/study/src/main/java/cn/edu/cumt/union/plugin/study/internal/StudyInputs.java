package cn.edu.cumt.union.plugin.study.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import cn.edu.cumt.union.api.rest.ApiException;

/** Checks and normalises what clients send: lengths, formats, limits. Stateless; every failure is a 400. */
final class StudyInputs {

    static final int MAX_TITLE = 200;
    static final int MAX_TOPIC = 1000;
    static final int MAX_PLACE = 200;
    static final int MAX_URL = 1000;
    static final int MAX_TEXT = 4000;
    static final int MAX_CATEGORY = 40;
    static final int MAX_MATERIALS = 50;
    static final int MAX_TARGETS = 500;
    static final int MAX_CATEGORIES = 20;
    static final int MAX_CODE = 32;
    static final int MAX_MEMBER_IDS = 5000;
    // Far outside any real session, but inside what every database's TIMESTAMP can hold.
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private StudyInputs() {
    }

    /** Parses a {@code YYYY-MM-DD} query parameter. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.missingField(field);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "应为 YYYY-MM-DD 格式的日期", "must be a date as YYYY-MM-DD");
        }
    }

    /** Distinct ids in ascending order; {@code null} means none. */
    static List<Long> ids(String field, List<Long> ids, int max) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > max || ids.stream().anyMatch(Objects::isNull)) {
            throw ApiException.invalidField(field, "最多 " + max + " 个且不能为空", "at most " + max + " ids, none null");
        }
        return List.copyOf(new TreeSet<>(ids));
    }

    static List<MaterialDTO> materials(List<MaterialDTO> materials) {
        if (materials == null) {
            return List.of();
        }
        if (materials.size() > MAX_MATERIALS || materials.stream().anyMatch(Objects::isNull)) {
            throw ApiException.invalidField("materials", "最多 " + MAX_MATERIALS + " 项且不能为空",
                    "at most " + MAX_MATERIALS + " entries, none null");
        }
        List<MaterialDTO> valid = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            String field = "materials[" + i + "]";
            MaterialDTO m = materials.get(i);
            String url = text(field + ".url", m.url(), MAX_URL, false);
            String text = text(field + ".text", m.text(), MAX_TEXT, false);
            if (url == null && text == null) {
                throw ApiException.invalidField(field, "需要链接或正文", "needs a url or a text");
            }
            if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
                throw ApiException.invalidField(field + ".url", "应以 http:// 或 https:// 开头",
                        "must start with http:// or https://");
            }
            valid.add(new MaterialDTO(text(field + ".title", m.title(), MAX_TITLE, true), url, text));
        }
        return valid;
    }

    static List<String> categories(List<String> categories) {
        if (categories == null) {
            return List.of();
        }
        if (categories.size() > MAX_CATEGORIES) {
            throw ApiException.invalidField("targetCategories", "最多 " + MAX_CATEGORIES + " 个",
                    "at most " + MAX_CATEGORIES + " entries");
        }
        Set<String> valid = new TreeSet<>();
        categories.forEach(c -> valid.add(text("targetCategories", c, MAX_CATEGORY, true)));
        return List.copyOf(valid);
    }

    /** Trims; blank counts as absent. */
    static String text(String field, String value, int max, boolean required) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw ApiException.missingField(field);
            }
            return null;
        }
        if (trimmed.length() > max) {
            throw ApiException.invalidField(field, "长度不能超过 " + max, "longer than " + max + " characters");
        }
        return trimmed;
    }

    static Instant time(String field, Instant value) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
            throw ApiException.invalidField(field, "应在 2000 年至 2099 年之间", "must be between 2000 and 2099");
        }
        return value;
    }
}
