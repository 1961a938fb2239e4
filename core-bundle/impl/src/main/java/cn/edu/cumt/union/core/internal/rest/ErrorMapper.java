package cn.edu.cumt.union.core.internal.rest;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.ErrorDTO;
import cn.edu.cumt.union.api.rest.RetryLater;
import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * Turns every exception into a JSON {@link ErrorDTO}. Client mistakes become 4xx with a reason;
 * anything else is a bug: 500 with an incident id that is logged with the stack trace, which never
 * reaches the client.
 */
@Component(service = ExceptionMapper.class, property = {
        "osgi.jaxrs.extension=true",
        "osgi.jaxrs.name=" + ErrorMapper.NAME,
        "osgi.jaxrs.application.select=" + UnionRest.APPLICATION_FILTER })
public class ErrorMapper implements ExceptionMapper<Throwable> {

    static final String NAME = "union.errors";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        Response response = toResponse(describe(exception));
        if (unwrap(exception) instanceof RetryLater later) {
            // a lock or throttle says when to come back (RFC 9110 Retry-After, in seconds)
            return Response.fromResponse(response).header("Retry-After", Long.toString(later.retryAfterSeconds())).build();
        }
        if (exception instanceof WebApplicationException web && web.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            // a 405 says what the resource does accept (RFC 9110)
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, web.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return response;
    }

    static Response toResponse(ErrorDTO error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(error).build();
    }

    /** Maps an exception to the error a client sees. Package-visible for unit tests. */
    static ErrorDTO describe(Throwable exception) {
        Throwable cause = unwrap(exception);
        if (cause instanceof ApiException api) {
            return new ErrorDTO(api.status(), api.code(), api.messageZh(), api.messageEn(), api.details());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return error(400, "request.field-unknown", "未知字段：" + unknown.getPropertyName(),
                    "Unknown field: " + unknown.getPropertyName());
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = fieldPath((JsonMappingException) cause);
            return error(400, "request.field-invalid", "字段类型或格式错误：" + field,
                    "Wrong type or format for field: " + field);
        }
        if (cause instanceof JsonProcessingException) {
            return error(400, "request.malformed-json", "请求体不是有效的 JSON", "The request body is not valid JSON");
        }
        if (cause instanceof WebApplicationException web) {
            return fromStatus(web.getResponse().getStatus());
        }
        String incident = UUID.randomUUID().toString();
        if (clientWentAway(exception)) {
            // The client closed the connection mid-response: nothing is wrong on our side.
            LOG.debug("Client disconnected, incident {}", incident, exception);
        } else {
            LOG.error("Unexpected error, incident {}", incident, exception);
        }
        return error(500, "server.error", "服务器内部错误，事件编号 " + incident,
                "Internal server error, incident " + incident);
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        // Providers and CXF wrap the real cause; look a few levels down for one we know.
        for (int depth = 0; depth < 5 && current != null; depth++) {
            if (current instanceof ApiException || current instanceof JsonProcessingException) {
                return current;
            }
            current = current.getCause();
        }
        return exception;
    }

    /** Jetty's EofException, or a broken pipe or reset while writing the response. */
    static boolean clientWentAway(Throwable exception) {
        for (Throwable current = exception; current != null; current = current.getCause()) {
            String message = String.valueOf(current.getMessage());
            if (current.getClass().getSimpleName().equals("EofException") || current instanceof java.io.IOException
                    && (message.contains("Broken pipe") || message.contains("Connection reset"))) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    private static String fieldPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(body)" : path.toString();
    }

    static ErrorDTO fromStatus(int status) {
        return switch (status) {
        case 400 -> error(400, "request.bad", "请求无效", "Bad request");
        case 401 -> error(401, "auth.required", "请先登录", "Authentication required");
        case 403 -> error(403, "auth.forbidden", "无权访问", "Access denied");
        case 404 -> error(404, "resource.not-found", "资源不存在", "Not found");
        case 405 -> error(405, "request.method-not-allowed", "不支持该请求方法", "Method not allowed");
        case 406 -> error(406, "request.not-acceptable", "无法提供所请求的格式", "Not acceptable");
        case 413 -> error(413, "request.too-large", "请求体过大", "Request body too large");
        case 415 -> error(415, "request.unsupported-media-type", "不支持的内容类型", "Unsupported media type");
        default -> status >= 500
                ? error(status, "server.error", "服务器内部错误", "Internal server error")
                : error(status, "request.error", "请求错误", "Request error");
        };
    }

    private static ErrorDTO error(int status, String code, String zh, String en) {
        return new ErrorDTO(status, code, zh, en, List.of());
    }
}
