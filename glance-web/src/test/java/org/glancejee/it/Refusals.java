package org.glancejee.it;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks on error responses as a client without an Accept header gets them from Glance (WebOb's plain
 * text form): {@code "<code> <Title>\n\n<explanation>\n\n   "}, or, when Glance gives its message as a
 * "detail", {@code "<code> <Title>\n\n<default explanation>\n\n <detail>  "}.
 */
public final class Refusals {
    static final String SCHEMA = "Provided object does not match schema 'image': ";

    private Refusals() {
    }

    /** A refusal whose message replaces the status's standard text. */
    public static void assertRefused(HttpResponse<String> response, int status, String explanation) {
        assertPlain(response, status);
        assertEquals(statusLine(status) + "\n\n" + explanation + "\n\n   ", response.body());
    }

    /** A refusal whose message is shown under the status's standard text. */
    static void assertRefusedWithDetail(HttpResponse<String> response, int status, String detail) {
        assertPlain(response, status);
        assertEquals(statusLine(status) + "\n\n" + defaultExplanation(status) + "\n\n " + detail + "  ",
                response.body());
    }

    /**
     * A JSON-schema refusal. Glance appends jsonschema's multi-line report (which varies with the
     * jsonschema version) after the first line, so only the first line is compared.
     */
    static void assertSchemaRefusal(HttpResponse<String> response, String reason) {
        assertPlain(response, 400);
        String expected = "400 Bad Request\n\n" + SCHEMA + reason;
        assertTrue(response.body().startsWith(expected),
                () -> "expected a body starting with\n" + expected + "\nbut got\n" + response.body());
        String firstLine = response.body().substring("400 Bad Request\n\n".length()).split("\n", 2)[0];
        assertEquals(SCHEMA + reason, firstLine);
    }

    static String statusLine(int status) {
        return status + " " + switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            default -> throw new IllegalArgumentException("no title for " + status);
        };
    }

    static String defaultExplanation(int status) {
        return switch (status) {
            case 403 -> "Access was denied to this resource.";
            case 404 -> "The resource could not be found.";
            case 409 -> "There was a conflict when trying to complete your request.";
            default -> throw new IllegalArgumentException("no default explanation for " + status);
        };
    }

    private static void assertPlain(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("text/plain"), "Content-Type " + type);
    }
}
