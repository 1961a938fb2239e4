package cn.edu.cumt.union.core.internal.rest;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Set;

import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;

import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * What a resource method declared about who may call it. The method's own annotation wins over the
 * class's; a method that declares nothing anywhere is denied: deny by default.
 */
public record AccessRule(Kind kind, Set<String> roles) {

    public enum Kind {
        PERMIT_ALL, ROLES, DENY_ALL
    }

    public static AccessRule of(Method method, Class<?> resourceClass) {
        AccessRule rule = declaredOn(method);
        if (rule == null && resourceClass != null) {
            rule = declaredOn(resourceClass);
        }
        return rule == null ? new AccessRule(Kind.DENY_ALL, Set.of()) : rule;
    }

    private static AccessRule declaredOn(AnnotatedElement element) {
        if (element == null) {
            return null;
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new AccessRule(Kind.DENY_ALL, Set.of());
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return new AccessRule(Kind.PERMIT_ALL, Set.of());
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        return roles == null ? null : new AccessRule(Kind.ROLES, Set.of(roles.value()));
    }

    /** @return whether the rule demands an authenticated caller */
    public boolean needsAuthentication() {
        return kind == Kind.ROLES;
    }

    /** @return whether this caller (maybe {@code null}, anonymous) passes the rule */
    public boolean allows(UnionPrincipal caller) {
        return switch (kind) {
        case PERMIT_ALL -> true;
        case DENY_ALL -> false;
        case ROLES -> caller != null && caller.roles().stream().anyMatch(roles::contains);
        };
    }
}
