package cn.edu.cumt.union.plugin.honours.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

import org.junit.Test;

import cn.edu.cumt.union.api.security.Roles;

/** Every endpoint declares its roles, none is open, and the union's steps are the union's only. */
public class HonoursResourcesTest {

    private static final List<Class<?>> RESOURCES = List.of(HonoursCallResource.class,
            HonoursNominationResource.class, HonoursMemberResource.class, HonoursNoticeResource.class,
            HonoursObjectionResource.class);

    @Test
    public void everyEndpointDeclaresItsRoles() throws Exception {
        List<String> endpoints = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            assertFalse(resource.getSimpleName(), resource.getAnnotation(Path.class).value().startsWith("/honours"));
            for (Method method : resource.getDeclaredMethods()) {
                if (method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                        || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class)) {
                    endpoints.add(resource.getSimpleName() + "." + method.getName());
                    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                    assertTrue(method.toString(), roles != null && roles.value().length > 0);
                    assertTrue(method.toString(), method.getAnnotation(PermitAll.class) == null);
                }
            }
        }
        assertEquals(endpoints.toString(), 25, endpoints.size());
        for (String unionOnly : List.of("create", "update", "ballot", "closeBallot", "results", "notice", "objections", "finalise")) {
            Method method = find(HonoursCallResource.class, unionOnly);
            assertEquals(unionOnly, List.of(Roles.UNION_ADMIN), List.of(method.getAnnotation(RolesAllowed.class).value()));
        }
        assertEquals(List.of(Roles.UNION_ADMIN), List.of(find(HonoursObjectionResource.class, "answer")
                .getAnnotation(RolesAllowed.class).value()));
        assertEquals(List.of(Roles.UNION_ADMIN), List.of(find(HonoursNominationResource.class, "review")
                .getAnnotation(RolesAllowed.class).value()));
    }

    private static Method find(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError(name);
    }
}
