package cn.edu.cumt.union.metrics.internal;

import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * Times every request of every platform application (the core's and each plugin's) and counts it by
 * application, endpoint, method and status. Endpoints are named by resource class and method, never by
 * the path, so that ids and typed garbage in URLs cannot multiply the series.
 */
@PreMatching
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class }, property = {
        "osgi.jaxrs.extension=true",
        "osgi.jaxrs.name=union.metrics",
        "osgi.jaxrs.application.select=" + UnionRest.APPLICATION_FILTER })
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private final PlatformMetrics metrics;

    @Context
    private ResourceInfo resource;

    @Activate
    public RequestMetrics(@Reference PlatformMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        double seconds = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1e9 : 0;
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        metrics.request(application(request.getUriInfo().getBaseUri().getPath()), endpoint(resource), method,
                response.getStatus(), seconds);
    }

    /** {@code /api/} is the core's application, {@code /api/brand/} the brand plugin's. */
    static String application(String basePath) {
        String path = basePath == null ? "" : basePath;
        if (path.startsWith(UnionRest.BASE_PATH)) {
            path = path.substring(UnionRest.BASE_PATH.length());
        }
        path = path.replaceAll("^/+|/+$", "");
        return path.isEmpty() ? "core" : path;
    }

    static String endpoint(ResourceInfo resource) {
        try {
            if (resource == null || resource.getResourceClass() == null || resource.getResourceMethod() == null) {
                return "unmatched";
            }
            return resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
        } catch (RuntimeException noRequest) {
            return "unmatched"; // the context proxy outside a matched request
        }
    }
}
