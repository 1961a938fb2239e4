package cn.edu.cumt.union.core.internal.ballot;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

import cn.edu.cumt.union.api.ballot.BallotDTO;
import cn.edu.cumt.union.api.ballot.BallotDefinition;
import cn.edu.cumt.union.api.ballot.ReceiptDTO;
import cn.edu.cumt.union.api.ballot.TallyDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.rest.RestDoc;
import cn.edu.cumt.union.api.rest.UnionResource;
import cn.edu.cumt.union.api.security.Roles;
import cn.edu.cumt.union.api.security.UnionPrincipal;

/**
 * {@code /api/ballots}: members see the ballots open to them and vote (once, with a receipt), read the tally
 * once published and check their receipt in it; union administrators create and close the union's own.
 */
@Component(service = BallotResource.class)
@UnionResource
@Path("/ballots")
@Produces(MediaType.APPLICATION_JSON)
public class BallotResource {

    private final BallotService ballots;

    @Activate
    public BallotResource(@Reference BallotService ballots) {
        this.ballots = ballots;
    }

    @GET
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public List<BallotViewDTO> list(@Context SecurityContext sc) {
        return ballots.visibleTo(UnionPrincipal.of(sc));
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public BallotViewDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return ballots.view(UnionPrincipal.of(sc), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNION_ADMIN)
    @RestDoc(value = "发起投票 Create a ballot of the union's own", status = 201, entity = BallotDTO.class)
    public Response create(@Context SecurityContext sc, BallotDefinition definition) {
        return Response.status(Response.Status.CREATED)
                .entity(ballots.create(BallotService.CORE, UnionPrincipal.of(sc).username(), definition)).build();
    }

    @POST
    @Path("/{id: \\d+}/close")
    @RolesAllowed(Roles.UNION_ADMIN)
    public BallotDTO close(@Context SecurityContext sc, @PathParam("id") long id) {
        return ballots.close(BallotService.CORE, id, UnionPrincipal.of(sc).username());
    }

    @POST
    @Path("/{id: \\d+}/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN })
    @RestDoc(value = "投票 Vote (once; the receipt is shown only now)", status = 201, entity = ReceiptDTO.class, errors = 409)
    public Response vote(@Context SecurityContext sc, @PathParam("id") long id, VoteDTO vote) {
        UnionPrincipal voter = UnionPrincipal.of(sc);
        if (voter.memberId() == null) {
            throw ApiException.forbidden("ballot.not-a-member", "只有会员可以投票", "Only members vote");
        }
        ReceiptDTO receipt = ballots.cast(voter.memberId(), id, vote == null ? null : vote.choices());
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    @GET
    @Path("/{id: \\d+}/tally")
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public TallyDTO tally(@Context SecurityContext sc, @PathParam("id") long id) {
        ballots.view(UnionPrincipal.of(sc), id);
        return ballots.tally(id).orElseThrow(BallotResource::notPublished);
    }

    @POST
    @Path("/{id: \\d+}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MEMBER, Roles.UNIT_ADMIN, Roles.UNION_ADMIN, Roles.OPERATOR })
    public ReceiptCheckDTO checkReceipt(@Context SecurityContext sc, @PathParam("id") long id, ReceiptCheckDTO.Query query) {
        ballots.view(UnionPrincipal.of(sc), id);
        if (query == null || query.receipt() == null || query.receipt().isBlank()) {
            throw ApiException.missingField("receipt");
        }
        if (ballots.tally(id).isEmpty()) {
            throw notPublished();
        }
        String digest = BallotRules.digest(query.receipt().strip());
        return ballots.verify(id, query.receipt()).map(v -> new ReceiptCheckDTO(true, digest, v.choices()))
                .orElse(new ReceiptCheckDTO(false, digest, List.of()));
    }

    private static ApiException notPublished() {
        return ApiException.conflict("ballot.tally-not-published", "投票结束后才公布结果", "The tally is published when the ballot closes");
    }
}
