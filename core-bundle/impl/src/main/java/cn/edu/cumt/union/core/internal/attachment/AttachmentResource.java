package cn.edu.cumt.union.core.internal.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.attachment.AttachmentDTO;
import cn.edu.cumt.union.api.audit.AuditLog;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * Files of plugin records: {@code /api/attachments/<plugin>/<record type>/<record id>} to list and
 * upload (the body is the file, {@code ?name=} its name), {@code /api/attachments/<id>} to download and
 * delete. The owning plugin's {@link cn.edu.cumt.union.api.attachment.AttachmentAccess} decides; a record
 * the caller may not see answers 404 like one that does not exist.
 */
@Component(service = AttachmentResource.class)
@UnionResource
@Path("/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentResource {

    private final AttachmentStore store;
    private final AccessRegistry access;
    private final AuditLog audit;

    @Activate
    public AttachmentResource(@Reference AttachmentStore store, @Reference AccessRegistry access, @Reference AuditLog audit) {
        this.store = store;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("/{plugin}/{type}/{record}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public List<AttachmentDTO> list(@Context SecurityContext sc, @PathParam("plugin") String plugin,
            @PathParam("type") String type, @PathParam("record") String record) {
        requireSee(UnionPrincipal.of(sc), plugin, type, record);
        return store.list(plugin, type, record);
    }

    @POST
    @Path("/{plugin}/{type}/{record}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "上传附件 Attach a file to a record", status = 201, entity = AttachmentDTO.class, errors = { 413, 415 })
    public Response upload(@Context SecurityContext sc, @PathParam("plugin") String plugin, @PathParam("type") String type,
            @PathParam("record") String record, @QueryParam("name") String name, InputStream body) throws IOException {
        UnionPrincipal caller = UnionPrincipal.of(sc);
        requireChange(caller, plugin, type, record);
        AttachmentDTO stored = store.store(plugin, type, record, name, body, caller.username());
        audit.record("attachment.upload", "Attachment", Long.toString(stored.id()),
                plugin + "/" + type + "/" + record + " " + stored.fileName() + " (" + stored.size() + " bytes, " + stored.contentType() + ")");
        return Response.status(201).entity(stored).build();
    }

    @GET
    @Path("/{id: \\d+}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "下载附件 Download an attachment", files = { "application/pdf", "image/png", "image/jpeg", "image/gif",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation" })
    public Response download(@Context SecurityContext sc, @PathParam("id") long id) {
        AttachmentDTO file = visible(UnionPrincipal.of(sc), id);
        byte[] content = store.content(id);
        if (content == null) {
            throw notFound();
        }
        return Response.ok(content, file.contentType())
                .header("Content-Disposition", contentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "删除附件 Remove an attachment", status = 204)
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id) {
        UnionPrincipal caller = UnionPrincipal.of(sc);
        AttachmentDTO file = visible(caller, id);
        requireChange(caller, file.pluginId(), file.recordType(), file.recordId());
        if (store.delete(id)) {
            audit.record("attachment.delete", "Attachment", Long.toString(id),
                    file.pluginId() + "/" + file.recordType() + "/" + file.recordId() + " " + file.fileName());
        }
        return Response.noContent().build();
    }

    private AttachmentDTO visible(UnionPrincipal caller, long id) {
        AttachmentDTO file = store.find(id).orElseThrow(AttachmentResource::notFound);
        if (!access.maySee(file.pluginId(), caller, file.recordType(), file.recordId())) {
            throw notFound();
        }
        return file;
    }

    private void requireSee(UnionPrincipal caller, String plugin, String type, String record) {
        AttachmentStore.checkRecord(plugin, type, record);
        if (!access.maySee(plugin, caller, type, record)) {
            throw AttachmentStore.recordNotFound();
        }
    }

    private void requireChange(UnionPrincipal caller, String plugin, String type, String record) {
        requireSee(caller, plugin, type, record);
        if (!access.mayChange(plugin, caller, type, record)) {
            throw ApiException.forbidden("attachment.forbidden", "无权更改该记录的附件", "You may not change this record's files");
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("attachment.not-found", "附件不存在", "No such attachment");
    }

    /** {@code attachment}, an ASCII fallback name and the exact name in RFC 5987 form (UTF-8, percent-encoded). */
    static String contentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (char c : fileName.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
