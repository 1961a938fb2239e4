package cn.edu.cumt.union.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a DS component as a JAX-RS resource of the platform's REST application, served under
 * {@code /api}. Put it beside {@code @Component(service = MyResource.class)}; the JSON provider,
 * authentication, {@code @RolesAllowed} checks and error mapping then apply to it with no further
 * code. A plugin's resources use paths under {@code /<plugin-id>/...}, so they answer at
 * {@code /api/<plugin-id>/...}.
 *
 * <p>Every resource method must declare who may call it ({@code @RolesAllowed} or
 * {@code @PermitAll}, on the method or the class); a method that declares nothing is denied to
 * everyone.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UnionResource {

    /** Prefix of the generated component properties: they become {@code osgi.jaxrs.*}. */
    String PREFIX_ = "osgi.jaxrs.";

    /** {@code osgi.jaxrs.resource=true}: the whiteboard picks the component up. */
    boolean resource() default true;

    /** {@code osgi.jaxrs.application.select}: join the platform's application. */
    String application_select() default UnionRest.APPLICATION_FILTER;
}
