package org.glancejee.web.error;

import org.glancejee.web.json.Jsons;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * Error bodies as Glance (WebOb) writes them. The format follows Accept: JSON {@code {message, code,
 * title}} when JSON is asked for, an HTML page for browsers and {@code *}/{@code *}, plain text otherwise.
 * A message is either WebOb's "explanation" (replacing the default text) or a "detail" shown under
 * the status's default explanation; Glance uses both, so we keep the distinction.
 */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    /** @param explanation the main text, or null for the status's default explanation */
    public static Response.ResponseBuilder build(int status, String explanation, String detail, String accept) {
        String title = title(status);
        String code = status + " " + title;
        String text = explanation == null ? defaultExplanation(status) : explanation;
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        Response.ResponseBuilder builder = Response.status(status);
        if (accepted.contains("application/json")) {
            String body = Jsons.PROVIDER.createObjectBuilder()
                    .add("message", text + "<br /><br />\n" + (detail == null ? "" : detail) + "\n\n")
                    .add("code", code)
                    .add("title", title)
                    .build().toString();
            return builder.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (accepted.contains("text/html") || accepted.contains("*/*")) {
            String html = "<html>\n <head>\n  <title>" + code + "</title>\n </head>\n <body>\n  <h1>" + code
                    + "</h1>\n  " + escape(text) + "<br /><br />\n" + escape(detail == null ? "" : detail)
                    + "\n\n\n </body>\n</html>";
            return builder.entity(html).type("text/html; charset=UTF-8");
        }
        String plain = code + "\n\n" + oneLine(text) + "\n\n" + (detail == null ? "   " : " " + oneLine(detail) + "  ");
        return builder.entity(plain).type("text/plain; charset=UTF-8");
    }

    public static String accept(HttpHeaders headers) {
        return headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Request Range Not Satisfiable";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "Error" : known.getReasonPhrase();
            }
        };
    }

    /** WebOb's default explanation for a status, shown above a detail message. */
    static String defaultExplanation(int status) {
        return switch (status) {
            case 400 -> "The server could not comply with the request since it is either malformed or otherwise"
                    + " incorrect.";
            case 401 -> "This server could not verify that you are authorized to access the document you requested."
                    + " Either you supplied the wrong credentials (e.g., bad password), or your browser does not"
                    + " understand how to supply the credentials required.";
            case 403 -> "Access was denied to this resource.";
            case 404 -> "The resource could not be found.";
            case 409 -> "There was a conflict when trying to complete your request.";
            case 413 -> "The request is larger than the server is willing or able to process.";
            case 416 -> "The Range requested is not available.";
            case 431 -> "The request header fields were too large.";
            case 503 -> "The server is currently unavailable. Please try again at a later time.";
            default -> "The server has either erred or is incapable of performing the requested operation.";
        };
    }

    /** WebOb's plain form puts a message on one line: line breaks become spaces (only its own breaks stay). */
    static String oneLine(String text) {
        return text.replace("\n", " ").replace("\r", "");
    }

    /** Python's html.escape(quote=True). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
