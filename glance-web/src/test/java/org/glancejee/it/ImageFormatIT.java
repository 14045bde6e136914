package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Image safety on upload and import, with disk images made by qemu-img (glance-ejb's test fixtures,
 * src/test/resources/formats): content of the declared format is kept with its virtual size; content that
 * is not what disk_format says, or that could make a hypervisor read host files, is refused with 415 on
 * upload (and fails the task on import), leaving the image queued and nothing stored.
 */
@ExtendWith(GlanceServer.class)
class ImageFormatIT {
    private static final Path FIXTURES = Path.of("../glance-ejb/src/test/resources/formats");

    private final ImageBytes api = ImageBytes.shared();

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "disk.qcow2, qcow2, 10485760",
            "disk.vmdk, vmdk, 10485760",
            "stream-optimized.vmdk, vmdk, 10485760",
            "disk.vhd, vhd, 10514432",
            "disk.vhdx, vhdx, 10485760",
            "disk.vdi, vdi, 10485760",
            "disk.iso, iso, 69632",
            "disk.qcow2, raw, 196616",
            "gpt.img, raw, 2097152"})
    void contentOfTheDeclaredFormatIsKeptWithItsVirtualSize(String file, String diskFormat, long virtualSize)
            throws IOException {
        byte[] data = Files.readAllBytes(FIXTURES.resolve(file));
        String id = create(file, diskFormat);
        HttpResponse<String> upload = api.upload(id, data);
        assertEquals(204, upload.statusCode(), upload.body());
        JsonObject image = api.show(id);
        assertEquals("active", image.getString("status"));
        assertEquals(virtualSize, image.getJsonNumber("virtual_size").longValueExact(), image.toString());
        assertArrayEquals(data, api.download(id).body());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
            "backing-file.qcow2, qcow2, backing file",
            "backing-file.qcow2, raw, backing file",
            "data-file.qcow2, qcow2, external data file",
            "monolithic-flat.vmdk, vmdk, monolithicFlat",
            "extent-path.vmdk, vmdk, must not contain",
            "disk.qed, qcow2, QED",
            "bad-boot-flag.img, raw, boot flag",
            "disk.img, qcow2, does not match disk_format qcow2",
            "disk.qcow2, vmdk, does not match disk_format vmdk",
            "disk.vmdk, ami, does not match disk_format ami"})
    void unsafeOrMismatchedContentIsRefusedAndNothingIsKept(String file, String diskFormat, String why)
            throws IOException {
        String id = create(file, diskFormat);
        HttpResponse<String> upload = api.upload(id, Files.readAllBytes(FIXTURES.resolve(file)));
        assertEquals(415, upload.statusCode(), upload.body());
        assertTrue(upload.body().contains(why), upload.body());
        JsonObject image = api.show(id);
        assertEquals("queued", image.getString("status"));
        assertTrue(image.isNull("size") && image.isNull("checksum"), image.toString());
        assertEquals(List.of(), ImageBytes.storeFiles(GlanceServer.imageStore(), id));
    }

    @Test
    void randomBytesDeclaredQcow2AreRefusedButNotUnderAnOtherContainer() {
        String qcow2 = create("random", "qcow2");
        assertEquals(415, api.upload(qcow2, randomData(64 * 1024, 3)).statusCode());
        String ovf = api.create("{\"name\":\"random-ovf\",\"disk_format\":\"qcow2\",\"container_format\":\"ovf\"}");
        assertEquals(204, api.upload(ovf, randomData(64 * 1024, 3)).statusCode());
        assertTrue(api.show(ovf).isNull("virtual_size"));
    }

    @Test
    void anImportOfUnsafeDataFailsItsTaskAndKeepsNothing() throws Exception {
        String id = create("backing-file.qcow2", "qcow2");
        assertEquals(204, api.put("/v2/images/" + id + "/stage", Files.readAllBytes(FIXTURES.resolve("backing-file.qcow2")),
                "Content-Type", "application/octet-stream").statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"glance-direct\"}}").statusCode());
        assertEquals("queued", api.awaitStatus(id, "queued", Duration.ofSeconds(60)));
        JsonObject task = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").getJsonObject(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!task.getString("status").equals("failure") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            task = Api.json(api.get("/v2/images/" + id + "/tasks")).getJsonArray("tasks").getJsonObject(0);
        }
        assertEquals("failure", task.getString("status"), task.toString());
        assertTrue(task.getString("message").contains("backing file"), task.toString());
        assertEquals(List.of(), ImageBytes.storeFiles(GlanceServer.imageStore(), id));
        assertEquals(List.of(), ImageBytes.storeFiles(GlanceServer.stagingArea(), id));
    }

    @Test
    void anImportOfAQcow2RecordsItsVirtualSize() throws Exception {
        String id = create("disk.qcow2", "qcow2");
        byte[] data = Files.readAllBytes(FIXTURES.resolve("disk.qcow2"));
        assertEquals(204, api.put("/v2/images/" + id + "/stage", data,
                "Content-Type", "application/octet-stream").statusCode());
        assertEquals(202, api.postJson("/v2/images/" + id + "/import",
                "{\"method\": {\"name\": \"glance-direct\"}}").statusCode());
        assertEquals("active", api.awaitStatus(id, "active", Duration.ofSeconds(60)));
        assertEquals(10485760L, api.show(id).getJsonNumber("virtual_size").longValueExact());
        assertArrayEquals(data, api.download(id).body());
    }

    private String create(String name, String diskFormat) {
        return api.create("{\"name\":\"format-" + name + "\",\"disk_format\":\"" + diskFormat
                + "\",\"container_format\":\"bare\"}");
    }
}
