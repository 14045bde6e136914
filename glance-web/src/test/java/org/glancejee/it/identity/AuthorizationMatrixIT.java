package org.glancejee.it.identity;

import jakarta.json.JsonObject;
import org.glancejee.it.GlanceServer;
import org.glancejee.it.ImageBytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.glancejee.it.identity.Fixtures.ADMIN;
import static org.glancejee.it.identity.Fixtures.ALPHA_MEMBER;
import static org.glancejee.it.identity.Fixtures.ALPHA_READER;
import static org.glancejee.it.identity.Fixtures.BETA_MEMBER;
import static org.glancejee.it.identity.Fixtures.BETA_READER;
import static org.glancejee.it.identity.Fixtures.GAMMA_MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who gets which status, endpoint by endpoint, for images of project alpha in each visibility, under
 * Glance's default secure-RBAC policies: admin, alpha's member (owner), alpha's reader, beta's member and
 * reader (another project), and a caller without a token. Expected values come from Glance's rules
 * (glance/policies/image.py, glance/api/v2/policy.py: a refused caller that may not get_image gets 404)
 * and its DB visibility (private and unshared shared images are invisible to other projects).
 * Each test lists every mismatch at once.
 */
@ExtendWith(GlanceServer.class)
@EnabledIfSystemProperty(named = "glance.it.auth", matches = "keystone",
        disabledReason = "identity tests run in the identity-on-mariadb execution")
class AuthorizationMatrixIT {
    private static final String ANONYMOUS = "anonymous";
    /** GAMMA_MEMBER is a member (accepted) of alpha's shared image. */
    private static final List<String> PERSONAS = List.of(ADMIN, ALPHA_MEMBER, ALPHA_READER, GAMMA_MEMBER,
            BETA_MEMBER, BETA_READER, ANONYMOUS);
    private static final List<String> VISIBILITIES = List.of("private", "shared", "public", "community");
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    /** visibility → an active image of alpha with 1 KiB of data. */
    private static final Map<String, String> images = new LinkedHashMap<>();

    @BeforeAll
    static void imagesOfAlpha() {
        for (String persona : PERSONAS) {
            tokens.put(persona, persona.equals(ANONYMOUS) ? null : KeystoneServer.keystone().token(persona).id());
        }
        String alpha = KeystoneServer.fixtures().user(ALPHA_MEMBER).projectId();
        for (String visibility : VISIBILITIES) {
            // only an admin may publicize; alpha's member creates the others itself
            String creator = visibility.equals("public") ? ADMIN : ALPHA_MEMBER;
            String id = create(creator, "{\"name\": \"matrix-" + visibility + "\", \"visibility\": \"" + visibility
                    + "\", \"owner\": \"" + alpha + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
            assertEquals(204, upload(ALPHA_MEMBER, id).statusCode());
            images.put(visibility, id);
        }
        String gamma = KeystoneServer.fixtures().user(GAMMA_MEMBER).projectId();
        String members = "/v2/images/" + images.get("shared") + "/members";
        assertEquals(200, send("POST", members, tokens.get(ALPHA_MEMBER), "{\"member\": \"" + gamma + "\"}")
                .statusCode());
        assertEquals(200, send("PUT", members + "/" + gamma, tokens.get(GAMMA_MEMBER), "{\"status\": \"accepted\"}")
                .statusCode());
    }

    @Test
    void show() {
        expect("GET /v2/images/{id}", p -> send("GET", "/v2/images/" + images.get(p.visibility), p.token, null),
                Map.of("private", row(200, 200, 200, 404, 404, 404, 401),
                        "shared", row(200, 200, 200, 200, 404, 404, 401),
                        "public", row(200, 200, 200, 200, 200, 200, 401),
                        "community", row(200, 200, 200, 200, 200, 200, 401)));
    }

    @Test
    void download() {
        expect("GET /v2/images/{id}/file", p -> send("GET", "/v2/images/" + images.get(p.visibility) + "/file",
                        p.token, null),
                Map.of("private", row(200, 200, 403, 404, 404, 404, 401),
                        "shared", row(200, 200, 403, 200, 404, 404, 401),
                        "public", row(200, 200, 403, 200, 200, 403, 401),
                        "community", row(200, 200, 403, 200, 200, 403, 401)));
    }

    @Test
    void update() {
        expect("PATCH /v2/images/{id}", p -> send("PATCH", "/v2/images/" + images.get(p.visibility), p.token,
                        "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"matrix-" + p.visibility + "\"}]",
                        "Content-Type", "application/openstack-images-v2.1-json-patch"),
                Map.of("private", row(200, 200, 403, 404, 404, 404, 401),
                        "shared", row(200, 200, 403, 403, 404, 404, 401),
                        "public", row(200, 200, 403, 403, 403, 403, 401),
                        "community", row(200, 200, 403, 403, 403, 403, 401)));
    }

    @Test
    void tags() {
        expect("PUT /v2/images/{id}/tags/{tag}", p -> send("PUT", "/v2/images/" + images.get(p.visibility)
                        + "/tags/matrix", p.token, null),
                Map.of("private", row(204, 204, 403, 404, 404, 404, 401),
                        "shared", row(204, 204, 403, 403, 404, 404, 401),
                        "public", row(204, 204, 403, 403, 403, 403, 401),
                        "community", row(204, 204, 403, 403, 403, 403, 401)));
    }

    @Test
    void deactivateAndReactivate() {
        expect("POST /v2/images/{id}/actions/deactivate", p -> {
            HttpResponse<String> response = send("POST", "/v2/images/" + images.get(p.visibility)
                    + "/actions/deactivate", p.token, null);
            if (response.statusCode() == 204) {
                assertEquals(204, send("POST", "/v2/images/" + images.get(p.visibility) + "/actions/reactivate",
                        p.token, null).statusCode(), p + " may deactivate, so may reactivate");
            }
            return response;
        }, Map.of("private", row(204, 204, 403, 404, 404, 404, 401),
                "shared", row(204, 204, 403, 403, 404, 404, 401),
                "public", row(204, 204, 403, 403, 403, 403, 401),
                "community", row(204, 204, 403, 403, 403, 403, 401)));
    }

    @Test
    void deleteIsRefusedToAllButAdminAndOwnerMembers() {
        // the allowed callers delete images of their own, so the shared fixtures stay
        expect("DELETE /v2/images/{id} (refusals)", p -> p.persona.equals(ADMIN) || p.persona.equals(ALPHA_MEMBER)
                        ? send("DELETE", "/v2/images/" + create(ALPHA_MEMBER, "{\"visibility\": \"" + p.visibility
                        .replace("public", "community") + "\"}"), p.token, null)
                        : send("DELETE", "/v2/images/" + images.get(p.visibility), p.token, null),
                Map.of("private", row(204, 204, 403, 404, 404, 404, 401),
                        "shared", row(204, 204, 403, 403, 404, 404, 401),
                        "public", row(204, 204, 403, 403, 403, 403, 401),
                        "community", row(204, 204, 403, 403, 403, 403, 401)));
    }

    @Test
    void uploadNeedsTheOwnersMemberRole() {
        Map<String, Integer> expected = Map.of(ADMIN, 204, ALPHA_MEMBER, 204, ALPHA_READER, 403, GAMMA_MEMBER, 404,
                BETA_MEMBER, 404, BETA_READER, 404, ANONYMOUS, 401);
        List<String> wrong = new ArrayList<>();
        for (String persona : PERSONAS) {
            String id = create(ALPHA_MEMBER, "{\"name\": \"upload-" + persona
                    + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
            int status = upload(persona, id).statusCode();
            if (status != expected.get(persona)) {
                wrong.add(persona + " got " + status + ", expected " + expected.get(persona));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void createNeedsTheMemberRoleInTheOwningProject() {
        String alpha = KeystoneServer.fixtures().user(ALPHA_MEMBER).projectId();
        Map<String, Integer> own = Map.of(ADMIN, 201, ALPHA_MEMBER, 201, ALPHA_READER, 403, GAMMA_MEMBER, 201,
                BETA_MEMBER, 201, BETA_READER, 403, ANONYMOUS, 401);
        Map<String, Integer> forAlpha = Map.of(ADMIN, 201, ALPHA_MEMBER, 201, ALPHA_READER, 403, GAMMA_MEMBER, 403,
                BETA_MEMBER, 403, BETA_READER, 403, ANONYMOUS, 401);
        Map<String, Integer> publicOne = Map.of(ADMIN, 201, ALPHA_MEMBER, 403, ALPHA_READER, 403, GAMMA_MEMBER, 403,
                BETA_MEMBER, 403, BETA_READER, 403, ANONYMOUS, 401);
        Map<String, Integer> communityOne = Map.of(ADMIN, 201, ALPHA_MEMBER, 201, ALPHA_READER, 403,
                GAMMA_MEMBER, 201, BETA_MEMBER, 201, BETA_READER, 403, ANONYMOUS, 401);
        List<String> wrong = new ArrayList<>();
        for (String persona : PERSONAS) {
            check(wrong, persona + " creates for its project", own.get(persona),
                    send("POST", "/v2/images", tokens.get(persona), "{\"name\": \"c\"}"));
            check(wrong, persona + " creates for alpha", forAlpha.get(persona),
                    send("POST", "/v2/images", tokens.get(persona), "{\"owner\": \"" + alpha + "\"}"));
            check(wrong, persona + " creates a public image", publicOne.get(persona),
                    send("POST", "/v2/images", tokens.get(persona), "{\"visibility\": \"public\"}"));
            check(wrong, persona + " creates a community image", communityOne.get(persona),
                    send("POST", "/v2/images", tokens.get(persona), "{\"visibility\": \"community\"}"));
        }
        assertEquals(List.of(), wrong);
        HttpResponse<String> foreign = send("POST", "/v2/images", tokens.get(BETA_MEMBER),
                "{\"owner\": \"" + alpha + "\"}", "Accept", "application/json");
        String message = Keystone.json(foreign).getString("message");
        assertEquals(true, message.contains("You are not permitted to create images owned by '" + alpha + "'"),
                message);
    }

    @Test
    void listShowsEachProjectWhatItMaySee() {
        List<String> wrong = new ArrayList<>();
        Map<String, List<String>> listed = Map.of(
                ALPHA_READER, List.of("private", "shared", "public", "community"),
                GAMMA_MEMBER, List.of("shared", "public"),
                BETA_MEMBER, List.of("public"),
                BETA_READER, List.of("public"));
        listed.forEach((persona, visible) -> {
            HttpResponse<String> response = send("GET", "/v2/images?limit=1000", tokens.get(persona), null);
            check(wrong, persona + " lists", 200, response);
            for (String visibility : VISIBILITIES) {
                boolean shown = response.body().contains(images.get(visibility));
                if (shown != visible.contains(visibility)) {
                    wrong.add(persona + (shown ? " sees " : " does not see ") + "alpha's " + visibility + " image");
                }
            }
        });
        HttpResponse<String> community = send("GET", "/v2/images?visibility=community&limit=1000",
                tokens.get(BETA_MEMBER), null);
        if (!community.body().contains(images.get("community"))) {
            wrong.add("beta does not find alpha's community image when asking for community images");
        }
        check(wrong, "anonymous lists", 401, send("GET", "/v2/images", null, null));
        assertEquals(List.of(), wrong);
    }

    @Test
    void aDeactivatedImageIsDownloadedByAdminsOnly() {
        String id = images.get("public");
        assertEquals(204, send("POST", "/v2/images/" + id + "/actions/deactivate", tokens.get(ALPHA_MEMBER), null)
                .statusCode());
        try {
            HttpResponse<String> other = send("GET", "/v2/images/" + id + "/file", tokens.get(BETA_MEMBER), null,
                    "Accept", "*/*");
            assertEquals(403, other.statusCode());
            assertEquals(true, other.body().contains("The requested image has been deactivated. Image data download"
                    + " is forbidden."), other.body());
            assertEquals(403, send("GET", "/v2/images/" + id + "/file", tokens.get(ALPHA_MEMBER), null).statusCode(),
                    "the owner is not an admin either");
            assertEquals(200, send("GET", "/v2/images/" + id + "/file", tokens.get(ADMIN), null).statusCode());
        } finally {
            send("POST", "/v2/images/" + id + "/actions/reactivate", tokens.get(ADMIN), null);
        }
    }

    @Test
    void forbiddenBodiesNameTheRule() {
        HttpResponse<String> refused = send("PATCH", "/v2/images/" + images.get("public"), tokens.get(BETA_MEMBER),
                "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]",
                "Content-Type", "application/openstack-images-v2.1-json-patch", "Accept", "application/json");
        assertEquals(403, refused.statusCode());
        JsonObject body = Keystone.json(refused);
        assertEquals("403 Forbidden", body.getString("code"));
        assertEquals(true, body.getString("message").startsWith(
                "You are not authorized to complete modify_image action."), body.toString());
    }

    @Test
    void removingATag() {
        expect("DELETE /v2/images/{id}/tags/{tag}", p -> {
            send("PUT", "/v2/images/" + images.get(p.visibility) + "/tags/to-remove", tokens.get(ADMIN), null);
            return send("DELETE", "/v2/images/" + images.get(p.visibility) + "/tags/to-remove", p.token, null);
        }, Map.of("private", row(204, 204, 403, 404, 404, 404, 401),
                "shared", row(204, 204, 403, 403, 404, 404, 401),
                "public", row(204, 204, 403, 403, 403, 403, 401),
                "community", row(204, 204, 403, 403, 403, 403, 401)));
    }

    /** The cache API is admin's; this server has no cache, which only an admin gets to learn (404). */
    @Test
    void theCacheApiIsForAdminsOnly() {
        List<Integer> anyImage = row(404, 403, 403, 403, 403, 403, 401);
        expect("GET /v2/cache", p -> send("GET", "/v2/cache", p.token, null),
                Map.of("private", anyImage, "shared", anyImage, "public", anyImage, "community", anyImage));
        expect("PUT /v2/cache/{id}", p -> send("PUT", "/v2/cache/" + images.get(p.visibility), p.token, null),
                Map.of("private", row(404, 403, 403, 404, 404, 404, 401),
                        "shared", row(404, 403, 403, 403, 404, 404, 401),
                        "public", row(404, 403, 403, 403, 403, 403, 401),
                        "community", row(404, 403, 403, 403, 403, 403, 401)));
    }

    @Test
    void membersOfTheSharedImage() {
        String gamma = KeystoneServer.fixtures().user(GAMMA_MEMBER).projectId();
        String members = "/v2/images/" + images.get("shared") + "/members";
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> list = Map.of(ADMIN, 200, ALPHA_MEMBER, 200, ALPHA_READER, 200, GAMMA_MEMBER, 200,
                BETA_MEMBER, 404, BETA_READER, 404, ANONYMOUS, 401);
        Map<String, Integer> showGamma = list;
        Map<String, Integer> answer = Map.of(ADMIN, 200, ALPHA_MEMBER, 403, ALPHA_READER, 403, GAMMA_MEMBER, 200,
                BETA_MEMBER, 404, BETA_READER, 404, ANONYMOUS, 401);
        for (String persona : PERSONAS) {
            check(wrong, persona + " lists members", list.get(persona), send("GET", members, tokens.get(persona), null));
            check(wrong, persona + " shows gamma's membership", showGamma.get(persona),
                    send("GET", members + "/" + gamma, tokens.get(persona), null));
            check(wrong, persona + " answers for gamma", answer.get(persona), send("PUT", members + "/" + gamma,
                    tokens.get(persona), "{\"status\": \"accepted\"}"));
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void sharingWithAnotherProject() {
        String gamma = KeystoneServer.fixtures().user(GAMMA_MEMBER).projectId();
        String gammaToken = KeystoneServer.keystone().token(GAMMA_MEMBER).id();
        String id = create(ALPHA_MEMBER, "{\"name\": \"shared-with-gamma\", \"visibility\": \"shared\","
                + " \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        assertEquals(204, upload(ALPHA_MEMBER, id).statusCode());
        String members = "/v2/images/" + id + "/members";
        String add = "{\"member\": \"" + gamma + "\"}";
        List<String> wrong = new ArrayList<>();
        check(wrong, "gamma before sharing shows", 404, send("GET", "/v2/images/" + id, gammaToken, null));
        check(wrong, "alpha's reader adds", 403, send("POST", members, tokens.get(ALPHA_READER), add));
        check(wrong, "beta adds", 404, send("POST", members, tokens.get(BETA_MEMBER), add));
        check(wrong, "anonymous adds", 401, send("POST", members, null, add));
        check(wrong, "alpha's member adds", 200, send("POST", members, tokens.get(ALPHA_MEMBER), add));

        check(wrong, "gamma (pending) shows", 200, send("GET", "/v2/images/" + id, gammaToken, null));
        check(wrong, "gamma (pending) downloads", 200, send("GET", "/v2/images/" + id + "/file", gammaToken, null));
        if (send("GET", "/v2/images?limit=1000", gammaToken, null).body().contains(id)) {
            wrong.add("a pending share is in gamma's default list");
        }
        if (!send("GET", "/v2/images?member_status=pending&visibility=shared", gammaToken, null).body().contains(id)) {
            wrong.add("gamma's pending share is not listed with member_status=pending");
        }
        String accept = "{\"status\": \"accepted\"}";
        check(wrong, "the owner answers for gamma", 403, send("PUT", members + "/" + gamma,
                tokens.get(ALPHA_MEMBER), accept));
        check(wrong, "gamma accepts", 200, send("PUT", members + "/" + gamma, gammaToken, accept));
        if (!send("GET", "/v2/images?limit=1000", gammaToken, null).body().contains(id)) {
            wrong.add("an accepted share is not in gamma's default list");
        }
        check(wrong, "gamma modifies the image", 403, send("PATCH", "/v2/images/" + id, gammaToken,
                "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]",
                "Content-Type", "application/openstack-images-v2.1-json-patch"));
        check(wrong, "gamma shares further", 403, send("POST", members, gammaToken,
                "{\"member\": \"" + KeystoneServer.fixtures().user(BETA_MEMBER).projectId() + "\"}"));
        HttpResponse<String> seen = send("GET", members, gammaToken, null);
        check(wrong, "gamma lists members", 200, seen);
        check(wrong, "alpha's reader lists members", 200, send("GET", members, tokens.get(ALPHA_READER), null));
        check(wrong, "beta lists members", 404, send("GET", members, tokens.get(BETA_MEMBER), null));

        check(wrong, "alpha's member removes gamma", 204, send("DELETE", members + "/" + gamma,
                tokens.get(ALPHA_MEMBER), null));
        check(wrong, "gamma after removal shows", 404, send("GET", "/v2/images/" + id, gammaToken, null));
        assertEquals(List.of(), wrong);
        assertEquals(1, Keystone.json(seen).getJsonArray("members").size(), "a member sees only its own record");
    }

    // --- the table ------------------------------------------------------------------------------------

    private record Probe(String persona, String token, String visibility) {
    }

    /** Expected statuses in PERSONAS order. */
    private static List<Integer> row(Integer... statuses) {
        return List.of(statuses);
    }

    private static void expect(String what, Function<Probe, HttpResponse<String>> call,
                               Map<String, List<Integer>> expected) {
        List<String> wrong = new ArrayList<>();
        for (String visibility : VISIBILITIES) {
            for (int i = 0; i < PERSONAS.size(); i++) {
                String persona = PERSONAS.get(i);
                HttpResponse<String> response = call.apply(new Probe(persona, tokens.get(persona), visibility));
                check(wrong, persona + " on " + visibility, expected.get(visibility).get(i), response);
            }
        }
        assertEquals(List.of(), wrong, what);
    }

    private static void check(List<String> wrong, String who, int expected, HttpResponse<String> response) {
        if (response.statusCode() != expected) {
            String body = response.body();
            wrong.add(who + ": " + response.statusCode() + " (expected " + expected + ") "
                    + body.substring(0, Math.min(160, body.length())).replace('\n', ' '));
        }
    }

    private static String create(String persona, String json) {
        HttpResponse<String> created = send("POST", "/v2/images", tokens.get(persona), json);
        assertEquals(201, created.statusCode(), created.body());
        return Keystone.json(created).getString("id");
    }

    private static HttpResponse<String> upload(String persona, String id) {
        return send("PUT", "/v2/images/" + id + "/file", tokens.get(persona), "x".repeat(1024),
                "Content-Type", "application/octet-stream");
    }

    private static HttpResponse<String> send(String method, String path, String token, String body,
                                             String... headers) {
        return ImageBytes.shared().send(method, path, body, ImageBytes.withToken(token, headers));
    }
}
