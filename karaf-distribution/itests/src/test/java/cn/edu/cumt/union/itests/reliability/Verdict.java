package cn.edu.cumt.union.itests.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import cn.edu.cumt.union.itests.Rest;

/** What every answer of the API must look like, whatever was asked: no 5xx, errors as JSON with a code, no stack trace. */
final class Verdict {

    private Verdict() {
    }

    /** @return why the answer breaks the rules, or null when it does not */
    static String problem(Rest.Reply reply) {
        String body = reply.body() == null ? "" : reply.body();
        if (reply.status() >= 500) {
            return "server error " + reply.status();
        }
        if (body.contains("\tat ") || body.contains("\\tat ") || body.contains("Exception:") || body.contains("java.lang.")
                || body.toLowerCase().contains("<html")) {
            return "stack trace or HTML in the body";
        }
        if (reply.status() >= 400) {
            if (code(reply) == null && !isReport(reply)) {
                return "error without a JSON code";
            }
        }
        return null;
    }

    /** A refused import answers its report (every bad line, with its reason) rather than one code. */
    private static boolean isReport(Rest.Reply reply) {
        try {
            JsonNode json = Bodies.JSON.readTree(reply.body());
            return json != null && json.path("errors").isArray() && json.path("errors").size() > 0;
        } catch (Exception notJson) {
            return false;
        }
    }

    /** The {@code code} of a JSON error body, or null. */
    static String code(Rest.Reply reply) {
        try {
            JsonNode json = Bodies.JSON.readTree(reply.body());
            JsonNode code = json == null ? null : json.get("code");
            return code != null && code.isTextual() && !code.asText().isBlank() ? code.asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
