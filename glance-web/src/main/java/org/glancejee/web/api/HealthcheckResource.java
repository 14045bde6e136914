package org.glancejee.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** oslo.middleware's healthcheck: 200 "OK" while the server can answer. */
@Path("healthcheck")
@RequestScoped
public class HealthcheckResource {

    @GET
    @Produces("text/plain; charset=UTF-8")
    public String check() {
        return "OK";
    }

    @HEAD
    public void head() {
    }
}
