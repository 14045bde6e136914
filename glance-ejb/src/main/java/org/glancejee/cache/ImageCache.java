package org.glancejee.cache;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.CacheSettings;
import org.glancejee.config.StorageSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's image cache: the files under {@code image_cache_dir} and their rows in the database (as
 * Glance's centralized_db driver keeps them, per server). Everything here is a no-op when the cache is off.
 */
@ApplicationScoped
public class ImageCache {
    private static final Logger LOG = Logger.getLogger("org.glancejee.cache");
    private static final java.time.Duration UNKNOWN_FILE_GRACE = java.time.Duration.ofMinutes(1);

    @Inject
    CacheSettings settings;

    @Inject
    StorageSettings storage;

    @Inject
    CacheIndex index;

    private CacheDirectory directory;
    private String node;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    @PostConstruct
    void open() {
        node = storage.nodeName();
        if (settings.enabled()) {
            directory = new CacheDirectory(settings.directory());
            LOG.info("Image cache in " + settings.directory() + ", pruned to " + settings.maxSize() + " bytes");
        }
    }

    public boolean enabled() {
        return directory != null;
    }

    /** Downloads served from the cache since start. */
    public long hits() {
        return hits.sum();
    }

    /** Downloads of images that were not cached here since start. */
    public long misses() {
        return misses.sum();
    }

    /** The most bytes the pruner leaves in the cache. */
    public long maxSize() {
        return settings.maxSize();
    }

    /** The cached data of an image, counted as a hit; empty when it is not cached. */
    public Optional<InputStream> openCached(String imageId) {
        if (!enabled()) {
            return Optional.empty();
        }
        Optional<Path> entry = directory.entry(imageId);
        if (entry.isEmpty()) {
            misses.increment();
            return Optional.empty();
        }
        try {
            InputStream in = Files.newInputStream(entry.get());
            index.hit(node, imageId);
            hits.increment();
            return Optional.of(in);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read cached image " + imageId + "; serving it from its store", e);
            return Optional.empty();
        }
    }

    /**
     * The data read from a store, copied into the cache as it is read when the image may be cached: the
     * cache is on, the image has a checksum to verify the copy against, and no other fill of it is under way.
     * Called after {@link #openCached} found no entry.
     */
    public InputStream filling(String imageId, long size, String checksum, InputStream source) {
        if (!enabled() || checksum == null) {
            return source;
        }
        Optional<OutputStream> copy;
        try {
            copy = directory.startFill(imageId);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot start caching image " + imageId, e);
            return source;
        }
        if (copy.isEmpty()) {
            return source;
        }
        return new CacheFillingStream(source, copy.get(), imageId, size, checksum, new CacheFillingStream.Outcome() {
            @Override
            public void commit() throws IOException {
                long cached = directory.commitFill(imageId);
                directory.dequeue(imageId);
                index.record(node, imageId, cached, checksum);
                LOG.info("Cached image " + imageId + " (" + cached + " bytes)");
            }

            @Override
            public void abandon() {
                directory.abandonFill(imageId);
            }
        });
    }

    public boolean isCached(String imageId) {
        return enabled() && directory.entry(imageId).isPresent();
    }

    /** Queues an image for the prefetcher; false when it is already cached, being cached or queued. */
    public boolean queue(String imageId) {
        requireEnabled();
        if (directory.entry(imageId).isPresent() || directory.isFilling(imageId)) {
            return false;
        }
        try {
            return directory.enqueue(imageId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot queue image " + imageId + " for caching", e);
        }
    }

    public List<String> queued() {
        requireEnabled();
        try {
            return directory.queued();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image cache queue", e);
        }
    }

    public void dequeue(String imageId) {
        try {
            directory.dequeue(imageId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove image " + imageId + " from the cache queue", e);
        }
    }

    /** The cached images, least recently used first. */
    public List<CachedImage> cached() {
        requireEnabled();
        return index.entries(node);
    }

    /** Whether the image is cached or queued here. */
    public boolean holds(String imageId) {
        return enabled() && (directory.entry(imageId).isPresent() || directory.isQueued(imageId));
    }

    /** Removes an image from the cache and from the queue. */
    public void remove(String imageId) {
        if (!enabled()) {
            return;
        }
        try {
            deleteFiles(imageId);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove image " + imageId + " from the cache", e);
        }
        index.forget(node, imageId);
    }

    /**
     * For an image being deleted, in the deleting transaction: forgets its entry, and returns the removal of
     * its file, to run once the deletion has committed.
     */
    public Runnable evict(String imageId) {
        if (!enabled()) {
            return () -> { };
        }
        index.forgetWithCaller(node, imageId);
        return () -> {
            try {
                deleteFiles(imageId);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not remove deleted image " + imageId + " from the cache", e);
            }
        };
    }

    private void deleteFiles(String imageId) throws IOException {
        directory.deleteEntry(imageId);
        directory.dequeue(imageId);
    }

    /** Removes every cached image; how many there were. */
    public int clearCached() {
        requireEnabled();
        int removed = 0;
        try {
            for (String id : directory.entries()) {
                removed += directory.deleteEntry(id) ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the image cache", e);
        }
        index.forgetAll(node);
        return removed;
    }

    /** Empties the queue; how many images were queued. */
    public int clearQueue() {
        requireEnabled();
        int removed = 0;
        for (String id : queued()) {
            try {
                removed += directory.dequeue(id) ? 1 : 0;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot clear the image cache queue", e);
            }
        }
        return removed;
    }

    /**
     * Removes failed fills, fills not written for {@code image_cache_stall_time}, files the index does not
     * know (a crash between the file and its row) and rows whose file is gone; how many it removed.
     */
    public int clean() {
        requireEnabled();
        try {
            int removed = directory.deleteInvalidAndStalled(Instant.now().minus(settings.stallTime()));
            Set<String> known = new HashSet<>();
            for (CachedImage row : index.entries(node)) {
                if (directory.entry(row.imageId()).isPresent()) {
                    known.add(row.imageId());
                } else {
                    index.forget(node, row.imageId());
                }
            }
            // A fill renames its file before it writes its row: leave young files to the next clean.
            Instant settled = Instant.now().minus(UNKNOWN_FILE_GRACE);
            for (String id : directory.entries()) {
                if (!known.contains(id) && directory.entryModified(id).isBefore(settled)) {
                    removed += directory.deleteEntry(id) ? 1 : 0;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean the image cache", e);
        }
    }

    /** Evicts least recently used images until the cache is within {@code image_cache_max_size}. */
    public Pruned prune() {
        requireEnabled();
        // A row's size is its file's: cache files never change once committed.
        List<CachedImage> oldestFirst = index.entries(node);
        long total = oldestFirst.stream().mapToLong(CachedImage::size).sum();
        long files = 0;
        long bytes = 0;
        for (CachedImage entry : oldestFirst) {
            if (total <= settings.maxSize()) {
                break;
            }
            remove(entry.imageId());
            total -= entry.size();
            files++;
            bytes += entry.size();
        }
        if (files > 0) {
            LOG.info("Pruned " + files + " images (" + bytes + " bytes) from the image cache");
        }
        return new Pruned(files, bytes);
    }

    /** What a prune removed. */
    public record Pruned(long files, long bytes) {
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new IllegalStateException("the image cache is off");
        }
    }
}
