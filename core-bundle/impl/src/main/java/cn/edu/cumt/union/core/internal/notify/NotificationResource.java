package cn.edu.cumt.union.core.internal.notify;

import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

import cn.edu.cumt.union.api.notify.NotificationDTO;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/** The caller's own in-app inbox: newest first, unread count, marking read. Nobody sees another's. */
@Component(service = NotificationResource.class)
@UnionResource
@Path("/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationStore store;

    @Activate
    public NotificationResource(@Reference NotificationStore store) {
        this.store = store;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public PageDTO<NotificationDTO> list(@Context SecurityContext sc, @QueryParam("unread") Boolean unread,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return store.inbox(UnionPrincipal.of(sc), Boolean.TRUE.equals(unread), Paging.offset(offset), Paging.limit(limit));
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @Path("/unread-count")
    public Map<String, Long> unreadCount(@Context SecurityContext sc) {
        return Map.of("unread", store.unread(UnionPrincipal.of(sc)));
    }

    @POST
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @Path("/{id: \\d+}/read")
    public NotificationDTO markRead(@Context SecurityContext sc, @PathParam("id") long id) {
        return store.markRead(UnionPrincipal.of(sc), id);
    }

    @POST
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @Path("/read-all")
    public Map<String, Integer> markAllRead(@Context SecurityContext sc) {
        return Map.of("marked", store.markAllRead(UnionPrincipal.of(sc)));
    }
}
