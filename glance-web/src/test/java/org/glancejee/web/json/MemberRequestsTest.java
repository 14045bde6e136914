package org.glancejee.web.json;

import org.glancejee.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The member bodies with the messages Glance 25 answered for the same bodies. */
class MemberRequestsTest {
    private static final String MEMBER_FORM = "Expected a member in the form: {\"member\": \"image_id\"}";
    private static final String STATUS_FORM = "Expected a status in the form: {\"status\": \"status\"}";

    private static String memberRefusal(String body) {
        return assertThrows(InvalidInputException.class, () -> MemberRequests.member(body), body).getMessage();
    }

    private static String statusRefusal(String body) {
        return assertThrows(InvalidInputException.class, () -> MemberRequests.status(body), body).getMessage();
    }

    @Test
    void theMemberIsTakenAsWritten() {
        assertEquals("fca20d6ec2744bad9372b2f02bc81938",
                MemberRequests.member("{\"member\": \"fca20d6ec2744bad9372b2f02bc81938\"}"));
        assertEquals(" ", MemberRequests.member("{\"member\": \" \"}"));
        assertEquals("été", MemberRequests.member("{\"member\": \"\\u00e9t\\u00e9\"}"));
        assertEquals("n1", MemberRequests.member("{\"member\": \"n1\", \"extra\": 1}"));
    }

    @Test
    void numbersAndTrueAreKeptAsTheTextGlancesDatabaseStores() {
        assertEquals("123", MemberRequests.member("{\"member\": 123}"));
        assertEquals("1.5", MemberRequests.member("{\"member\": 1.5}"));
        assertEquals("2.0", MemberRequests.member("{\"member\": 2.0}"));
        assertEquals("12345678901234567890", MemberRequests.member("{\"member\": 12345678901234567890}"));
        assertEquals("1", MemberRequests.member("{\"member\": true}"));
    }

    @Test
    void aMissingMemberIsNotSpecified() {
        assertEquals("Member to be added not specified", memberRefusal("{}"));
        assertEquals("Member to be added not specified", memberRefusal("{\"members\": \"x\"}"));
    }

    @Test
    void anEmptyMemberInPythonsSenseIsRefused() {
        for (String value : List.of("\"\"", "null", "0", "0.0", "false", "[]", "{}")) {
            assertEquals("Member can't be empty", memberRefusal("{\"member\": " + value + "}"), value);
        }
    }

    @Test
    void aListIsTheWrongForm() {
        assertEquals(MEMBER_FORM, memberRefusal("[]"));
        assertEquals(MEMBER_FORM, memberRefusal("[\"member\"]"));
        assertEquals(STATUS_FORM, statusRefusal("[]"));
        assertEquals(STATUS_FORM, statusRefusal("[\"status\"]"));
    }

    @Test
    void aMemberThatIsAListOrAnObjectIsTheWrongFormWhereGlanceFailsWith500() {
        assertEquals(MEMBER_FORM, memberRefusal("{\"member\": [\"a\"]}"));
        assertEquals(MEMBER_FORM, memberRefusal("{\"member\": {\"a\": 1}}"));
    }

    @Test
    void scalarBodiesAreUnexpected() {
        for (String body : List.of("\"member\"", "123", "null", "true")) {
            assertEquals("Unexpected body type. Expected list/dict.", memberRefusal(body), body);
            assertEquals("Unexpected body type. Expected list/dict.", statusRefusal(body), body);
        }
    }

    @Test
    void malformedAndMissingBodies() {
        for (String body : List.of("{bad", "{\"member\": \"a\"} x", " ")) {
            assertEquals("Malformed JSON in request body.", memberRefusal(body), body);
            assertEquals("Malformed JSON in request body.", statusRefusal(body), body);
        }
        assertEquals("Body expected in request.", memberRefusal(""));
        assertEquals("Body expected in request.", statusRefusal(""));
    }

    @Test
    void theStatusIsAnyJsonValueForTheServiceToCheck() {
        assertEquals("accepted", MemberRequests.status("{\"status\": \"accepted\"}"));
        assertEquals("bogus", MemberRequests.status("{\"status\": \"bogus\", \"member\": \"zz\"}"));
        assertNull(MemberRequests.status("{\"status\": null}"));
        assertEquals(1L, MemberRequests.status("{\"status\": 1}"));
        assertEquals(new BigDecimal("1.5"), MemberRequests.status("{\"status\": 1.5}"));
        assertEquals(List.of("accepted"), MemberRequests.status("{\"status\": [\"accepted\"]}"));
        assertEquals(Map.of(), MemberRequests.status("{\"status\": {}}"));
    }

    @Test
    void aMissingStatusIsNotSpecified() {
        for (String body : Arrays.asList("{}", "{\"Status\": \"accepted\"}")) {
            assertEquals("Status not specified", statusRefusal(body), body);
        }
    }
}
