package cn.edu.cumt.union.itests.reliability.faults;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/** A plugin resource that hangs for 30 s in every request. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class HangingResource {

    /** How long a request hangs. */
    public static final long HANG_MILLIS = 30_000;

    @GET
    @PermitAll
    public String hang() throws InterruptedException {
        Thread.sleep(HANG_MILLIS);
        return "{\"woke\":true}";
    }
}
