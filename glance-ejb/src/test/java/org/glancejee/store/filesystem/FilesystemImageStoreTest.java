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
        return new FilesystemImageStore("file", directory);
    }

    @Override
    protected long objectCount() throws Exception {
        try (var files = Files.list(directory)) {
            return files.count();
        }
    }

    @Test
    void partialFilesFromACrashAreRemoved() throws Exception {
        Files.write(directory.resolve(UUID.randomUUID() + "." + UUID.randomUUID() + ".part"), new byte[10]);
        String kept = store.add(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[5]), 5).location();
        assertEquals(1, ((FilesystemImageStore) store).removePartials());
        assertEquals(1, objectCount());
        assertEquals(5, store.open(kept, 0, -1).readAllBytes().length);
    }

    @Test
    void refusesLocationsOutsideItsDirectory() {
        assertThrows(IllegalArgumentException.class, () -> store.open("file:///etc/passwd", 0, -1));
        assertThrows(IllegalArgumentException.class, () -> store.delete("file:///etc/passwd"));
    }
}
