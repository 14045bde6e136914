package org.glancejee.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * oslo.middleware's healthcheck with its {@code disable_by_file} backend, as Glance's paste pipeline has it:
 * 200 "OK", or 503 "DISABLED BY FILE" while the file {@code glance.healthcheck.disable_by_file_path} exists (so an
 * operator takes a server out of a load balancer before stopping it). Plain text, HTML or JSON by Accept, with
 * oslo's bodies.
 */
@Path("healthcheck")
@RequestScoped
public class HealthcheckResource {
    private static final String HTML = "<HTML>\n<HEAD><TITLE>Healthcheck Status</TITLE></HEAD>\n<BODY>\n\n"
            + "<H2>Result of 1 checks:</H2>\n<TABLE bgcolor=\"#ffffff\" border=\"1\">\n<TBODY>\n<TR>\n\n<TH>\n"
            + "Reason\n</TH>\n</TR>\n<TR>\n\n    <TD>%s</TD>\n\n</TR>\n</TBODY>\n</TABLE>\n<HR></HR>\n\n</BODY>\n</HTML>";
    private static final String JSON = "{\n    \"detailed\": false,\n    \"reasons\": [\n        \"%s\"\n    ]\n}";

    @Inject
    @ConfigProperty(name = "glance.healthcheck.disable_by_file_path")
    Optional<String> disableByFile;

    @GET
    public Response check(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String reason = disabled() ? "DISABLED BY FILE" : "OK";
        String type = mediaType(accept);
        String body = switch (type) {
            case "application/json" -> String.format(JSON, reason);
            case "text/html" -> String.format(HTML, reason);
            default -> reason;
        };
        return Response.status(disabled() ? 503 : 200).entity(body)
                .type(type.equals("application/json") ? type : type + "; charset=UTF-8").build();
    }

    @HEAD
    public Response head() {
        return Response.status(disabled() ? 503 : 200).type("text/plain; charset=UTF-8").build();
    }

    private boolean disabled() {
        return disableByFile.filter(path -> !path.isBlank()).map(path -> Files.exists(java.nio.file.Path.of(path))).orElse(false);
    }

    /** What oslo offers, in its order of preference: text/plain unless the client prefers HTML or JSON. */
    static String mediaType(String accept) {
        if (accept == null) {
            return "text/plain";
        }
        String wanted = accept.toLowerCase(Locale.ROOT);
        boolean plain = wanted.contains("text/plain");
        if (!plain && wanted.contains("application/json")) {
            return "application/json";
        }
        if (!plain && wanted.contains("text/html")) {
            return "text/html";
        }
        return "text/plain";
    }
}
