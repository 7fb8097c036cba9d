package dev.stackpulse.web;

import java.util.List;

/**
 * A write's If-Match header, parsed in the resource and checked by the service against the version it locked
 * (RFC 9110 section 13.1.1: strong comparison, so a weak tag never matches).
 */
public record Precondition(String ifMatch) {

    public static final Precondition NONE = new Precondition(null);

    public static Precondition ifMatch(String header) {
        return header == null || header.isBlank() ? NONE : new Precondition(header.trim());
    }

    public boolean given() {
        return ifMatch != null;
    }

    /** 412 when If-Match is given and names neither this version nor "*". */
    public void check(long currentVersion) {
        Versions.checkIfMatch(ifMatch, currentVersion);
    }

    /** 428 without If-Match, 412 unless a strong tag names the current version ("*" is not enough): shared documents. */
    public void require(long currentVersion, String what) {
        if (!given()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "If-Match with the current " + what + " is required (\"" + currentVersion + "\" now)",
                    List.of(new Problem.FieldError("If-Match", "required")));
        }
        if (!Versions.matches(ifMatch, currentVersion)) {
            throw ProblemException.preconditionFailed("If-Match " + ifMatch + " does not match the current " + what
                    + " \"" + currentVersion + "\"; read it again, merge and retry");
        }
    }
}
