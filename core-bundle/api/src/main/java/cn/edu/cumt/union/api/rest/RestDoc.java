package cn.edu.cumt.union.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the OpenAPI document at {@code /api/openapi.json} says about one resource method, beyond what
 * JAX-RS already tells it. Optional: a method without it still gets a summary made from its name, an
 * operation id, a tag, the success answer of its return type and the error answers that follow from
 * its declaration (401/403 when it needs a login, 400 when it takes input, 404 when its path names a
 * record, 409 when it writes, 413 when it takes a body).
 *
 * <pre>{@code
 * @POST
 * @RestDoc(value = "报名 Sign up", status = 201, entity = SignupDTO.class, errors = 409)
 * public Response signUp(...)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RestDoc {

    /** One line, Chinese with English beside: {@code "新建会员 Create a member"}. */
    String value();

    /**
     * The success status when the method returns a {@code Response}: 201 for a create, 202 for
     * accepted-for-later, 204 for nothing. 0 means 200 (or 204 for a {@code void} method).
     */
    int status() default 0;

    /** The entity a {@code Response} carries on success; {@code Void.class} means none or the return type. */
    Class<?> entity() default Void.class;

    /** The media types a {@code Response} may carry when they are files (CSV, xlsx, zip); empty means JSON. */
    String[] files() default {};

    /** The file fields of a multipart form body; empty means one field, {@code file}. */
    String[] parts() default {};

    /** Other success statuses with the same entity, e.g. 200 for an upgrade beside 201 for an install. */
    int[] alsoStatus() default {};

    /** Error statuses the method answers beyond those derived from its declaration, e.g. 429 for throttled ones. */
    int[] errors() default {};

    /** Statuses that the method cannot answer although its declaration suggests it, e.g. 409 for a read-like POST. */
    int[] notErrors() default {};
}
