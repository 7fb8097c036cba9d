package dev.stackpulse.catalog.release;

import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The read side of release series that other features inject: immutable views, never the entity. */
@ApplicationScoped
public class Releases {

    public Optional<ReleaseView> find(String name) {
        return name == null ? Optional.empty() : ReleaseSeries.<ReleaseSeries>findByIdOptional(name).map(ReleaseView::of);
    }

    /** The release with this name, or 404 naming the {@code release} it came from. */
    public ReleaseView require(String name) {
        return find(name).orElseThrow(() -> unknown(name));
    }

    public boolean exists(String name) {
        return name != null && ReleaseSeries.count("name", name) > 0;
    }

    public Map<String, ReleaseView> byName() {
        return ReleaseSeries.<ReleaseSeries>listAll().stream().map(ReleaseView::of)
                .collect(Collectors.toMap(ReleaseView::name, Function.identity()));
    }

    /** Up to {@code count} releases by sequence after {@code afterSequence} (null: from the first), of a status. */
    List<ReleaseSeries> bySequence(Integer afterSequence, String status, int count) {
        String query = "sequence > ?1" + (status == null ? "" : " and status = ?2") + " order by sequence";
        Object[] params = status == null ? new Object[] {afterSequence == null ? 0 : afterSequence}
                : new Object[] {afterSequence == null ? 0 : afterSequence, status};
        return ReleaseSeries.<ReleaseSeries>find(query, params).range(0, count - 1).list();
    }

    static ProblemException unknown(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "release '" + name + "' does not exist",
                List.of(new Problem.FieldError("release", "unknown release")));
    }
}
