package dev.stackpulse.summit.summit;

import dev.stackpulse.web.Versions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** HTTP API of summits. */
@Path("/summits")
@Produces(MediaType.APPLICATION_JSON)
public class SummitResource {

    private final SummitService service;

    public SummitResource(SummitService service) {
        this.service = service;
    }

    @GET
    @Path("/{slug}")
    public Response get(@PathParam("slug") String slug, @Context Request request) {
        SummitView view = service.get(slug);
        Response notModified = Versions.notModified(request, view.version());
        return notModified != null ? notModified : Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"editor", "admin"})
    public Response create(@Valid @NotNull SummitInput input, @Context UriInfo uri) {
        SummitView view = service.create(input);
        return Response.created(uri.getAbsolutePathBuilder().path(view.slug()).build())
                .tag(Versions.etag(view.version())).entity(view).build();
    }
}
