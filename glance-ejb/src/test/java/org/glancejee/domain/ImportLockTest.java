package org.glancejee.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import lock as Glance keeps it: held by a task heard from within the hour (two while pending). */
class ImportLockTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final RequestContext CALLER = new RequestContext("p", "u", Set.of("member"), false, "req-1",
            Set.of());

    @Test
    void aPendingTaskHoldsTheLockForTwoHoursAProcessingOneForOneHourSinceItsLastNews() {
        Task task = Task.pending(Task.API_IMAGE_IMPORT, CALLER, "image", "{}", "node", T0);
        assertTrue(task.holdsImportLock(T0.plus(Duration.ofMinutes(119))));
        assertFalse(task.holdsImportLock(T0.plus(Duration.ofMinutes(120))));

        task.begin(T0.plus(Duration.ofMinutes(10)));
        task.progress("Copied 15 MiB", T0.plus(Duration.ofMinutes(30)));
        assertTrue(task.holdsImportLock(T0.plus(Duration.ofMinutes(89))));
        assertFalse(task.holdsImportLock(T0.plus(Duration.ofMinutes(90))));
    }

    @Test
    void aFinishedTaskNeverHoldsTheLockAndExpiresAfterItsTimeToLive() {
        Task task = Task.pending(Task.API_IMAGE_IMPORT, CALLER, "image", "{}", "node", T0);
        task.begin(T0);
        task.succeed("{\"image_id\": \"image\"}", Duration.ofHours(48), T0.plusSeconds(5));
        assertFalse(task.holdsImportLock(T0.plusSeconds(6)));
        assertFalse(task.expired(T0.plus(Duration.ofHours(48))));
        assertTrue(task.expired(T0.plusSeconds(5).plus(Duration.ofHours(48))));
        assertThrows(ConflictException.class, () -> task.begin(T0.plusSeconds(7)));
    }

    @Test
    void anImportLocksTheImageAndAFailureReleasesItAndRestoresQueued() {
        Image image = Image.newImage("11111111-2222-3333-4444-555555555555", "p", T0);
        assertThrows(ConflictException.class, () -> image.requireImportable(ImportMethod.WEB_DOWNLOAD),
                "formats must be set first");
        image.assign(ImageAttribute.DISK_FORMAT, "raw");
        image.assign(ImageAttribute.CONTAINER_FORMAT, "bare");
        image.requireImportable(ImportMethod.WEB_DOWNLOAD);
        assertThrows(ConflictException.class, () -> image.requireImportable(ImportMethod.GLANCE_DIRECT));

        image.lockForImport("task-1", ImportMethod.WEB_DOWNLOAD, List.of(), T0);
        assertEquals(ImageStatus.IMPORTING, image.status());
        assertEquals("task-1", image.importTask().orElseThrow());
        assertEquals("", image.properties().get(Image.IMPORTING_STORES));

        image.failImport("task-2", List.of(), T0);
        assertEquals("task-1", image.importTask().orElseThrow(), "only the holder releases the lock");
        image.failImport("task-1", List.of(), T0);
        assertEquals(ImageStatus.QUEUED, image.status());
        assertTrue(image.importTask().isEmpty());
    }
}
