package cn.edu.cumt.union.openapi.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

/**
 * Reads who may call each resource method, the way the core's request guard decides it: the
 * method's annotation wins over the class's, and nothing declared means nobody.
 */
final class EndpointRoles {

    /**
     * One endpoint: HTTP method, OpenAPI path, the roles allowed ({@code ["*"]} = anyone, empty =
     * nobody) and the resource method that answers it.
     */
    record Endpoint(String httpMethod, String path, List<String> roles, Method method) {

        boolean isPublic() {
            return roles.equals(List.of("*"));
        }

        Endpoint below(String prefix) {
            return new Endpoint(httpMethod, prefix + path, roles, method);
        }
    }

    private EndpointRoles() {
    }

    /** The resource's endpoints, in a stable order (by method name, then parameter count). */
    static List<Endpoint> of(Class<?> resource) {
        List<Endpoint> endpoints = new ArrayList<>();
        String base = pathOf(resource.getAnnotation(Path.class));
        List<Method> methods = new ArrayList<>(List.of(resource.getMethods()));
        methods.sort(Comparator.comparing(Method::getName).thenComparingInt(Method::getParameterCount)
                .thenComparing(Method::toGenericString));
        for (Method method : methods) {
            String httpMethod = httpMethod(method);
            if (httpMethod == null) {
                continue;
            }
            String path = normalise(base + "/" + pathOf(method.getAnnotation(Path.class)));
            endpoints.add(new Endpoint(httpMethod, path, roles(method, resource), method));
        }
        return endpoints;
    }

    private static List<String> roles(Method method, Class<?> resource) {
        List<String> declared = declared(method);
        if (declared == null) {
            declared = declared(resource);
        }
        return declared == null ? List.of() : declared;
    }

    private static List<String> declared(java.lang.reflect.AnnotatedElement element) {
        if (element.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return List.of("*");
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        return allowed == null ? null : List.of(allowed.value());
    }

    private static String httpMethod(Method method) {
        for (Class<? extends java.lang.annotation.Annotation> verb : List.of(GET.class, POST.class, PUT.class,
                DELETE.class, PATCH.class, HEAD.class, OPTIONS.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    /** "/a//b/{id: [0-9]+}/" becomes "/a/b/{id}", as OpenAPI writes paths. */
    static String normalise(String path) {
        String withoutRegex = path.replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}");
        String collapsed = ("/" + withoutRegex).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }
}
