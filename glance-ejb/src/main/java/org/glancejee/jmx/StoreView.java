package org.glancejee.jmx;

import org.glancejee.store.ConfiguredStore;
import org.glancejee.store.ImageStores;
import org.glancejee.store.StoreMonitor;
import org.glancejee.store.StoreTraffic;
import org.glancejee.store.filesystem.FilesystemImageStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileStore;
import java.util.Optional;

/** A store's JMX face, reading what the monitor last saw and what went through it. */
public class StoreView implements StoreMXBean {
    private final ConfiguredStore store;
    private final StoreMonitor monitor;
    private final StoreTraffic traffic;
    private final Optional<FilesystemImageStore> directory;

    public StoreView(ConfiguredStore store, StoreMonitor monitor, ImageStores stores) {
        this.store = store;
        this.monitor = monitor;
        this.traffic = stores.traffic(store.id());
        this.directory = stores.filesystemStores().stream().filter(f -> f.id().equals(store.id())).findFirst();
    }

    @Override
    public String getId() {
        return store.id();
    }

    @Override
    public String getType() {
        return store.type();
    }

    @Override
    public boolean isDefault() {
        return store.isDefault();
    }

    @Override
    public boolean isAvailable() {
        return monitor.state(store.id()).available();
    }

    @Override
    public String getLastProbe() {
        return monitor.state(store.id()).lastProbe().map(Object::toString).orElse("");
    }

    @Override
    public String getLastError() {
        return monitor.state(store.id()).lastError().orElse("");
    }

    @Override
    public long getBytesIn() {
        return traffic.bytesIn();
    }

    @Override
    public long getBytesOut() {
        return traffic.bytesOut();
    }

    @Override
    public long getWrites() {
        return traffic.writes();
    }

    @Override
    public long getReads() {
        return traffic.reads();
    }

    @Override
    public long getDeletes() {
        return traffic.deletes();
    }

    @Override
    public long getErrors() {
        return traffic.errors();
    }

    @Override
    public long getCapacityBytes() {
        return fileSystem(FileStore::getTotalSpace);
    }

    @Override
    public long getFreeBytes() {
        return fileSystem(FileStore::getUsableSpace);
    }

    private interface SpaceFigure {
        long of(FileStore space) throws IOException;
    }

    private long fileSystem(SpaceFigure figure) {
        try {
            return directory.isEmpty() ? -1 : figure.of(Files.getFileStore(directory.get().directory()));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public boolean probe() {
        return monitor.probe(store).available();
    }
}
