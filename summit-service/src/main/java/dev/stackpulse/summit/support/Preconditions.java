package dev.stackpulse.summit.support;

import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.Versions;
import java.util.List;

/** If-Match rules stricter than the optional check: where a lost update would lose work, If-Match is required. */
public final class Preconditions {

    private Preconditions() {
    }

    /** 428 without If-Match; 412 unless a strong tag names the current number ("*" and W/ tags do not). */
    public static void requireMatch(String ifMatch, long current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(dev.stackpulse.web.ProblemType.PRECONDITION_REQUIRED,
                    "If-Match with the current " + what + " is required (\"" + current + "\" now)",
                    List.of(new Problem.FieldError("If-Match", "required")));
        }
        if (Versions.matches(ifMatch, current)) {
            return;
        }
        throw ProblemException.preconditionFailed("If-Match " + ifMatch.trim() + " does not match the current " + what
                + " \"" + current + "\"; read it again, merge and retry");
    }
}
