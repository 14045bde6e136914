package org.glancejee.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.GlanceException;
import org.glancejee.domain.Image;
import org.glancejee.domain.ImagePage;
import org.glancejee.domain.PatchOperation;
import org.glancejee.domain.RequestContext;
import org.glancejee.service.ImageDataService;
import org.glancejee.service.ImageMemberService;
import org.glancejee.service.ImageService;
import org.glancejee.service.LocationService;
import org.glancejee.service.TaskService;
import org.glancejee.web.api.ImageQueryParser;
import org.glancejee.web.context.Caller;
import org.glancejee.web.json.ImageViews;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The images: a list with the API's filters, sorting and pages; an image's page with every property, its tags,
 * members, tasks and locations (to admins, or to all with show_multiple_locations); creating, uploading (the page's script streams the file here),
 * editing properties with the metadefs catalogue's keys, deactivating, protecting, sharing and deleting. Each
 * action calls the service the API calls, so its rules and refusals are the API's; a refusal comes back as a
 * message on the page it was asked from.
 */
@Path("admin/images")
@RequestScoped
public class ImagePages {
    /** Shown in the page's summary, not among the other properties. */
    static final Set<String> SUMMARY = Set.of("id", "name", "status", "visibility", "protected", "os_hidden",
            "checksum", "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "min_ram", "min_disk",
            "disk_format", "container_format", "created_at", "updated_at", "tags", "self", "file", "schema",
            "locations", "direct_url", "stores");
    private static final Set<String> NUMBERS = Set.of("min_ram", "min_disk");
    private static final Set<String> BOOLEANS = Set.of("protected", "os_hidden");
    private static final List<String> FILTERS = List.of("name", "status", "visibility", "owner", "disk_format",
            "container_format", "tag", "member_status", "sort_key", "sort_dir", "marker", "limit");

    @Inject
    ImageService images;

    @Inject
    ImageDataService data;

    @Inject
    ImageMemberService members;

    @Inject
    TaskService tasks;

    @Inject
    LocationService locations;

    @Inject
    ImageViews views;

    @Inject
    ApiSettings settings;

    @Inject
    MetadefSuggestions suggestions;

    @Context
    HttpServletRequest servlet;


    @GET
    public Response list(@Context UriInfo uri) {
        RequestContext caller = Caller.of(servlet);
        List<Map.Entry<String, String>> params = new ArrayList<>();
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = uri.getQueryParameters().getFirst(name);
            if (value != null && !value.isBlank()) {
                params.add(Map.entry(name, value.strip()));
                form.put(name, value.strip());
            }
        }
        Map<String, Object> model = AdminPages.model();
        model.put("filters", form);
        try {
            ImagePage page = images.list(caller, ImageQueryParser.parse(params, 20, settings.apiLimitMax()));
            model.put("images", AdminPages.plain(views.many(caller, page.images())));
            if (page.more()) {
                model.put("next", "/admin/images?" + query(form, "marker",
                        page.images().get(page.images().size() - 1).id()));
            }
        } catch (GlanceException refused) {
            model.put("images", List.of());
            model.put("error", refused.getMessage());
        }
        return AdminPages.page(servlet, caller, "images", model);
    }

    @GET
    @Path("new")
    public Response createForm() {
        return AdminPages.page(servlet, Caller.of(servlet), "image-new", AdminPages.model());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("name") String name, @FormParam("disk_format") String diskFormat,
                           @FormParam("container_format") String containerFormat,
                           @FormParam("visibility") String visibility, @FormParam("min_disk") String minDisk,
                           @FormParam("min_ram") String minRam) {
        Map<String, Object> fields = new LinkedHashMap<>();
        putIfGiven(fields, "name", name);
        putIfGiven(fields, "disk_format", diskFormat);
        putIfGiven(fields, "container_format", containerFormat);
        putIfGiven(fields, "visibility", visibility);
        putIfGiven(fields, "min_disk", minDisk);
        putIfGiven(fields, "min_ram", minRam);
        return act("/admin/images/new", () -> {
            Image image = images.create(Caller.of(servlet), fields);
            return AdminPages.redirect(servlet, page(image.id()), new AdminPages.Flash("info",
                    "Image created: choose its file to upload it."));
        });
    }

    @GET
    @Path("{id}")
    public Response show(@PathParam("id") String id) {
        RequestContext caller = Caller.of(servlet);
        Image image = images.show(caller, id);
        JsonObject view = views.one(caller, image);
        Map<String, Object> model = AdminPages.model();
        model.put("image", AdminPages.plainObject(view));
        Map<String, Object> others = new java.util.TreeMap<>();
        AdminPages.plainObject(view).forEach((k, v) -> {
            if (!SUMMARY.contains(k)) {
                others.put(k, v);
            }
        });
        model.put("properties", others);
        model.put("sizeText", image.size() == null ? "" : AdminPages.bytes(image.size()));
        model.put("members", optional(() -> members.list(caller, id)));
        model.put("tasks", optional(() -> tasks.forImage(caller, id)));
        model.put("keys", suggestions.forImages(caller));
        model.put("locations", locationsShownTo(caller, view, id));
        return AdminPages.page(servlet, caller, "image", model);
    }

    @PUT
    @Path("{id}/file")
    @Consumes(MediaType.WILDCARD)
    public Response upload(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
                           InputStream body) {
        long size = length == null || !length.strip().matches("\\d{1,18}") ? -1 : Long.parseLong(length.strip());
        data.upload(Caller.of(servlet), id, body, size, size > 0 ? size : -1, Optional.empty());
        return AdminPages.secured(Response.noContent());
    }

    @POST
    @Path("{id}/properties")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setProperty(@PathParam("id") String id, @FormParam("key") String key,
                                @FormParam("value") String value) {
        return act(page(id), () -> {
            if (key == null || key.isBlank()) {
                return AdminPages.redirect(servlet, page(id), new AdminPages.Flash("error", "Give the property a name."));
            }
            String name = key.strip();
            RequestContext caller = Caller.of(servlet);
            boolean exists = views.one(caller, images.show(caller, id)).containsKey(name);
            images.update(caller, id, List.of(new PatchOperation(exists ? PatchOperation.Op.REPLACE
                    : PatchOperation.Op.ADD, name, typed(name, value == null ? "" : value))), false);
            return AdminPages.redirect(servlet, page(id), new AdminPages.Flash("info", name + " is set."));
        });
    }

    @POST
    @Path("{id}/properties/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeProperty(@PathParam("id") String id, @FormParam("key") String key) {
        return act(page(id), () -> {
            images.update(Caller.of(servlet), id, List.of(new PatchOperation(PatchOperation.Op.REMOVE, key,
                    null)), false);
            return AdminPages.redirect(servlet, page(id), new AdminPages.Flash("info", key + " is removed."));
        });
    }

    @POST
    @Path("{id}/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTag(@PathParam("id") String id, @FormParam("tag") String tag) {
        return act(page(id), () -> {
            images.addTag(Caller.of(servlet), id, tag == null ? "" : tag.strip());
            return AdminPages.redirect(servlet, page(id), new AdminPages.Flash("info", "Tag " + tag + " added."));
        });
    }

    @POST
    @Path("{id}/tags/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeTag(@PathParam("id") String id, @FormParam("tag") String tag) {
        return act(page(id), () -> {
            images.removeTag(Caller.of(servlet), id, tag);
            return AdminPages.redirect(servlet, page(id), new AdminPages.Flash("info", "Tag " + tag + " removed."));
        });
    }

    @POST
    @Path("{id}/{action: deactivate|reactivate|protect|unprotect}")
    public Response change(@PathParam("id") String id, @PathParam("action") String action) {
        return act(page(id), () -> {
            RequestContext caller = Caller.of(servlet);
            switch (action) {
                case "deactivate" -> images.deactivate(caller, id);
                case "reactivate" -> images.reactivate(caller, id);
                default -> images.update(caller, id, List.of(new PatchOperation(PatchOperation.Op.REPLACE,
                        "protected", action.equals("protect"))), false);
            }
            return AdminPages.redirect(servlet, page(id), new AdminPages.Flash("info", "Image " + action + "d."));
        });
    }

    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@PathParam("id") String id) {
        RequestContext caller = Caller.of(servlet);
        Map<String, Object> model = AdminPages.model();
        model.put("image", AdminPages.plainObject(views.one(caller, images.show(caller, id))));
        return AdminPages.page(servlet, caller, "image-delete", model);
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") String id) {
        return act(page(id), () -> {
            images.delete(Caller.of(servlet), id);
            return AdminPages.redirect(servlet, "/admin/images", new AdminPages.Flash("info", "Image " + id
                    + " deleted."));
        });
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(@PathParam("id") String id, @FormParam("member") String member) {
        return act(page(id), () -> {
            members.add(Caller.of(servlet), id, member == null ? "" : member.strip());
            return AdminPages.redirect(servlet, page(id), new AdminPages.Flash("info", "Shared with " + member
                    + "; the project accepts or rejects it on its invitations page."));
        });
    }

    @POST
    @Path("{id}/members/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unshare(@PathParam("id") String id, @FormParam("member") String member) {
        return act(page(id), () -> {
            members.remove(Caller.of(servlet), id, member);
            return AdminPages.redirect(servlet, page(id), new AdminPages.Flash("info", "No longer shared with "
                    + member + "."));
        });
    }

    /** Where the data is: as the API shows it (show_multiple_locations), else to admins only; null for others. */
    private Object locationsShownTo(RequestContext caller, JsonObject view, String id) {
        if (view.containsKey("locations")) {
            return AdminPages.plain(view.get("locations"));
        }
        if (!caller.admin()) {
            return null;
        }
        return locations.of(List.of(id)).getOrDefault(id, List.of()).stream()
                .map(l -> AdminPages.plain(views.location(l))).toList();
    }

    /** Runs a change; a refusal goes back to {@code from} as a message, worded as the API words it. */
    private Response act(String from, Supplier<Response> change) {
        try {
            return change.get();
        } catch (GlanceException refused) {
            return AdminPages.redirect(servlet, from, new AdminPages.Flash("error", refused.getMessage()));
        } catch (jakarta.ejb.EJBException wrapped) {
            if (wrapped.getCause() instanceof GlanceException refused) {
                return AdminPages.redirect(servlet, from, new AdminPages.Flash("error", refused.getMessage()));
            }
            throw wrapped;
        }
    }

    private static <T> List<T> optional(Supplier<List<T>> listing) {
        try {
            return listing.get();
        } catch (GlanceException notShown) {
            return List.of();
        }
    }

    /** Form values are text; the API's numeric and boolean attributes take numbers and booleans. */
    private static Object typed(String name, String value) {
        if (NUMBERS.contains(name) && value.strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.strip());
        }
        if (BOOLEANS.contains(name) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.strip());
        }
        return value;
    }

    private static void putIfGiven(Map<String, Object> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, typed(name, value.strip()));
        }
    }

    static String page(String id) {
        return "/admin/images/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static String query(Map<String, String> form, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put(name, value);
        StringBuilder query = new StringBuilder();
        all.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
