package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metadefs' JSON-Schema documents, compared with the real Glance 25's, document by document. */
@ExtendWith(GlanceServer.class)
class MetadefSchemasIT {
    private static RealGlance glance;

    @BeforeAll
    static void startGlance() throws Exception {
        glance = RealGlance.start("metadef_schemas");
    }

    @AfterAll
    static void stopGlance() throws Exception {
        if (glance != null) {
            glance.close();
        }
    }

    @Test
    void eachSchemaIsGlancesOwn() {
        for (String name : List.of("namespace", "namespaces", "object", "objects", "property", "properties",
                "resource_type", "resource_types", "tag", "tags")) {
            String path = "/v2/schemas/metadefs/" + name;
            HttpResponse<String> theirs = glance.api().get(path);
            HttpResponse<String> ours = Api.get(path);
            assertEquals(200, theirs.statusCode(), path);
            assertEquals(200, ours.statusCode(), path);
            JsonObject expected = Api.json(theirs);
            assertEquals(expected, Api.json(ours), path);
        }
        assertEquals(404, Api.get("/v2/schemas/metadefs/unknown").statusCode());
    }
}
