package cn.edu.cumt.union.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a query parameter really accepts when the method reads it as a {@code String} to check it
 * strictly itself (JAX-RS would read {@code dryRun=maybe} as {@code false}). The OpenAPI document
 * declares the parameter with this type, and as required when it is.
 *
 * <pre>{@code
 * @QueryParam("dryRun") @QueryDoc(type = "boolean", required = true) String dryRun
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface QueryDoc {

    /** The JSON schema type: {@code boolean}, {@code integer}, {@code string}. */
    String type() default "string";

    /** The JSON schema format, e.g. {@code date}, {@code int32}; empty for none. */
    String format() default "";

    /** Whether the request is refused (400) without it. */
    boolean required() default false;

    /** The values accepted, when they are a fixed set (e.g. {@code csv}, {@code xlsx}). */
    String[] values() default {};

    /** Smallest and largest accepted integer; ignored when {@code min > max} (the default). */
    long min() default 1;

    /** See {@link #min()}. */
    long max() default 0;
}
