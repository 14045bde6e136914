package org.glancejee.store.filesystem;

import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.ImageStoreContractTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FilesystemImageStoreTest extends ImageStoreContractTest {
    @TempDir
    Path directory;

    @Override
    protected ImageStore newStore() throws Exception {
        return new FilesystemImageStore("file", directory, "node-a");
    }

    @Override
    protected void leaveUnfinishedWrite(String imageId) throws Exception {
        Files.write(directory.resolve(imageId + ".node-b." + UUID.randomUUID() + ".part"), new byte[4096]);
    }

    @Override
    protected long objectCount() throws Exception {
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void partialFilesOfThisWriterAreRemovedAndOthersKept() throws Exception {
        String mine = Integer.toHexString("node-a".hashCode());
        String theirs = Integer.toHexString("node-b".hashCode());
        Files.write(directory.resolve(UUID.randomUUID() + "." + mine + "." + UUID.randomUUID() + ".part"), new byte[10]);
        Files.write(directory.resolve(UUID.randomUUID() + "." + theirs + "." + UUID.randomUUID() + ".part"), new byte[10]);
        String kept = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[5]), 5).location();
        assertEquals(1, ((FilesystemImageStore) store).removePartials());
        assertEquals(2, objectCount());
        assertEquals(5, store.open(kept, 0, -1).readAllBytes().length);
    }

    @Test
    void unreferencedOldFilesAreRemoved() throws Exception {
        String referenced = UUID.randomUUID().toString();
        String orphan = UUID.randomUUID().toString();
        store.add(referenced, new ByteArrayInputStream(new byte[5]), 5);
        store.add(orphan, new ByteArrayInputStream(new byte[5]), 5);
        FilesystemImageStore fs = (FilesystemImageStore) store;
        assertEquals(0, fs.removeUnreferencedOlderThan(java.util.Set.of(referenced), java.time.Duration.ofMinutes(10)));
        Files.setLastModifiedTime(directory.resolve(orphan),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(directory.resolve(referenced),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        assertEquals(1, fs.removeUnreferencedOlderThan(java.util.Set.of(referenced), java.time.Duration.ofMinutes(10)));
        assertEquals(1, objectCount());
    }

    @Test
    void refusesLocationsOutsideItsDirectory() {
        assertThrows(IllegalArgumentException.class, () -> store.open("file:///etc/passwd", 0, -1));
        assertThrows(IllegalArgumentException.class, () -> store.delete("file:///etc/passwd"));
    }
}
