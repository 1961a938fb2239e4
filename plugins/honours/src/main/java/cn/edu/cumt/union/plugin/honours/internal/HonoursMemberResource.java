package cn.edu.cumt.union.plugin.honours.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
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

/** A member's own: my honour record and the objections I filed. */
@Component(service = HonoursMemberResource.class)
@UnionResource
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HonoursMemberResource {

    private final HonoursService honours;

    @Activate
    public HonoursMemberResource(@Reference HonoursService honours) {
        this.honours = honours;
    }

    @GET
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("我的荣誉 My honour record across the years")
    public MyHonoursDTO mine(@Context SecurityContext sc) {
        return honours.mine(UnionPrincipal.of(sc));
    }

    @GET
    @Path("/objections")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("我的异议 The objections I filed")
    public List<ObjectionDTO> myObjections(@Context SecurityContext sc) {
        return honours.myObjections(UnionPrincipal.of(sc));
    }
}
