package org.glancejee.imagedata.formats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixtures made by qemu-img (and, for partition tables and ISO, byte by byte): see
 * src/test/resources/formats/make-fixtures.sh. Virtual sizes are what {@code qemu-img info} reports.
 */
class FormatInspectorTest {
    private static final Path FIXTURES = Path.of("src/test/resources/formats");
    private static final List<String> VMDK_TYPES = List.of("streamOptimized", "monolithicSparse");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "disk.qcow2, qcow2, 10485760",
            "disk.vmdk, vmdk, 10485760",
            "stream-optimized.vmdk, vmdk, 10485760",
            "disk.vhd, vhd, 10514432",
            "disk.vhdx, vhdx, 10485760",
            "disk.vdi, vdi, 10485760",
            "disk.iso, iso, 69632",
            "gpt.img, gpt, 2097152",
            "mbr.img, gpt, 2097152",
            "disk.img, raw, 1048576"})
    void recognisesSafeImagesAndTheirVirtualSize(String file, String format, long virtualSize) throws IOException {
        ImageContent content = FormatInspector.inspect(FIXTURES.resolve(file), VMDK_TYPES);
        assertEquals(format, content.format());
        assertEquals(virtualSize, content.virtualSize());
        assertEquals(List.of(), content.unsafe());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "backing-file.qcow2, qcow2, backing file",
            "data-file.qcow2, qcow2, external data file",
            "monolithic-flat.vmdk, vmdk, create type monolithicFlat",
            "extent-path.vmdk, vmdk, must not contain '/'",
            "disk.qed, qed, not supported",
            "bad-boot-flag.img, gpt, invalid boot flag"})
    void refusesWhatCouldReadHostFilesOrCannotBeChecked(String file, String format, String why) throws IOException {
        ImageContent content = FormatInspector.inspect(FIXTURES.resolve(file), VMDK_TYPES);
        assertEquals(format, content.format());
        assertTrue(content.unsafe().stream().anyMatch(u -> u.contains(why)), content.unsafe().toString());
    }

    @Test
    void anAllowedVmdkTypeListDecides() throws IOException {
        assertTrue(FormatInspector.inspect(FIXTURES.resolve("disk.vmdk"), List.of("streamOptimized"))
                .unsafe().stream().anyMatch(u -> u.contains("monolithicSparse")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"disk.vhdx", "disk.qcow2", "disk.iso", "stream-optimized.vmdk", "gpt.img"})
    void aStreamInOddChunksGivesTheSameVerdictAsTheFile(String file) throws IOException {
        Path path = FIXTURES.resolve(file);
        FormatInspector inspector = new FormatInspector(VMDK_TYPES);
        try (InputStream in = new InspectingInputStream(Files.newInputStream(path), inspector)) {
            byte[] buffer = new byte[7919];
            while (in.read(buffer, 0, 1 + (int) (System.nanoTime() % buffer.length)) >= 0) {
                // the inspector sees every byte
            }
        }
        assertEquals(FormatInspector.inspect(path, VMDK_TYPES), inspector.result(Files.size(path)));
    }

    @Test
    void shortOrEmptyDataIsRawAndNeverFailsToBeRead() {
        FormatInspector empty = new FormatInspector(VMDK_TYPES);
        assertEquals(new ImageContent("raw", 0, List.of()), empty.result(0));
        FormatInspector truncatedQcow2 = new FormatInspector(VMDK_TYPES);
        truncatedQcow2.update(new byte[]{'Q', 'F', 'I', (byte) 0xfb, 0, 0, 0, 3}, 0, 8);
        assertEquals("qcow2", truncatedQcow2.result(8).format());
    }
}
