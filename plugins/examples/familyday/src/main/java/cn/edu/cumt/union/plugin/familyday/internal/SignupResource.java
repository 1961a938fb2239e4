package cn.edu.cumt.union.plugin.familyday.internal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** {@code /api/familyday/activities/{id}/signups}: thin REST over {@link SignupService}. */
@Component(service = SignupResource.class)
@UnionResource
@Path("/activities/{id}/signups")
@Produces(MediaType.APPLICATION_JSON)
public class SignupResource {

    private final SignupService signups;

    @Activate
    public SignupResource(@Reference SignupService signups) {
        this.signups = signups;
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("活动报名名单 Sign-ups of an activity")
    public List<SignupDTO> list(@Context SecurityContext security, @PathParam("id") long id) {
        return signups.list(UnionPrincipal.of(security), id);
    }

    /** Signs the caller up, or changes their sign-up. */
    @PUT
    @Path("/mine")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MEMBER)
    @RestDoc("报名或修改报名 Sign up, or change my sign-up")
    public SignupDTO signUp(@Context SecurityContext security, @PathParam("id") long id, SignupInputDTO input) {
        return signups.signUp(UnionPrincipal.of(security), id, input);
    }

    @DELETE
    @Path("/mine")
    @RolesAllowed(Roles.MEMBER)
    @RestDoc(value = "取消报名 Cancel my sign-up", status = 204)
    public Response cancel(@Context SecurityContext security, @PathParam("id") long id) {
        signups.cancel(UnionPrincipal.of(security), id);
        return Response.noContent().build();
    }
}
