package cn.edu.cumt.union.core.internal.plugin;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.plugin.PluginDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** {@code /api/plugins}: what is installed. Errors are shown to those who run the platform only. */
@Component(service = PluginResource.class)
@UnionResource
@Path("/plugins")
@Produces(MediaType.APPLICATION_JSON)
public class PluginResource {

    private final PluginRegistry registry;

    @Activate
    public PluginResource(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public List<PluginDTO> list(@Context SecurityContext security) {
        UnionPrincipal caller = UnionPrincipal.of(security);
        return registry.plugins().stream().map(plugin -> visibleTo(caller, plugin)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public PluginDTO get(@PathParam("id") String id, @Context SecurityContext security) {
        UnionPrincipal caller = UnionPrincipal.of(security);
        return registry.plugin(id).map(plugin -> visibleTo(caller, plugin))
                .orElseThrow(() -> ApiException.notFound("plugin.not-found", "插件不存在：" + id, "No such plugin: " + id));
    }

    /** Error texts can name internals: only operators and union administrators see them. */
    private static PluginDTO visibleTo(UnionPrincipal caller, PluginDTO plugin) {
        if (caller.hasRole(Roles.OPERATOR) || caller.hasRole(Roles.UNION_ADMIN)) {
            return plugin;
        }
        return new PluginDTO(plugin.id(), plugin.name(), plugin.nameEn(), plugin.version(), plugin.workPoint(),
                plugin.ownerUnit(), plugin.bundleId(), plugin.symbolicName(), plugin.state(), null);
    }
}
