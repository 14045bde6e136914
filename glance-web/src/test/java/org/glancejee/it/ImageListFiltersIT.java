package org.glancejee.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.glancejee.it.Listing.assertBadRequest;
import static org.glancejee.it.Listing.ids;
import static org.glancejee.it.Listing.image;
import static org.glancejee.it.Listing.setCreatedAt;
import static org.glancejee.it.Listing.setSize;
import static org.glancejee.it.Listing.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /v2/images filters: what each one selects, and what Glance refuses. */
@ExtendWith(GlanceServer.class)
class ImageListFiltersIT {

    private static void assertSelects(String query, String... expected) {
        assertEquals(Set.of(expected), Set.copyOf(ids(query + "&limit=100")), query);
        assertEquals(expected.length, ids(query + "&limit=100").size(), query);
    }

    // ---- name, id, status, formats: exact and in: -------------------------------------------------

    @Test
    void coreAttributesMatchExactlyOrInAList() {
        String tag = unique("core");
        String n = unique("n");
        String one = image(tag, "\"name\":\"" + n + "-1\",\"disk_format\":\"raw\",\"container_format\":\"bare\"");
        String comma = image(tag, "\"name\":\"" + n + ",2\",\"disk_format\":\"qcow2\",\"container_format\":\"ovf\"");
        String colon = image(tag, "\"name\":\"" + n + ":3\",\"disk_format\":\"iso\"");
        String t = "tag=" + tag + "&";

        assertSelects(t + "name=" + n + "-1", one);
        assertSelects(t + "name=eq:" + n + "-1", one);
        assertSelects(t + "name=" + n, new String[0]);
        assertSelects(t + "name=in:" + n + "-1,%22" + n + ",2%22", one, comma);
        assertSelects(t + "name=in:%22" + n + ",2%22", comma);
        assertSelects(t + "name=in:" + n + ",2", new String[0]); // unquoted, the comma splits
        assertSelects(t + "name=in:", new String[0]);
        assertSelects(t + "name=eq:" + n + ":3", colon);
        assertBadRequest(t + "name=" + n + ":3", "Unable to filter by unknown operator '" + n + "'.");

        assertSelects(t + "id=" + one, one);
        assertSelects(t + "id=in:" + one + "," + colon, one, colon);
        assertSelects(t + "status=queued", one, comma, colon);
        assertSelects(t + "status=active", new String[0]);
        assertSelects(t + "status=in:active,queued", one, comma, colon);
        assertSelects(t + "status=bogus", new String[0]);
        assertSelects(t + "disk_format=raw", one);
        assertSelects(t + "disk_format=in:raw,iso", one, colon);
        assertSelects(t + "container_format=bare", one);
        assertSelects(t + "container_format=in:ovf,bare", one, comma);
        assertSelects(t + "container_format=bare&disk_format=qcow2", new String[0]);
    }

    @Test
    void badOperatorsAndQuotingAreRefused() {
        assertBadRequest("name=like:x", "Unable to filter by unknown operator 'like'.");
        assertBadRequest("status=neq:active", "Unable to filter by unknown operator 'neq'.");
        assertBadRequest("id=gt:x", "Unable to filter by unknown operator 'gt'.");
        assertBadRequest("disk_format=in:raw,%22qcow2", "Invalid filter value raw,\"qcow2. The quote is not closed.");
        assertBadRequest("container_format=in:a%22b%22",
                "Invalid filter value a\"b\". There is no comma before opening quotation mark.");
        assertBadRequest("name=in:%22a%22b", "Invalid filter value \"a\"b. There is no comma after closing quotation mark.");
    }

    // ---- created_at / updated_at ------------------------------------------------------------------

    @Test
    void timesCompareWithEveryOperator() {
        String tag = unique("time");
        String t0 = image(tag, "");
        String t1 = image(tag, "");
        String t2 = image(tag, "");
        setCreatedAt(t0, "2001-02-03T04:05:06Z");
        setCreatedAt(t1, "2001-02-03T04:05:07Z");
        setCreatedAt(t2, "2002-01-01T00:00:00Z");
        String t = "tag=" + tag + "&";

        assertSelects(t + "created_at=2001-02-03T04:05:07Z", t1); // a whole ISO time is not split at ':'
        assertSelects(t + "created_at=eq:2001-02-03T04:05:07Z", t1);
        assertSelects(t + "created_at=neq:2001-02-03T04:05:07Z", t0, t2);
        assertSelects(t + "created_at=gt:2001-02-03T04:05:07Z", t2);
        assertSelects(t + "created_at=gte:2001-02-03T04:05:07Z", t1, t2);
        assertSelects(t + "created_at=lt:2001-02-03T04:05:07Z", t0);
        assertSelects(t + "created_at=lte:2001-02-03T04:05:07Z", t0, t1);
        assertSelects(t + "created_at=lte:2001-02-03T04:05:07", t0, t1); // naive means UTC
        assertSelects(t + "created_at=gte:2001-02-03T05:05:07%2B01:00", t1, t2); // offsets are normalised
        assertSelects(t + "created_at=lt:2001-02-04", t0, t1); // a date alone
        assertSelects(t + "created_at=gte:2002", t2); // a year alone
        // a repeated filter: the last one counts, as in Glance's dict of filters
        assertSelects(t + "created_at=gt:2001-02-03T04:05:06Z&created_at=lt:2002-01-01", t0, t1);
        assertSelects(t + "updated_at=lt:2001-12-31T00:00:00Z", t0, t1);
        assertSelects(t + "updated_at=gt:2001-12-31T00:00:00Z&created_at=lt:2002-06-01", t2);
    }

    @Test
    void timeAsShownInAnImageMatchesThatImage() {
        String tag = unique("shown");
        String id = image(tag, "");
        String createdAt = Api.json(Api.get("/v2/images/" + id)).getString("created_at");
        assertSelects("tag=" + tag + "&created_at=" + createdAt, id);
        assertSelects("tag=" + tag + "&updated_at=eq:" + createdAt, id);
    }

    @Test
    void badTimesAndOperatorsAreRefused() {
        assertBadRequest("created_at=gt:yesterday", "Bad \"created_at\" query filter format. Use ISO 8601 DateTime notation.");
        assertBadRequest("created_at=yesterday", "Bad \"created_at\" query filter format. Use ISO 8601 DateTime notation.");
        assertBadRequest("updated_at=lt:2001-13-45", "Bad \"updated_at\" query filter format. Use ISO 8601 DateTime notation.");
        // the date is read before the operator is checked
        assertBadRequest("created_at=like:soon", "Bad \"created_at\" query filter format. Use ISO 8601 DateTime notation.");
        assertBadRequest("created_at=in:2001-02-03", "Unable to filter on a unknown operator.");
        assertBadRequest("updated_at=foo:2001-02-03T04:05:06Z", "Unable to filter on a unknown operator.");
    }

    // ---- size_min / size_max ----------------------------------------------------------------------

    @Test
    void sizeRangesSkipImagesWithoutSize() {
        String tag = unique("size");
        String small = image(tag, "");
        String big = image(tag, "");
        String none = image(tag, "");
        setSize(small, 100L);
        setSize(big, 5_000_000_000L);
        String t = "tag=" + tag + "&";

        assertSelects("tag=" + tag, small, big, none);
        assertSelects(t + "size_min=0", small, big);
        assertSelects(t + "size_min=100", small, big);
        assertSelects(t + "size_min=101", big);
        assertSelects(t + "size_max=100", small);
        assertSelects(t + "size_max=99", new String[0]);
        assertSelects(t + "size_min=101&size_max=5000000000", big);
        assertSelects(t + "size_min=%20100%20", small, big);
        assertSelects(t + "size=100", small);
    }

    @Test
    void sizeRangesMustBeIntegers() {
        assertBadRequest("size_min=abc", "Unable to filter on a range with a non-numeric value.");
        assertBadRequest("size_max=1.5", "Unable to filter on a range with a non-numeric value.");
        assertBadRequest("size_max=", "Unable to filter on a range with a non-numeric value.");
    }

    // ---- visibility -------------------------------------------------------------------------------

    @Test
    void visibilityFilterAndTheHiddenCommunity() {
        String tag = unique("vis");
        String pub = image(tag, "\"visibility\":\"public\"");
        String priv = image(tag, "\"visibility\":\"private\"");
        String shared = image(tag, "\"visibility\":\"shared\"");
        String community = image(tag, "\"visibility\":\"community\"");
        String t = "tag=" + tag + "&";

        assertSelects("tag=" + tag, pub, priv, shared); // community only with a visibility filter
        assertSelects(t + "visibility=public", pub);
        assertSelects(t + "visibility=private", priv);
        assertSelects(t + "visibility=shared", shared);
        assertSelects(t + "visibility=community", community);
        assertSelects(t + "visibility=all", pub, priv, shared, community);
        assertSelects(t + "visibility=", new String[0]); // not checked, and no image has visibility ''
        assertBadRequest(t + "visibility=bogus", "Invalid visibility value: bogus");
        assertBadRequest(t + "visibility=Public", "Invalid visibility value: Public");
    }

    // ---- os_hidden, protected -------------------------------------------------------------------------

    @Test
    void hiddenImagesOnlyWhenAskedFor() {
        String tag = unique("hid");
        String shown = image(tag, "");
        String hidden = image(tag, "\"os_hidden\":true");
        String t = "tag=" + tag + "&";

        assertSelects("tag=" + tag, shown);
        assertSelects(t + "os_hidden=false", shown);
        assertSelects(t + "os_hidden=true", hidden);
        assertSelects(t + "os_hidden=True", hidden);
        assertSelects(t + "os_hidden=FALSE", shown);
        assertBadRequest(t + "os_hidden=YES",
                "Invalid value 'yes' for 'os_hidden' filter. Valid values are 'true' or 'false'.");
        assertBadRequest(t + "os_hidden=",
                "Invalid value '' for 'os_hidden' filter. Valid values are 'true' or 'false'.");
    }

    @Test
    void protectedFilterIsLowercaseOnly() {
        String tag = unique("prot");
        String open = image(tag, "");
        String locked = image(tag, "\"protected\":true");
        String t = "tag=" + tag + "&";

        assertSelects("tag=" + tag, open, locked);
        assertSelects(t + "protected=true", locked);
        assertSelects(t + "protected=false", open);
        assertBadRequest(t + "protected=True",
                "Invalid value 'True' for 'protected' filter. Valid values are 'true' or 'false'.");
        assertBadRequest(t + "protected=1",
                "Invalid value '1' for 'protected' filter. Valid values are 'true' or 'false'.");
    }

    // ---- tags, properties, other keys -------------------------------------------------------------

    @Test
    void everyTagMustBePresent() {
        String tag = unique("tags");
        String a = unique("a");
        String b = unique("b");
        String onlyA = image(tag, "\"tags\":[\"" + tag + "\",\"" + a + "\"]");
        String onlyB = image(tag, "\"tags\":[\"" + tag + "\",\"" + b + "\"]");
        String both = image(tag, "\"tags\":[\"" + tag + "\",\"" + a + "\",\"" + b + "\"]");

        assertSelects("tag=" + tag, onlyA, onlyB, both);
        assertSelects("tag=" + tag + "&tag=" + a, onlyA, both);
        assertSelects("tag=" + b + "&tag=" + tag, onlyB, both);
        assertSelects("tag=" + tag + "&tag=" + a + "&tag=" + b, both);
        assertSelects("tag=%20" + a + "%20&tag=" + b, both); // Glance strips tag values
        assertSelects("tag=" + a + "&tag=" + unique("nobody"), new String[0]);
    }

    @Test
    void anyOtherKeyMatchesACustomPropertyExactly() {
        String tag = unique("prop");
        String debian = image(tag, "\"os_distro\":\"debian\",\"os_version\":\"12\"");
        String debian11 = image(tag, "\"os_distro\":\"debian\",\"os_version\":\"11\"");
        String ubuntu = image(tag, "\"os_distro\":\"ubuntu\"");
        image(tag, "");
        String t = "tag=" + tag + "&";

        assertSelects(t + "os_distro=debian", debian, debian11);
        assertSelects(t + "os_distro=ubuntu", ubuntu);
        assertSelects(t + "os_distro=debian&os_version=12", debian);
        assertSelects(t + "os_distro=Debian", new String[0]);
        assertSelects(t + "os_distro=deb", new String[0]);
        assertSelects(t + "os_distro=in:debian,ubuntu", new String[0]); // no operators on properties
        assertSelects(t + "no_such_property=debian", new String[0]);
    }

    @Test
    void memberStatusIsChecked() {
        String tag = unique("member");
        String id = image(tag, "");
        for (String status : List.of("accepted", "pending", "rejected", "all")) {
            assertSelects("tag=" + tag + "&member_status=" + status, id);
        }
        assertBadRequest("member_status=bogus", "Invalid status: bogus");
        assertBadRequest("member_status=", "Invalid status: ");
    }

    @Test
    void changesSinceIsGoneFromV2() {
        assertBadRequest("changes-since=2020-01-01T00:00:00Z",
                "The \"changes-since\" filter is no longer available on v2.");
    }

    @Test
    void deletedImagesAreNeverListed() {
        String tag = unique("del");
        String kept = image(tag, "");
        String gone = image(tag, "\"os_hidden\":true,\"visibility\":\"community\"");
        String goneToo = image(tag, "");
        assertEquals(204, Api.delete("/v2/images/" + gone).statusCode());
        assertEquals(204, Api.delete("/v2/images/" + goneToo).statusCode());
        String t = "tag=" + tag + "&";

        assertSelects("tag=" + tag, kept);
        assertSelects(t + "id=" + goneToo, new String[0]);
        assertSelects(t + "status=deleted", new String[0]);
        assertSelects(t + "visibility=all&os_hidden=true", new String[0]);
        assertSelects(t + "deleted=true", kept); // Glance overrides any deleted filter with deleted=False
        assertSelects(t + "sort_key=name&sort_dir=asc", kept);
    }
}
