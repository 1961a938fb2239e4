package cn.edu.cumt.union.core.internal.plugin;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * {@code /api/plugin-reviews}: unit plugin uploads waiting for an operator's approval, when
 * {@code unit.upload.review=true} in {@code etc/cn.edu.cumt.union.plugins.cfg}. Operators approve
 * or reject; administrators see the uploads of the units they manage.
 */
@Component(service = PluginReviewResource.class)
@UnionResource
@Path("/plugin-reviews")
@Produces(MediaType.APPLICATION_JSON)
public class PluginReviewResource {

    /** What a rejection may say. */
    public record RejectionDTO(String reason) {
    }

    private final PluginInstaller installer;

    @Activate
    public PluginReviewResource(@Reference PluginInstaller installer) {
        this.installer = installer;
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("待审核的插件 Plugins waiting for review")
    public List<PluginReviewDTO> list(@Context SecurityContext security) {
        return installer.reviews(UnionPrincipal.of(security));
    }

    /** Installs (or upgrades to) the held upload, after running every check again. */
    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.OPERATOR)
    @RestDoc("批准插件 Approve a plugin")
    public PluginInstallDTO approve(@Context SecurityContext security, @PathParam("id") String id) {
        return installer.approve(UnionPrincipal.of(security), id);
    }

    /** Drops the held upload; the body {@code {"reason": "…"}} is optional and goes to the audit log. */
    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @RestDoc("驳回插件 Reject a plugin")
    public PluginReviewDTO reject(@Context SecurityContext security, @PathParam("id") String id, RejectionDTO rejection) {
        String reason = rejection == null ? null : rejection.reason();
        if (reason != null && reason.length() > 500) {
            throw cn.edu.cumt.union.api.rest.ApiException.badRequest("plugin.reason-too-long", "理由不能超过 500 字",
                    "The reason may have at most 500 characters");
        }
        return installer.reject(UnionPrincipal.of(security), id, reason);
    }
}
