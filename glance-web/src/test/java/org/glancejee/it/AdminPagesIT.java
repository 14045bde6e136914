package org.glancejee.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.glancejee.it.ImageBytes.md5;
import static org.glancejee.it.ImageBytes.randomData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin pages in a real headless Chromium, signed in as the quick start's noauth admin: create an image,
 * upload its file with the progress bar reaching 100%, set a property the metadefs catalogue offers, share it,
 * delete it after confirming; the dashboard's counts; a job run from the operations page; pages that fit a
 * laptop screen at 200% zoom; changes without the session's form secret refused.
 */
@ExtendWith(GlanceServer.class)
class AdminPagesIT {
    private static final Pattern IMAGE_PAGE = Pattern.compile("/admin/images/([0-9a-f-]{36})");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Browser browser;

    @BeforeAll
    static void signIn() {
        browser = new Browser(GlanceServer.baseUri());
        browser.open("/admin/images");
        assertEquals("/admin/login", browser.path(), "the pages need a session");
        browser.screenshot("login");
        browser.follow("#sign-in");
        assertEquals("/admin/images", browser.path(), "and go back where they were asked for");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anImageIsCreatedUploadedWithProgressEditedSharedAndDeleted() throws IOException {
        String name = "browser-" + UUID.randomUUID();
        browser.open("/admin/images");
        browser.follow("#new-image");
        browser.fill("#name", name);
        new Select(browser.find("#disk_format")).selectByValue("raw");
        browser.follow("#create");
        Matcher page = IMAGE_PAGE.matcher(browser.path());
        assertTrue(page.matches(), browser.path());
        String id = page.group(1);
        assertTrue(browser.text().contains("Image created"), browser.text());

        byte[] data = randomData(48 * 1024 * 1024 + 3, 9001);
        Path file = Files.createTempFile("admin-upload", ".raw");
        try {
            Files.write(file, data);
            browser.find("#upload-file").sendKeys(file.toAbsolutePath().toString());
            browser.click("#upload-start");
            browser.awaitText("#upload-percent", "100%", WAIT);
            browser.awaitText("#upload-status", "Upload complete", WAIT);
            browser.screenshot("upload-complete");
        } finally {
            Files.delete(file);
        }
        browser.awaitText("#status", "active", WAIT);
        assertTrue(browser.find("#locations").getText().contains(id), "admins see where the data is");
        JsonObject image = ImageBytes.shared().show(id);
        assertEquals("active", image.getString("status"));
        assertEquals(data.length, image.getJsonNumber("size").longValue());
        assertEquals(md5(data), image.getString("checksum"), "the bytes the browser read from the file");

        assertFalse(browser.driver().findElements(By.cssSelector("#metadef-keys option[value='hw_disk_bus']"))
                .isEmpty(), "the catalogue's keys for images are offered, with their prefix");
        assertFalse(browser.driver().findElements(By.cssSelector("#values-hw_disk_bus option[value='virtio']"))
                .isEmpty(), "and their allowed values");
        setProperty("hw_disk_bus", "virtio");
        assertTrue(browser.text().contains("hw_disk_bus is set."), browser.text());
        assertEquals("virtio", ImageBytes.shared().show(id).getString("hw_disk_bus"));
        setProperty("hw_rng_model", "virtio");
        browser.follow("button[aria-label='Remove hw_rng_model']");
        assertTrue(browser.text().contains("hw_rng_model is removed."), browser.text());
        assertFalse(ImageBytes.shared().show(id).containsKey("hw_rng_model"));
        browser.follow("#toggle-protect");
        assertTrue(ImageBytes.shared().show(id).getBoolean("protected"));
        browser.follow("#toggle-protect");
        assertFalse(ImageBytes.shared().show(id).getBoolean("protected"));
        browser.follow("#deactivate");
        assertEquals("deactivated", ImageBytes.shared().status(id));
        browser.follow("#reactivate");
        assertEquals("active", ImageBytes.shared().status(id));

        setProperty("min_ram", "lots");
        assertTrue(browser.has(".flash.error"), "a refusal is a message on the page");
        assertFalse(browser.find(".flash.error").getText().isBlank());
        assertFalse(browser.text().contains("Exception"), "never a stack trace");
        assertEquals(0, ImageBytes.shared().show(id).getInt("min_ram"), "and nothing changed");

        setProperty("visibility", "shared");
        browser.fill("#member", "project-of-the-browser");
        browser.follow("#share");
        browser.awaitText("#members", "project-of-the-browser", WAIT);
        assertTrue(browser.find("#members").getText().contains("pending"));
        assertEquals(200, ImageBytes.shared().get("/v2/images/" + id + "/members/project-of-the-browser")
                .statusCode());
        browser.screenshot("image-page");

        browser.follow("#delete");
        assertTrue(browser.text().contains("Delete this image?"), browser.text());
        browser.follow("#confirm-delete");
        assertEquals("/admin/images", browser.path());
        assertTrue(browser.text().contains("deleted"), browser.text());
        assertEquals(404, ImageBytes.shared().get("/v2/images/" + id).statusCode());
    }

    @Test
    void aCancelledUploadLeavesTheImageQueuedAndNothingStored() throws Exception {
        String id = ImageBytes.shared().createRaw("cancelled-" + UUID.randomUUID());
        Path file = Files.createTempFile("admin-cancel", ".raw");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(3L << 30); // 3 GiB of zeros that take no disk: long enough to cancel on loopback
        }
        try {
            browser.open("/admin/images/" + id);
            browser.find("#upload-file").sendKeys(file.toAbsolutePath().toString());
            browser.click("#upload-start");
            browser.await(d -> {
                String percent = browser.find("#upload-percent").getText();
                return !percent.isEmpty() && !percent.equals("0%");
            }, WAIT);
            browser.click("#upload-cancel");
            browser.awaitText("#upload-status", "Upload cancelled", WAIT);
        } finally {
            Files.delete(file);
        }
        assertEquals("queued", ImageBytes.shared().awaitStatus(id, "queued", WAIT), "the server saw it go");
        JsonObject image = ImageBytes.shared().show(id);
        assertTrue(image.isNull("size") && image.isNull("checksum"), "no data recorded: " + image);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (leftInStore(id) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(leftInStore(id), "no bytes left behind");
        assertEquals(204, ImageBytes.shared().delete("/v2/images/" + id).statusCode());
    }

    @Test
    void theDashboardCountsImagesAndAJobRunsFromTheOperationsPage() {
        String id = ImageBytes.shared().createRaw("dashboard-" + UUID.randomUUID());
        browser.open("/admin");
        long shown = Long.parseLong(browser.find("#image-count").getText());
        assertTrue(shown >= 1, "every project's images: " + shown);
        assertTrue(browser.text().contains("Images by status") && browser.text().contains("queued"), browser.text());
        assertTrue(browser.has("figure.chart svg rect.bar"), "charts drawn as SVG");
        browser.screenshot("dashboard");

        browser.open("/admin/operations");
        String runsBefore = browser.find("#job-task_expiry .runs").getText();
        browser.follow("#run-task_expiry");
        assertEquals("/admin/operations", browser.path());
        assertTrue(browser.text().contains("task_expiry ran"), browser.text());
        assertTrue(!browser.find("#job-task_expiry .runs").getText().equals(runsBefore), "its run is recorded");
        browser.screenshot("operations");
        assertEquals(204, ImageBytes.shared().delete("/v2/images/" + id).statusCode());
    }

    @Test
    void thePagesFitALaptopScreenAt200PercentZoom() {
        String id = ImageBytes.shared().createRaw("zoomed-" + UUID.randomUUID());
        try {
            browser.zoom200();
            for (String path : List.of("/admin", "/admin/images", "/admin/images/" + id, "/admin/operations",
                    "/admin/invitations")) {
                browser.open(path);
                assertTrue(browser.fitsTheWindow(), path + " scrolls sideways at 200%");
                browser.screenshot("200-percent" + path.replace('/', '-').replace("-" + id, "-image"));
            }
        } finally {
            browser.zoom100();
            ImageBytes.shared().delete("/v2/images/" + id);
        }
    }

    @Test
    void aChangeWithoutTheSessionsFormSecretIsRefused() throws Exception {
        String id = ImageBytes.shared().createRaw("csrf-" + UUID.randomUUID());
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI base = GlanceServer.baseUri();
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(base.resolve("/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("next=/admin/images")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, signedIn.statusCode());
        for (String form : List.of("", "csrf=forged")) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(base.resolve("/admin/images/" + id
                    + "/delete")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode(), refused.body());
        }
        assertEquals(200, ImageBytes.shared().get("/v2/images/" + id).statusCode(), "nothing was deleted");
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/admin/images/" + id + "/delete")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "no session, no change");
        assertEquals(204, ImageBytes.shared().delete("/v2/images/" + id).statusCode());
    }

    private static boolean leftInStore(String id) throws IOException {
        try (var stored = Files.list(GlanceServer.imageStore())) {
            return stored.anyMatch(p -> p.getFileName().toString().startsWith(id));
        }
    }

    private static void setProperty(String key, String value) {
        browser.fill("#property-key", key);
        browser.fill("#property-value", value);
        browser.follow("#property-save");
    }
}
