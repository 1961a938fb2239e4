package cn.edu.cumt.union.jetty.errors;

/**
 * The platform's error answer for a status, written without a JSON library because this fragment lives
 * inside Jetty's bundle, below the core. The codes and messages are those of the core's error mapper for
 * the same statuses, so that a client sees one error format whoever answered.
 */
final class Errors {

    private static final int MAX_REASON = 120;
    /** The code of a 503 for the API while no application serves {@code /api} (start-up, a reload). */
    static final String STARTING = "platform.starting";

    private Errors() {
    }

    static String json(int status, String reason) {
        String[] text = switch (status) {
        case 400 -> new String[] { "request.malformed", "请求格式错误（请求行、路径或请求头）",
                "Malformed request (request line, path or headers)" };
        case 404 -> new String[] { "resource.not-found", "资源不存在", "Not found" };
        case 405 -> new String[] { "request.method-not-allowed", "不支持该请求方法", "Method not allowed" };
        case 408 -> new String[] { "request.timeout", "请求超时", "Request timeout" };
        case 413 -> new String[] { "request.too-large", "请求体过大", "Request body too large" };
        case 414 -> new String[] { "request.uri-too-long", "请求地址过长", "Request URI too long" };
        case 431 -> new String[] { "request.headers-too-large", "请求头过大", "Request headers too large" };
        case 503 -> new String[] { STARTING, "平台正在启动或重新加载接口，请稍后重试",
                "The platform is starting or reloading its API; retry shortly" };
        default -> status >= 500 ? new String[] { "server.error", "服务器内部错误", "Internal server error" }
                : new String[] { "request.error", "请求错误", "Request error" };
        };
        String details = reason == null || reason.isBlank() || status >= 500 ? "[]" : "[" + quote(clean(reason)) + "]";
        return "{\"status\":" + status + ",\"code\":" + quote(text[0]) + ",\"message\":" + quote(text[1])
                + ",\"messageEn\":" + quote(text[2]) + ",\"details\":" + details + "}";
    }

    /** Jetty's reason names the rule broken ("Ambiguous URI path separator"); keep it short and printable. */
    private static String clean(String reason) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reason.length() && out.length() < MAX_REASON; i++) {
            char c = reason.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            }
        }
        return out.append('"').toString();
    }
}
