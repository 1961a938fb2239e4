package cn.edu.cumt.union.core.internal.org;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.security.UnitScope;
import cn.edu.cumt.union.core.internal.security.AccessControlImpl;

/** {@code /api/units}: the organisation tree. Anyone signed in reads it; the union administrators change it. */
@Component(service = OrganisationResource.class)
@UnionResource
@Path("/units")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final OrganisationService organisation;
    private final AccessControl access;
    private final AccessControlImpl accessCache;

    @Activate
    public OrganisationResource(@Reference OrganisationService organisation, @Reference AccessControl access,
            @Reference AccessControlImpl accessCache) {
        this.accessCache = accessCache;
        this.organisation = organisation;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("单位列表 List units")
    public List<UnitDTO> list(@QueryParam("includeRetired") boolean includeRetired) {
        return organisation.list(includeRetired);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("单位详情 A unit")
    public UnitDTO get(@PathParam("id") long id) {
        return organisation.get(id);
    }

    /** Union administrators create units and groups; unit administrators groups inside their units. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("新建单位 Create a unit")
    public UnitDTO create(@Context SecurityContext sc, UnitRequestDTO request) {
        return treeChanged(organisation.create(scope(sc), request));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("重命名单位 Rename a unit")
    public UnitDTO rename(@Context SecurityContext sc, @PathParam("id") long id, UnitRenameDTO request) {
        return treeChanged(organisation.rename(scope(sc), id, request));
    }

    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("调整上级单位 Move a unit")
    public UnitDTO move(@PathParam("id") long id, UnitMoveDTO request) {
        if (request == null) {
            throw ApiException.missingField("parentId");
        }
        return treeChanged(organisation.move(id, request.parentId()));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("撤销单位 Retire a unit")
    public UnitDTO retire(@PathParam("id") long id) {
        return treeChanged(organisation.retire(id));
    }

    private UnitScope scope(SecurityContext sc) {
        UnionPrincipal caller = UnionPrincipal.of(sc);
        return caller.hasRole(Roles.UNION_ADMIN) ? UnitScope.all() : access.manageableUnits(caller);
    }

    /** Unit scopes follow the tree: forget the cached one so that the next decision sees the change. */
    private UnitDTO treeChanged(UnitDTO changed) {
        accessCache.invalidate();
        return changed;
    }
}
