package dev.stackpulse.catalog.upstream;

import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import dev.stackpulse.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** POST /imports: an admin uploads a zip of an upstream directory; the catalog applies what differs. */
@Path("/imports")
@Tag(name = "imports", description = "Import the real OpenStack data from files laid out like the upstream repositories")
public class ImportResource {

    static final String ZIP = "application/zip";
    private static final String REPORT_EXAMPLE = "{\"dryRun\":false,\"seriesRead\":35,\"highlightFilesRead\":120,"
            + "\"created\":22,\"updated\":3,\"unchanged\":130,\"changes\":[{\"entity\":\"release\",\"key\":\"gazpacho\","
            + "\"kind\":\"created\",\"fields\":[\"displayName\",\"sequence\",\"versionLabel\",\"releaseDate\",\"status\","
            + "\"lifecycle\"],\"file\":\"releases/series_status.yaml\",\"line\":21}],\"skipped\":[],\"millis\":840}";

    private final UpstreamImport importer;

    public ImportResource(UpstreamImport importer) {
        this.importer = importer;
    }

    @POST
    @Consumes(ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import upstream release data",
            description = "Role admin. The body is a zip of a directory laid out like openstack/releases: "
                    + "`releases/series_status.yaml` (every series: release-id, status, initial-release) and, "
                    + "optionally, `releases/deliverables/<series>/<project>.yaml` (cycle-highlights of the catalog's "
                    + "projects). Everything is applied in one transaction through the ordinary writes (each change one "
                    + "event on the feed), and only what differs: the same files again change nothing. Each changed "
                    + "field records its file, line and SHA-256 (`GET /provenance/...`). A bad file is a 422 naming "
                    + "file, line and field, and nothing is applied. `dryRun=true` reports what would change.")
    @RequestBody(content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "zip", summary = "a zip archive (binary)", value = "PK...")))
    @APIResponse(responseCode = "200", description = "What was (or, dry run, would be) changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class),
                    examples = @ExampleObject(name = "first import", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a zip archive, an entry outside it, or too large unpacked")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role admin")
    @APIResponse(responseCode = "409", description = "A change conflicts with the catalog (e.g. a sequence in use)")
    @APIResponse(responseCode = "413", description = "The archive exceeds the body limit (HTTP_MAX_BODY_SIZE)")
    @APIResponse(responseCode = "415", description = "Content-Type is not application/zip")
    @APIResponse(responseCode = "422", description = "A file is bad: each error names file:line and field; nothing applied")
    public ImportReport upload(
            @Parameter(description = "Report what would change without changing anything",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("dryRun") String dryRun,
            InputStream body) {
        boolean dry = "true".equals(QueryParams.oneOf("dryRun", dryRun, List.of("true", "false")));
        try (UploadedArchive archive = UploadedArchive.unpack(body)) {
            return importer.run(archive.root(), dry);
        } catch (UpstreamFilesInvalid e) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, e.getMessage(), e.problems().stream()
                    .map(p -> new Problem.FieldError(p.where(), p.reason())).toList());
        }
    }
}
