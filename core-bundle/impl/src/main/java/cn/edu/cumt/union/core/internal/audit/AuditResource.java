package cn.edu.cumt.union.core.internal.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.audit.AuditEntryDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.core.internal.audit.AuditLogImpl.AuditQuery;

/** {@code GET /api/audit}: the audit log, newest first, for union administrators and operators. */
@Component(service = AuditResource.class)
@UnionResource
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLogImpl audit;

    @Activate
    public AuditResource(@Reference AuditLogImpl audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("查询审计日志 Search the audit log")
    public PageDTO<AuditEntryDTO> search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("outcome") String outcome, @QueryParam("from") @QueryDoc(format = "date-time") String from,
            @QueryParam("to") @QueryDoc(format = "date-time") String to,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        AuditQuery query = new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(targetType),
                blankToNull(targetId), blankToNull(outcome), instant("from", from), instant("to", to));
        return audit.search(query, Paging.offset(offset), Paging.limit(limit));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "应为 ISO-8601 时间，如 2024-03-18T00:00:00Z",
                    "expected an ISO-8601 instant such as 2024-03-18T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
