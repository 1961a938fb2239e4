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

/** 公示公告: the results on notice and published, for everyone signed in. */
@Component(service = HonoursNoticeResource.class)
@UnionResource
@Path("/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HonoursNoticeResource {

    private final HonoursService honours;

    @Activate
    public HonoursNoticeResource(@Reference HonoursService honours) {
        this.honours = honours;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("公示公告 Results on notice and published")
    public List<PublicListDTO> notices(@Context SecurityContext sc) {
        return honours.notices(UnionPrincipal.of(sc));
    }
}
