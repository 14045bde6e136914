package org.glancejee.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finished tasks disappear once task_time_to_live has passed (here 0.001 hours: 3.6 seconds). */
@ExtendWith(GlanceServer.class)
class TaskExpiryIT {
    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("task_expiry", Map.of("GLANCE_TASK_TASK_TIME_TO_LIVE", "0.001"));

    @Test
    void aFinishedTaskExpires() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.createRaw("task-expiry");
        assertEquals(204, api.put("/v2/images/" + id + "/stage", randomData(1000, 801),
                "Content-Type", "application/octet-stream").statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"glance-direct\"}}").statusCode());
        assertEquals("active", api.awaitStatus(id, "active", Duration.ofSeconds(60)));
        String taskId = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").getJsonObject(0)
                .getString("id");
        assertEquals(200, api.get("/v2/tasks/" + taskId).statusCode(), "visible right after it finished");

        Thread.sleep(4_000);

        assertEquals(404, api.get("/v2/tasks/" + taskId).statusCode());
        assertEquals(0, Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").size());
        assertEquals("active", api.status(id), "the image stays");
    }
}
