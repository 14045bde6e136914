package org.glancejee.store;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.glancejee.config.ImportSettings;
import org.glancejee.domain.ConflictException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * This server's staging directory: one file per image, named by its id, holding data on its way to the
 * stores. A file being written carries a {@code .partial} suffix until it is complete and flushed, so a crash
 * never leaves something that looks staged.
 */
@ApplicationScoped
public class StagingArea {
    private static final Pattern IMAGE_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final String PARTIAL = ".partial";
    private static final int BUFFER = 1 << 20;

    @Inject
    ImportSettings settings;

    private Path dir;

    @PostConstruct
    void open() {
        dir = settings.stagingDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the staging directory", e);
        }
    }

    /** Where an image's staged data is (whether or not it exists). */
    public Path file(String imageId) {
        if (!IMAGE_ID.matcher(imageId).matches()) {
            throw new IllegalArgumentException("Not an image id: " + imageId);
        }
        return dir.resolve(imageId);
    }

    public boolean holds(String imageId) {
        return Files.isRegularFile(file(imageId));
    }

    /**
     * Stages the whole stream for an image and returns its size. Refuses (409) when data is staged already;
     * on any failure nothing is left behind.
     */
    public long write(String imageId, InputStream data) throws IOException {
        Path target = file(imageId);
        if (Files.exists(target)) {
            throw new ConflictException("The image " + imageId + " has data on staging");
        }
        Path partial = target.resolveSibling(imageId + PARTIAL);
        long size = 0;
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = data.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                size += n;
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return size;
    }

    /** A new file beside the staged data, for a plugin or a download to write before {@link #replace}. */
    public Path scratch(String imageId, String purpose) {
        return file(imageId).resolveSibling(imageId + "." + purpose + PARTIAL);
    }

    /** Makes {@code scratch} the image's staged data, atomically. */
    public void replace(String imageId, Path scratch) throws IOException {
        Files.move(scratch, file(imageId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes an image's staged data and any scratch files; removing nothing is not an error. */
    public void delete(String imageId) throws IOException {
        Files.deleteIfExists(file(imageId));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(imageId + ".")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Removes every file still being written (after a crash nothing is); returns how many. */
    public int removePartials() throws IOException {
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(PARTIAL)).toList()) {
                if (Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** The ids of all images with complete data in the staging directory. */
    public List<String> imageIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(name -> IMAGE_ID.matcher(name).matches())
                    .forEach(ids::add);
        }
        return ids;
    }

    /** When an image's staged data was last written. */
    public java.time.Instant modified(String imageId) throws IOException {
        return Files.getLastModifiedTime(file(imageId)).toInstant();
    }
}
