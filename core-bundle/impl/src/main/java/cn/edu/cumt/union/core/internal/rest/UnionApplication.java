package cn.edu.cumt.union.core.internal.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;

import cn.edu.cumt.union.api.rest.UnionRest;

/**
 * The platform's one JAX-RS application at {@code /api}. Resources of the core and of every plugin
 * join it ({@code @UnionResource}); it is only published once the JSON provider, the security
 * filters and the error mapper are there, so no request is ever served without them.
 */
@Component(service = Application.class, property = {
        "osgi.jaxrs.name=" + UnionRest.APPLICATION_NAME,
        "osgi.jaxrs.application.base=" + UnionRest.BASE_PATH,
        "osgi.jaxrs.extension.select=(osgi.jaxrs.name=" + JsonProvider.NAME + ")",
        "osgi.jaxrs.extension.select=(osgi.jaxrs.name=" + ErrorMapper.NAME + ")",
        "osgi.jaxrs.extension.select=(osgi.jaxrs.name=" + RequestGuard.NAME + ")" })
public class UnionApplication extends Application {
}
