package cn.edu.cumt.union.plugin.congress.internal;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.RestDoc;

/** Every endpoint declares who may call it and what it does. */
public class CongressResourcesTest {

    @Test
    public void everyEndpointHasRolesAndADoc() {
        int endpoints = 0;
        for (Class<?> type : List.of(CongressSessionResource.class, CongressProposalResource.class,
                CongressEvaluationResource.class)) {
            assertNotNull(type.getAnnotation(Path.class));
            for (Method m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(GET.class) || m.isAnnotationPresent(POST.class) || m.isAnnotationPresent(PUT.class)
                        || m.isAnnotationPresent(DELETE.class)) {
                    endpoints++;
                    assertNotNull(type.getSimpleName() + "." + m.getName(), m.getAnnotation(RolesAllowed.class));
                    assertNotNull(type.getSimpleName() + "." + m.getName(), m.getAnnotation(RestDoc.class));
                }
            }
        }
        assertTrue(endpoints >= 25);
    }
}
