package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.glancejee.it.Listing.assertBadRequest;
import static org.glancejee.it.Listing.ids;
import static org.glancejee.it.Listing.image;
import static org.glancejee.it.Listing.list;
import static org.glancejee.it.Listing.next;
import static org.glancejee.it.Listing.page;
import static org.glancejee.it.Listing.setCreatedAt;
import static org.glancejee.it.Listing.setSize;
import static org.glancejee.it.Listing.text;
import static org.glancejee.it.Listing.unique;
import static org.glancejee.it.Listing.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GET /v2/images: order, limit, marker, the first/next links, and sorting, as Glance answers them. */
@ExtendWith(GlanceServer.class)
class ImageListIT {

    // ---- default order and links ----------------------------------------------------------------

    @Test
    void newestImageComesFirstByDefault() throws InterruptedException {
        String tag = unique("order");
        String older = image(tag, "");
        Thread.sleep(1100); // created_at has whole seconds
        String newer = image(tag, "");
        assertEquals(List.of(newer, older), ids("tag=" + tag));
    }

    @Test
    void limitCutsThePageAndNextCarriesTheQueryWithTheLastIdAsMarker() {
        String tag = unique("links");
        List<String> made = List.of(image(tag, ""), image(tag, ""), image(tag, ""));

        JsonObject first = list("tag=" + tag + "&limit=2");
        List<String> firstIds = ids(first);
        assertEquals(2, firstIds.size());
        assertEquals("/v2/images?tag=" + tag + "&limit=2", first.getString("first"));
        assertEquals("/v2/images?tag=" + tag + "&limit=2&marker=" + firstIds.get(1), next(first));

        JsonObject second = page(next(first));
        assertEquals(1, ids(second).size());
        assertEquals("/v2/images?tag=" + tag + "&limit=2", second.getString("first"), "first drops the marker");
        assertNull(next(second), "a page that is not full has no next link");

        List<String> all = new ArrayList<>(firstIds);
        all.addAll(ids(second));
        assertEquals(made.stream().sorted().toList(), all.stream().sorted().toList());
    }

    @Test
    void firstIsTheBarePathWithoutAQuery() {
        JsonObject page = page("/v2/images");
        assertEquals("/v2/images", page.getString("first"));
        String id = image(unique("bare"), "");
        assertEquals("/v2/images", page("/v2/images?marker=" + id).getString("first"), "only a marker: nothing left");
    }

    @Test
    void linksAreEncodedLikePythonsUrlencodeAndKeepTheMarkerLast() {
        String tag = unique("enc");
        image(tag, "\"name\":\"b\"");
        String a = image(tag, "\"name\":\"a\"");
        JsonObject page = list("tag=" + tag + "&sort=name:desc,created_at&limit=1");
        assertEquals("/v2/images?tag=" + tag + "&sort=name%3Adesc%2Ccreated_at&limit=1", page.getString("first"));
        String last = ids(page).get(0);
        assertEquals("/v2/images?tag=" + tag + "&sort=name%3Adesc%2Ccreated_at&limit=1&marker=" + last, next(page));
        assertEquals(List.of(a), ids(page(next(page))));

        // quote_plus: space is '+', '~' stays, '*' ':' ',' '"' '/' are escaped; the marker given is replaced
        JsonObject odd = list("marker=" + a + "&tag=" + tag + "&os_distro=%7Ea*b%20c%2Fd%22%3A%2C&limit=5");
        assertEquals("/v2/images?tag=" + tag + "&os_distro=~a%2Ab+c%2Fd%22%3A%2C&limit=5", odd.getString("first"));
    }

    @Test
    void aRepeatedParameterKeepsItsFirstPlaceAndItsLastValueInTheLinks() {
        String tag = unique("dup");
        String other = unique("dup");
        image(tag, "\"tags\":[\"" + tag + "\",\"" + other + "\"]");
        JsonObject page = list("tag=" + tag + "&limit=1&tag=" + other);
        assertEquals(1, ids(page).size());
        assertEquals("/v2/images?tag=" + other + "&limit=1", page.getString("first"));
    }

    // ---- limit ----------------------------------------------------------------------------------

    @Test
    void aFullPageHasANextLinkEvenWhenNothingFollows() {
        String tag = unique("full");
        image(tag, "");
        image(tag, "");
        JsonObject page = list("tag=" + tag + "&limit=2");
        assertEquals(2, ids(page).size());
        JsonObject after = page(next(page));
        assertEquals(List.of(), ids(after));
        assertNull(next(after));
        assertNull(next(list("tag=" + tag + "&limit=3")));
    }

    @Test
    void limitZeroGivesAnEmptyPageWithoutNext() {
        String tag = unique("zero");
        String id = image(tag, "");
        JsonObject page = list("tag=" + tag + "&limit=0");
        assertEquals(List.of(), ids(page));
        assertNull(next(page));
        assertEquals("/v2/images?tag=" + tag + "&limit=0", page.getString("first"));
        assertEquals(List.of(), ids("limit=0"), "limit=0 is empty for the whole catalogue too");
        assertEquals(List.of(), ids("limit=0&marker=" + id));
        assertBadRequest("limit=0&marker=00000000-0000-0000-0000-000000000000",
                "No image found with ID 00000000-0000-0000-0000-000000000000");
    }

    @Test
    void limitIsReadAsPythonReadsAnInteger() {
        String tag = unique("int");
        image(tag, "");
        image(tag, "");
        image(tag, "");
        assertEquals(2, ids("tag=" + tag + "&limit=%202%20").size());
        assertEquals(2, ids("tag=" + tag + "&limit=%2B2").size());
        assertEquals(2, ids("tag=" + tag + "&limit=0_2").size());
        assertEquals(3, ids("tag=" + tag + "&limit=1_0").size());
        assertEquals(3, ids("tag=" + tag + "&limit=000003").size());
    }

    @Test
    void limitMustBeANonNegativeInteger() {
        assertBadRequest("limit=abc", "limit param must be an integer");
        assertBadRequest("limit=", "limit param must be an integer");
        assertBadRequest("limit=2.0", "limit param must be an integer");
        assertBadRequest("limit=1__0", "limit param must be an integer");
        assertBadRequest("limit=-1", "limit param must be positive");
        assertBadRequest("limit=-99999999999999999999", "limit param must be positive");
        assertBadRequest("limit=abc&limit=2", "limit param must be an integer"); // the first one counts
    }

    @Test
    void theDefaultPageHas25AndLimitsAboveTheMaximumAreClampedTo1000() throws Exception {
        String tag = unique("many");
        List<String> made = createMany(tag, 1001);

        JsonObject byDefault = list("tag=" + tag);
        assertEquals(25, ids(byDefault).size());
        assertEquals("/v2/images?tag=" + tag + "&marker=" + ids(byDefault).get(24), next(byDefault));

        JsonObject clamped = list("tag=" + tag + "&limit=5000");
        assertEquals(1000, ids(clamped).size());
        assertEquals("/v2/images?tag=" + tag + "&limit=5000&marker=" + ids(clamped).get(999), next(clamped),
                "the page is full at the clamped limit, so it has a next link that keeps the asked limit");
        JsonObject rest = page(next(clamped));
        assertEquals(1, ids(rest).size());
        assertNull(next(rest));

        assertEquals(1000, ids("tag=" + tag + "&limit=99999999999999999999").size(), "any integer is clamped");

        List<String> walked = walk("/v2/images?tag=" + tag + "&limit=1000");
        assertEquals(made.stream().sorted().toList(), walked.stream().sorted().toList());
        List<String> walkedSmall = walk("/v2/images?tag=" + tag + "&limit=97&sort=id:asc");
        assertEquals(made.stream().sorted().toList(), walkedSmall);
    }

    private static List<String> createMany(String tag, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> image(tag, "")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : futures) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- marker ---------------------------------------------------------------------------------

    @Test
    void anUnknownMarkerIsABadRequest() {
        assertBadRequest("marker=00000000-0000-0000-0000-000000000000",
                "No image found with ID 00000000-0000-0000-0000-000000000000");
        assertBadRequest("marker=not-an-id", "No image found with ID not-an-id");
        // longer than any id: Glance's ImageNotFound() raised without arguments, so the text is unformatted
        assertBadRequest("marker=" + "a".repeat(37), "Image with the given id %(image_id)s was not found");
    }

    @Test
    void theMarkerIsLookedUpAfterTheFilters() {
        assertBadRequest("marker=00000000-0000-0000-0000-000000000000&size_min=x",
                "Unable to filter on a range with a non-numeric value.");
        assertBadRequest("marker=00000000-0000-0000-0000-000000000000&name=in:%22a",
                "Invalid filter value \"a. The quote is not closed.");
    }

    @Test
    void pagingGoesOnAfterTheMarkerImageIsDeleted() {
        String tag = unique("gone");
        String oldest = image(tag, "");
        String middle = image(tag, "");
        String newest = image(tag, "");
        setCreatedAt(oldest, "2001-01-01T00:00:01Z");
        setCreatedAt(middle, "2001-01-01T00:00:02Z");
        setCreatedAt(newest, "2001-01-01T00:00:03Z");

        JsonObject first = list("tag=" + tag + "&limit=1");
        assertEquals(List.of(newest), ids(first));
        assertEquals(204, Api.delete("/v2/images/" + newest).statusCode());

        // an admin (every noauth caller) may use a deleted image as marker, as in Glance
        JsonObject second = page(next(first));
        assertEquals(List.of(middle), ids(second));
        assertEquals(List.of(oldest), ids(page(next(second))));
        assertEquals(List.of(middle, oldest), ids("tag=" + tag), "the deleted image is not listed");
    }

    // ---- sorting --------------------------------------------------------------------------------

    /**
     * Nine images with ties everywhere: equal names, equal creation times, NULL and '' names, NULL sizes,
     * a size beyond 32 bits, missing disk and container formats.
     */
    private static List<JsonObject> sortingFixture(String tag) {
        Object[][] rows = {
                // name, size, created_at, disk_format, container_format
                {"alpha", 10L, "2001-02-03T04:05:06Z", "raw", "bare"},
                {"alpha", null, "2001-02-03T04:05:06Z", "qcow2", "bare"},
                {null, 10L, "2001-02-03T04:05:07Z", "raw", null},
                {null, null, "2001-02-03T04:05:07Z", null, null},
                {"beta", 0L, "2001-02-03T04:05:06Z", "iso", "ovf"},
                {"beta", 5_000_000_000L, "2001-02-03T04:05:08Z", "raw", "bare"},
                {"gamma", 10L, "2001-02-03T04:05:08Z", "qcow2", "ovf"},
                {"", null, "2001-02-03T04:05:06Z", "raw", "bare"},
                {"alpha", 10L, "2001-02-03T04:05:07Z", "raw", "bare"},
        };
        for (Object[] row : rows) {
            StringBuilder members = new StringBuilder();
            members.append("\"name\":").append(row[0] == null ? "null" : "\"" + row[0] + "\"");
            if (row[3] != null) {
                members.append(",\"disk_format\":\"").append(row[3]).append('"');
            }
            if (row[4] != null) {
                members.append(",\"container_format\":\"").append(row[4]).append('"');
            }
            String id = image(tag, members.toString());
            setCreatedAt(id, (String) row[2]);
            setSize(id, (Long) row[1]);
        }
        List<JsonObject> images = list("tag=" + tag + "&limit=100").getJsonArray("images").stream()
                .map(v -> v.asJsonObject()).toList();
        assertEquals(rows.length, images.size());
        return images;
    }

    /** The order Glance's database gives for these keys ("name:asc"): NULL is lowest. */
    private static List<String> expected(List<JsonObject> images, String... keys) {
        Comparator<JsonObject> order = null;
        for (String spec : keys) {
            String[] kd = spec.split(":");
            Function<JsonObject, Comparable<Object>> value = image -> sortValue(image, kd[0]);
            Comparator<JsonObject> one = Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder()));
            one = kd[1].equals("desc") ? one.reversed() : one;
            order = order == null ? one : order.thenComparing(one);
        }
        return images.stream().sorted(order).map(i -> i.getString("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortValue(JsonObject image, String key) {
        if (key.equals("size")) {
            return image.isNull("size") ? null : (Comparable<Object>) (Comparable<?>) image.getJsonNumber("size")
                    .longValue();
        }
        return (Comparable<Object>) (Comparable<?>) text(image, key);
    }

    @Test
    void everySortOrderIsTotalAndWalkingItSeesEachImageOnceInOrder() {
        String tag = unique("sort");
        List<JsonObject> images = sortingFixture(tag);
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("", new String[]{"created_at:desc", "id:desc"});
        cases.put("sort_dir=asc", new String[]{"created_at:asc", "id:asc"});
        cases.put("sort_key=name", new String[]{"name:desc", "created_at:desc", "id:desc"});
        cases.put("sort=name:asc", new String[]{"name:asc", "created_at:asc", "id:asc"});
        cases.put("sort_key=name&sort_key=size&sort_dir=asc",
                new String[]{"name:asc", "size:asc", "created_at:asc", "id:asc"});
        cases.put("sort_key=size&sort_key=name&sort_dir=desc&sort_dir=asc",
                new String[]{"size:desc", "name:asc", "created_at:desc", "id:desc"});
        cases.put("sort=name:asc,size:asc", new String[]{"name:asc", "size:asc", "created_at:desc", "id:desc"});
        cases.put("sort=size", new String[]{"size:desc", "created_at:desc", "id:desc"});
        cases.put("sort=size:asc", new String[]{"size:asc", "created_at:asc", "id:asc"});
        cases.put("sort=disk_format:asc,name", new String[]{"disk_format:asc", "name:desc", "created_at:desc",
                "id:desc"});
        cases.put("sort=container_format:asc", new String[]{"container_format:asc", "created_at:asc", "id:asc"});
        cases.put("sort=id:asc", new String[]{"id:asc"});
        cases.put("sort=status,created_at:asc", new String[]{"status:desc", "created_at:asc", "id:desc"});
        cases.put("sort_key=updated_at&sort_dir=asc", new String[]{"updated_at:asc", "created_at:asc", "id:asc"});
        cases.put("sort=%20name%20:%20asc%20,%20size", new String[]{"name:asc", "size:desc", "created_at:desc",
                "id:desc"});
        cases.forEach((sort, keys) -> {
            List<String> want = expected(images, keys);
            String query = "tag=" + tag + (sort.isEmpty() ? "" : "&" + sort);
            assertEquals(want, ids(query + "&limit=100"), "one page: " + sort);
            for (int limit : new int[]{1, 2, 4}) {
                assertEquals(want, walkByMarker(query + "&limit=" + limit), "marker walk " + sort + " limit " + limit);
                if (!sort.contains("sort_key=size&") && !sort.contains("sort_key=name&")) {
                    assertEquals(want, walk("/v2/images?" + query + "&limit=" + limit),
                            "next walk " + sort + " limit " + limit);
                }
            }
        });
    }

    /** Pages through query, each time adding the last id seen as marker, until a page has no next link. */
    private static List<String> walkByMarker(String query) {
        List<String> seen = new ArrayList<>();
        JsonObject page = list(query);
        while (true) {
            seen.addAll(ids(page));
            if (next(page) == null) {
                return seen;
            }
            page = list(query + "&marker=" + seen.get(seen.size() - 1));
        }
    }

    @Test
    void nextLinksOfARepeatedSortKeyKeepOnlyTheLastKeyAsGlanceDoes() {
        // Glance builds links from dict(request.params): sort_key=name&sort_key=size becomes sort_key=size.
        // Clients that page with several keys use sort=name:asc,size:asc, which survives intact.
        String tag = unique("lossy");
        image(tag, "");
        image(tag, "");
        JsonObject page = list("tag=" + tag + "&sort_key=name&sort_key=size&sort_dir=asc&limit=1");
        assertEquals("/v2/images?tag=" + tag + "&sort_key=size&sort_dir=asc&limit=1&marker=" + ids(page).get(0),
                next(page));
    }

    @Test
    void sortingSyntaxErrors() {
        assertBadRequest("sort=name:asc&sort_key=name", "Old and new sorting syntax cannot be combined");
        assertBadRequest("sort_dir=asc&sort=name", "Old and new sorting syntax cannot be combined");
        String keys = "It must be one of the following: name, status, container_format, disk_format, size, id,"
                + " created_at, updated_at.";
        assertBadRequest("sort_key=owner", "Invalid sort key: owner. " + keys);
        assertBadRequest("sort=min_ram:asc", "Invalid sort key: min_ram. " + keys);
        assertBadRequest("sort=", "Invalid sort key: . " + keys);
        assertBadRequest("sort=name:asc,", "Invalid sort key: . " + keys);
        assertBadRequest("sort_dir=up", "Invalid sort direction: up");
        assertBadRequest("sort_dir=ASC", "Invalid sort direction: ASC");
        assertBadRequest("sort=name:asc:x", "Invalid sort direction: asc:x");
        assertBadRequest("sort=name:%20,size", "Invalid sort direction: ");
        assertBadRequest("sort_key=name&sort_dir=asc&sort_dir=desc",
                "Number of sort dirs does not match the number of sort keys");
        assertBadRequest("sort_dir=asc&sort_dir=desc", "Number of sort dirs does not match the number of sort keys");
        // every key and every dir is checked before the counts
        assertBadRequest("sort_key=bogus&sort_dir=asc&sort_dir=desc", "Invalid sort key: bogus. " + keys);
        assertBadRequest("sort_key=name&sort_dir=asc&sort_dir=down", "Invalid sort direction: down");
    }

    @Test
    void sortValuesAreTrimmed() {
        String tag = unique("trim");
        String a = image(tag, "\"name\":\"a\"");
        String b = image(tag, "\"name\":\"b\"");
        assertEquals(List.of(a, b), ids("tag=" + tag + "&sort_key=%20name%20&sort_dir=%20asc%20"));
        assertEquals(List.of(b, a), ids("tag=" + tag + "&sort=name:"), "an empty dir means desc");
    }

    // ---- order of checks --------------------------------------------------------------------------

    @Test
    void withSeveralMistakesTheErrorIsTheOneGlanceChecksFirst() {
        // deserializer: visibility and changes-since, then member_status, then limit, then sorting
        assertBadRequest("limit=abc&visibility=bogus", "Invalid visibility value: bogus");
        assertBadRequest("limit=abc&changes-since=2020-01-01",
                "The \"changes-since\" filter is no longer available on v2.");
        assertBadRequest("limit=abc&member_status=bogus", "Invalid status: bogus");
        assertBadRequest("sort_key=bogus&limit=abc", "limit param must be an integer");
        // controller: os_hidden, then protected
        assertBadRequest("os_hidden=maybe&sort_dir=up", "Invalid sort direction: up");
        assertBadRequest("protected=True&os_hidden=maybe",
                "Invalid value 'maybe' for 'os_hidden' filter. Valid values are 'true' or 'false'.");
        // database layer: the other filters in request order
        assertBadRequest("size_min=x&protected=True",
                "Invalid value 'True' for 'protected' filter. Valid values are 'true' or 'false'.");
        assertBadRequest("created_at=gt:x&size_min=x",
                "Bad \"created_at\" query filter format. Use ISO 8601 DateTime notation.");
        assertBadRequest("size_min=x&created_at=gt:x", "Unable to filter on a range with a non-numeric value.");
    }
}
