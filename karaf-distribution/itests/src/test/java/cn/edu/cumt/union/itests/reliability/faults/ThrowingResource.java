package cn.edu.cumt.union.itests.reliability.faults;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** A plugin resource that throws on every request. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ThrowingResource {

    @GET
    @PermitAll
    public String fail() {
        throw new IllegalStateException("deliberate failure on every request (reliability suite)");
    }
}
