package org.glancejee.web.admin;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glancejee.domain.RequestContext;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the admin pages from their templates ({@code admin/templates/NAME.html} on the class path) with what
 * every page shows (who is signed in, the CSRF secret for its forms, the message left by the last change), and
 * sends the headers that keep them out of caches and frames.
 */
public final class AdminPages {
    private static final String FLASH = AdminPages.class.getName() + ".flash";
    private static final String SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final TemplateEngine ENGINE = engine();

    private AdminPages() {
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(AdminPages.class.getClassLoader());
        templates.setPrefix("admin/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(templates);
        return engine;
    }

    /** A message shown once, on the next page: {@code kind} is "info" or "error". */
    public record Flash(String kind, String text) implements java.io.Serializable {
    }

    /** The page, 200. */
    public static Response page(HttpServletRequest servlet, RequestContext caller, String template, Map<String, Object> model) {
        return page(200, servlet, caller, template, model);
    }

    public static Response page(int status, HttpServletRequest servlet, RequestContext caller, String template,
                         Map<String, Object> model) {
        Context context = new Context(Locale.ROOT);
        context.setVariables(model);
        context.setVariable("csrf", AdminGate.csrf(servlet));
        context.setVariable("signedIn", AdminGate.signIn(servlet).orElse(null));
        context.setVariable("admin", caller != null && caller.admin());
        context.setVariable("flash", takeFlash(servlet));
        context.setVariable("page", template);
        return secured(Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(ENGINE.process(template, context)));
    }

    /** After a change: to {@code path} with a message for the next page (Post/Redirect/Get). */
    public static Response redirect(HttpServletRequest servlet, String path, Flash flash) {
        if (flash != null) {
            servlet.getSession().setAttribute(FLASH, flash);
        }
        return secured(Response.seeOther(URI.create(path)));
    }

    /**
     * A refusal as the API would word it, on a page (or as plain text for the pages' scripts, which do not
     * ask for HTML); never a stack trace.
     */
    public static Response error(HttpServletRequest servlet, String accept, int status, String message) {
        if (accept == null || !accept.contains("text/html")) {
            return secured(Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(message));
        }
        Map<String, Object> model = model();
        model.put("status", status);
        model.put("message", message);
        return page(status, servlet, null, "error", model);
    }

    private static Flash takeFlash(HttpServletRequest servlet) {
        HttpSession session = servlet.getSession(false);
        if (session == null || !(session.getAttribute(FLASH) instanceof Flash flash)) {
            return null;
        }
        session.removeAttribute(FLASH);
        return flash;
    }

    static Response secured(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Content-Security-Policy", SECURITY_POLICY)
                .build();
    }

    /** JSON as plain Java values for the templates: maps, lists, strings, numbers, booleans and nulls. */
    public static Object plain(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(v -> list.add(plain(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainObject(JsonObject value) {
        return (Map<String, Object>) plain(value);
    }

    /** A model to fill. */
    public static Map<String, Object> model() {
        return new HashMap<>();
    }

    /** Bytes for people: 1536 → "1.5 KiB". */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
