package org.glancejee.store.filesystem;

import org.glancejee.store.spi.BoundedInputStream;
import org.glancejee.store.spi.ImageStore;
import org.glancejee.store.spi.StoreCapability;
import org.glancejee.store.spi.StoreFullException;
import org.glancejee.store.spi.StoredData;
import org.glancejee.store.spi.StoredDataNotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps each image as one file in a directory. Data is written to a {@code .part} file, forced to disk,
 * then renamed into place, so a crash never leaves a file that looks complete; {@link #removePartials()}
 * clears what a crash left. Locations are {@code file://<dir>/<image-id>}.
 */
public class FilesystemImageStore implements ImageStore {
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final String PART_SUFFIX = ".part";
    private static final int CHUNK = 1 << 20;

    private final String id;
    private final Path directory;
    private final String writer;

    /**
     * @param writer names this server in the partial files it writes, so that several servers can share
     *               the directory and each cleans up only its own interrupted writes
     */
    public FilesystemImageStore(String id, Path directory, String writer) throws IOException {
        this.id = id;
        this.directory = directory.toAbsolutePath().normalize();
        this.writer = Integer.toHexString(writer.hashCode());
        Files.createDirectories(this.directory);
    }

    @Override
    public String id() {
        return id;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public String type() {
        return "file";
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return EnumSet.allOf(StoreCapability.class);
    }

    @Override
    public StoredData add(String imageId, InputStream data, long expectedSize) throws IOException {
        if (!IMAGE_ID.matcher(imageId).matches()) {
            throw new IllegalArgumentException("not an image id: " + imageId);
        }
        Path target = directory.resolve(imageId);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException("data already stored for image " + imageId);
        }
        Path part = directory.resolve(imageId + "." + writer + "." + UUID.randomUUID() + PART_SUFFIX);
        long written = 0;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[CHUNK];
            ByteBuffer wrapped = ByteBuffer.wrap(buffer);
            int n;
            while ((n = data.readNBytes(buffer, 0, CHUNK)) > 0) {
                wrapped.clear().limit(n);
                while (wrapped.hasRemaining()) {
                    out.write(wrapped);
                }
                written += n;
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw isDiskFull(e) ? new StoreFullException("The filesystem store is full", e) : e;
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(part);
            throw e;
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return new StoredData(target.toUri().toString(), written);
    }

    @Override
    public InputStream open(String location, long offset, long length) throws IOException {
        Path file = fileOf(location);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new StoredDataNotFoundException(location);
        }
        channel.position(offset);
        InputStream stream = Channels.newInputStream(channel);
        return length < 0 ? stream : new BoundedInputStream(stream, length);
    }

    @Override
    public long size(String location) throws IOException {
        try {
            return Files.size(fileOf(location));
        } catch (NoSuchFileException e) {
            throw new StoredDataNotFoundException(location);
        }
    }

    @Override
    public void delete(String location) throws IOException {
        Files.deleteIfExists(fileOf(location));
    }

    @Override
    public boolean owns(String location) {
        if (location == null || !location.startsWith("file:")) {
            return false;
        }
        try {
            fileOf(location);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void probe() throws IOException {
        if (!Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new IOException("The store's directory is missing or not writable");
        }
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("data_dir", directory.toString(), "chunk_size", CHUNK, "thin_provisioning", false);
    }

    @Override
    public void removeRemainsOf(String imageId) throws IOException {
        if (!IMAGE_ID.matcher(imageId).matches()) {
            throw new IllegalArgumentException("not an image id");
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.equals(imageId) || (name.startsWith(imageId + ".") && name.endsWith(PART_SUFFIX))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Deletes the {@code .part} files this writer's interrupted writes left; returns how many there were. */
    public int removePartials() throws IOException {
        int removed = 0;
        String mine = "." + writer + ".";
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(PART_SUFFIX) && name.contains(mine) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Deletes complete files no image refers to (a crash between the write and the database commit), if
     * they are older than {@code minimumAge} so another server's upload that is just finishing is safe.
     */
    public int removeUnreferencedOlderThan(Set<String> referencedImageIds, Duration minimumAge) throws IOException {
        int removed = 0;
        java.nio.file.attribute.FileTime cutoff = java.nio.file.attribute.FileTime.from(Instant.now().minus(minimumAge));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (IMAGE_ID.matcher(name).matches() && !referencedImageIds.contains(name)
                        && Files.getLastModifiedTime(p).compareTo(cutoff) < 0 && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The file behind a location, refusing anything outside this store's directory. */
    private Path fileOf(String location) {
        Path file = Path.of(java.net.URI.create(location)).toAbsolutePath().normalize();
        if (!file.getParent().equals(directory)) {
            throw new IllegalArgumentException("location outside the store");
        }
        return file;
    }

    private static boolean isDiskFull(Throwable e) {
        String message = e.getMessage();
        return message != null && message.contains("No space left on device");
    }
}
