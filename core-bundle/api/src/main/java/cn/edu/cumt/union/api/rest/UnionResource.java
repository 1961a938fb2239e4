package cn.edu.cumt.union.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a DS component as a JAX-RS resource of its bundle's application. Put it beside
 * {@code @Component(service = MyResource.class)}. A plugin's resources are served by the core in an
 * application of the plugin's own at {@code /api/<plugin-id>}, so a resource's {@code @Path} is
 * relative to that: {@code @Path("/sessions")} in plugin {@code study} answers at
 * {@code /api/study/sessions}. The core's JSON provider, authentication, {@code @RolesAllowed}
 * checks, error mapping and audit context apply to it with no further code, and a plugin cannot
 * add or change any of them.
 *
 * <p>Every resource method must declare who may call it ({@code @RolesAllowed} or
 * {@code @PermitAll}, on the method or the class); a method that declares nothing is denied to
 * everyone.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UnionResource {

    /** Prefix of the generated component property: {@value UnionRest#RESOURCE_PROPERTY}. */
    String PREFIX_ = "union.";

    /** {@code union.resource=true}: the core picks the component up. */
    boolean resource() default true;
}
