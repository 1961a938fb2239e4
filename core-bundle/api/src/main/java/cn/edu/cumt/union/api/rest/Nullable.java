package cn.edu.cumt.union.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value may be {@code null}: on a DTO record's component it comes back as {@code null} in JSON
 * (and may be left out of a request body); everything not marked is always there and never
 * {@code null}. The OpenAPI document reads it: marked fields are {@code nullable} and not
 * {@code required}, all others {@code required}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface Nullable {
}
