package org.glancejee.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The pages' style sheet and script, from {@code admin/static} on the class path; nothing else is served. */
@Path("admin/static/{file}")
@ApplicationScoped
public class StaticFiles {
    private static final Map<String, String> FILES = Map.of(
            "admin.css", "text/css; charset=utf-8",
            "admin.js", "text/javascript; charset=utf-8");

    @GET
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if (type == null) {
            throw new NotFoundException();
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("admin/static/" + file)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "max-age=300")
                    .header("X-Content-Type-Options", "nosniff").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
