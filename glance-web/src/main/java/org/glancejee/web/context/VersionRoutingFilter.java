package org.glancejee.web.context;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import org.glancejee.web.api.ApiVersions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Glance's version negotiation: {@code /v2.N/...} for a version it offers is served by the one v2
 * implementation; any other version-looking first segment gets the versions document (300).
 */
@Provider
@PreMatching
@Priority(100)
public class VersionRoutingFilter implements ContainerRequestFilter {
    private static final Pattern VERSIONED = Pattern.compile("^/?(v\\d+(?:\\.\\d+)?)(/.*)?$");

    @Inject
    ApiVersions versions;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        Matcher m = VERSIONED.matcher(path);
        if (!m.matches() || m.group(1).equals("v2")) {
            return;
        }
        if (versions.offers(m.group(1)) && m.group(2) != null) {
            UriBuilder rewritten = request.getUriInfo().getRequestUriBuilder()
                    .replacePath(request.getUriInfo().getBaseUri().getRawPath() + "v2" + m.group(2));
            request.setRequestUri(request.getUriInfo().getBaseUri(), rewritten.build());
            return;
        }
        request.abortWith(Response.status(300).entity(versions.document(request.getUriInfo()).toString())
                .type("application/json").build());
    }
}
