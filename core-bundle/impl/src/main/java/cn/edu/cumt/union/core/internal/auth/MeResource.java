package cn.edu.cumt.union.core.internal.auth;

import javax.annotation.security.RolesAllowed;
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
import cn.edu.cumt.union.core.internal.rest.AllowedBeforePasswordChange;

/** The caller's own account: who they are, their roles and member record. */
@Component(service = MeResource.class)
@UnionResource
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;

    @Activate
    public MeResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    @AllowedBeforePasswordChange
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("当前用户 Who am I")
    public MeDTO me(@Context SecurityContext sc) {
        return accounts.me(UnionPrincipal.of(sc));
    }
}
