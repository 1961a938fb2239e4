package cn.edu.cumt.union.plugin.congress.internal;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.Fields;

/** Stateless checks of query and path values -> 400. */
final class CongressInputs {

    private CongressInputs() {
    }

    /** An optional id query parameter; {@code null} when absent. */
    static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "应为正整数编号", "must be a positive id");
        }
    }

    /** A required year (path or query). */
    static int year(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.missingField("year");
        }
        try {
            return Fields.year("year", Integer.valueOf(value.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("year", "应为四位年份", "must be a year such as 2026");
        }
    }
}
