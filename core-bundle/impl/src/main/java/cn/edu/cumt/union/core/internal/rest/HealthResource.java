package cn.edu.cumt.union.core.internal.rest;

import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;

import cn.edu.cumt.union.api.rest.UnionResource;

/** Liveness for load balancers and scripts: answers without a login and touches no database. */
@Component(service = HealthResource.class)
@UnionResource
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @GET
    @PermitAll
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
