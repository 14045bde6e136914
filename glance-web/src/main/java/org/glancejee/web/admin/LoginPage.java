package org.glancejee.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.config.AuthSettings;
import org.glancejee.identity.IdentityUnavailableException;
import org.glancejee.identity.InvalidTokenException;
import org.glancejee.identity.KeystoneClient;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sign-in and sign-out. With Keystone, a user name, password and project become a project-scoped token kept in
 * the session (the browser never sees it); with noauth, the server's own unauthenticated admin signs in, from the
 * addresses the API serves in that mode. A new session is started at each sign-in.
 */
@Path("admin/login")
@RequestScoped
public class LoginPage {
    private static final Logger LOG = Logger.getLogger(LoginPage.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuthSettings auth;

    @Context
    HttpServletRequest servlet;

    @GET
    public Response form(@QueryParam("next") String next) {
        return form(200, next, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("project") String project, @FormParam("domain") String domain,
                           @FormParam("next") String next) {
        if (!auth.keystone()) {
            return start(new SignIn("admin", auth.noauthProjectId().orElse("(none)"), null, null, secret()), next);
        }
        if (blank(username) || blank(password) || blank(project)) {
            return form(400, next, username, "Enter your user name, password and project.");
        }
        String domainName = blank(domain) ? "Default" : domain.strip();
        try {
            KeystoneClient.IssuedToken token = new KeystoneClient(auth.authUrl(), username.strip(), password,
                    domainName, project.strip(), domainName, auth.httpConnectTimeout()).signIn();
            return start(new SignIn(username.strip(), project.strip(), token.id(), token.expiresAt(), secret()), next);
        } catch (InvalidTokenException e) {
            return form(401, next, username, "The user name, password or project is not right.");
        } catch (IdentityUnavailableException e) {
            LOG.log(Level.WARNING, "admin sign-in: " + e.getMessage());
            return form(503, next, username, "The identity service cannot be reached; try again later.");
        }
    }

    private Response start(SignIn signIn, String next) {
        HttpSession old = servlet.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        servlet.getSession(true).setAttribute(SignIn.ATTRIBUTE, signIn);
        return AdminPages.redirect(servlet, safeNext(next), null);
    }

    private Response form(int status, String next, String username, String error) {
        Map<String, Object> model = AdminPages.model();
        model.put("keystone", auth.keystone());
        model.put("next", safeNext(next));
        model.put("username", username == null ? "" : username);
        model.put("error", error);
        return AdminPages.page(status, servlet, null, "login", model);
    }

    /** Only a page of these admin pages: never another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/admin") && !next.startsWith("/admin/login")
                && !next.contains("//") && !next.contains("\\") ? next : "/admin";
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
