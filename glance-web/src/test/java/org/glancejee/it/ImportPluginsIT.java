package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Import plugins as an operator enables them: a gzipped qcow2 is decompressed, converted to raw by qemu-img
 * and given the operator's properties on its way to the store.
 */
@ExtendWith(GlanceServer.class)
class ImportPluginsIT {
    private static final Path FIXTURES = Path.of("../glance-ejb/src/test/resources/formats");

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("import_plugins", Map.of(
            "GLANCE_IMAGE_IMPORT_OPTS_IMAGE_IMPORT_PLUGINS", "image_decompression,image_conversion,inject_image_metadata",
            "GLANCE_IMAGE_CONVERSION_OUTPUT_FORMAT", "raw",
            "GLANCE_INJECT_METADATA_PROPERTIES_INJECT", "hw_vendor:glance-jee,os_glance_sneaky:no",
            "GLANCE_INJECT_METADATA_PROPERTIES_IGNORE_USER_ROLES", "nobody"));

    @Test
    void aGzippedQcow2IsDecompressedConvertedToRawAndTagged() throws Exception {
        ImageBytes api = SERVER.api();
        String id = api.create("{\"name\":\"plugins\",\"disk_format\":\"qcow2\",\"container_format\":\"bare\"}");
        byte[] staged = gzip(Files.readAllBytes(FIXTURES.resolve("disk.qcow2")));
        assertEquals(204, api.put("/v2/images/" + id + "/stage", staged,
                "Content-Type", "application/octet-stream").statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"glance-direct\"}}").statusCode());

        assertEquals("active", api.awaitStatus(id, "active", Duration.ofSeconds(60)));
        JsonObject image = api.show(id);
        assertEquals("raw", image.getString("disk_format"));
        assertEquals("bare", image.getString("container_format"));
        assertEquals(10L << 20, image.getJsonNumber("size").longValueExact());
        assertEquals(10L << 20, image.getJsonNumber("virtual_size").longValueExact());
        assertEquals("glance-jee", image.getString("hw_vendor"));
        assertFalse(image.containsKey("os_glance_sneaky"), image.toString());
        byte[] disk = api.download(id).body();
        assertEquals(10 << 20, disk.length);
        for (byte b : disk) {
            assertEquals(0, b, "an empty 10 MiB qcow2 disk reads as zeros");
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
