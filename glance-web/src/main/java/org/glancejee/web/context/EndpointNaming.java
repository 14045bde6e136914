package org.glancejee.web.context;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells {@link RequestLog} which endpoint a request reached, as its path template ({@code /v2/images/{id}}):
 * figures by endpoint stay few however many images there are. Runs once the resource method is matched.
 */
@Provider
public class EndpointNaming implements ContainerRequestFilter {
    static final String ENDPOINT = "org.glancejee.endpoint";
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null) {
            servletRequest.setAttribute(ENDPOINT, TEMPLATES.computeIfAbsent(method,
                    m -> template(resource.getResourceClass(), m)));
        }
    }

    static String template(Class<?> type, Method method) {
        Path typePath = type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String joined = "/" + (typePath == null ? "" : typePath.value()) + "/"
                + (methodPath == null ? "" : methodPath.value());
        // {id: [^/]+} → {id}; no double or trailing slashes
        String path = joined.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
