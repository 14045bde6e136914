package org.glancejee.imports.plugins;

import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Glance's image_decompression: staged data that is gzip or zip (a single file) is replaced by what it
 * holds, streaming, never more than {@code maxBytes} (a small file may expand without bound). Data declared
 * {@code container_format=compressed} is left as it is.
 */
final class Decompression implements ImportPlugin {
    private static final int BUFFER = 1 << 20;
    private final long maxBytes;

    Decompression(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return "image_decompression";
    }

    @Override
    public void apply(StagedImage image) throws IOException {
        if ("compressed".equals(image.containerFormat())) {
            return;
        }
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(image.file())) {
            if (in.readNBytes(magic, 0, 4) < 4) {
                return;
            }
        }
        boolean gzip = (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        boolean zip = magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        if (!gzip && !zip) {
            return;
        }
        Path out = image.scratch("decompressed");
        try {
            if (gzip) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(image.file()), BUFFER)) {
                    copy(in, out);
                }
            } else {
                unzipSingle(image.file(), out);
            }
            image.replaceWith(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private void unzipSingle(Path file, Path out) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || entry.isDirectory()) {
                throw new InvalidInputException("The zip archive holds no image file.");
            }
            copy(zip, out);
            if (zip.getNextEntry() != null) {
                throw new InvalidInputException("The zip archive holds more than one file; it must hold only"
                        + " the image.");
            }
        }
    }

    private void copy(InputStream in, Path target) throws IOException {
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new LimitExceededException("The decompressed image is too large: it would exceed "
                            + maxBytes + " bytes.");
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
