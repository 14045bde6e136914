package org.glancejee.imports.plugins;

import org.glancejee.domain.InvalidInputException;
import org.glancejee.domain.LimitExceededException;
import org.glancejee.domain.UnsupportedMediaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import plugins on real files; conversion runs Debian's qemu-img (qemu-utils, installed by the build). */
class ImportPluginsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/formats");
    private static final List<String> VMDK_TYPES = List.of("streamOptimized", "monolithicSparse");

    @TempDir
    Path tmp;

    private final byte[] data = randomBytes(3 << 20);

    @Test
    void gzipAndSingleFileZipAreReplacedByWhatTheyHold() throws IOException {
        StagedImage gzipped = staged(gzip(data), "raw", "bare");
        new Decompression(1L << 30).apply(gzipped);
        assertArrayEquals(data, Files.readAllBytes(gzipped.file()));

        StagedImage zipped = staged(zip(Map.of("disk.raw", data)), "raw", "bare");
        new Decompression(1L << 30).apply(zipped);
        assertArrayEquals(data, Files.readAllBytes(zipped.file()));
        assertEquals(List.of(zipped.file()), files(zipped));
    }

    @Test
    void decompressionRefusesSeveralFilesAndBombsAndSkipsDeclaredCompressedData() throws IOException {
        StagedImage two = staged(zip(Map.of("a", data, "b", data)), "raw", "bare");
        assertThrows(InvalidInputException.class, () -> new Decompression(1L << 30).apply(two));

        byte[] bomb = gzip(new byte[8 << 20]);
        StagedImage big = staged(bomb, "raw", "bare");
        assertThrows(LimitExceededException.class, () -> new Decompression(1 << 20).apply(big));
        assertArrayEquals(bomb, Files.readAllBytes(big.file()), "the staged data is left as it was");
        assertEquals(List.of(big.file()), files(big), "no partial output is left");

        StagedImage declared = staged(gzip(data), "raw", "compressed");
        new Decompression(1L << 30).apply(declared);
        assertArrayEquals(gzip(data), Files.readAllBytes(declared.file()));
    }

    @Test
    void metadataIsInjectedUnlessTheCallerHasAnIgnoredRole() throws IOException {
        MetadataInjection injection = new MetadataInjection(Map.of("hw_vendor", "acme", "os_glance_x", "no"),
                Set.of("admin"));
        StagedImage member = staged(data, "raw", "bare", Set.of("member"));
        injection.apply(member);
        assertEquals(Map.of("hw_vendor", "acme"), member.addedProperties());
        StagedImage admin = staged(data, "raw", "bare", Set.of("admin", "member"));
        injection.apply(admin);
        assertEquals(Map.of(), admin.addedProperties());
    }

    @Test
    void qcow2IsConvertedToRawWithQemuImg() throws IOException {
        StagedImage image = staged(Files.readAllBytes(FIXTURES.resolve("disk.qcow2")), "qcow2", "bare");
        conversion("raw").apply(image);
        assertEquals(10 << 20, Files.size(image.file()));
        assertEquals("raw", image.changedDiskFormat().orElseThrow());
        assertEquals("bare", image.changedContainerFormat().orElseThrow());
        assertEquals(10L << 20, image.virtualSize().orElseThrow());
        assertEquals(List.of(image.file()), files(image));
    }

    @Test
    void conversionRefusesUnsafeOrMismatchedDataBeforeQemuImgReadsIt() throws IOException {
        for (String[] c : new String[][]{{"backing-file.qcow2", "qcow2"}, {"data-file.qcow2", "qcow2"},
                {"monolithic-flat.vmdk", "vmdk"}, {"disk.img", "qcow2"}}) {
            StagedImage image = staged(Files.readAllBytes(FIXTURES.resolve(c[0])), c[1], "bare");
            assertThrows(UnsupportedMediaException.class, () -> conversion("raw").apply(image), c[0]);
            assertTrue(image.changedDiskFormat().isEmpty());
        }
    }

    @Test
    void dataAlreadyInTheOutputFormatIsLeftAlone() throws IOException {
        byte[] qcow2 = Files.readAllBytes(FIXTURES.resolve("disk.qcow2"));
        StagedImage image = staged(qcow2, "qcow2", "bare");
        conversion("qcow2").apply(image);
        assertArrayEquals(qcow2, Files.readAllBytes(image.file()));
        assertTrue(image.changedDiskFormat().isEmpty());
    }

    private Conversion conversion(String output) {
        return new Conversion(new QemuImg(Path.of("/usr/bin/qemu-img"), Duration.ofSeconds(30),
                Duration.ofMinutes(5)), output, VMDK_TYPES);
    }

    private StagedImage staged(byte[] content, String disk, String container) throws IOException {
        return staged(content, disk, container, Set.of("member"));
    }

    private StagedImage staged(byte[] content, String disk, String container, Set<String> roles) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "staging");
        Path file = Files.write(dir.resolve("11111111-2222-3333-4444-555555555555"), content);
        return new StagedImage(file, disk, container, Map.of(), roles);
    }

    /** Every file left beside the staged data. */
    private static List<Path> files(StagedImage image) throws IOException {
        try (var all = Files.list(image.file().getParent())) {
            return all.toList();
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] randomBytes(int size) {
        byte[] b = new byte[size];
        new Random(11).nextBytes(b);
        return b;
    }
}
