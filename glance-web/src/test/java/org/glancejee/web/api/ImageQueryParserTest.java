package org.glancejee.web.api;

import org.glancejee.domain.ImageQuery;
import org.glancejee.domain.ImageQuery.SortKey;
import org.glancejee.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageQueryParserTest {

    private static List<Map.Entry<String, String>> params(String... pairs) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(new SimpleEntry<>(pairs[i], pairs[i + 1]));
        }
        return list;
    }

    private static ImageQuery parse(String... pairs) {
        return ImageQueryParser.parse(params(pairs), 25, 1000);
    }

    @Test
    void defaultsAreCreatedAtDescendingAndTwentyFive() {
        ImageQuery q = parse();
        assertEquals(List.of(new SortKey("created_at", false), new SortKey("id", false)), q.sort());
        assertEquals(25, q.limit());
        assertFalse(q.osHidden());
    }

    @Test
    void tieBreakersFollowASingleDirectionOtherwiseDescend() {
        assertEquals(List.of(new SortKey("name", true), new SortKey("created_at", true), new SortKey("id", true)),
                parse("sort", "name:asc").sort());
        assertEquals(List.of(new SortKey("name", true), new SortKey("size", true), new SortKey("created_at", false),
                new SortKey("id", false)), parse("sort", "name:asc,size:asc").sort());
        assertEquals(List.of(new SortKey("name", true), new SortKey("size", true), new SortKey("created_at", true),
                new SortKey("id", true)), parse("sort_key", "name", "sort_key", "size", "sort_dir", "asc").sort());
    }

    @Test
    void badSortingIsRefused() {
        assertThrows(InvalidInputException.class, () -> parse("sort_key", "owner"));
        assertThrows(InvalidInputException.class, () -> parse("sort_dir", "up"));
        assertEquals("Old and new sorting syntax cannot be combined",
                assertThrows(InvalidInputException.class, () -> parse("sort", "name", "sort_key", "id")).getMessage());
        assertThrows(InvalidInputException.class,
                () -> parse("sort_key", "name", "sort_dir", "asc", "sort_dir", "desc", "sort_dir", "asc"));
    }

    @Test
    void limitIsCheckedAndClamped() {
        assertEquals(1000, parse("limit", "5000").limit());
        assertEquals(0, parse("limit", "0").limit());
        assertEquals("limit param must be an integer",
                assertThrows(InvalidInputException.class, () -> parse("limit", "abc")).getMessage());
        assertEquals("limit param must be positive",
                assertThrows(InvalidInputException.class, () -> parse("limit", "-1")).getMessage());
    }

    @Test
    void inFiltersHonourQuotes() {
        assertEquals(List.of("a,b", "c"), parse("name", "in:\"a,b\",c").exact().get("name"));
        assertEquals(List.of("x:y"), parse("name", "eq:x:y").exact().get("name"));
        assertThrows(InvalidInputException.class, () -> parse("name", "in:\"a,b"));
        assertEquals("Unable to filter by unknown operator 'gt'.",
                assertThrows(InvalidInputException.class, () -> parse("status", "gt:active")).getMessage());
    }

    @Test
    void timeFiltersTakeOperatorsAndIsoTimes() {
        ImageQuery q = parse("created_at", "gte:2026-01-01T00:00:00Z", "updated_at", "2026-02-03");
        assertEquals("gte", q.timeFilters().get(0).op());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), q.timeFilters().get(0).value());
        assertEquals("eq", q.timeFilters().get(1).op());
        assertEquals(Instant.parse("2026-02-03T00:00:00Z"), q.timeFilters().get(1).value());
        assertTrue(assertThrows(InvalidInputException.class, () -> parse("created_at", "gt:yesterday"))
                .getMessage().startsWith("Bad \"created_at\" query filter format."));
        assertThrows(InvalidInputException.class, () -> parse("created_at", "in:2026-01-01T00:00:00Z"));
    }

    @Test
    void simpleFiltersAreValidated() {
        assertTrue(parse("os_hidden", "True").osHidden());
        assertThrows(InvalidInputException.class, () -> parse("protected", "True"));
        assertThrows(InvalidInputException.class, () -> parse("visibility", "everyone"));
        assertThrows(InvalidInputException.class, () -> parse("member_status", "maybe"));
        assertThrows(InvalidInputException.class, () -> parse("changes-since", "2020-01-01"));
        assertThrows(InvalidInputException.class, () -> parse("size_min", "big"));
        assertEquals(Map.of("os_distro", "debian"), parse("os_distro", "debian").properties());
        assertEquals(List.of("a", "b"), parse("tag", "a", "tag", "b").tags());
    }
}
