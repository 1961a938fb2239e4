package cn.edu.cumt.union.api.rest;

import java.util.List;

/**
 * An error meant for the client: the core turns it into a JSON {@link ErrorDTO} with the given
 * HTTP status, a stable machine code and a message in Chinese and English. Throw it from any
 * resource or service; never put secrets or stack traces in the messages.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String messageZh;
    private final List<String> details;

    /**
     * @param status    HTTP status, 4xx for anything the client did
     * @param code      stable, dotted, lower-case code, e.g. {@code member.not-found}
     * @param messageZh the message in Chinese, for users
     * @param messageEn the message in English
     */
    public ApiException(int status, String code, String messageZh, String messageEn) {
        this(status, code, messageZh, messageEn, List.of());
    }

    /**
     * @param details every individual reason, when there are several (each "中文 / English"); shown
     *                in {@link ErrorDTO#details()}
     */
    public ApiException(int status, String code, String messageZh, String messageEn, List<String> details) {
        super(messageEn);
        this.status = status;
        this.code = code;
        this.messageZh = messageZh;
        this.details = List.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return getMessage();
    }

    /** @return the individual reasons, empty when the message says it all */
    public List<String> details() {
        return details;
    }

    public static ApiException badRequest(String code, String zh, String en) {
        return new ApiException(400, code, zh, en);
    }

    public static ApiException unauthorized(String code, String zh, String en) {
        return new ApiException(401, code, zh, en);
    }

    public static ApiException forbidden(String code, String zh, String en) {
        return new ApiException(403, code, zh, en);
    }

    public static ApiException notFound(String code, String zh, String en) {
        return new ApiException(404, code, zh, en);
    }

    public static ApiException conflict(String code, String zh, String en) {
        return new ApiException(409, code, zh, en);
    }

    /** A required field is missing or empty. */
    public static ApiException missingField(String field) {
        return badRequest("request.field-missing", "缺少必填字段：" + field, "Missing required field: " + field);
    }

    /** A field has a value the server cannot accept. */
    public static ApiException invalidField(String field, String zhReason, String enReason) {
        return badRequest("request.field-invalid", "字段 " + field + " 无效：" + zhReason,
                "Invalid field " + field + ": " + enReason);
    }
}
