package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.glancejee.it.Api.delete;
import static org.glancejee.it.Api.get;
import static org.glancejee.it.Api.json;
import static org.glancejee.it.Api.post;
import static org.glancejee.it.Api.put;
import static org.glancejee.it.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image members API, {@code /v2/images/{id}/members[/{member}]}, as an admin (the test server runs
 * noauth): sharing, answering, removing and re-adding, and Glance 25's refusals with its messages. Which
 * persona may do what is MemberPolicy's (unit-tested; a Keystone-backed test comes with the policy engine).
 */
@ExtendWith(GlanceServer.class)
class ImageMembersIT {
    /** Keystone project ids look like this; glanceclient and openstackclient send them as they are. */
    private static final String PROJECT = "fca20d6ec2744bad9372b2f02bc81938";

    // --- sharing -----------------------------------------------------------------------------------

    @Test
    void addingAMemberAnswers200WithThePendingMembership() {
        String id = sharedImage("add");

        HttpResponse<String> response = post(members(id), member(PROJECT));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonObject view = json(response);
        assertEquals(List.of("member_id", "image_id", "status", "created_at", "updated_at", "schema"),
                List.copyOf(view.keySet()));
        assertEquals(PROJECT, view.getString("member_id"));
        assertEquals(id, view.getString("image_id"));
        assertEquals("pending", view.getString("status"));
        assertEquals("/v2/schemas/member", view.getString("schema"));
        assertTrue(view.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), view::toString);
        assertEquals(view.getString("created_at"), view.getString("updated_at"));
    }

    @Test
    void theListHoldsEveryMemberInTheOrderAdded() {
        String id = sharedImage("list");
        JsonObject first = json(post(members(id), member("project-a")));
        JsonObject second = json(post(members(id), member("project-b")));

        HttpResponse<String> response = get(members(id));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject list = json(response);
        assertEquals(List.of("members", "schema"), List.copyOf(list.keySet()));
        assertEquals("/v2/schemas/members", list.getString("schema"));
        assertEquals(List.of(first, second), list.getJsonArray("members"));
    }

    @Test
    void anImageWithoutMembersListsNone() {
        JsonObject list = json(get(members(sharedImage("none"))));

        assertEquals(Json.createArrayBuilder().build(), list.getJsonArray("members"));
    }

    @Test
    void showReturnsTheMembership() {
        String id = sharedImage("show");
        JsonObject added = json(post(members(id), member(PROJECT)));

        HttpResponse<String> response = get(member(id, PROJECT));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(added, json(response));
    }

    @Test
    void memberIdsAreTakenAsWritten() {
        String id = sharedImage("ids");
        for (String project : List.of("a b", "café", "P1", "p1", "x".repeat(255))) {
            assertEquals(200, post(members(id), member(project)).statusCode(), project);
            assertEquals(project, json(get(member(id, project))).getString("member_id"), project);
        }
        assertRefused(get(member(id, "p1 ")), 404, "p1  not found in the member list of the image " + id + ".");
        assertEquals(List.of("a b", "café", "P1", "p1", "x".repeat(255)), memberIds(id));
    }

    @Test
    void aNumberIsKeptAsTheTextGlanceStores() {
        String id = sharedImage("number");

        assertEquals("123", json(post(members(id), "{\"member\": 123}")).getString("member_id"));
        assertEquals(List.of("123"), memberIds(id));
    }

    @Test
    void membersDoNotChangeTheImage() throws InterruptedException {
        JsonObject image = Catalogue.createNamed("untouched");
        String id = image.getString("id");
        Thread.sleep(1100);

        assertEquals(200, post(members(id), member(PROJECT)).statusCode());
        assertEquals(200, put(member(id, PROJECT), status("accepted")).statusCode());
        assertEquals(204, delete(member(id, PROJECT)).statusCode());

        assertEquals(image, Catalogue.show(id));
    }

    // --- answering ----------------------------------------------------------------------------------

    @Test
    void theStatusCanBeSetToEachAnswer() {
        String id = sharedImage("answer");
        post(members(id), member(PROJECT));

        for (String answer : List.of("accepted", "rejected", "pending", "accepted")) {
            HttpResponse<String> response = put(member(id, PROJECT), status(answer));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(answer, json(response).getString("status"));
            assertEquals(answer, json(get(member(id, PROJECT))).getString("status"));
        }
    }

    @Test
    void aNewAnswerMovesUpdatedAtAndTheSameAnswerDoesNot() throws InterruptedException {
        String id = sharedImage("updated-at");
        JsonObject added = json(post(members(id), member(PROJECT)));
        Thread.sleep(1100);

        JsonObject accepted = json(put(member(id, PROJECT), status("accepted")));
        assertEquals(added.getString("created_at"), accepted.getString("created_at"));
        assertNotEquals(added.getString("updated_at"), accepted.getString("updated_at"));
        Thread.sleep(1100);

        JsonObject again = json(put(member(id, PROJECT), status("accepted")));
        assertEquals(accepted.getString("updated_at"), again.getString("updated_at"));
    }

    @Test
    void anyOtherStatusIsAnIncorrectRequest() {
        String id = sharedImage("bad-status");
        post(members(id), member(PROJECT));

        for (String value : List.of("\"ACCEPTED\"", "\"\"", "\"all\"", "null", "1", "[\"accepted\"]", "{}")) {
            assertRefused(put(member(id, PROJECT), "{\"status\": " + value + "}"), 400,
                    "Incorrect request: Status must be \"pending\", \"accepted\" or \"rejected\".");
        }
        assertEquals("pending", json(get(member(id, PROJECT))).getString("status"));
    }

    // --- removing and re-adding ----------------------------------------------------------------------

    @Test
    void removingAnswers204AndTheMemberIsGone() {
        String id = sharedImage("remove");
        post(members(id), member("stays"));
        post(members(id), member(PROJECT));

        HttpResponse<String> response = delete(member(id, PROJECT));

        assertEquals(204, response.statusCode(), response.body());
        assertEquals("", response.body());
        String missing = PROJECT + " not found in the member list of the image " + id + ".";
        assertRefused(get(member(id, PROJECT)), 404, missing);
        assertRefused(delete(member(id, PROJECT)), 404, missing);
        assertRefused(put(member(id, PROJECT), status("accepted")), 404, missing);
        assertEquals(List.of("stays"), memberIds(id));
    }

    @Test
    void aRemovedMemberCanBeAddedAgainPendingWithItsFirstCreatedAt() throws InterruptedException {
        String id = sharedImage("re-add");
        JsonObject first = json(post(members(id), member(PROJECT)));
        put(member(id, PROJECT), status("accepted"));
        assertEquals(204, delete(member(id, PROJECT)).statusCode());
        Thread.sleep(1100);

        HttpResponse<String> again = post(members(id), member(PROJECT));

        assertEquals(200, again.statusCode(), again.body());
        JsonObject view = json(again);
        assertEquals("pending", view.getString("status"));
        assertEquals(first.getString("created_at"), view.getString("created_at"));
        assertNotEquals(first.getString("updated_at"), view.getString("updated_at"));
        assertEquals(view, json(get(member(id, PROJECT))));
        assertEquals(List.of(PROJECT), memberIds(id));
        assertEquals(1L, rows("SELECT COUNT(*) FROM image_members WHERE image_id = ?", id).get(0),
                "Glance reuses the removed row");
    }

    @Test
    void addingAMemberTwiceIsAConflict() {
        String id = sharedImage("twice");
        post(members(id), member(PROJECT));

        assertRefused(post(members(id), member(PROJECT)), 409,
                "Member " + PROJECT + " is duplicated for image " + id);
        assertEquals(List.of(PROJECT), memberIds(id));
    }

    @Test
    void deletingTheImageRemovesItsMembers() {
        String id = sharedImage("image-deleted");
        post(members(id), member("project-a"));
        post(members(id), member("project-b"));

        assertEquals(204, delete("/v2/images/" + id).statusCode());

        String gone = "Image " + id + " not found.";
        assertRefused(get(members(id)), 404, gone);
        assertRefused(get(member(id, "project-a")), 404, gone);
        assertRefused(post(members(id), member("project-c")), 404, gone);
        assertRefused(put(member(id, "project-a"), status("accepted")), 404, gone);
        assertRefused(delete(member(id, "project-a")), 404, gone);
        assertEquals(List.of(true, true), rows("SELECT deleted FROM image_members WHERE image_id = ?", id));
    }

    // --- only shared images have members ---------------------------------------------------------

    @Test
    void imagesThatAreNotSharedHaveNoMembers() {
        for (String visibility : List.of("private", "public", "community")) {
            String id = Catalogue.createNamed(visibility, Json.createObjectBuilder().add("visibility", visibility))
                    .getString("id");

            assertRefused(post(members(id), member(PROJECT)), 403,
                    "Not allowed to create members for image " + id + ".");
            assertRefused(get(members(id)), 403,
                    "Not allowed to list members for image " + id + ": Only shared images have members.");
            assertRefused(get(member(id, PROJECT)), 404, "Only shared images have members.");
            assertRefused(put(member(id, PROJECT), status("accepted")), 403,
                    "Not allowed to update members for image " + id + ".");
            assertRefused(delete(member(id, PROJECT)), 403, "Not allowed to delete members for image " + id + ".");
        }
    }

    @Test
    void membersOutliveAVisibilityChangeAndShowAgainWhenShared() {
        String id = sharedImage("toggle");
        post(members(id), member(PROJECT));

        assertEquals(200, visibility(id, "private").statusCode());
        assertRefused(get(members(id)), 403,
                "Not allowed to list members for image " + id + ": Only shared images have members.");

        assertEquals(200, visibility(id, "shared").statusCode());
        assertEquals(List.of(PROJECT), memberIds(id));
    }

    // --- not found -----------------------------------------------------------------------------------

    @Test
    void anUnknownImageIsNotFoundWhateverTheRequest() {
        for (String id : List.of(Catalogue.newId(), "not-a-uuid", "a".repeat(100))) {
            String missing = "Image " + id + " not found.";
            assertRefused(get(members(id)), 404, missing);
            assertRefused(post(members(id), member(PROJECT)), 404, missing);
            assertRefused(get(member(id, PROJECT)), 404, missing);
            assertRefused(put(member(id, PROJECT), status("bogus")), 404, missing);
            assertRefused(delete(member(id, PROJECT)), 404, missing);
        }
    }

    @Test
    void anUnknownMemberIsNotFoundBeforeTheStatusIsChecked() {
        String id = sharedImage("unknown-member");
        String missing = "zz not found in the member list of the image " + id + ".";

        assertRefused(get(member(id, "zz")), 404, missing);
        assertRefused(put(member(id, "zz"), status("bogus")), 404, missing);
        assertRefused(delete(member(id, "zz")), 404, missing);
    }

    // --- request bodies ------------------------------------------------------------------------------

    @Test
    void addRefusesBodiesWithoutAUsableMember() {
        String id = sharedImage("add-bodies");
        String form = "Expected a member in the form: {\"member\": \"image_id\"}";
        List<List<String>> cases = List.of(
                List.of("{}", "Member to be added not specified"),
                List.of("{\"members\": \"x\"}", "Member to be added not specified"),
                List.of("{\"member\": \"\"}", "Member can't be empty"),
                List.of("{\"member\": null}", "Member can't be empty"),
                List.of("{\"member\": 0}", "Member can't be empty"),
                List.of("{\"member\": false}", "Member can't be empty"),
                List.of("{\"member\": []}", "Member can't be empty"),
                List.of("{\"member\": {}}", "Member can't be empty"),
                List.of("[]", form),
                List.of("[\"member\"]", form),
                List.of("{\"member\": [\"a\"]}", form),
                List.of("\"member\"", "Unexpected body type. Expected list/dict."),
                List.of("123", "Unexpected body type. Expected list/dict."),
                List.of("null", "Unexpected body type. Expected list/dict."),
                List.of("{bad", "Malformed JSON in request body."),
                List.of("{\"member\": \"a\"} x", "Malformed JSON in request body."),
                List.of("", "Body expected in request."),
                List.of("{\"member\": \"p\uD83D\uDE00\"}", "Member can't contain 4 byte unicode characters."),
                List.of("{\"member\": \"" + "y".repeat(256) + "\"}", "Member can't be longer than 255 characters."));
        for (List<String> c : cases) {
            assertRefused(post(members(id), c.get(0)), 400, c.get(1));
        }
        assertEquals(List.of(), memberIds(id));
    }

    @Test
    void setStatusRefusesBodiesWithoutAStatus() {
        String id = sharedImage("put-bodies");
        post(members(id), member(PROJECT));
        String form = "Expected a status in the form: {\"status\": \"status\"}";
        List<List<String>> cases = List.of(
                List.of("{}", "Status not specified"),
                List.of("{\"Status\": \"accepted\"}", "Status not specified"),
                List.of("[]", form),
                List.of("[\"status\"]", form),
                List.of("\"accepted\"", "Unexpected body type. Expected list/dict."),
                List.of("{bad", "Malformed JSON in request body."),
                List.of("", "Body expected in request."));
        for (List<String> c : cases) {
            assertRefused(put(member(id, PROJECT), c.get(0)), 400, c.get(1));
        }
    }

    @Test
    void bodiesAreReadBeforeTheImageIsLookedUp() {
        String id = Catalogue.newId();

        assertRefused(post(members(id), "{bad"), 400, "Malformed JSON in request body.");
        assertRefused(put(member(id, PROJECT), "{}"), 400, "Status not specified");
    }

    @Test
    void removingWithABodyIsRefused() {
        String id = sharedImage("delete-body");
        post(members(id), member(PROJECT));

        assertRefused(Api.methodWithBody("DELETE", member(id, PROJECT), "{}"), 400,
                "A body is not expected with this request.");
        assertEquals(List.of(PROJECT), memberIds(id));
    }

    @Test
    void otherMethodsAreNotAllowed() {
        String id = sharedImage("methods");

        HttpResponse<String> onList = Api.method("PATCH", members(id));
        assertEquals(405, onList.statusCode(), onList.body());
        assertEquals("GET, POST", onList.headers().firstValue("Allow").orElseThrow());

        HttpResponse<String> onMember = Api.method("POST", member(id, PROJECT));
        assertEquals(405, onMember.statusCode(), onMember.body());
        assertEquals("GET, PUT, DELETE", onMember.headers().firstValue("Allow").orElseThrow());
    }

    // --- image_member_quota --------------------------------------------------------------------------

    @Test
    void theQuotaOf128MembersIsEnforcedBeforeDuplicates() {
        String id = sharedImage("quota");
        for (int i = 0; i < 128; i++) {
            HttpResponse<String> added = post(members(id), member("project-" + i));
            assertEquals(200, added.statusCode(), added.body());
        }
        String full = "Image member limit exceeded for image " + id + ": The limit has been exceeded on the number of"
                + " allowed image members for this image. Attempted: 129, Maximum: 128:";

        assertRefused(post(members(id), member("one-more")), 413, full);
        assertRefused(post(members(id), member("project-0")), 413, full);
        assertEquals(128, memberIds(id).size());

        assertEquals(204, delete(member(id, "project-0")).statusCode());
        assertEquals(200, post(members(id), member("one-more")).statusCode());
        assertRefused(post(members(id), member("project-0")), 413, full);
    }

    // --- helpers -------------------------------------------------------------------------------------

    private static String sharedImage(String label) {
        JsonObject image = Catalogue.createNamed("members-" + label);
        assertEquals("shared", image.getString("visibility"));
        return image.getString("id");
    }

    private static String members(String imageId) {
        return "/v2/images/" + imageId + "/members";
    }

    private static String member(String imageId, String member) {
        return members(imageId) + "/" + URLEncoder.encode(member, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String member(String project) {
        return Json.createObjectBuilder().add("member", project).build().toString();
    }

    private static String status(String status) {
        return Json.createObjectBuilder().add("status", status).build().toString();
    }

    private static List<String> memberIds(String imageId) {
        HttpResponse<String> response = get(members(imageId));
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("member_id")).toList();
    }

    private static HttpResponse<String> visibility(String imageId, String visibility) {
        return Api.patch("/v2/images/" + imageId, Api.PATCH_V21, Catalogue.patch21(
                Catalogue.op("replace", "/visibility", visibility)));
    }

    /** The first column of a query on the server's database, below the API. */
    private static List<Object> rows(String sql, String parameter) {
        try (Connection c = DriverManager.getConnection(GlanceServer.jdbcUrl());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<Object> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object value = r.getObject(1);
                    values.add(value instanceof Number n && !(value instanceof Long) ? n.longValue() : value);
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
