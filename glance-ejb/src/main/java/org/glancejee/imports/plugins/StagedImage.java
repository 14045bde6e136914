package org.glancejee.imports.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An import's staged data and what the plugins make of it: a plugin may replace the data (write a scratch
 * file, then {@link #replaceWith}) and change the formats, the virtual size and add properties, which the
 * import records when the data is stored.
 */
public final class StagedImage {
    private final Path file;
    private final Map<String, String> properties;
    private final Set<String> callerRoles;
    private String diskFormat;
    private String containerFormat;
    private Long virtualSize;
    private boolean formatsChanged;
    private final Map<String, String> added = new LinkedHashMap<>();

    public StagedImage(Path file, String diskFormat, String containerFormat, Map<String, String> properties,
                       Set<String> callerRoles) {
        this.file = file;
        this.diskFormat = diskFormat;
        this.containerFormat = containerFormat;
        this.properties = Map.copyOf(properties);
        this.callerRoles = Set.copyOf(callerRoles);
    }

    public Path file() { return file; }
    public String diskFormat() { return diskFormat; }
    public String containerFormat() { return containerFormat; }
    public Map<String, String> properties() { return properties; }
    public Set<String> callerRoles() { return callerRoles; }

    /** A new file beside the staged data for a plugin to write into. */
    public Path scratch(String purpose) {
        return file.resolveSibling(file.getFileName() + "." + purpose + ".partial");
    }

    /** Makes {@code scratch} the staged data, atomically. */
    public void replaceWith(Path scratch) throws IOException {
        Files.move(scratch, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public void convertedTo(String newDiskFormat, long newVirtualSize) {
        diskFormat = newDiskFormat;
        containerFormat = "bare";
        virtualSize = newVirtualSize;
        formatsChanged = true;
    }

    /** Takes another image's formats and properties (glance-download). */
    public void adopt(String newDiskFormat, String newContainerFormat, Map<String, String> newProperties) {
        diskFormat = newDiskFormat;
        containerFormat = newContainerFormat;
        formatsChanged = true;
        added.putAll(newProperties);
    }

    public void addProperty(String key, String value) {
        added.put(key, value);
    }

    /** The formats to record, when a plugin changed them. */
    public Optional<String> changedDiskFormat() {
        return formatsChanged ? Optional.of(diskFormat) : Optional.empty();
    }

    public Optional<String> changedContainerFormat() {
        return formatsChanged ? Optional.of(containerFormat) : Optional.empty();
    }

    public Optional<Long> virtualSize() {
        return Optional.ofNullable(virtualSize);
    }

    public Map<String, String> addedProperties() {
        return Map.copyOf(added);
    }
}
