package cn.edu.cumt.union.core.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.List;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.ErrorDTO;
import cn.edu.cumt.union.core.internal.rest.JsonProvider;

/**
 * {@code GET /ui/<plugin-id>/<path>}: a file of an active union plugin's {@code UI-INF/} folder (read
 * with {@link Bundle#getEntry}, never through the plugin's class loader), of an allowed type
 * ({@link AssetPaths}), with the shell's security headers. Unit plugins' files are never served:
 * their pages are data only. Everything else answers a JSON 404; no directory is ever listed.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=union.ui-assets",
        "osgi.http.whiteboard.servlet.pattern=/ui/*" })
public class AssetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The shell's policy (see the web contract): nothing but the platform's own origin, no inline script, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** What is read of one file at most. */
    static final int MAX_BYTES = 4 << 20;

    private final transient PageRegistry registry;
    private final transient BundleContext context;

    @Activate
    public AssetServlet(BundleContext context, @Reference PageRegistry registry) {
        this.context = context;
        this.registry = registry;
    }

    /** The headers of every answer under /ui, the shell's. */
    static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        secure(response);
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            error(response, new ErrorDTO(405, "request.method-not-allowed", "不支持该请求方法", "Method not allowed", List.of()));
            return;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        Optional<AssetPaths.Asset> asset = AssetPaths.resolve(path);
        Bundle bundle = asset.map(a -> registry.unionPluginBundle(a.pluginId(), this.context)).orElse(null);
        URL entry = bundle == null ? null : bundle.getEntry(asset.get().entry());
        if (entry == null || entry.getPath().endsWith("/")) {
            notFound(response);
            return;
        }
        byte[] content;
        try (InputStream in = entry.openStream()) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException gone) {
            notFound(response); // the bundle went away meanwhile
            return;
        }
        if (content.length > MAX_BYTES) {
            notFound(response);
            return;
        }
        String tag = "\"" + bundle.getBundleId() + "-" + bundle.getLastModified() + "\"";
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", "no-cache");
        if (tag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setStatus(200);
        response.setContentType(asset.get().contentType());
        response.setContentLength(content.length);
        if ("GET".equals(method)) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(content);
            }
        }
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        error(response, new ErrorDTO(404, "ui.not-found", "页面资源不存在", "No such page asset", List.of()));
    }

    private static void error(HttpServletResponse response, ErrorDTO error) throws IOException {
        byte[] body = JsonProvider.MAPPER.writeValueAsBytes(error);
        response.setStatus(error.status());
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
