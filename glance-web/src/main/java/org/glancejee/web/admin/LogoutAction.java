package org.glancejee.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Sign-out: the session, and the token it kept, are forgotten. A POST with the CSRF secret, like every change. */
@Path("admin/logout")
@RequestScoped
public class LogoutAction {

    @Context
    HttpServletRequest servlet;

    @POST
    public Response signOut() {
        HttpSession session = servlet.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return AdminPages.secured(Response.seeOther(URI.create("/admin/login")));
    }
}
