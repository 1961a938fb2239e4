package cn.edu.cumt.union.itests.reliability.faults;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** A plugin resource whose component throws in its activate method: it never serves a request. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class FailingStartResource {

    /** Named in the component description (OSGI-INF) that {@code FaultBundles} writes. */
    public void activate() {
        throw new IllegalStateException("deliberate failure at start (reliability suite)");
    }

    @GET
    @PermitAll
    public String ping() {
        return "{\"ok\":true}";
    }
}
