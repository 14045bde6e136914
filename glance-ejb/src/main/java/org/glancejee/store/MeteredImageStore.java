package org.glancejee.store;

import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.StoreCapability;
import org.glancejee.store.spi.StoredData;
import org.glancejee.store.spi.StoredDataNotFoundException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/**
 * A driver with its traffic counted: bytes as they actually pass (a download cut short counts what was
 * sent), calls, and calls that failed on the store's side. Data that is not there is not a store error.
 */
final class MeteredImageStore implements ImageStore {
    private final ImageStore driver;
    private final StoreTraffic traffic;

    MeteredImageStore(ImageStore driver, StoreTraffic traffic) {
        this.driver = driver;
        this.traffic = traffic;
    }

    @Override
    public String id() {
        return driver.id();
    }

    @Override
    public String type() {
        return driver.type();
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return driver.capabilities();
    }

    @Override
    public StoredData add(String imageId, InputStream data, long expectedSize) throws IOException {
        traffic.writes.increment();
        Counting counted = new Counting(data, traffic, true);
        try {
            return driver.add(imageId, counted, expectedSize);
        } catch (IOException | RuntimeException e) {
            if (!counted.failed) {
                traffic.errors.increment();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String location, long offset, long length) throws IOException {
        traffic.reads.increment();
        try {
            return new Counting(driver.open(location, offset, length), traffic, false);
        } catch (StoredDataNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            traffic.errors.increment();
            throw e;
        }
    }

    @Override
    public long size(String location) throws IOException {
        return counted(() -> driver.size(location));
    }

    @Override
    public void delete(String location) throws IOException {
        traffic.deletes.increment();
        counted(() -> {
            driver.delete(location);
            return 0L;
        });
    }

    @Override
    public void removeRemainsOf(String imageId) throws IOException {
        counted(() -> {
            driver.removeRemainsOf(imageId);
            return 0L;
        });
    }

    @Override
    public boolean owns(String location) {
        return driver.owns(location);
    }

    @Override
    public void probe() throws IOException {
        driver.probe();
    }

    @Override
    public Map<String, Object> properties() {
        return driver.properties();
    }

    private interface StoreCall {
        long run() throws IOException;
    }

    private long counted(StoreCall call) throws IOException {
        try {
            return call.run();
        } catch (StoredDataNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            traffic.errors.increment();
            throw e;
        }
    }

    /** Counts the bytes read through it, and read failures as store errors when reading from the store. */
    private static final class Counting extends FilterInputStream {
        private final StoreTraffic traffic;
        private final boolean incoming;
        boolean failed;

        Counting(InputStream in, StoreTraffic traffic, boolean incoming) {
            super(in);
            this.traffic = traffic;
            this.incoming = incoming;
        }

        @Override
        public int read() throws IOException {
            int b = guarded(in::read);
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = guarded(() -> in.read(buffer, offset, length));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private interface Read {
            int run() throws IOException;
        }

        // Data that stops coming from the client (or fails its checks) is not the store's fault; a failing
        // read from the store is.
        private int guarded(Read read) throws IOException {
            try {
                return read.run();
            } catch (IOException | RuntimeException e) {
                failed = true;
                if (!incoming) {
                    traffic.errors.increment();
                }
                throw e;
            }
        }

        private void count(int n) {
            (incoming ? traffic.bytesIn : traffic.bytesOut).add(n);
        }
    }
}
