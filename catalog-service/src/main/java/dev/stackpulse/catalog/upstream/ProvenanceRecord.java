package dev.stackpulse.catalog.upstream;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** Where one imported field of one entity came from; replaced when an import changes that field again. */
@Entity
@Table(name = "provenance")
public class ProvenanceRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(name = "source_file", nullable = false)
    public String sourceFile;

    @Column(name = "source_line")
    public Integer sourceLine;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "imported_at", nullable = false)
    public OffsetDateTime importedAt;

    /** entity ("release", "adoption"), its key ("liberty", "liberty/nova") and the field ("lifecycle"). */
    @Embeddable
    public record Key(String entity, @Column(name = "entity_key") String entityKey, String field) implements Serializable {
    }
}
