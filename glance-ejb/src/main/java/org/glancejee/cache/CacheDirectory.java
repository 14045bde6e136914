package org.glancejee.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cache's files, laid out as Glance lays them: complete entries in the base directory named by image id,
 * fills in progress under {@code incomplete/}, failed fills under {@code invalid/}, and the queue of images
 * to fetch as empty files under {@code queue/}. Only image ids are ever used as names.
 */
final class CacheDirectory {
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final Path base;
    private final Path incomplete;
    private final Path invalid;
    private final Path queue;

    CacheDirectory(Path base) {
        this.base = base;
        this.incomplete = base.resolve("incomplete");
        this.invalid = base.resolve("invalid");
        this.queue = base.resolve("queue");
        try {
            for (Path dir : List.of(base, incomplete, invalid, queue)) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the image cache directory " + base, e);
        }
    }

    static boolean isImageId(String name) {
        return IMAGE_ID.matcher(name).matches();
    }

    Optional<Path> entry(String imageId) {
        Path path = base.resolve(checked(imageId));
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    boolean isFilling(String imageId) {
        return Files.exists(incomplete.resolve(checked(imageId)));
    }

    /** Starts a fill, or empty when another one of the same image is under way. */
    Optional<OutputStream> startFill(String imageId) throws IOException {
        try {
            return Optional.of(Files.newOutputStream(incomplete.resolve(checked(imageId)),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        } catch (FileAlreadyExistsException e) {
            return Optional.empty();
        }
    }

    /** Makes a finished fill the entry, in one rename; returns its size. */
    long commitFill(String imageId) throws IOException {
        Path done = base.resolve(checked(imageId));
        Files.move(incomplete.resolve(imageId), done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Files.size(done);
    }

    void abandonFill(String imageId) {
        deleteQuietly(incomplete.resolve(checked(imageId)));
    }

    /** Removes an entry; whether there was one. */
    boolean deleteEntry(String imageId) throws IOException {
        return Files.deleteIfExists(base.resolve(checked(imageId)));
    }

    List<String> entries() throws IOException {
        return imageFiles(base).stream().map(p -> p.getFileName().toString()).toList();
    }

    Instant entryModified(String imageId) {
        return modified(base.resolve(checked(imageId)));
    }

    /** Queues an image; false when it was already queued. */
    boolean enqueue(String imageId) throws IOException {
        try {
            Files.createFile(queue.resolve(checked(imageId)));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    boolean isQueued(String imageId) {
        return Files.exists(queue.resolve(checked(imageId)));
    }

    boolean dequeue(String imageId) throws IOException {
        return Files.deleteIfExists(queue.resolve(checked(imageId)));
    }

    /** The queued image ids, oldest first. */
    List<String> queued() throws IOException {
        List<Path> files = new ArrayList<>(imageFiles(queue));
        files.sort(Comparator.comparing(CacheDirectory::modified));
        return files.stream().map(p -> p.getFileName().toString()).toList();
    }

    /** Removes every file of {@code invalid/} and the fills not written since {@code stalledBefore}. */
    int deleteInvalidAndStalled(Instant stalledBefore) throws IOException {
        int removed = 0;
        for (Path path : imageFiles(invalid)) {
            removed += deleteQuietly(path) ? 1 : 0;
        }
        for (Path path : imageFiles(incomplete)) {
            if (modified(path).isBefore(stalledBefore)) {
                removed += deleteQuietly(path) ? 1 : 0;
            }
        }
        return removed;
    }

    private List<Path> imageFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> isImageId(p.getFileName().toString()) && Files.isRegularFile(p)).toList();
        }
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static boolean deleteQuietly(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            return false;
        }
    }

    private static String checked(String imageId) {
        if (!isImageId(imageId)) {
            throw new IllegalArgumentException("not an image id: " + imageId);
        }
        return imageId;
    }
}
