package cn.edu.cumt.union.core.internal.auth;

import cn.edu.cumt.union.api.rest.ApiException;

/** Checks of request fields shared by the authentication resources: missing, blank, too long -> 400. */
final class Inputs {

    /** Passwords longer than this are refused before any hashing: no work for absurd inputs. */
    static final int MAX_PASSWORD_INPUT = 1024;

    private Inputs() {
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw ApiException.missingField(field);
        }
        if (value.length() > maxLength) {
            throw ApiException.invalidField(field, "不能超过 " + maxLength + " 个字符", "at most " + maxLength + " characters");
        }
        return value;
    }

    /** A password is taken as typed: not trimmed, but it may not be empty or huge. */
    static String password(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.missingField(field);
        }
        return required(field, value, MAX_PASSWORD_INPUT);
    }

    static <T> T body(T body) {
        if (body == null) {
            throw ApiException.badRequest("request.body-missing", "缺少请求体", "The request body is missing");
        }
        return body;
    }
}
