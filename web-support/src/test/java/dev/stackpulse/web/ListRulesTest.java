package dev.stackpulse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The list rules of docs/api.md as web-support implements them: paging, sort, filters, parameter parsing. */
class ListRulesTest {

    @Test
    void walkingAListBySlicesSeesEveryItemOnceInOrder() {
        List<Integer> sorted = IntStream.rangeClosed(1, 7).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Integer last = cursor == null ? null : Integer.valueOf(Cursor.decode(cursor, 1).get(0));
            Slice<Integer> slice = Slice.after(sorted, last == null ? null : i -> i > last, 3,
                    i -> Cursor.encode(List.of(i.toString())));
            seen.addAll(slice.items());
            cursor = slice.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(sorted, seen);
        assertEquals(3, pages);
    }

    @Test
    void aSliceOfExactlyLimitItemsIsTheLast() {
        assertNull(Slice.of(List.of(1, 2), 2, String::valueOf).nextCursor());
        assertEquals("2", Slice.of(List.of(1, 2, 3), 2, String::valueOf).nextCursor());
    }

    @Test
    void sortTakesCommaSeparatedKeysWithMinusForDescending() {
        Sort sort = Sort.parse("-adoption,name", Set.of("adoption", "name"), "name");
        assertEquals(List.of(new Sort.Key("adoption", true), new Sort.Key("name", false)), sort.keys());
        assertEquals("-adoption,name", sort.toString());
        assertEquals("name", Sort.parse(null, Set.of("name"), "name").toString());
        assertEquals("sort", field(() -> Sort.parse("popularity", Set.of("name"), "name")));
        assertEquals("sort", field(() -> Sort.parse("name,-name", Set.of("name"), "name")));
    }

    @Test
    void parametersAreParsedOneWayAndNamedWhenRefused() {
        assertEquals(50, QueryParams.limit(null));
        assertEquals(50, QueryParams.limit(""));
        assertEquals(500, QueryParams.limit("500"));
        assertEquals("limit", field(() -> QueryParams.limit("501")));
        assertEquals("limit", field(() -> QueryParams.limit("abc")));
        assertEquals("limit", field(() -> QueryParams.limit("99999999999")));
        assertEquals("q", field(() -> QueryParams.text("q", "a\u0000b")));
        assertEquals("since", field(() -> QueryParams.time("since", "yesterday")));
        assertEquals("tier", field(() -> QueryParams.oneOf("tier", "gold", List.of("core", "optional"))));
        assertEquals("core", QueryParams.oneOf("tier", " core ", List.of("core", "optional")));
    }

    @Test
    void aTrailingStarIsAPrefixMatchAndNothingElse() {
        QueryParams.TextMatch prefix = QueryParams.match("type", "catalog.project.*");
        assertTrue(prefix.matches("catalog.project.updated"));
        assertFalse(prefix.matches("catalog.release.updated"));
        assertEquals("catalog.project.%", prefix.likePattern());
        QueryParams.TextMatch exact = QueryParams.match("type", "catalog.");
        assertFalse(exact.matches("catalog.project.updated"));
        assertEquals("50\\%\\_off", QueryParams.match("q", "50%_off").likePattern());
        assertEquals("type", field(() -> QueryParams.match("type", "catalog.*.updated")));
    }

    @Test
    void everyProblemTypeHasAStableDistinctUri() {
        Set<String> uris = new java.util.HashSet<>();
        for (ProblemType type : ProblemType.values()) {
            assertTrue(type.uri().matches("/problems/[a-z-]+"), type.uri());
            assertTrue(uris.add(type.uri()), "twice: " + type.uri());
            assertEquals(type, ProblemType.bySlug(type.slug()).orElseThrow());
        }
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.BAD_REQUEST, ProblemType.forStatus(400));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(599));
    }

    @Test
    void preconditionsCompareStronglyAndCanBeRequired() {
        Precondition.ifMatch("\"4\"").check(4);
        Precondition.ifMatch("*").check(4);
        Precondition.NONE.check(4);
        assertEquals(412, status(() -> Precondition.ifMatch("W/\"4\"").check(4)));
        assertEquals(412, status(() -> Precondition.ifMatch("\"3\"").check(4)));
        assertEquals(428, status(() -> Precondition.NONE.require(4, "notes revision")));
        assertEquals(412, status(() -> Precondition.ifMatch("*").require(4, "notes revision")));
        Precondition.ifMatch("\"4-ja\"").require(4, "notes revision");
    }

    private static String field(Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(ProblemType.INVALID_PARAMETER, e.type());
        return e.errors().get(0).field();
    }

    private static int status(Runnable call) {
        return assertThrows(ProblemException.class, call::run).status();
    }
}
