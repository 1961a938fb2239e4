package cn.edu.cumt.union.plugin.honours.internal;

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

/** One objection, read by its filer or the union, and the union's answer. */
@Component(service = HonoursObjectionResource.class)
@UnionResource
@Path("/objections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HonoursObjectionResource {

    private final HonoursService honours;

    @Activate
    public HonoursObjectionResource(@Reference HonoursService honours) {
        this.honours = honours;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNION_ADMIN })
    @RestDoc("异议详情 One objection (its filer or the union)")
    public ObjectionDTO objection(@Context SecurityContext sc, @PathParam("id") long id) {
        return honours.objection(UnionPrincipal.of(sc), id);
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc("答复异议 Answer an objection")
    public ObjectionDTO answer(@Context SecurityContext sc, @PathParam("id") long id, AnswerDTO input) {
        return honours.answer(UnionPrincipal.of(sc), id, input);
    }
}
