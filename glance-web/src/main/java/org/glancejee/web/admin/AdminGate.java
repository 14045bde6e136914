package org.glancejee.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The door of the admin pages: a page needs a signed-in session (else it goes to the sign-in page), and every
 * change (any method but GET and HEAD) carries the session's CSRF secret, in the {@code X-CSRF-Token} header or
 * a form's {@code csrf} field, else 403. The caller it lets through acts exactly as an API caller with the same
 * credentials would.
 */
public final class AdminGate {
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> OPEN = Set.of("admin/login", "admin/static");
    private static final int MAX_FORM_BYTES = 1 << 20;

    private AdminGate() {
    }

    /** Whether the request is for the admin pages, which sign in with a session rather than a token header. */
    public static boolean isAdminPath(String path) {
        return path.equals("admin") || path.startsWith("admin/");
    }

    /** Whether the page is served without a session (the sign-in page and the style sheets and scripts). */
    public static boolean isOpen(String path) {
        return OPEN.stream().anyMatch(open -> path.equals(open) || path.startsWith(open + "/"));
    }

    /** The session's sign-in, unless there is none or it expired. */
    static Optional<SignIn> signIn(HttpServletRequest servlet) {
        HttpSession session = servlet.getSession(false);
        if (session == null || !(session.getAttribute(SignIn.ATTRIBUTE) instanceof SignIn signIn)) {
            return Optional.empty();
        }
        return signIn.expired(Instant.now()) ? Optional.empty() : Optional.of(signIn);
    }

    /** Nothing when a signed-in session may go on; else the answer that stops the request. */
    public static Optional<Response> admit(ContainerRequestContext request, HttpServletRequest servlet) {
        Optional<SignIn> signIn = signIn(servlet);
        if (signIn.isEmpty()) {
            return Optional.of(signInFirst(request));
        }
        return refuseForgery(request, signIn.get());
    }

    /** The answer that stops a request: to the sign-in page for a page, 401 for a script's request. */
    public static Response signInFirst(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod())) {
            return Response.status(401).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("Your session has ended: sign in again.").build();
        }
        String next = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return Response.seeOther(URI.create("/admin/login?next="
                + URLEncoder.encode(query == null ? next : next + "?" + query, StandardCharsets.UTF_8))).build();
    }

    /** 403 unless a change carries the session's CSRF secret. */
    static Optional<Response> refuseForgery(ContainerRequestContext request, SignIn signIn) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return Optional.empty();
        }
        String given = request.getHeaderString(CSRF_HEADER);
        if (given == null && request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            given = formField(request, "csrf");
        }
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                signIn.csrf().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("This form has expired or did not come from these pages: reload the page and try again.")
                .build());
    }

    /** Reads a form field and puts the body back for the resource. */
    private static String formField(ContainerRequestContext request, String name) {
        try (InputStream in = request.getEntityStream()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES);
            request.setEntityStream(new ByteArrayInputStream(body));
            for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token the API's identification reads for this sign-in (none in noauth mode). */
    public static String token(HttpServletRequest servlet) {
        return signIn(servlet).map(SignIn::token).orElse(null);
    }

    /** The CSRF secret of the request's session. */
    static String csrf(HttpServletRequest servlet) {
        return signIn(servlet).map(SignIn::csrf).orElse("");
    }
}
