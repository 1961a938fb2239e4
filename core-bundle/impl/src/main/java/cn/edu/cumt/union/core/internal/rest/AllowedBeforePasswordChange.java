package cn.edu.cumt.union.core.internal.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few core resource methods a session may call while its account must still change its
 * password: changing it, logging out and reading one's own account. Core-internal on purpose: a
 * plugin cannot exempt its own endpoints.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedBeforePasswordChange {
}
