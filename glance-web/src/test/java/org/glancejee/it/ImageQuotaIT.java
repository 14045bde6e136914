package org.glancejee.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.glancejee.it.ImageBytes.randomData;
import static org.glancejee.it.ImageDataIT.assertNothingStored;
import static org.glancejee.it.ImageDataIT.assertRecorded;
import static org.glancejee.it.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Glance's {@code user_storage_quota} with real bytes, on a server of its own with a quota of 3 MiB
 * ({@code 3MB}) for its one (noauth, project-less) owner. The tests fill that quota step by step, so they
 * run in order and each starts from what the one before left stored (noted on each).
 */
@ExtendWith(GlanceServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageQuotaIT {
    private static final int MIB = 1 << 20;
    private static final String QUOTA_FULL = "Image exceeds the storage quota: The size of the data ";

    @RegisterExtension
    static final OwnServer SERVER = new OwnServer("quota", Map.of("GLANCE_USER_STORAGE_QUOTA", "3MB"));

    private static String first;
    private static String second;

    @Test
    @Order(1)
    void withoutUnifiedLimitsUsageIsEmpty() {
        HttpResponse<String> response = SERVER.api().get("/v2/info/usage");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"usage\":{}}", response.body());
    }

    /** 0 → 2 MiB stored. */
    @Test
    @Order(2)
    void uploadsWithinTheQuotaAreStored() {
        byte[] one = randomData(MIB, 1);
        byte[] two = randomData(MIB, 2);
        first = SERVER.api().createRaw("quota-first");
        second = SERVER.api().createRaw("quota-second");

        assertEquals(204, SERVER.api().upload(first, one).statusCode());
        assertEquals(204, SERVER.api().uploadChunked(second, two).statusCode());

        assertRecorded(SERVER.api().show(first), one);
        assertRecorded(SERVER.api().show(second), two);
    }

    /** 2 MiB stored, 1 MiB left: 2 MiB announced is refused before a byte is stored. */
    @Test
    @Order(3)
    void uploadAnnouncedLargerThanWhatRemainsIsRefused() throws Exception {
        String id = SERVER.api().createRaw("quota-announced");

        HttpResponse<String> response = SERVER.api().upload(id, randomData(2 * MIB, 3));

        assertRefused(response, 413, QUOTA_FULL + "2097152 will exceed the limit. 1048576 bytes remaining.");
        assertNothingStored(SERVER.api(), SERVER.store(), id);
    }

    /** 2 MiB stored, 1 MiB left: a chunked upload is cut off once it passes 1 MiB, with Glance's raw message. */
    @Test
    @Order(4)
    void chunkedUploadIsCutOffWhenItPassesTheQuota() throws Exception {
        String id = SERVER.api().createRaw("quota-chunked");

        HttpResponse<String> response = SERVER.api().uploadChunked(id, new ImageDataIT.PatternStream(16L * MIB));

        assertRefused(response, 413, QUOTA_FULL + "%(image_size)s will exceed the limit. %(remaining)s bytes"
                + " remaining.");
        assertNothingStored(SERVER.api(), SERVER.store(), id);
        assertEquals(List.of(), ImageBytes.partFiles(SERVER.store()));
    }

    /** 2 → 3 MiB stored: exactly what remains fits; then nothing remains, and even an unknown size is refused. */
    @Test
    @Order(5)
    void theQuotaCanBeFilledExactlyAndThenNothingMoreFits() throws Exception {
        String exact = SERVER.api().createRaw("quota-exact");
        byte[] data = randomData(MIB, 5);
        assertEquals(204, SERVER.api().uploadChunked(exact, data).statusCode());
        assertRecorded(SERVER.api().show(exact), data);

        String more = SERVER.api().createRaw("quota-more");
        HttpResponse<String> response = SERVER.api().uploadChunked(more, new byte[] {42});
        assertRefused(response, 413, QUOTA_FULL + "None will exceed the limit. 0 bytes remaining.");
        assertNothingStored(SERVER.api(), SERVER.store(), more);

        response = SERVER.api().upload(more, new byte[] {42});
        assertRefused(response, 413, QUOTA_FULL + "1 will exceed the limit. 0 bytes remaining.");
        assertNothingStored(SERVER.api(), SERVER.store(), more);
    }

    /**
     * 3 → 1 MiB stored after two deletes. Two uploads that fit what remains when each starts but not together:
     * the one that finishes second is refused after storing, its data removed, as Glance's second check does.
     */
    @Test
    @Order(6)
    void concurrentUploadsThatTogetherGoOverAreCaughtAfterStoring() throws Exception {
        assertEquals(204, SERVER.api().delete("/v2/images/" + first).statusCode());
        assertEquals(204, SERVER.api().delete("/v2/images/" + second).statusCode());
        String slow = SERVER.api().createRaw("quota-slow");
        String fast = SERVER.api().createRaw("quota-fast");
        int size = 1536 * 1024;

        try (Socket socket = SERVER.api().startUpload(slow, -1, randomData(size, 6))) {
            SERVER.api().awaitPartialFile(SERVER.store(), slow);
            HttpResponse<String> response = SERVER.api().upload(fast, randomData(size, 7));
            assertEquals(204, response.statusCode(), response.body());

            ImageBytes.RawResponse late = ImageBytes.finishChunkedUpload(socket);

            assertEquals(413, late.status(), late.body());
            assertEquals("413 Request Entity Too Large\n\n" + QUOTA_FULL + size + " will exceed the limit. "
                    + (2 * MIB - size) + " bytes remaining.\n\n   ", late.body());
        }
        assertNothingStored(SERVER.api(), SERVER.store(), slow);
        assertEquals("active", SERVER.api().status(fast));
    }
}
