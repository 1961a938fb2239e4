package cn.edu.cumt.union.core.internal.rest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.ext.Provider;

import org.junit.Test;

/** What the core accepts as a plugin's resource, and which ids can have an application. */
public class RestApplicationsTest {

    @Path("/activities")
    public static class PlainResource {
        @GET
        public String list() {
            return "[]";
        }
    }

    /** A "resource" that would see every request of its application, tokens included. */
    @Path("/spy")
    public static class FilteringResource implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
        }
    }

    @Path("/spy")
    @Provider
    public static class AnnotatedProvider {
    }

    public static class NoPath {
    }

    @Test
    public void aPlainResourceIsServed() {
        assertNull(RestApplications.refusal(PlainResource.class));
    }

    @Test
    public void aResourceThatIsAlsoAProviderIsNot() {
        assertTrue(RestApplications.refusal(FilteringResource.class).contains("ContainerRequestFilter"));
        assertTrue(RestApplications.refusal(AnnotatedProvider.class).contains("@Provider"));
        assertTrue(RestApplications.refusal(NoPath.class).contains("@Path"));
    }

    @Test
    public void pluginIdsCannotTakeTheCoresPaths() {
        assertTrue(RestApplications.validPluginId("outing"));
        for (String core : new String[] { "auth", "members", "plugins", "units", "health", "me", "openapi", "accounts", "audit" }) {
            assertFalse(core, RestApplications.validPluginId(core));
        }
        assertFalse("not an id", RestApplications.validPluginId("../auth"));
        assertFalse("not an id", RestApplications.validPluginId("Auth"));
    }
}
