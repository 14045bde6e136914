package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.glancejee.it.ImageBytes.anchorData;
import static org.glancejee.it.ImageBytes.md5;
import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.ImageBytes.sha512;
import static org.glancejee.it.ImageBytes.storeFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upload and download of image data with real bytes: what the client sends is what Glance stores, measures
 * and gives back, whole or by range; every refused upload leaves the image queued with nothing stored.
 */
@ExtendWith(GlanceServer.class)
class ImageDataIT {
    private static final int MIB = 1 << 20;
    /** Glance's own answer for 1 MiB of anchor data (glance-http-samples-noauth.md). */
    private static final String ANCHOR_MD5 = "10edabcbece6f3e2631b8da8815929dc";
    private static final String ANCHOR_SHA512 = "6b0a9801c3cddaa302b5cc8f3dcda3306de0e118e5aa8b0b03f3b224bfbfbb78"
            + "33b252e4c6814a33f81d43a4adba2ba9676f604974d467aa30767f22effa2a16";

    private final ImageBytes api = ImageBytes.shared();

    // --- upload and what it records ---------------------------------------------------------------

    @Test
    void uploadWithLengthActivatesWithGlancesDigests() {
        byte[] data = anchorData(MIB);
        assertEquals(ANCHOR_MD5, md5(data), "test data is Glance's sample data");
        assertEquals(ANCHOR_SHA512, sha512(data), "test data is Glance's sample data");
        String id = api.createRaw("data-anchor");
        assertEquals("queued", api.status(id));

        HttpResponse<String> response = api.upload(id, data);

        assertEquals(204, response.statusCode(), response.body());
        assertEquals("", response.body());
        assertRecorded(api.show(id), data);
        assertDownloadsWhole(id, data);
    }

    @Test
    void chunkedUploadOfUnknownLengthIsMeasuredByTheServer() {
        byte[] data = randomData(5 * MIB + 12345, 1);
        String id = api.createRaw("data-chunked");

        HttpResponse<String> response = api.uploadChunked(id, data);

        assertEquals(204, response.statusCode(), response.body());
        assertRecorded(api.show(id), data);
        assertDownloadsWhole(id, data);
    }

    @Test
    void declaredSizeThatMatchesIsAccepted() {
        byte[] data = randomData(MIB + 7, 2);
        String id = api.createRaw("data-declared");

        HttpResponse<String> response = api.uploadChunked(id, data, "x-openstack-image-size",
                String.valueOf(data.length));

        assertEquals(204, response.statusCode(), response.body());
        assertRecorded(api.show(id), data);
    }

    // --- download ---------------------------------------------------------------------------------

    @Test
    void imageWithoutDataAnswersNoContent() {
        String id = api.createRaw("data-none");

        HttpResponse<byte[]> response = api.download(id);

        assertEquals(204, response.statusCode());
        assertEquals(0, response.body().length);
    }

    @Test
    void singleRangesAreServedExactly() {
        byte[] data = anchorData(MIB);
        String id = api.createRaw("data-ranges");
        api.uploadOk(id, data);

        assertRange(id, "bytes=0-15", 0, 15, data);
        assertEquals("glance-anchor-sa", new String(api.download(id, "Range", "bytes=0-15").body(),
                StandardCharsets.US_ASCII));
        assertRange(id, "bytes=1048570-", 1048570, 1048575, data);
        assertRange(id, "bytes=-6", 1048570, 1048575, data);
        assertEquals("mple-d", new String(api.download(id, "Range", "bytes=-6").body(), StandardCharsets.US_ASCII));
        assertRange(id, "bytes=123456-654321", 123456, 654321, data);
        // An end past the data is cut to the data, and a suffix longer than the data is all of it (Glance/webob).
        assertRange(id, "bytes=1048000-9999999", 1048000, 1048575, data);
        assertRange(id, "bytes=-2000000", 0, 1048575, data);
    }

    @Test
    void rangeOutsideTheDataIsNotSatisfiable() {
        String id = api.createRaw("data-416");
        api.uploadOk(id, anchorData(MIB));

        for (String range : List.of("bytes=2000000-2000010", "bytes=1048576-")) {
            HttpResponse<byte[]> response = api.download(id, "Range", range, "Accept", "application/json");
            assertEquals(416, response.statusCode(), range);
            String body = new String(response.body(), StandardCharsets.UTF_8);
            assertTrue(body.contains("Invalid start position in Range header. Start position MUST be in the"
                    + " inclusive range [0, 1048575]."), body);
        }
    }

    @Test
    void severalRangesAreRefused() {
        String id = api.createRaw("data-multirange");
        api.uploadOk(id, anchorData(MIB));

        HttpResponse<byte[]> response = api.download(id, "Range", "bytes=0-1,5-6", "Accept", "application/json");

        assertEquals(400, response.statusCode());
        assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("Requests with multiple ranges are"
                + " not supported in Glance. You may make multiple single-range requests instead."));
    }

    // --- refused uploads --------------------------------------------------------------------------

    @Test
    void secondUploadToAnActiveImageConflictsAndKeepsTheData() {
        byte[] data = randomData(MIB, 4);
        String id = api.createRaw("data-409");
        api.uploadOk(id, data);

        HttpResponse<String> response = api.upload(id, "xyz".getBytes(StandardCharsets.US_ASCII),
                "Accept", "application/json");

        assertEquals(409, response.statusCode());
        assertTrue(response.body().contains("Image status transition from active to saving is not allowed"),
                response.body());
        assertRecorded(api.show(id), data);
        assertDownloadsWhole(id, data);
    }

    @Test
    void wrongContentTypeIsUnsupported() throws Exception {
        String id = api.createRaw("data-415");
        byte[] data = "xyz".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> response = api.put("/v2/images/" + id + "/file", data,
                "Content-Type", "application/json", "Accept", "application/json");

        assertEquals(415, response.statusCode());
        assertTrue(response.body().contains("The request media type application/json is not supported by this"
                + " server."), response.body());
        assertNothingStored(id);

        assertEquals(415, api.put("/v2/images/" + id + "/file", data).statusCode(), "no Content-Type at all");
        assertNothingStored(id);
    }

    @Test
    void missingFormatsAreRequiredBeforeData() throws Exception {
        String both = api.create("{\"name\":\"data-noformats\"}");
        String one = api.create("{\"name\":\"data-nocontainer\",\"disk_format\":\"raw\"}");

        HttpResponse<String> response = api.upload(both, randomData(1000, 5), "Accept", "application/json");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Properties disk_format, container_format must be set prior to saving"
                + " data."), response.body());
        assertNothingStored(both);

        response = api.upload(one, randomData(1000, 5), "Accept", "application/json");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Property container_format must be set prior to saving data."),
                response.body());
        assertNothingStored(one);
    }

    @Test
    void declaredSizeThatDoesNotMatchPutsTheImageBack() throws Exception {
        byte[] data = randomData(MIB, 6);
        String id = api.createRaw("data-size-mismatch");

        HttpResponse<String> response = api.upload(id, data, "x-openstack-image-size", "1000");

        assertEquals(400, response.statusCode(), response.body());
        assertNothingStored(id);
        // The image is usable again: a correct upload goes through.
        assertEquals(204, api.upload(id, data, "x-openstack-image-size", String.valueOf(data.length)).statusCode());
        assertRecorded(api.show(id), data);
    }

    @Test
    void declaredSizeMustBeAnInteger() throws Exception {
        String id = api.createRaw("data-size-nan");

        for (String declared : List.of("abc", "1.5", "-1")) {
            HttpResponse<String> response = api.upload(id, randomData(1000, 7), "x-openstack-image-size", declared);
            assertEquals(400, response.statusCode(), declared + ": " + response.body());
            assertNothingStored(id);
        }
    }

    @Test
    void uploadOverTheSizeCapIsRefusedAndNothingIsKept() throws Exception {
        long cap = GlanceServer.IMAGE_SIZE_CAP;
        String streamed = api.createRaw("data-cap-streamed");

        // Streamed without a length: the server finds out while reading, one byte past the cap.
        HttpResponse<String> response = api.uploadChunked(streamed, new PatternStream(cap + 1));

        assertEquals(413, response.statusCode(), response.body());
        assertNothingStored(streamed);

        // Announced as too large: refused before any byte is stored.
        String announced = api.createRaw("data-cap-announced");
        response = api.upload(announced, randomData(1000, 8), "x-openstack-image-size", String.valueOf(cap + 1));
        assertEquals(413, response.statusCode(), response.body());
        assertNothingStored(announced);
    }

    @Test
    void uploadOfExactlyTheSizeCapIsAccepted() throws Exception {
        long cap = GlanceServer.IMAGE_SIZE_CAP;
        String id = api.createRaw("data-cap-exact");

        HttpResponse<String> response = api.uploadChunked(id, new PatternStream(cap));

        assertEquals(204, response.statusCode(), response.body());
        JsonObject image = api.show(id);
        assertEquals("active", image.getString("status"));
        assertEquals(cap, image.getJsonNumber("size").longValueExact());
        assertEquals(204, api.delete("/v2/images/" + id).statusCode());
        assertEquals(List.of(), storeFiles(GlanceServer.imageStore(), id));
    }

    // --- deactivate / reactivate ------------------------------------------------------------------

    @Test
    void deactivateAndReactivateAnActiveImage() {
        byte[] data = randomData(MIB, 9);
        String id = api.createRaw("data-deactivate");
        api.uploadOk(id, data);

        assertEquals(204, api.post("/v2/images/" + id + "/actions/deactivate").statusCode());
        assertEquals("deactivated", api.status(id));
        assertEquals(204, api.post("/v2/images/" + id + "/actions/deactivate").statusCode(), "again: no-op");
        assertEquals("deactivated", api.status(id));

        // noauth callers are admins, and admins may still download a deactivated image. The non-admin 403
        // needs a caller identity (keystone auth), which this server does not have yet.
        assertDownloadsWhole(id, data);
        HttpResponse<String> upload = api.upload(id, data, "Accept", "application/json");
        assertEquals(409, upload.statusCode());
        assertTrue(upload.body().contains("Image status transition from deactivated to saving is not allowed"),
                upload.body());

        assertEquals(204, api.post("/v2/images/" + id + "/actions/reactivate").statusCode());
        assertEquals("active", api.status(id));
        assertEquals(204, api.post("/v2/images/" + id + "/actions/reactivate").statusCode(), "again: no-op");
        assertRecorded(api.show(id), data);
        assertDownloadsWhole(id, data);
    }

    @Test
    void deactivateAndReactivateNeedAnImageWithData() {
        String id = api.createRaw("data-deactivate-queued");

        HttpResponse<String> deactivate = api.post("/v2/images/" + id + "/actions/deactivate",
                "Accept", "application/json");
        assertEquals(403, deactivate.statusCode());
        assertTrue(deactivate.body().contains("Not allowed to deactivate image in status 'queued'"),
                deactivate.body());
        HttpResponse<String> reactivate = api.post("/v2/images/" + id + "/actions/reactivate",
                "Accept", "application/json");
        assertEquals(403, reactivate.statusCode());
        assertTrue(reactivate.body().contains("Not allowed to reactivate image in status 'queued'"),
                reactivate.body());
        assertEquals("queued", api.status(id));
    }

    // --- delete -----------------------------------------------------------------------------------

    @Test
    void deletingAnImageRemovesItsData() throws Exception {
        String id = api.createRaw("data-delete");
        api.uploadOk(id, randomData(2 * MIB, 10));
        assertEquals(List.of(id), storeFiles(GlanceServer.imageStore(), id), "one data file, named by the id");

        assertEquals(204, api.delete("/v2/images/" + id).statusCode());

        assertEquals(List.of(), storeFiles(GlanceServer.imageStore(), id));
        assertEquals(404, api.download(id).statusCode());
    }

    @Test
    void deletingADeactivatedImageRemovesItsData() throws Exception {
        String id = api.createRaw("data-delete-deactivated");
        api.uploadOk(id, randomData(MIB, 11));
        assertEquals(204, api.post("/v2/images/" + id + "/actions/deactivate").statusCode());

        assertEquals(204, api.delete("/v2/images/" + id).statusCode());

        assertEquals(List.of(), storeFiles(GlanceServer.imageStore(), id));
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** Status, size and digests as Glance records them for {@code data} uploaded to a raw image. */
    static void assertRecorded(JsonObject image, byte[] data) {
        assertEquals("active", image.getString("status"), image.toString());
        assertEquals(data.length, image.getJsonNumber("size").longValueExact());
        if ("raw".equals(image.getString("disk_format"))) {
            assertEquals(data.length, image.getJsonNumber("virtual_size").longValueExact());
        }
        assertEquals(md5(data), image.getString("checksum"));
        assertEquals("sha512", image.getString("os_hash_algo"));
        assertEquals(sha512(data), image.getString("os_hash_value"));
    }

    private void assertDownloadsWhole(String id, byte[] data) {
        HttpResponse<byte[]> response = api.download(id);
        assertEquals(200, response.statusCode());
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(String.valueOf(data.length), response.headers().firstValue("Content-Length").orElseThrow());
        assertEquals(md5(data), response.headers().firstValue("Content-MD5").orElseThrow());
        assertFalse(response.headers().firstValue("Content-Range").isPresent());
        assertArrayEquals(data, response.body(), "downloaded bytes differ from the uploaded ones");
    }

    private void assertRange(String id, String range, int first, int last, byte[] data) {
        HttpResponse<byte[]> response = api.download(id, "Range", range);
        assertEquals(206, response.statusCode(), range);
        assertEquals("bytes " + first + "-" + last + "/" + data.length,
                response.headers().firstValue("Content-Range").orElseThrow(), range);
        assertEquals(String.valueOf(last - first + 1), response.headers().firstValue("Content-Length").orElseThrow(),
                range);
        assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(md5(data), response.headers().firstValue("Content-MD5").orElseThrow(), "MD5 of the whole image");
        assertArrayEquals(Arrays.copyOfRange(data, first, last + 1), response.body(), range);
    }

    /** Back to queued with no size or digests, and no file, complete or partial, in the store. */
    private void assertNothingStored(String id) throws Exception {
        assertNothingStored(api, GlanceServer.imageStore(), id);
    }

    /** The same on any server, given its API and its store directory. */
    static void assertNothingStored(ImageBytes api, Path store, String id) throws Exception {
        JsonObject image = api.show(id);
        assertEquals("queued", image.getString("status"), image.toString());
        assertTrue(image.isNull("size"), image.toString());
        assertTrue(image.isNull("checksum"), image.toString());
        assertTrue(image.isNull("os_hash_value"), image.toString());
        assertEquals(List.of(), storeFiles(store, id));
        assertEquals(204, api.download(id).statusCode());
    }

    /** {@code length} bytes of a repeating pattern, generated as read, so large bodies cost no memory. */
    static final class PatternStream extends InputStream {
        private final byte[] pattern = ImageBytes.ANCHOR_LINE.getBytes(StandardCharsets.US_ASCII);
        private final long length;
        private long position;

        PatternStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return position < length ? pattern[(int) (position++ % pattern.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = pattern[(int) (position++ % pattern.length)];
            }
            return n;
        }
    }

}
