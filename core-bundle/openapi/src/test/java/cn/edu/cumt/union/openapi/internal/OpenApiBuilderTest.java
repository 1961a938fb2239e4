package cn.edu.cumt.union.openapi.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;

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
import javax.ws.rs.QueryParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;

import org.junit.Test;

import cn.edu.cumt.union.api.rest.Nullable;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.openapi.check.OpenApiCompleteness;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
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


    public record NoteDTO(long id, String title, @Nullable String comment, @Nullable NoteDTO parent) {
    }

    @Path("/files")
    @RolesAllowed("member")
    public static class FilesResource {

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @RestDoc(value = "新建 Create", status = 201, entity = NoteDTO.class)
        public Response create(NoteDTO note) {
            return Response.status(201).entity(note).build();
        }

        @DELETE
        @Path("/{id}")
        public void delete(@PathParam("id") long id) {
        }

        @POST
        @Path("/import")
        @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM })
        public NoteDTO importFile(@QueryParam("dryRun") @QueryDoc(type = "boolean", required = true) String dryRun,
                InputStream body) {
            return null;
        }

        @POST
        @Path("/upload")
        @Consumes(MediaType.MULTIPART_FORM_DATA)
        public NoteDTO upload(MultipartBody form) {
            return null;
        }

        @GET
        public List<NoteDTO> list(@QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
            return List.of();
        }

        @GET
        @Path("/{id}")
        public Response get(@PathParam("id") long id) {
            return Response.ok().build();
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
    public void statusesSchemasAndErrorsComeFromTheMethod() {
        OpenAPI api = OpenApiBuilder.build(Set.of(FilesResource.class));

        Operation create = api.getPaths().get("/files").getPost();
        assertEquals("新建 Create", create.getSummary());
        assertEquals(List.of("files"), create.getTags());
        assertEquals("filesCreate", create.getOperationId());
        assertNull("no default answer", create.getResponses().get("default"));
        assertEquals("#/components/schemas/NoteDTO",
                create.getResponses().get("201").getContent().get(MediaType.APPLICATION_JSON).getSchema().get$ref());
        assertEquals(Set.of("201", "400", "401", "403", "409", "413"), create.getResponses().keySet());
        assertEquals(OperationDocs.ERROR_REF,
                create.getResponses().get("413").getContent().get(MediaType.APPLICATION_JSON).getSchema().get$ref());

        Operation delete = api.getPaths().get("/files/{id}").getDelete();
        assertEquals("a void method answers 204", Set.of("204", "400", "401", "403", "404", "409"),
                delete.getResponses().keySet());
        assertEquals("generated summary", "Files: delete", delete.getSummary());
        assertNull(delete.getResponses().get("204").getContent());
    }

    @Test
    public void binaryAndMultipartBodiesAreBinaryAndCxfTypesStayOut() {
        OpenAPI api = OpenApiBuilder.build(Set.of(FilesResource.class));

        Operation importFile = api.getPaths().get("/files/import").getPost();
        assertEquals("binary", importFile.getRequestBody().getContent().get("text/csv").getSchema().getFormat());
        assertEquals("binary", importFile.getRequestBody().getContent().get(MediaType.APPLICATION_OCTET_STREAM).getSchema().getFormat());
        io.swagger.v3.oas.models.parameters.Parameter dryRun = importFile.getParameters().get(0);
        assertEquals("boolean", dryRun.getSchema().getType());
        assertEquals(Boolean.TRUE, dryRun.getRequired());

        Operation upload = api.getPaths().get("/files/upload").getPost();
        Schema<?> form = upload.getRequestBody().getContent().get(MediaType.MULTIPART_FORM_DATA).getSchema();
        assertEquals("binary", ((Schema<?>) form.getProperties().get("file")).getFormat());
        assertEquals(List.of("file"), form.getRequired());
        for (String name : api.getComponents().getSchemas().keySet()) {
            assertFalse(name, name.contains("Multipart") || name.contains("Attachment") || name.contains("InputStream"));
        }
    }

    @Test
    public void nullableFieldsAreNotRequiredAndPagingIsBounded() {
        OpenAPI api = OpenApiBuilder.build(Set.of(FilesResource.class));

        Schema<?> note = api.getComponents().getSchemas().get("NoteDTO");
        assertEquals(List.of("id", "title"), note.getRequired());
        assertEquals(Boolean.TRUE, ((Schema<?>) note.getProperties().get("comment")).getNullable());
        Schema<?> parent = (Schema<?>) note.getProperties().get("parent");
        assertEquals("a nullable $ref is wrapped", Boolean.TRUE, parent.getNullable());
        assertEquals(List.of("status", "code", "message", "messageEn", "details").stream().sorted().toList(),
                api.getComponents().getSchemas().get(OperationDocs.ERROR_SCHEMA).getRequired().stream().sorted().toList());

        Operation list = api.getPaths().get("/files").getGet();
        Schema<?> limit = list.getParameters().stream().filter(p -> p.getName().equals("limit")).findFirst().orElseThrow().getSchema();
        assertEquals(1, limit.getMinimum().intValue());
        assertEquals(Paging.MAX_LIMIT, limit.getMaximum().intValue());
    }

    @Test
    public void theCheckFindsWhatIsMissing() {
        // a Response without a declared entity: the builder cannot know its schema, and the check says so
        String document = Json.pretty(OpenApiBuilder.build(Map.of("", Set.of(FilesResource.class)), "http://localhost/api"));
        List<String> problems = OpenApiCompleteness.problems(document, true);
        assertEquals(List.of("GET /files/{id}: 200 has no schema"), problems);

        String relative = Json.pretty(OpenApiBuilder.build(Set.of(NotesResource.class)));
        assertTrue(OpenApiCompleteness.problems(relative, true).stream().anyMatch(p -> p.startsWith("server url is not absolute")));

        String stripped = document.replace("\"summary\" : \"新建 Create\",", "").replace("\"filesDelete\"", "\"filesCreate\"");
        List<String> found = OpenApiCompleteness.problems(stripped, true);
        assertTrue(found.toString(), found.contains("POST /files: no summary"));
        assertTrue(found.toString(), found.stream().anyMatch(p -> p.contains("operationId filesCreate also names")));
    }

    @Test
    public void pluginOperationIdsStartWithThePluginAndNeverCollide() {
        OpenAPI api = OpenApiBuilder.build(Map.of("/outing", Set.of(NotesResource.class, FilesResource.class)));
        Set<String> ids = new java.util.HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            assertTrue(operation.getOperationId(), operation.getOperationId().startsWith("outing"));
            assertEquals(List.of("outing"), operation.getTags());
            assertTrue("unique: " + operation.getOperationId(), ids.add(operation.getOperationId()));
        }));
        assertEquals("outingNotesGet", api.getPaths().get("/outing/notes/{id}").getGet().getOperationId());
    }

    @Test
    public void pathsAreNormalisedLikeOpenApiWritesThem() {
        assertEquals("/a/b/{id}", EndpointRoles.normalise("/a//b/{id: [0-9]+}/"));
        assertEquals("/", EndpointRoles.normalise(""));
    }
}
