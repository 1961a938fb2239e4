package cn.edu.cumt.union.api.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The checks every plugin makes on what clients send, with one error per mistake: a missing field
 * is {@code request.field-missing}, a value out of bounds {@code request.field-invalid}, both
 * naming the field (as {@link ApiException#missingField} and {@link ApiException#invalidField}).
 * Stateless; each method returns the normalised value or throws a 400.
 */
public final class Fields {

    /** The years any date or time may fall in: far outside real records, inside every database's range. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2099;
    private static final Instant EARLIEST = Instant.parse(MIN_YEAR + "-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse((MAX_YEAR + 1) + "-01-01T00:00:00Z");

    private Fields() {
    }

    /** @throws ApiException {@code request.field-missing} "(body)" when the request had no body */
    public static <T> T body(T body) {
        if (body == null) {
            throw ApiException.missingField("(body)");
        }
        return body;
    }

    /**
     * Trims; blank counts as absent.
     *
     * @return the trimmed text, or {@code null} when absent and not required
     */
    public static String text(String field, String value, int maxLength, boolean required) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                throw ApiException.missingField(field);
            }
            return null;
        }
        if (trimmed.length() > maxLength) {
            throw ApiException.invalidField(field, "长度不能超过 " + maxLength, "longer than " + maxLength + " characters");
        }
        return trimmed;
    }

    /** A required whole number in {@code [min, max]}. */
    public static int number(String field, Integer value, int min, int max) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value < min || value > max) {
            throw ApiException.invalidField(field, "应在 " + min + " 至 " + max + " 之间", "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A required year between {@link #MIN_YEAR} and {@link #MAX_YEAR}. */
    public static int year(String field, Integer value) {
        return number(field, value, MIN_YEAR, MAX_YEAR);
    }

    /** A required date between {@link #MIN_YEAR} and {@link #MAX_YEAR}. */
    public static LocalDate date(String field, LocalDate value) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR) {
            throw ApiException.invalidField(field, "应在 " + MIN_YEAR + " 年至 " + MAX_YEAR + " 年之间",
                    "must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return value;
    }

    /** A required {@code YYYY-MM-DD} query parameter. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.missingField(field);
        }
        try {
            return date(field, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "应为 YYYY-MM-DD 格式的日期", "must be a date as YYYY-MM-DD");
        }
    }

    /** A required instant between {@link #MIN_YEAR} and {@link #MAX_YEAR}. */
    public static Instant time(String field, Instant value) {
        if (value == null) {
            throw ApiException.missingField(field);
        }
        if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
            throw ApiException.invalidField(field, "应在 " + MIN_YEAR + " 年至 " + MAX_YEAR + " 年之间",
                    "must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return value;
    }

    /** Distinct ids in ascending order, at most {@code max}; {@code null} means none. */
    public static List<Long> ids(String field, Collection<Long> ids, int max) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > max || ids.stream().anyMatch(Objects::isNull)) {
            throw ApiException.invalidField(field, "最多 " + max + " 个且不能为空", "at most " + max + " ids, none null");
        }
        return List.copyOf(new TreeSet<>(ids));
    }

    /** Distinct trimmed labels (categories, tags) in order, at most {@code max} of at most {@code maxLength}; {@code null} means none. */
    public static List<String> labels(String field, Collection<String> labels, int max, int maxLength) {
        if (labels == null) {
            return List.of();
        }
        if (labels.size() > max) {
            throw ApiException.invalidField(field, "最多 " + max + " 个", "at most " + max + " entries");
        }
        TreeSet<String> valid = new TreeSet<>();
        labels.forEach(label -> valid.add(text(field, label, maxLength, true)));
        return List.copyOf(valid);
    }

    /** An optional enum query parameter, case-insensitive; {@code null} when absent. */
    public static <E extends Enum<E>> E option(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "未知取值", "unknown value " + value.strip());
        }
    }
}
