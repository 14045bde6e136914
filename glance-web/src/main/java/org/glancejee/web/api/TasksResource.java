package org.glancejee.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.glancejee.config.ApiSettings;
import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.Task;
import org.glancejee.domain.TaskQuery;
import org.glancejee.domain.TaskStatus;
import org.glancejee.imports.ImportService;
import org.glancejee.service.ImageAuthorization;
import org.glancejee.service.TaskService;
import org.glancejee.web.context.Caller;
import org.glancejee.web.error.ErrorResponses;
import org.glancejee.web.json.JsonBodies;
import org.glancejee.web.json.Jsons;
import org.glancejee.web.json.TaskJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tasks API, {@code /v2/tasks} (admin-only by default, through {@code tasks_api_access}): list, show,
 * and create Glance's legacy {@code import} task. Tasks cannot be deleted (405): they expire by themselves.
 */
@Path("v2/tasks")
@RequestScoped
public class TasksResource {
    private static final Pattern UUID_LIKE = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    @Inject
    TaskService tasks;

    @Inject
    ImportService imports;

    @Inject
    ImageAuthorization authorization;

    @Inject
    ApiSettings settings;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    public Response list() {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        TaskQuery query = query(params);
        List<Task> page = tasks.list(Caller.of(request), query);
        var array = Jsons.PROVIDER.createArrayBuilder();
        page.forEach(t -> array.add(TaskJson.stub(t)));
        List<Map.Entry<String, String>> sent = Links.queryParameters(uri);
        var body = Jsons.PROVIDER.createObjectBuilder().add("tasks", array)
                .add("first", Links.withQuery("/v2/tasks", sent, "marker"))
                .add("schema", "/v2/schemas/tasks");
        if (!page.isEmpty() && page.size() == query.limit()) {
            List<Map.Entry<String, String>> next = new ArrayList<>(sent);
            next.removeIf(p -> p.getKey().equals("marker"));
            next.add(Map.entry("marker", page.get(page.size() - 1).id()));
            body.add("next", Links.withQuery("/v2/tasks", next));
        }
        return Response.ok(body.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The tasks API's own import (deprecated in Glance, still served): 201 with the new task. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        JsonValue parsed = JsonBodies.parse(body);
        if (!(parsed instanceof JsonObject task)) {
            throw new InvalidInputException("Body expected in request.");
        }
        for (String required : List.of("type", "input")) {
            if (!task.containsKey(required)) {
                throw new InvalidInputException("Task '" + required + "' is required");
            }
        }
        if (!(task.get("type") instanceof JsonString type) || !type.getString().equals(Task.LEGACY_IMPORT)) {
            throw new InvalidInputException("Invalid type value: " + task.get("type")
                    + ". Only 'import' tasks can be created; use POST /v2/images/{image_id}/import for the rest.");
        }
        if (!(task.get("input") instanceof JsonObject input)) {
            throw new InvalidInputException("Task 'input' must be an object");
        }
        Map<String, Object> properties = input.get("image_properties") instanceof JsonObject p
                ? JsonBodies.object(p.toString()) : Map.of();
        Task created = imports.createLegacyImportTask(Caller.of(request), input, properties);
        return Response.status(Response.Status.CREATED)
                .location(java.net.URI.create(Links.absolute(uri, settings.publicEndpoint(), "/v2/tasks/" + created.id())))
                .entity(TaskJson.view(created).toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{taskId}")
    public Response show(@PathParam("taskId") String taskId) {
        return Response.ok(TaskJson.view(tasks.show(Caller.of(request), taskId)).toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    @Path("{taskId}")
    public Response delete(@PathParam("taskId") String taskId) {
        authorization.enforceForProject("tasks_api_access", Caller.of(request));
        return ErrorResponses.build(405, "This operation is currently not permitted on Glance Tasks. They are auto"
                        + " deleted after reaching the time based on their expires_at property.", null,
                        ErrorResponses.accept(headers))
                .header("Allow", "GET").build();
    }

    private TaskQuery query(MultivaluedMap<String, String> params) {
        String sortDir = Optional.ofNullable(params.getFirst("sort_dir")).orElse("desc");
        if (!sortDir.equals("asc") && !sortDir.equals("desc")) {
            throw new InvalidInputException("Invalid sort direction: " + sortDir);
        }
        Optional<TaskStatus> status = Optional.ofNullable(params.getFirst("status")).map(s ->
                TaskStatus.fromApiName(s).orElseThrow(() -> new InvalidInputException("Invalid status value: " + s)));
        Optional<String> type = Optional.ofNullable(params.getFirst("type"));
        if (type.isPresent() && !type.get().equals("import")) {
            throw new InvalidInputException("Invalid type value: " + type.get());
        }
        Optional<String> marker = Optional.ofNullable(params.getFirst("marker"));
        if (marker.isPresent() && !UUID_LIKE.matcher(marker.get()).matches()) {
            throw new InvalidInputException("Invalid marker format");
        }
        int limit = settings.limitParamDefault();
        String limitText = params.getFirst("limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("limit param must be an integer");
            }
            if (limit < 0) {
                throw new InvalidInputException("limit param must be positive");
            }
        }
        limit = Math.min(limit, settings.apiLimitMax());
        String sortKey = Optional.ofNullable(params.getFirst("sort_key")).orElse("created_at");
        return new TaskQuery(Optional.empty(), status, type, sortKey, sortDir.equals("asc"), marker, limit);
    }
}
