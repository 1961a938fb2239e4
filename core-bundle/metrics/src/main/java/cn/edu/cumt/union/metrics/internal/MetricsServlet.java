package cn.edu.cumt.union.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

/** {@code GET /metrics}: the registry in Prometheus' text format, to those {@link MetricsAccess} lets in. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=union.metrics" })
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient PlatformMetrics metrics;
    private final transient MetricsSettings settings;
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    @Activate
    public MetricsServlet(@Reference PlatformMetrics metrics, @Reference MetricsSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        boolean forwarded = request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null
                || request.getHeader("X-Real-IP") != null;
        switch (settings.access().decide(request.getRemoteAddr(), forwarded, request.getHeader("Authorization"))) {
            case ALLOW -> {
                response.setStatus(200);
                response.setContentType(writer.getContentType());
                try (OutputStream out = response.getOutputStream()) {
                    writer.write(out, metrics.registry().scrape());
                }
            }
            case DISABLED -> error(response, 404, "metrics.disabled", "指标接口未开启", "Metrics are turned off (metrics.enabled)");
            case TOKEN_REQUIRED -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                error(response, 401, "metrics.token-required", "读取指标需要令牌", "Metrics need the scrape token (Authorization: Bearer)");
            }
            case FORBIDDEN -> error(response, 403, "metrics.forbidden", "指标只对本机开放",
                    "Metrics are served to this machine only; set .metrics.token for a remote scraper");
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    /** The platform's error shape (status, code, message, messageEn, details), written by hand: this servlet is outside the REST applications. */
    private static void error(HttpServletResponse response, int status, String code, String message, String messageEn) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        String body = "{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"messageEn\":\"" + messageEn + "\",\"details\":[]}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
