package dev.stackpulse.summit.edge;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test-only endpoint without a security annotation: deny-unannotated-endpoints must refuse it. */
@Path("/test-only/unannotated")
public class UnannotatedProbe {

    @GET
    public String probe() {
        return "reachable";
    }
}
