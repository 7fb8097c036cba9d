package dev.stackpulse.catalog.upstream;

import java.util.List;

/** The imported files have problems: nothing was applied. */
public class UpstreamFilesInvalid extends RuntimeException {

    private final transient List<UpstreamProblem> problems;

    public UpstreamFilesInvalid(List<UpstreamProblem> problems) {
        super(problems.size() + " problem(s) in the imported files, first: " + problems.get(0).where() + ": "
                + problems.get(0).reason());
        this.problems = List.copyOf(problems);
    }

    public List<UpstreamProblem> problems() {
        return problems;
    }
}
