package org.glancejee.web.context;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.glancejee.domain.InvalidInputException;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Glance's "body_reject" routes: a GET or DELETE of an image or of a member, a member list, and a tag change
 * must come without a body, and so must a read of the image cache.
 */
@Provider
public class BodyRejectFilter implements ContainerRequestFilter {
    private static final Pattern TAG = Pattern.compile("^/?v2/images/[^/]+/tags/[^/]+/?$");
    private static final Pattern IMAGE = Pattern.compile("^/?v2/images/[^/]+/?$");
    private static final Pattern MEMBERS = Pattern.compile("^/?v2/images/[^/]+/members/?$");
    private static final Pattern MEMBER = Pattern.compile("^/?v2/images/[^/]+/members/[^/]+/?$");
    private static final Pattern CACHE = Pattern.compile("^/?v2/cache/?$");
    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> READ_OR_DELETE = Set.of("GET", "HEAD", "DELETE");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean guarded = TAG.matcher(path).matches()
                || ((IMAGE.matcher(path).matches() || MEMBER.matcher(path).matches())
                        && READ_OR_DELETE.contains(request.getMethod()))
                || ((MEMBERS.matcher(path).matches() || CACHE.matcher(path).matches())
                        && READ.contains(request.getMethod()));
        if (guarded && hasBody(request)) {
            throw new InvalidInputException("A body is not expected with this request.");
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        String encoding = request.getHeaderString("Transfer-Encoding");
        return (length != null && !length.strip().equals("0")) || (encoding != null && encoding.contains("chunked"));
    }
}
