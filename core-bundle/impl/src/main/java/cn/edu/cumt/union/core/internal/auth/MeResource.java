package cn.edu.cumt.union.core.internal.auth;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
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
import cn.edu.cumt.union.core.internal.member.ContactChangeDTO;
import cn.edu.cumt.union.core.internal.member.ContactDTO;
import cn.edu.cumt.union.core.internal.member.MemberService;
import cn.edu.cumt.union.core.internal.rest.AllowedBeforePasswordChange;

/** The caller's own account: who they are, their roles and member record. */
@Component(service = MeResource.class)
@UnionResource
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;
    private final MemberService members;

    @Activate
    public MeResource(@Reference AccountService accounts, @Reference MemberService members) {
        this.accounts = accounts;
        this.members = members;
    }

    @GET
    @AllowedBeforePasswordChange
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("当前用户 Who am I")
    public MeDTO me(@Context SecurityContext sc) {
        return accounts.me(UnionPrincipal.of(sc));
    }

    @PUT
    @Path("/contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("修改本人联系方式 Change my own phone and e-mail")
    public ContactDTO contact(@Context SecurityContext sc, ContactChangeDTO change) {
        return members.updateOwnContact(UnionPrincipal.of(sc).memberId(), change);
    }
}
