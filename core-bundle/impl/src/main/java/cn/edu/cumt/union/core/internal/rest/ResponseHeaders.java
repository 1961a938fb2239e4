package cn.edu.cumt.union.core.internal.rest;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import org.osgi.service.component.annotations.Component;

import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * Headers every answer of every application carries, errors included: {@code nosniff}, so that a
 * browser never takes a JSON answer or an export for a page or a script; and {@code no-store},
 * because nearly every answer holds a token or personal data that must not stay in a shared cache or
 * on a shared computer. A resource that sets its own {@code Cache-Control} keeps it.
 */
@Component(service = ContainerResponseFilter.class, property = {
        "osgi.jaxrs.extension=true",
        "osgi.jaxrs.name=" + ResponseHeaders.NAME,
        "osgi.jaxrs.application.select=" + UnionRest.APPLICATION_FILTER })
public class ResponseHeaders implements ContainerResponseFilter {

    static final String NAME = "union.headers";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
