package dev.stackpulse.summit.support;

import dev.stackpulse.web.ProblemException;

/** Page number (from 0) and size of a list request, parsed here so bad values answer 400 naming the parameter. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The furthest item a page may start at: page * size stays an int (PostgreSQL OFFSET) with room to spare. */
    public static final int MAX_OFFSET = 100_000_000;

    public static Paging parse(String page, String size) {
        int p = Params.integer("page", page, 0);
        int s = Params.integer("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > MAX_OFFSET) {
            throw ProblemException.badRequest("page", "must be at most " + MAX_OFFSET / s + " with size " + s);
        }
        return new Paging(p, s);
    }

    public int offset() {
        return page * size;
    }
}
