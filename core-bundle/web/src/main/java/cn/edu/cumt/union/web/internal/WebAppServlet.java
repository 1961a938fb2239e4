package cn.edu.cumt.union.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Serves the single-page app from this bundle: {@code /} is {@code index.html} (no-cache, so a new
 * build is picked up at once), {@code /app/**} the hashed assets (cached for a year). The default
 * servlet of the default context: {@code /api} and {@code /ui} belong to other servlets (a request for
 * {@code /api} that reaches this one answers 503, the API is not served yet), anything else is a JSON
 * 404. Only GET and HEAD.
 */
@Component(service = Servlet.class, property = {
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/",
        HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=union.web" })
public class WebAppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient WebAssets assets;

    @Activate
    public WebAppServlet(BundleContext context) {
        this.assets = new WebAssets(read(context.getBundle()));
    }

    WebAppServlet(WebAssets assets) {
        this.assets = assets;
    }

    private static Map<String, byte[]> read(Bundle bundle) {
        Map<String, byte[]> files = new HashMap<>();
        for (URL entry : Collections.list(bundle.findEntries("app", "*", true))) {
            String path = entry.getPath();
            if (path.endsWith("/")) {
                continue; // a folder
            }
            try (InputStream in = entry.openStream()) {
                files.put(path.substring(path.indexOf("app/") + "app/".length()), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " from the bundle", e);
            }
        }
        if (!files.containsKey("index.html")) {
            throw new IllegalStateException("the bundle has no app/index.html: the front-end build did not run");
        }
        return files;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        WebAssets.SECURITY_HEADERS.forEach(response::setHeader);
        String path = (request.getServletPath() == null ? "" : request.getServletPath())
                + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals("/api") || path.startsWith("/api/")) {
            // /api reaches this servlet only while no application serves it: Karaf is starting, or the
            // JAX-RS whiteboard is rebuilding it. "Not ready, retry", never "no such page".
            response.setHeader("Retry-After", "5");
            send(response, 503, WebAssets.error(503, "platform.starting", "平台正在启动或重新加载接口，请稍后重试",
                    "The platform is starting or reloading its API; retry shortly"), !"HEAD".equals(request.getMethod()));
            return;
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            send(response, 405, WebAssets.error(405, "request.method-not-allowed", "不支持该请求方法", "Method not allowed"), true);
            return;
        }
        WebAssets.Asset asset = assets.find(path);
        if (asset == null) {
            send(response, 404, WebAssets.error(404, "web.not-found", "页面不存在", "Not found"), true);
            return;
        }
        response.setHeader("Cache-Control", asset.cacheControl());
        response.setHeader("ETag", asset.etag());
        response.setHeader("Vary", "Accept-Encoding");
        response.setContentType(asset.type());
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        String accept = request.getHeader("Accept-Encoding");
        boolean gzip = asset.gzipped() != null && accept != null && accept.contains("gzip");
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        send(response, 200, gzip ? asset.gzipped() : asset.body(), !"HEAD".equals(method));
    }

    private static void send(HttpServletResponse response, int status, byte[] body, boolean withBody) throws IOException {
        response.setStatus(status);
        if (status >= 400) {
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
        }
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }
}
