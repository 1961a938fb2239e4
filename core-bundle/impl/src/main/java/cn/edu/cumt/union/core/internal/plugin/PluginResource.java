package cn.edu.cumt.union.core.internal.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.plugin.PluginDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * {@code /api/plugins}: what is installed, and installing, upgrading, disabling, enabling,
 * uninstalling and purging plugins. Errors are shown to those who run the platform only.
 */
@Component(service = PluginResource.class)
@UnionResource
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    private static final String JAR = "application/java-archive";

    private final PluginRegistry registry;
    private final PluginInstaller installer;

    @Activate
    public PluginResource(@Reference PluginRegistry registry, @Reference PluginInstaller installer) {
        this.registry = registry;
        this.installer = installer;
    }

    /** Installed plugins, then those uninstalled through the platform whose data is kept. */
    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("插件列表 List plugins")
    public List<PluginDTO> list(@Context SecurityContext security) {
        UnionPrincipal caller = UnionPrincipal.of(security);
        List<PluginDTO> plugins = new ArrayList<>(registry.plugins());
        if (caller.hasRole(Roles.UNIT_ADMIN) || caller.hasRole(Roles.UNION_ADMIN) || caller.hasRole(Roles.OPERATOR)) {
            plugins.addAll(installer.uninstalledWithData());
        }
        return plugins.stream().map(plugin -> visibleTo(caller, plugin)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("插件详情 A plugin")
    public PluginDTO get(@PathParam("id") String id, @Context SecurityContext security) {
        UnionPrincipal caller = UnionPrincipal.of(security);
        return registry.plugin(id).map(plugin -> visibleTo(caller, plugin))
                .orElseThrow(() -> ApiException.notFound("plugin.not-found", "插件不存在：" + id, "No such plugin: " + id));
    }

    /** Uploads a plugin jar as the form field {@code file} (multipart), and installs or upgrades it. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "上传插件（安装或升级） Upload a plugin (install or upgrade)", status = 201, alsoStatus = { 200, 202 }, entity = PluginInstallDTO.class, parts = "file")
    public Response upload(@Context SecurityContext security, MultipartBody form) {
        Attachment file = form == null ? null : form.getAttachment("file");
        if (file == null) {
            throw ApiException.missingField("file");
        }
        try (InputStream in = file.getDataHandler().getInputStream()) {
            return installed(installer.upload(UnionPrincipal.of(security), in.readAllBytes()));
        } catch (IOException e) {
            throw ApiException.badRequest("plugin.unreadable", "上传的文件无法读取", "The uploaded file cannot be read");
        }
    }

    /** The same as the multipart upload, for clients that send the jar as the whole body. */
    @POST
    @Consumes({ JAR, MediaType.APPLICATION_OCTET_STREAM })
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "上传插件 jar（安装或升级） Upload a plugin jar (install or upgrade)", status = 201, alsoStatus = { 200, 202 }, entity = PluginInstallDTO.class)
    public Response uploadJar(@Context SecurityContext security, InputStream body) {
        try {
            return installed(installer.upload(UnionPrincipal.of(security), body.readAllBytes()));
        } catch (IOException e) {
            throw ApiException.badRequest("plugin.unreadable", "上传的文件无法读取", "The uploaded file cannot be read");
        }
    }

    private static Response installed(PluginInstallDTO result) {
        int status = switch (result.action()) {
        case "INSTALLED" -> 201;
        case "PENDING_REVIEW" -> 202;
        default -> 200;
        };
        return Response.status(status).entity(result).build();
    }

    @POST
    @Path("/{id}/disable")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("停用插件 Disable a plugin")
    public PluginDTO disable(@Context SecurityContext security, @PathParam("id") String id) {
        return installer.disable(UnionPrincipal.of(security), id);
    }

    @POST
    @Path("/{id}/enable")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("启用插件 Enable a plugin")
    public PluginDTO enable(@Context SecurityContext security, @PathParam("id") String id) {
        return installer.enable(UnionPrincipal.of(security), id);
    }

    /** Uninstalls a plugin installed through the platform; its data is kept. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("卸载插件（保留数据） Uninstall a plugin (data kept)")
    public PluginDTO uninstall(@Context SecurityContext security, @PathParam("id") String id) {
        return installer.uninstall(UnionPrincipal.of(security), id);
    }

    /** Saves an uninstalled plugin's data to a file, then deletes it; needs {@code {"confirm": "<id>"}}. */
    @POST
    @Path("/{id}/purge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("清除插件数据（先导出） Purge a plugin's data (exported first)")
    public PurgeReportDTO purge(@Context SecurityContext security, @PathParam("id") String id, PurgeRequestDTO request) {
        return installer.purge(UnionPrincipal.of(security), id, request);
    }

    /** Downloads the zip a purge wrote (the report's {@code exportFile} names it). */
    @GET
    @Path("/exports/{file}")
    @Produces({ "application/zip", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc(value = "下载插件数据导出 Download a plugin's data export", files = "application/zip")
    public Response export(@Context SecurityContext security, @PathParam("file") String file) {
        java.nio.file.Path zip = installer.export(UnionPrincipal.of(security), file);
        return Response.ok(zip.toFile(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + zip.getFileName() + "\"").build();
    }

    /** Error texts can name internals: only those who manage the plugin see them. */
    private PluginDTO visibleTo(UnionPrincipal caller, PluginDTO plugin) {
        if (plugin.lastError() == null || installer.mayManage(caller, plugin.ownerUnit())) {
            return plugin;
        }
        return new PluginDTO(plugin.id(), plugin.name(), plugin.nameEn(), plugin.version(), plugin.workPoint(),
                plugin.ownerUnit(), plugin.bundleId(), plugin.symbolicName(), plugin.state(), null);
    }
}
