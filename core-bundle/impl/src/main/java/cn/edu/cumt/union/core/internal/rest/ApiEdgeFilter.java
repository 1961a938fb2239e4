package cn.edu.cumt.union.core.internal.rest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Hashtable;
import java.util.List;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import cn.edu.cumt.union.api.rest.ErrorDTO;

/**
 * The edge of {@code /api}, in front of every JAX-RS application: what never reaches a resource
 * still gets the platform's JSON error. A request URI that Java cannot parse (CXF would answer
 * Jetty's HTML 500 naming the exception) and TRACE are answered here in JSON; errors the servlet
 * layer sends itself go to {@link ApiErrorPage}. Every answer says {@code nosniff}.
 *
 * <p>{@link RestApplications} registers one filter and one error page per application, selecting
 * that application's servlet context only: a filter selecting every context would be re-registered
 * in all of them each time a plugin's context comes or goes, and requests to the core fail meanwhile.
 */
public final class ApiEdgeFilter implements Filter {

    /** What the platform's resources answer to; TRACE and CONNECT never reach them. */
    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";

    /**
     * Puts the edge in front of one application's servlet context (the JAX-RS whiteboard names it
     * "context.for" + the application's name).
     */
    static List<ServiceRegistration<?>> register(BundleContext bundleContext, String applicationName) {
        String select = "(osgi.http.whiteboard.context.name=context.for" + applicationName + ")";
        Hashtable<String, Object> filter = new Hashtable<>();
        filter.put("osgi.http.whiteboard.filter.name", "union.api-edge." + applicationName);
        filter.put("osgi.http.whiteboard.filter.pattern", "/*");
        filter.put("osgi.http.whiteboard.context.select", select);
        Hashtable<String, Object> errorPage = new Hashtable<>();
        errorPage.put("osgi.http.whiteboard.servlet.name", "union.api-error-page." + applicationName);
        errorPage.put("osgi.http.whiteboard.servlet.errorPage", new String[] { "4xx", "5xx" });
        errorPage.put("osgi.http.whiteboard.context.select", select);
        return List.of(bundleContext.registerService(Filter.class, new ApiEdgeFilter(), filter),
                bundleContext.registerService(Servlet.class, new ApiErrorPage(), errorPage));
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");
        String method = request.getMethod();
        if ("TRACE".equals(method) || "CONNECT".equals(method)) {
            response.setHeader("Allow", ALLOWED_METHODS);
            write(response, ErrorMapper.fromStatus(405));
            return;
        }
        if (!parses(request.getRequestURI())) {
            write(response, new ErrorDTO(400, "request.malformed-uri", "请求地址格式错误", "The request URI is malformed",
                    List.of()));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean parses(String requestUri) {
        try {
            new URI(requestUri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static void write(HttpServletResponse response, ErrorDTO error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = JsonProvider.MAPPER.writeValueAsBytes(error);
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
