package org.glancejee.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether image data may be kept under the formats the image declares, given what inspection recognised in
 * it, and the virtual size to record. Applies to {@code container_format=bare} only, as in Glance.
 * <ul>
 * <li>Content that fails a safety check is refused (415), whatever the declared format.</li>
 * <li>Content of the declared format is accepted with its virtual size.</li>
 * <li>Under {@code raw} any safe content is accepted (the bytes are the disk).</li>
 * <li>Formats nobody can inspect (ami, ari, aki, ploop) are accepted only when the content looks raw.</li>
 * <li>Otherwise a mismatch is refused (415), unless {@code require_image_format_match} is off.</li>
 * </ul>
 */
public final class ImageFormatRules {
    private static final Set<String> INSPECTABLE = Set.of("raw", "qcow2", "vmdk", "vhd", "vhdx", "vdi", "iso");

    private ImageFormatRules() {
    }

    /**
     * @param detected    the format recognised in the content
     * @param virtualSize its virtual size, or -1 when unknown
     * @param unsafe      the safety checks it failed
     * @return the virtual size to record, if any
     */
    public static Optional<Long> check(String diskFormat, String containerFormat, String detected, long virtualSize,
                                       List<String> unsafe, boolean requireMatch) {
        if (!"bare".equals(containerFormat)) {
            return Optional.empty();
        }
        if (!unsafe.isEmpty()) {
            throw new UnsupportedMediaException("Image does not pass the safety checks of format " + detected
                    + ": " + String.join("; ", unsafe) + ".");
        }
        Optional<Long> size = virtualSize >= 0 ? Optional.of(virtualSize) : Optional.empty();
        if (detected.equals(diskFormat) || (diskFormat.equals("iso") && detected.equals("gpt"))) {
            return size;
        }
        if (diskFormat.equals("raw")) {
            return Optional.empty();
        }
        boolean looksRaw = detected.equals("raw") || detected.equals("gpt");
        if (!INSPECTABLE.contains(diskFormat) && looksRaw) {
            return Optional.empty();
        }
        if (requireMatch) {
            throw new UnsupportedMediaException("Image content does not match disk_format " + diskFormat
                    + " (it looks like " + detected + ").");
        }
        return Optional.empty();
    }
}
