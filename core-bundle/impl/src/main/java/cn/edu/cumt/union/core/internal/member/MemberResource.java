package cn.edu.cumt.union.core.internal.member;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.directory.MemberDTO;
import cn.edu.cumt.union.api.directory.MemberStatus;
import cn.edu.cumt.union.api.directory.UnitDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.PageDTO;
import cn.edu.cumt.union.api.rest.Paging;
import cn.edu.cumt.union.api.rest.QueryDoc;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.AccessControl;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;
import cn.edu.cumt.union.api.table.TableException;
import cn.edu.cumt.union.api.table.TableFormat;
import cn.edu.cumt.union.api.table.TableRead;
import cn.edu.cumt.union.api.table.Tables;
import cn.edu.cumt.union.core.internal.org.OrganisationService;
import cn.edu.cumt.union.api.security.UnitScope;

/** {@code /api/members}: administrators work on the members of the units they manage; a member reads their own record. */
@Component(service = MemberResource.class)
@UnionResource
@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final MemberService members;
    private final OrganisationService organisation;
    private final AccessControl access;
    private final Tables tables;

    @Activate
    public MemberResource(@Reference MemberService members, @Reference OrganisationService organisation,
            @Reference AccessControl access, @Reference Tables tables) {
        this.members = members;
        this.organisation = organisation;
        this.access = access;
        this.tables = tables;
    }

    @GET
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("查找会员 Search members")
    public PageDTO<MemberDTO> search(@Context SecurityContext sc, @QueryParam("q") String q,
            @QueryParam("unitId") Long unitId, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return members.search(scope(sc), query(q, unitId, status, category), Paging.offset(offset),
                Paging.limit(limit));
    }

    /** The category vocabulary, so that screens and files use the same codes and labels. */
    @GET
    @Path("/categories")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    @RestDoc("会员类别 Member categories")
    public List<CategoryDTO> categories() {
        return MemberVocabulary.CATEGORIES.entrySet().stream().map(e -> new CategoryDTO(e.getKey(), e.getValue()))
                .toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("会员详情 A member")
    public MemberDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        UnionPrincipal caller = UnionPrincipal.of(sc);
        if (caller.memberId() != null && caller.memberId() == id) {
            return members.get(UnitScope.all(), id);
        }
        return members.get(scope(caller), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("新建会员 Create a member")
    public MemberDTO create(@Context SecurityContext sc, MemberInputDTO input) {
        return members.create(scope(sc), input);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("修改会员（只改给出的字段）Update a member: the fields given change, the others stay")
    public MemberDTO update(@Context SecurityContext sc, @PathParam("id") long id, MemberInputDTO input) {
        return members.update(scope(sc), id, input);
    }

    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("调动会员到其他单位 Transfer a member to another unit")
    public MemberDTO transfer(@Context SecurityContext sc, @PathParam("id") long id, TransferRequestDTO request) {
        return members.transfer(scope(sc), id, request);
    }

    @GET
    @Path("/{id}/transfers")
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("会员调动记录 A member's transfers")
    public List<TransferDTO> transfers(@Context SecurityContext sc, @PathParam("id") long id) {
        return members.transfers(scope(sc), id);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc("变更会员状态 Change a member's status")
    public MemberDTO changeStatus(@Context SecurityContext sc, @PathParam("id") long id, StatusChangeDTO request) {
        return members.changeStatus(scope(sc), id, request);
    }

    /** Checks (dry run) or applies a member file; a rejected apply answers 400 with the full report. */
    @POST
    @Path("/import")
    @Consumes({ "text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM })
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "导入会员文件（可先预检） Import a member file (dry run first)", entity = ImportReportDTO.class)
    public Response importFile(@Context SecurityContext sc, @QueryParam("dryRun") @QueryDoc(type = "boolean", required = true) String dryRunParameter,
            @QueryParam("format") @QueryDoc(values = { "csv", "xlsx" }) String format, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        boolean dryRun = dryRun(dryRunParameter);
        UnitScope scope = scope(sc);
        TableRead table;
        try {
            table = tables.read(format(format, contentType), body, charset(contentType));
        } catch (TableException e) {
            throw e.problem() == TableException.Problem.TOO_LARGE
                    ? new ApiException(413, "import.too-large", e.messageZh(), e.getMessage(), List.of("limit: " + e.limit()))
                    : ApiException.badRequest("import.unreadable", e.messageZh(), e.getMessage());
        } catch (IOException e) {
            // the upload broke off (or passed the body limit) while it was read
            throw ApiException.badRequest("import.unreadable", "文件未能完整上传，请重试", "The file did not arrive in full; try again");
        }
        ImportReportDTO report = members.importTable(scope, table.rows(), dryRun).readIn(table.encoding());
        boolean rejected = !dryRun && !report.applied();
        return Response.status(rejected ? 400 : 200).type(MediaType.APPLICATION_JSON_TYPE).entity(report).build();
    }

    @GET
    @Path("/export")
    @Produces({ "text/csv", XLSX, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "导出会员 Export members", files = { "text/csv", XLSX })
    public Response export(@Context SecurityContext sc,
            @QueryParam("format") @QueryDoc(values = { "csv", "xlsx" }) String format,
            @QueryParam("q") String q, @QueryParam("unitId") Long unitId, @QueryParam("status") String status,
            @QueryParam("category") String category) {
        TableFormat tableFormat = format == null ? TableFormat.CSV : TableFormat.fromName(format);
        if (tableFormat == null) {
            throw ApiException.invalidField("format", "应为 csv 或 xlsx", "must be csv or xlsx");
        }
        List<MemberDTO> found = members.all(scope(sc), query(q, unitId, status, category));
        Map<Long, UnitDTO> units = organisation.list(true).stream()
                .collect(Collectors.toMap(UnitDTO::id, Function.identity()));
        List<List<String>> rows = MemberTableFormat.rows(found, units);
        StreamingOutput output = out -> tables.write(tableFormat, "会员 Members", MemberTableFormat.header(), rows, out);
        return Response.ok(output, tableFormat.mediaType())
                .header("Content-Disposition", "attachment; filename=\"members." + tableFormat.extension() + "\"")
                .build();
    }

    /** The {@code charset} parameter of a media type, or {@code null}. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                String charset = parameter.substring(equals + 1).strip().replace("\"", "");
                return charset.isEmpty() ? null : charset;
            }
        }
        return null;
    }

    /**
     * The dryRun parameter, strictly: JAX-RS reads any word but "true" as false, so "dryRun=yes" or a
     * typo would apply the file for real. Package-visible for tests.
     */
    static boolean dryRun(String value) {
        if (value == null) {
            throw ApiException.missingField("dryRun");
        }
        return switch (value) {
        case "true" -> true;
        case "false" -> false;
        default -> throw ApiException.invalidField("dryRun", "应为 true 或 false", "must be true or false");
        };
    }

    private static TableFormat format(String format, String contentType) {
        if (format != null) {
            TableFormat named = TableFormat.fromName(format);
            if (named == null) {
                throw ApiException.invalidField("format", "应为 csv 或 xlsx", "must be csv or xlsx");
            }
            return named;
        }
        if (contentType != null && contentType.startsWith(XLSX)) {
            return TableFormat.XLSX;
        }
        if (contentType != null && contentType.startsWith("text/csv")) {
            return TableFormat.CSV;
        }
        throw ApiException.missingField("format");
    }

    private static MemberQuery query(String q, Long unitId, String status, String category) {
        MemberStatus parsed = null;
        if (status != null && !status.isBlank()) {
            parsed = MemberVocabulary.status(status);
            if (parsed == null) {
                throw ApiException.invalidField("status", "未知状态", "unknown status");
            }
        }
        if (q != null && q.length() > 100) {
            throw ApiException.invalidField("q", "不能超过 100 个字符", "at most 100 characters");
        }
        return new MemberQuery(q, unitId, parsed, category == null || category.isBlank() ? null : category);
    }

    private UnitScope scope(SecurityContext sc) {
        return scope(UnionPrincipal.of(sc));
    }

    /** A plain member (no administrator role) manages nothing: the scope is empty. */
    private UnitScope scope(UnionPrincipal caller) {
        if (caller.hasRole(Roles.UNION_ADMIN)) {
            return UnitScope.all();
        }
        if (!caller.hasRole(Roles.UNIT_ADMIN)) {
            return UnitScope.none();
        }
        return access.manageableUnits(caller);
    }
}
