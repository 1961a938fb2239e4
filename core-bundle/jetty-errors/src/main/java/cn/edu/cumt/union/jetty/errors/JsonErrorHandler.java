package cn.edu.cumt.union.jetty.errors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The server's error handler: what Jetty refuses before a servlet context sees the request answers the
 * platform's JSON error ({@code status, code, message, messageEn, details}) instead of Jetty's HTML page.
 * That is a request line it cannot parse (an encoded NUL, an ambiguous {@code %2f} segment, a header too
 * large) and any error of a request no context takes, whatever its method. Errors inside the platform's
 * contexts keep going to the core's own error page.
 */
public class JsonErrorHandler extends ErrorHandler {

    /** What the platform's applications serve; sent with a 405 that Jetty answers before any application. */
    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String JSON = "application/json;charset=utf-8";
    static final String RETRY_AFTER_SECONDS = "5";

    /** {@code /api} and below, as the request line names it (a context that would take it would have). */
    static boolean underApi(String uri) {
        return uri != null && (uri.equals("/api") || uri.startsWith("/api/") || uri.startsWith("/api?"));
    }

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        // Jetty leaves the body empty for other methods; a client of the API still wants to know why.
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        fields.put(new HttpField("X-Content-Type-Options", "nosniff"));
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        return ByteBuffer.wrap(Errors.json(status, reason).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        if (code == HttpServletResponse.SC_NOT_FOUND && underApi(baseRequest.getRequestURI())) {
            // No context takes /api yet (Karaf is still starting): a load balancer must read "not ready",
            // not "no such page", from the port's first answer on.
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null);
            return;
        }
        if (code == HttpServletResponse.SC_METHOD_NOT_ALLOWED && response.getHeader("Allow") == null) {
            response.setHeader("Allow", ALLOW);
        }
        write(response, code, null);
    }

    /** Writes the JSON error for the status; {@code reason}, Jetty's short English reason, may be {@code null}. */
    static void write(HttpServletResponse response, int status, String reason) throws IOException {
        byte[] body = Errors.json(status, reason).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(JSON);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
