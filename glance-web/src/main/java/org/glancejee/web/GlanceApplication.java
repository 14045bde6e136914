package org.glancejee.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Images API is served from the root: /versions, /v2/images, /healthcheck, as Glance serves them. */
@ApplicationPath("/")
public class GlanceApplication extends Application {
}
