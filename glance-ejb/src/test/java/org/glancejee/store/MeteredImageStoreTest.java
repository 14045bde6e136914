package org.glancejee.store;

import org.glancejee.store.filesystem.FilesystemImageStore;
import org.glancejee.store.spi.StoredData;
import org.glancejee.store.spi.StoredDataNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MeteredImageStoreTest {
    @TempDir
    Path directory;

    @Test
    void countsTheBytesThatPassAndTheCalls() throws IOException {
        StoreTraffic traffic = new StoreTraffic();
        MeteredImageStore store = new MeteredImageStore(new FilesystemImageStore("file", directory, "node"), traffic);

        StoredData stored = store.add(java.util.UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[10_000]), 10_000);
        try (InputStream in = store.open(stored.location(), 0, -1)) {
            assertEquals(10_000, in.readAllBytes().length);
        }
        try (InputStream in = store.open(stored.location(), 100, 50)) {
            assertEquals(50, in.readAllBytes().length);
        }
        store.delete(stored.location());

        assertEquals(10_000, traffic.bytesIn());
        assertEquals(10_050, traffic.bytesOut());
        assertEquals(1, traffic.writes());
        assertEquals(2, traffic.reads());
        assertEquals(1, traffic.deletes());
        assertEquals(0, traffic.errors());
    }

    @Test
    void missingDataAndAFailingClientAreNotStoreErrorsButAFailingStoreIs() throws IOException {
        StoreTraffic traffic = new StoreTraffic();
        MeteredImageStore store = new MeteredImageStore(new FilesystemImageStore("file", directory, "node"), traffic);
        String location = store.add(java.util.UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[10]), 10).location();
        store.delete(location);

        assertThrows(StoredDataNotFoundException.class, () -> store.open(location, 0, -1));
        InputStream brokenClient = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("client went away");
            }
        };
        assertThrows(IOException.class, () -> store.add(java.util.UUID.randomUUID().toString(), brokenClient, 100));
        assertEquals(0, traffic.errors());

        try (var tree = Files.walk(directory)) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.createFile(directory);
        assertThrows(IOException.class, () -> store.add(java.util.UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[10]), 10));
        assertEquals(1, traffic.errors(), "the store's directory is gone");
    }
}
