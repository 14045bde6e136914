package org.glancejee.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue's files: a fresh server fills its empty catalogue with the definitions we ship; the stock
 * definition files Glance ships load through {@code server-config/glance-manage.sh db load_metadefs} (a JMX
 * call into the server) into exactly what the real Glance 25 makes of them; an export loads back into the same
 * catalogue, and loading again skips, merges or overwrites as glance-manage's options say.
 */
@ExtendWith(GlanceServer.class)
class MetadefCatalogueIT {
    private static final int JMX_PORT = Jmx.freePort();
    private static final Path GLANCES_FILES = Path.of("/usr/share/glance-common/metadefs");
    private static final Path OUR_FILES = Path.of("../glance-ejb/src/main/resources/metadefs");

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("metadef_catalogue", Map.of(), Jmx.serverOptions(JMX_PORT));

    @Test
    void aFreshServerHoldsTheDefinitionsWeShip() throws IOException {
        List<JsonObject> shipped = files(OUR_FILES);
        assertTrue(shipped.size() >= 5, "we ship definitions: " + shipped.size());
        for (JsonObject file : shipped) {
            JsonObject shown = show(file.getString("namespace"));
            assertEquals(properties(file), properties(shown), file.getString("namespace"));
            assertEquals(names(file.getJsonArray("resource_type_associations")),
                    names(shown.getJsonArray("resource_type_associations")), file.getString("namespace"));
            assertEquals(names(file.getJsonArray("objects")), names(shown.getJsonArray("objects")));
            assertEquals(names(file.getJsonArray("tags")).stream().sorted().toList(),
                    names(shown.getJsonArray("tags")).stream().sorted().toList());
            assertEquals(file.getBoolean("protected"), shown.getBoolean("protected"));
        }
        HttpResponse<String> forImages = SERVER.api().get("/v2/metadefs/namespaces?resource_types=OS::Glance::Image"
                + "&limit=200");
        assertEquals(200, forImages.statusCode(), forImages.body());
        assertFalse(Api.json(forImages).getJsonArray("namespaces").isEmpty(), "image definitions are there");
        assertTrue(names(Api.json(SERVER.api().get("/v2/metadefs/resource_types")).getJsonArray("resource_types"))
                .contains("OS::Glance::Image"));
    }

    @Test
    void glancesOwnFilesLoadIntoWhatTheRealGlanceMakesOfThem() throws Exception {
        List<String> namespaces = files(GLANCES_FILES).stream().map(f -> f.getString("namespace")).toList();
        assertEquals(33, namespaces.size(), "Glance 25 ships 33 definition files");
        try (RealGlance glance = RealGlance.start("metadef_catalogue")) {
            glance.loadMetadefs(GLANCES_FILES);
            String report = glanceManage("db", "load_metadefs", "--path", GLANCES_FILES.toString());
            assertEquals(33, report.lines().filter(l -> l.contains(": created ")).count(), report);
            for (String namespace : namespaces) {
                HttpResponse<String> theirs = glance.api().get("/v2/metadefs/namespaces/" + namespace);
                assertEquals(200, theirs.statusCode(), theirs.body());
                assertEquals(withoutTimes(Api.json(theirs)), withoutTimes(show(namespace)), namespace);
                String forImages = "/v2/metadefs/namespaces/" + namespace + "?resource_type=OS::Glance::Image";
                assertEquals(withoutTimes(Api.json(glance.api().get(forImages))),
                        withoutTimes(Api.json(SERVER.api().get(forImages))), forImages);
            }
        }
        String again = glanceManage("db", "load_metadefs", "--path", GLANCES_FILES.toString());
        assertEquals(33, again.lines().filter(l -> l.contains(": skipped ")).count(), "loaded already: " + again);
    }

    @Test
    void anExportLoadsBackAndLoadingAgainSkipsMergesOrOverwrites() throws Exception {
        Path export = Files.createTempDirectory("metadefs-export");
        Map<String, JsonObject> before = catalogue();
        String written = glanceManage("db", "export_metadefs", "--path", export.toString());
        assertEquals(before.size(), written.lines().count(), written);
        assertTrue(glanceManage("db", "unload_metadefs").startsWith(before.size() + " "));
        assertEquals(Map.of(), catalogue());
        assertEquals(0, Api.json(SERVER.api().get("/v2/metadefs/resource_types")).getJsonArray("resource_types")
                .size(), "unloading removes the resource types too");
        glanceManage("db", "load_metadefs", "--path", export.toString());
        assertEquals(before, catalogue(), "the export loads back into the same catalogue");

        Path file = Files.createTempFile(export.getParent(), "changed", ".json");
        Files.writeString(file, "{\"namespace\": \"IT::Catalogue\", \"visibility\": \"public\", \"properties\": {"
                + "\"a\": {\"title\": \"A\", \"type\": \"string\"}, \"b\": {\"title\": \"B\", \"type\": \"string\"}}}");
        glanceManage("db", "load_metadefs", "--path", file.toString());
        Files.writeString(file, "{\"namespace\": \"IT::Catalogue\", \"visibility\": \"public\", \"properties\": {"
                + "\"a\": {\"title\": \"A2\", \"type\": \"string\"}, \"c\": {\"title\": \"C\", \"type\": \"string\"}}}");
        assertTrue(glanceManage("db", "load_metadefs", "--path", file.toString()).contains("skipped IT::Catalogue"));
        assertEquals(List.of("a", "b"), propertyNames("IT::Catalogue"));
        glanceManage("db", "load_metadefs", "--path", file.toString(), "--merge");
        assertEquals(List.of("a", "b", "c"), propertyNames("IT::Catalogue"), "merge adds what is missing");
        assertEquals("A", title("IT::Catalogue", "a"), "and keeps what is there");
        glanceManage("db", "load_metadefs", "--path", file.toString(), "--merge", "--prefer_new");
        assertEquals("A2", title("IT::Catalogue", "a"), "prefer_new takes the file's values");
        glanceManage("db", "load_metadefs", "--path", file.toString(), "--overwrite");
        assertEquals(List.of("a", "c"), propertyNames("IT::Catalogue"), "overwrite replaces the namespace");

        Files.writeString(file, "{\"namespace\": \"IT::Broken\", \"properties\": {\"x\": {\"type\": \"string\"}}}");
        String refused = glanceManage("db", "load_metadefs", "--path", file.toString());
        assertTrue(refused.contains("failed: ") && refused.contains("'title' is a required property"), refused);
        assertEquals(404, SERVER.api().get("/v2/metadefs/namespaces/IT::Broken").statusCode());
    }

    /** Runs the operator's command against the server, as an operator would. */
    private static String glanceManage(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "../server-config/glance-manage.sh", "--jmx",
                "127.0.0.1:" + JMX_PORT));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    private static Map<String, JsonObject> catalogue() {
        HttpResponse<String> listed = SERVER.api().get("/v2/metadefs/namespaces?limit=1000");
        assertEquals(200, listed.statusCode(), listed.body());
        Map<String, JsonObject> shows = new TreeMap<>();
        for (JsonValue ns : Api.json(listed).getJsonArray("namespaces")) {
            String name = ns.asJsonObject().getString("namespace");
            shows.put(name, withoutTimes(show(name)));
        }
        return shows;
    }

    private static JsonObject show(String namespace) {
        HttpResponse<String> shown = SERVER.api().get("/v2/metadefs/namespaces/" + namespace);
        assertEquals(200, shown.statusCode(), shown.body());
        return Api.json(shown);
    }

    private static List<String> propertyNames(String namespace) {
        return show(namespace).getJsonObject("properties").keySet().stream().sorted().toList();
    }

    private static String title(String namespace, String property) {
        return show(namespace).getJsonObject("properties").getJsonObject(property).getString("title");
    }

    private static JsonObject properties(JsonObject namespace) {
        return namespace.containsKey("properties") ? namespace.getJsonObject("properties") : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static List<String> names(JsonArray array) {
        return array == null ? List.of() : array.stream().map(v -> v.asJsonObject().getString("name")).toList();
    }

    private static List<JsonObject> files(Path directory) throws IOException {
        List<JsonObject> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(directory)) {
            for (Path file : listed.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    files.add(Json.createReader(reader).readObject());
                }
            }
        }
        return files;
    }

    /** A namespace without its rows' times, which differ from one load to the next. */
    private static JsonObject withoutTimes(JsonObject json) {
        JsonObjectBuilder copy = Json.createObjectBuilder();
        json.forEach((key, value) -> {
            if (!key.equals("created_at") && !key.equals("updated_at")) {
                copy.add(key, value instanceof JsonObject o ? withoutTimes(o)
                        : value instanceof JsonArray a ? withoutTimes(a) : value);
            }
        });
        return copy.build();
    }

    private static JsonArray withoutTimes(JsonArray array) {
        JsonArrayBuilder copy = Json.createArrayBuilder();
        array.forEach(v -> copy.add(v instanceof JsonObject o ? withoutTimes(o) : v));
        return copy.build();
    }
}
