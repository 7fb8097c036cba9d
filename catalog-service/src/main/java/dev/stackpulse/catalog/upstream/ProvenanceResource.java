package dev.stackpulse.catalog.upstream;

import dev.stackpulse.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where an entity's imported values came from. */
@PermitAll
@Path("/provenance/{entity}/{key: .+}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports", description = "Import the real OpenStack data from files laid out like the upstream repositories")
public class ProvenanceResource {

    /** One imported field: the file (relative to the imported directory), its line, the file's SHA-256, when. */
    public record FieldSource(String field, String file, Integer line, String sha256, OffsetDateTime importedAt) {
    }

    /** An entity's imported fields; fields not listed were not imported (the seed's, i.e. the talk's, or an edit). */
    public record EntityProvenance(String entity, String key, List<FieldSource> fields) {
    }

    @GET
    @Operation(summary = "Where an entity's imported values came from",
            description = "For a release (`release/liberty`) or a project's record in a release "
                    + "(`adoption/liberty/nova`): each field an import set, with the file, line, the file's SHA-256 and "
                    + "the time of that import. A field an editor changed later keeps its last import's source until "
                    + "the next import changes it. 404 when no import ever set a field of it.")
    @APIResponse(responseCode = "200", description = "The imported fields", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityProvenance.class),
            examples = @ExampleObject(name = "gazpacho", value = "{\"entity\":\"release\",\"key\":\"gazpacho\",\"fields\":"
                    + "[{\"field\":\"lifecycle\",\"file\":\"releases/series_status.yaml\",\"line\":21,\"sha256\":"
                    + "\"9f2c...\",\"importedAt\":\"2026-12-01T10:00:00.000Z\"}]}")))
    @APIResponse(responseCode = "400", description = "An unknown parameter")
    @APIResponse(responseCode = "404", description = "No import set any field of this entity")
    public EntityProvenance get(
            @Parameter(description = "Entity kind", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"release", "adoption"})) @PathParam("entity") String entity,
            @Parameter(description = "Entity key; may contain '/'", example = "gazpacho") @PathParam("key") String key) {
        List<FieldSource> fields = ProvenanceRecord.<ProvenanceRecord>list("id.entity = ?1 and id.entityKey = ?2 "
                        + "order by id.field", entity, key).stream()
                .map(p -> new FieldSource(p.id.field(), p.sourceFile, p.sourceLine, p.sha256, p.importedAt)).toList();
        if (fields.isEmpty()) {
            throw ProblemException.notFound("imported " + entity, key);
        }
        return new EntityProvenance(entity, key, fields);
    }
}
