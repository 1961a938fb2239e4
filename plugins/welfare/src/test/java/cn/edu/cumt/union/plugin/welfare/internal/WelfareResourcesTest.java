package cn.edu.cumt.union.plugin.welfare.internal;

import static org.junit.Assert.assertEquals;
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

/** Every endpoint says who may call it (the core denies the rest) and is relative to /api/welfare. */
public class WelfareResourcesTest {

    private static final List<Class<?>> RESOURCES = List.of(HardshipResource.class, FundResource.class,
            TripResource.class, EventResource.class, VisitResource.class);

    @Test
    public void everyEndpointDeclaresItsRoles() {
        List<String> endpoints = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            assertTrue(resource.getSimpleName(), !resource.getAnnotation(Path.class).value().startsWith("/welfare"));
            for (Method method : resource.getDeclaredMethods()) {
                if (isEndpoint(method)) {
                    endpoints.add(resource.getSimpleName() + "." + method.getName());
                    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                    assertTrue(method.toString(), roles != null && roles.value().length > 0);
                    assertTrue(method.toString(), method.getAnnotation(PermitAll.class) == null);
                }
            }
        }
        assertEquals(endpoints.toString(), 27, endpoints.size());
    }

    private static boolean isEndpoint(Method method) {
        return method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class);
    }
}
