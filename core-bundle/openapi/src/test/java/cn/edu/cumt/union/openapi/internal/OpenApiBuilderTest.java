package cn.edu.cumt.union.openapi.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.junit.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;

public class OpenApiBuilderTest {

    @Path("/notes")
    @RolesAllowed("member")
    public static class NotesResource {

        @GET
        public List<String> list() {
            return List.of();
        }

        @GET
        @Path("/{id: [0-9]+}")
        @PermitAll
        public String get(@PathParam("id") long id) {
            return "";
        }

        @POST
        @RolesAllowed({ "unit-admin", "union-admin" })
        public void create(String body) {
        }
    }

    @Path("/undeclared")
    public static class UndeclaredResource {

        @DELETE
        public void delete() {
        }
    }

    @Test
    public void everyOperationCarriesTheRolesTheGuardApplies() {
        OpenAPI api = OpenApiBuilder.build(Set.of(NotesResource.class, UndeclaredResource.class));

        Operation list = api.getPaths().get("/notes").getGet();
        assertEquals(List.of("member"), list.getExtensions().get(OpenApiBuilder.ROLES_EXTENSION));
        assertNotNull("needs a token", list.getSecurity());

        Operation create = api.getPaths().get("/notes").getPost();
        assertEquals(List.of("unit-admin", "union-admin"), create.getExtensions().get(OpenApiBuilder.ROLES_EXTENSION));

        Operation get = api.getPaths().get("/notes/{id}").getGet();
        assertEquals("method wins over class", List.of("*"), get.getExtensions().get(OpenApiBuilder.ROLES_EXTENSION));
        assertNull("public: no token required", get.getSecurity());

        Operation delete = api.getPaths().get("/undeclared").getDelete();
        assertEquals("deny by default", List.of(), delete.getExtensions().get(OpenApiBuilder.ROLES_EXTENSION));
    }

    @Test
    public void aPluginsOperationsAreListedUnderItsOwnApplication() {
        OpenAPI api = OpenApiBuilder.build(Map.of("", Set.of(UndeclaredResource.class), "/outing", Set.of(NotesResource.class)));

        assertNull("a plugin's resource is not at the core's root", api.getPaths().get("/notes"));
        Operation create = api.getPaths().get("/outing/notes").getPost();
        assertEquals(List.of("unit-admin", "union-admin"), create.getExtensions().get(OpenApiBuilder.ROLES_EXTENSION));
        Operation get = api.getPaths().get("/outing/notes/{id}").getGet();
        assertEquals(List.of("*"), get.getExtensions().get(OpenApiBuilder.ROLES_EXTENSION));
        assertNotNull("the core's own operations are still there", api.getPaths().get("/undeclared").getDelete());
    }

    @Test
    public void pathsAreNormalisedLikeOpenApiWritesThem() {
        assertEquals("/a/b/{id}", EndpointRoles.normalise("/a//b/{id: [0-9]+}/"));
        assertEquals("/", EndpointRoles.normalise(""));
    }
}
