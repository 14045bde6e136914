package org.glancejee.imagedata.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Inspects image data as it streams past: keeps the first {@value #HEAD} bytes, and one further region a
 * format points to from there (VHDX keeps its disk size in a metadata region further in), then decides.
 */
public final class FormatInspector {
    static final int HEAD = 1 << 20;
    private static final int REGION_MAX = 1 << 20;

    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long seen;
    private long regionOffset = -1;
    private byte[] region;
    private int regionLength;
    private final List<String> vmdkAllowedTypes;

    public FormatInspector(List<String> vmdkAllowedTypes) {
        this.vmdkAllowedTypes = List.copyOf(vmdkAllowedTypes);
    }

    /** Inspects a whole file. */
    public static ImageContent inspect(Path file, List<String> vmdkAllowedTypes) throws IOException {
        FormatInspector inspector = new FormatInspector(vmdkAllowedTypes);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                inspector.update(buffer, 0, n);
                if (inspector.seen >= HEAD && inspector.regionDone()) {
                    break;
                }
            }
        }
        return inspector.result(Files.size(file));
    }

    /** The next bytes of the image. */
    public void update(byte[] b, int off, int len) {
        long start = seen;
        seen += len;
        if (start < HEAD) {
            int n = (int) Math.min(len, HEAD - start);
            System.arraycopy(b, off, head, (int) start, n);
            headLength += n;
            if (headLength == HEAD) {
                planRegion();
            }
        }
        if (region != null && regionLength < region.length) {
            long from = Math.max(start, regionOffset + regionLength);
            long to = Math.min(seen, regionOffset + region.length);
            if (from < to) {
                System.arraycopy(b, off + (int) (from - start), region, (int) (from - regionOffset), (int) (to - from));
                regionLength = (int) (to - regionOffset);
            }
        }
    }

    /** The verdict once all data went past; {@code totalSize} is how many bytes there were. */
    public ImageContent result(long totalSize) {
        if (headLength < HEAD && region == null) {
            planRegion();
        }
        byte[] seenHead = headLength == HEAD ? head : java.util.Arrays.copyOf(head, headLength);
        byte[] seenRegion = region == null ? null : java.util.Arrays.copyOf(region, regionLength);
        return Formats.recognise(seenHead, regionOffset, seenRegion, totalSize, vmdkAllowedTypes);
    }

    private boolean regionDone() {
        return region == null || regionLength == region.length;
    }

    private void planRegion() {
        byte[] seenHead = headLength == HEAD ? head : java.util.Arrays.copyOf(head, headLength);
        long[] wanted = Formats.vhdxMetadataRegion(seenHead);
        if (wanted != null && wanted[0] >= HEAD) {
            regionOffset = wanted[0];
            region = new byte[(int) Math.min(wanted[1], REGION_MAX)];
        } else if (wanted != null) {
            regionOffset = wanted[0];
        }
    }
}
